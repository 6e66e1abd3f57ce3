"""tests/boot/input_tests.py: boot tests of what comes in from outside.

- damaged_initrd_test(kind): build/initrd.cpio damaged at test time
  ("truncated": cut in the middle of an entry's data; "badmagic": one
  entry's header magic overwritten). The kernel must print the exact damage
  report of fs/initrd.c (the byte offset and the entry), keep every entry
  before the damage (checked with `ls /lib/modules` typed into the shell),
  reach "Tessera ready" and power off cleanly.
- initrd_skip_test(kind): an archive made with Debian's `cpio -o -H newc`
  from a staging tree, entries the VFS refuses first, then etc/rc and
  etc/motd ("dev-entry": dev/foo, refused by devfs; "top-files": plain files
  named mod, dev and proc, where the mounts are). Each refused entry gets
  its exact report line and is skipped; the entries after it are made
  (/etc/rc runs, `ls /etc` shows motd and rc); no panic, clean power-off.
- keyboard_test: keys typed on the PS/2 keyboard with the QEMU monitor's
  sendkey (nothing goes in on the serial line) run `echo kbd-ok` in the
  shell; then KEY_STEPS: the arrow keys, Home, End and Delete edit a line
  and up/down walk the history, each command's output checked; then
  `poweroff`.
- script_test(kind): `script=/extra/boot.sh` on the kernel command line
  ("runs": a script given with the ramdisk's /extra/) runs after /etc/rc
  and before the first prompt, ends at its `exit 3`, and the prompt's `$?`
  is 3; ("missing": a path that does not exist) gives `sh: PATH: No such
  file or directory`, then the prompt with `$?` 1.

Each returns a list of (ok, name, why, log, details) tuples, like
tests/boot/boot_tests.py.
"""
import importlib.machinery
import os
import re
import socket
import subprocess
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
qr = importlib.machinery.SourceFileLoader(
    "qemu_run", os.path.join(ROOT, "tools", "qemu-run")).load_module()


def res(ok, name, why="", log=None, details=()):
    return (ok, name, why, log, list(details))


# ---- damaged ramdisks ------------------------------------------------------

def cpio_entries(data):
    """The entries of a newc archive before its trailer, as dicts with
    offset, name, data_at and size (fs/cpio.h gives the layout)."""
    out, pos = [], 0
    while True:
        h = data[pos:pos + 110]
        if h[:6] != b"070701":
            raise ValueError("not a newc archive at byte %d" % pos)
        size, namesize = int(h[54:62], 16), int(h[94:102], 16)
        # the name ends at its first NUL (tools/cpio-align pads after it)
        name = data[pos + 110:pos + 110 + namesize].split(b"\0")[0].decode()
        if name == "TRAILER!!!":
            return out
        data_at = (pos + 110 + namesize + 3) & ~3
        out.append(dict(offset=pos, name=name, data_at=data_at, size=size))
        pos = (data_at + size + 3) & ~3


def damage(kind, data, entries):
    """(damaged archive, the damaged entry's index, the report line the
    kernel must print)."""
    mods = [i for i, e in enumerate(entries)
            if e["name"].startswith("lib/modules/") and e["size"] > 0]
    if kind == "truncated":     # the module file holding the middle byte
        k = next((i for i in mods if entries[i]["data_at"] +
                  entries[i]["size"] > len(data) // 2), mods[-1])
        e = entries[k]
        cut = e["data_at"] + e["size"] // 2
        return data[:cut], k, 'initrd: data runs past the end at byte %d, ' \
            'entry "%s"; stopped' % (e["offset"], e["name"])
    k = mods[len(mods) // 2]    # "badmagic": the middle module file
    e = entries[k]
    bad = data[:e["offset"]] + b"070707" + data[e["offset"] + 6:]
    return bad, k, 'initrd: bad magic (not a newc cpio archive) at byte %d, ' \
        'after entry "%s"; stopped' % (e["offset"], entries[k - 1]["name"])


def damaged_initrd_test(kind):
    """Boots a damaged copy of build/initrd.cpio (kind "truncated" or
    "badmagic"); see the module comment."""
    name = "boot/initrd-%s: exact damage report, entries before it kept, " \
        "ready, clean power-off" % kind
    with open(os.path.join(qr.BUILD, "initrd.cpio"), "rb") as f:
        data = f.read()
    entries = cpio_entries(data)
    bad, k, report = damage(kind, data, entries)
    kept = sorted(os.path.basename(e["name"]) for e in entries[:k]
                  if e["name"].startswith("lib/modules/"))
    with tempfile.TemporaryDirectory(dir=qr.BUILD) as tmp:
        path = os.path.join(tmp, "initrd-%s.cpio" % kind)
        with open(path, "wb") as f:
            f.write(bad)
        r = qr.run(initrd=path, script_lines=["ls /lib/modules"], timeout=60)
    log = qr.keep_log(r, "boot-initrd-" + kind)
    probs = []
    if r.result != "PASS":
        probs.append("%s (%s)" % (r.result, r.why))
    lines = r.output.splitlines()
    if report not in lines:
        probs.append("no line '%s'" % report)
    if not re.search(r"^ramdisk: unpacking stopped: Invalid argument; \d+ "
                     r"pages freed$", r.output, re.M):
        probs.append("no line 'ramdisk: unpacking stopped: Invalid "
                     "argument; N pages freed'")
    if r.ready_time is None:
        probs.append("no 'Tessera ready' line")
    m = re.search(r"^/ # ls /lib/modules\n(.*?)^/ # ", r.output, re.M | re.S)
    listed = m.group(1).splitlines() if m else None
    if listed != kept:
        probs.append("ls /lib/modules gave %s, expected the %d modules "
                     "before the damage: %s" % (listed, len(kept), kept))
    return [res(not probs, name, "; ".join(probs[:1]), log, probs[1:])]


# ---- entries the VFS refuses ----------------------------------------------

SKIP_RC = "# /etc/rc of the initrd-skip test\necho rc: ran after the skipped entries\n"
SKIP_KINDS = {      # kind: [(name, errno message), ...] archived before etc/
    "dev-entry": [("dev/foo", "Operation not permitted")],
    "top-files": [("mod", "Is a directory"), ("dev", "Is a directory"),
                  ("proc", "Is a directory")],
}


def make_skip_archive(tmp, kind):
    """Stages the refused entries and etc/rc, etc/motd under tmp and runs
    `cpio -o -H newc` on them in that order; returns the archive's path."""
    stage = os.path.join(tmp, "stage")
    names = [n for n, _ in SKIP_KINDS[kind]] + ["etc", "etc/rc", "etc/motd"]
    for n in names[:-3]:
        os.makedirs(os.path.dirname(os.path.join(stage, n)), exist_ok=True)
        with open(os.path.join(stage, n), "w") as f:
            f.write("refused by the kernel\n")
    os.makedirs(os.path.join(stage, "etc"))
    with open(os.path.join(stage, "etc", "rc"), "w") as f:
        f.write(SKIP_RC)
    with open(os.path.join(stage, "etc", "motd"), "w") as f:
        f.write("motd of the initrd-skip test\n")
    path = os.path.join(tmp, "initrd-skip.cpio")
    with open(path, "wb") as out:
        subprocess.run(["cpio", "-o", "-H", "newc", "--quiet"], cwd=stage,
                       input="".join(n + "\n" for n in names).encode(),
                       stdout=out, check=True)
    return path


def initrd_skip_test(kind):
    """Boots an archive whose first entries the VFS refuses ("dev-entry"
    or "top-files"); see the module comment."""
    name = "boot/initrd-skip-%s: refused entries reported and skipped, " \
        "later ones unpacked, clean power-off" % kind
    with tempfile.TemporaryDirectory(dir=qr.BUILD) as tmp:
        path = make_skip_archive(tmp, kind)
        r = qr.run(initrd=path, script_lines=["ls /etc"], timeout=60)
    log = qr.keep_log(r, "boot-initrd-skip-" + kind)
    probs = []
    if r.result != "PASS":
        probs.append("%s (%s)" % (r.result, r.why))
    lines = r.output.splitlines()
    for n, why in SKIP_KINDS[kind]:
        want = 'initrd: cannot unpack "%s": %s; skipped' % (n, why)
        if want not in lines:
            probs.append("no line '%s'" % want)
    if not re.search(r"^ramdisk: 3 entries unpacked from \d+ bytes; \d+ "
                     r"pages freed$", r.output, re.M):
        probs.append("no line 'ramdisk: 3 entries unpacked from N bytes; "
                     "N pages freed' (etc, etc/rc, etc/motd)")
    if "rc: ran after the skipped entries" not in lines:
        probs.append("/etc/rc did not run")
    if not re.search(r"^/ # ls /etc\nmotd\nrc\n/ # poweroff\n",
                     r.transcript(), re.M):
        probs.append("`ls /etc` at the prompt did not give motd, rc")
    return [res(not probs, name, "; ".join(probs[:1]), log, probs[1:])]


# ---- the PS/2 keyboard -----------------------------------------------------

# QEMU key names (monitor `sendkey`) for the characters typed; a key
# without a character is written <name> (<up>, <home>, <delete>...).
KEY_NAMES = {" ": "spc", "-": "minus", "\n": "ret", "!": "shift-1"}

# What keyboard_test types, one command line a step, and the line each
# must print: the arrows edit the line (left, then right), up and down
# walk the history, Home, Delete and End edit too.
KEY_STEPS = [
    ("echo kbd-ok\n", "kbd-ok"),
    ("echo two\n", "two"),
    ("<up><up>\n", "kbd-ok"),                      # two back: echo kbd-ok
    ("<up><up><up><down>\n", "two"),               # 3 back, 1 forward
    ("echo ac<left>b<right>d\n", "abcd"),
    ("xecho hi<home><delete><end>!\n", "hi!"),
]
ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Monitor:
    """QEMU's human monitor on a unix socket: one command, one answer."""

    def __init__(self, path, timeout=20):
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX)
                self.sock.settimeout(timeout)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        self.read_prompt()

    def read_prompt(self):
        got = b""
        while not got.endswith(b"(qemu) "):
            chunk = self.sock.recv(4096)
            if not chunk:
                raise OSError("monitor closed")
            got += chunk
        return got

    def command(self, text):
        self.sock.sendall(text.encode() + b"\n")
        return self.read_prompt()

    def type(self, text):
        """Presses and releases one key per character or <name> (hold
        20 ms)."""
        for m in re.finditer(r"<(\w+)>|.", text, re.S):
            key = m.group(1) or KEY_NAMES.get(m.group(0), m.group(0))
            self.command("sendkey %s 20" % key)


def keyboard_typist(path, state):
    """Thread: types KEY_STEPS, each after the previous one's prompt came
    back, then poweroff."""
    try:
        mon = Monitor(path)
        for k, (keys, _) in enumerate(KEY_STEPS):
            mon.type(keys)
            deadline = time.monotonic() + 20
            while state["out"].count("/ # ") < k + 2:
                if time.monotonic() > deadline:
                    raise OSError("no prompt within 20 s of typing %r"
                                  % keys)
                time.sleep(0.05)
        mon.type("poweroff\n")
    except OSError as e:
        state["error"] = "monitor: %s" % e


def keyboard_test():
    """Types KEY_STEPS and then `poweroff` on the PS/2 keyboard."""
    name = "boot/keyboard: keys typed on the PS/2 keyboard reach the " \
        "shell; arrows, Home, End, Delete edit, up/down walk the history"
    state = {"out": "", "error": None, "started": False}
    with tempfile.TemporaryDirectory(dir=qr.BUILD) as tmp:
        path = os.path.join(tmp, "mon.sock")

        def sink(text):         # from the first prompt on
            state["out"] += text
            if not state["started"]:
                state["started"] = True
                threading.Thread(target=keyboard_typist, args=(path, state),
                                 daemon=True).start()

        r = qr.run(timeout=90, sink=sink, from_prompt=True,
                   initrd=os.path.join(qr.BUILD, "initrd.cpio"), qemu_args=[
                       "-monitor", "unix:%s,server=on,wait=off" % path])
    log = qr.keep_log(r, "boot-keyboard")
    probs = []
    if state["error"]:
        probs.append(state["error"])
    if r.result != "PASS":
        probs.append("%s (%s)" % (r.result, r.why))
    text = ANSI_RE.sub("", r.transcript())
    if not text.startswith("/ # echo kbd-ok\nkbd-ok\n/ # "):
        probs.append("the transcript does not begin '/ # echo kbd-ok', "
                     "'kbd-ok'")
    got = [l for l in text.splitlines() if not l.startswith("/ # ")]
    want = [line for _, line in KEY_STEPS] + ["Power off: status 0"]
    if got != want:
        probs.append("the commands printed %s, expected %s" % (got, want))
    return [res(not probs, name, "; ".join(probs[:1]), log, probs[1:])]


# ---- script= on the kernel command line ------------------------------------

BOOT_SCRIPT = """# boot.sh: run by script=/extra/boot.sh on the kernel command line
echo boot.sh: started
ls /extra
exit 3
echo boot.sh: after exit, never printed
"""
MOTD_FIRST = "Welcome to Tessera, a small kernel about loadable modules."


def script_problems(r, kind, path):
    """What is wrong in run r of script_test(kind)."""
    out, probs = r.output, []
    if r.result != "PASS":
        probs.append("%s (%s)" % (r.result, r.why))
    prompt = r.prompt_at if r.prompt_at is not None else len(out)
    rc_at = out.find(MOTD_FIRST)        # /etc/rc cats /etc/motd
    if rc_at < 0:
        probs.append("no motd line: /etc/rc did not run")
    if kind == "runs":
        want, status = "boot.sh: started\nboot.sh\n", "3"
        if "never printed" in out:
            probs.append("the line after `exit 3` ran")
    else:
        want = "sh: %s: No such file or directory\n" % path
        status = "1"
    at = out.find(want)
    if at < 0:
        probs.append("no %r in the output" % want)
    elif not rc_at < at < prompt:
        probs.append("%r is not between /etc/rc's output and the first "
                     "prompt" % want)
    if not re.search(r"^/ # echo \$\?\n%s\n/ # poweroff\n" % status,
                     r.transcript(), re.M):
        probs.append("`echo $?` at the first prompt did not give %s" % status)
    return probs


def script_test(kind):
    """Boots with script=PATH ("runs": /extra/boot.sh, "missing":
    /extra/none.sh); see the module comment."""
    name = "boot/script-%s: script= %s" % (kind, {
        "runs": "runs after /etc/rc, before the prompt; exit sets $?",
        "missing": "that does not exist is reported; the prompt follows"}[kind])
    path = "/extra/boot.sh" if kind == "runs" else "/extra/none.sh"
    with tempfile.TemporaryDirectory(dir=qr.BUILD) as tmp:
        add = os.path.join(tmp, "add")
        os.mkdir(add)
        with open(os.path.join(add, "boot.sh"), "w") as f:
            f.write(BOOT_SCRIPT)
        initrd = os.path.join(tmp, "initrd.cpio")
        try:
            qr.mkramdisk(initrd, [add])
        except RuntimeError as e:
            return [res(False, name, str(e))]
        r = qr.run(initrd=initrd, append="script=" + path,
                   script_lines=["echo $?"], timeout=60)
    log = qr.keep_log(r, "boot-script-" + kind)
    probs = script_problems(r, kind, path)
    return [res(not probs, name, "; ".join(probs[:1]), log, probs[1:])]


# What tools/check runs from this file, in order: (name, function, args).
JOBS = [("boot/initrd-" + k, damaged_initrd_test, (k,))
        for k in ("truncated", "badmagic")]
JOBS += [("boot/initrd-skip-" + k, initrd_skip_test, (k,)) for k in SKIP_KINDS]
JOBS.append(("boot/keyboard", keyboard_test, ()))
JOBS += [("boot/script-" + k, script_test, (k,)) for k in ("runs", "missing")]
