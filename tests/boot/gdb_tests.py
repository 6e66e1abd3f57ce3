"""tests/boot/gdb_tests.py: gdb against Tessera, as `make debug` sets it up
(tools/gdbinit, tools/tessera-gdb.py; docs/debugging.md "Debugging with
gdb"), in batch mode.

- gdb_session(): the session of docs/tutorial/13-gdb.md, replayed. QEMU
  starts stopped (-S) with its gdb stub on a Unix socket of its own (not
  :1234, which another QEMU may hold) and its console on a pipe; gdb runs
  `gdb -batch -nx -x tools/gdbinit` on a pty (so its messages and errors
  come in the order a terminal shows them) with every `(gdb) COMMAND` line
  of the chapter's ```gdb blocks, each echoed as typed. When the shell's
  prompt appears, the test types the command of the chapter's first
  ```tessera block (an insmod); the module's init stops at a breakpoint set before it
  was loaded. Must see: gdb's transcript equal to the chapter's gdb blocks
  line by line (kernel addresses masked as in the scenarios): the symbols
  loaded by tx-symbols, the stop in hellop_init at its file:line, the local
  `i` printed, tx-lsmod and tx-ps; the console's transcript equal to that
  tessera block; QEMU ending by `poweroff` (status 0). docs/debugging.md's
  example session must be the same text. Under 20 s: every wait has a
  deadline, and QEMU and gdb are killed (their process groups) whatever
  happens.
- source_paths(): gdb, started outside the tree (cwd /), finds the source
  lines of an in-tree module (modules/hello.c) and an out-of-tree one
  (tests/oot/oot_hello.c) loaded with add-symbol-file: the build names
  sources relative to the tree's top (-ffile-prefix-map) and the script
  adds the tree to gdb's source path. tests/oot is built (make M=tests/oot,
  as make check does first) when its .ko is missing.

Each returns a list of (ok, name, why, log, details) tuples.
"""
import importlib.machinery
import os
import pty
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
qr = importlib.machinery.SourceFileLoader(
    "qemu_run", os.path.join(ROOT, "tools", "qemu-run")).load_module()

CHAPTER = os.path.join(ROOT, "docs", "tutorial", "13-gdb.md")
REFERENCE = os.path.join(ROOT, "docs", "debugging.md")
DEADLINE = 20       # seconds, for the whole session
KERNEL_ADDR_RE = re.compile(r"(?<![0-9a-zA-Z_])0x[c-fC-F][0-9a-fA-F]{7}"
                            r"(?![0-9a-zA-Z_])")
PROMPT = "/ # "
GDB = "(gdb) "


def res(ok, name, why="", log=None, details=()):
    return (ok, name, why, log, list(details))


def mask(text):
    return KERNEL_ADDR_RE.sub("0xXXXXXXXX", text)


def blocks(path, kind):
    """The fenced blocks of info string kind in path, as lists of lines."""
    with open(path) as f:
        text = f.read()
    return [b.splitlines() for b in
            re.findall(r"^```%s\n(.*?)^```" % kind, text, re.S | re.M)]


class Collector:
    """Thread: collects what fd (or a file) gives, as text, until EOF."""

    def __init__(self, read):
        self.text, self.lock = "", threading.Lock()
        self.thread = threading.Thread(target=self._run, args=(read,),
                                       daemon=True)
        self.thread.start()

    def _run(self, read):
        while True:
            try:
                data = read()
            except OSError:     # a pty's EIO once the other side closed
                data = b""
            if not data:
                return
            with self.lock:
                self.text += data.decode(errors="replace").replace("\r", "")

    def get(self):
        with self.lock:
            return self.text


def wait_for(cond, deadline):
    while time.monotonic() < deadline:
        if cond():
            return True
        time.sleep(0.05)
    return False


def kill_group(p):
    if p and p.poll() is None:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        p.wait()


def gdb_script(commands, path):
    """A gdb command file typing commands, each echoed as `(gdb) CMD` and
    run as if typed at a terminal (from_tty: `continue` says Continuing.)."""
    with open(path, "w") as f:
        for c in commands:
            f.write("echo %s%s\\n\npython gdb.execute(%r, True)\n" % (
                GDB, c.replace("\\", "\\\\"), c))


def session(tmp, commands, console_line):
    """Runs QEMU and gdb; returns (gdb text, console text, problems)."""
    sock = os.path.join(tmp, "gdb.sock")
    script = os.path.join(tmp, "session.gdb")
    gdb_script(commands, script)
    qemu = qr.qemu_command(initrd=os.path.join(ROOT, "build", "initrd.cpio"),
                           qemu_args=["-gdb", "unix:%s,server=on,wait=off" %
                                      sock, "-S"])
    deadline = time.monotonic() + DEADLINE
    probs, q, g, master = [], None, None, None
    try:
        q = subprocess.Popen(qemu, cwd=ROOT, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             start_new_session=True)
        con = Collector(lambda: q.stdout.read1(4096))
        if not wait_for(lambda: os.path.exists(sock), deadline):
            return "", con.get(), ["QEMU made no gdb socket"]
        master, slave = pty.openpty()
        env = dict(os.environ, TESSERA_GDB_TARGET=sock, TERM="dumb")
        env.pop("TESSERA_M", None)
        g = subprocess.Popen(
            ["gdb", "-q", "-nx", "-batch", "-iex", "set style enabled off",
             "-iex", "set width 0", "-x", "tools/gdbinit", "-x", script],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=slave,
            stderr=slave, start_new_session=True)
        os.close(slave)
        out = Collector(lambda: os.read(master, 4096))
        if not wait_for(lambda: con.get().endswith(PROMPT), deadline):
            probs.append("no shell prompt on the console")
            return out.get(), con.get(), probs
        q.stdin.write((console_line + "\n").encode())
        q.stdin.flush()
        # the session's last command is `continue`: init ends, the prompt
        # comes back; then the test powers off and gdb sees the end
        if not wait_for(lambda: con.get().count(PROMPT) >= 2, deadline):
            probs.append("the prompt did not come back after " + console_line)
        else:
            q.stdin.write(b"poweroff\n")
            q.stdin.flush()
        if not wait_for(lambda: q.poll() is not None, deadline):
            probs.append("QEMU did not end")
        if not wait_for(lambda: g.poll() is not None, deadline):
            probs.append("gdb did not end")
        out.thread.join(max(0.1, deadline - time.monotonic()))
        con.thread.join(max(0.1, deadline - time.monotonic()))
        return out.get(), con.get(), probs
    finally:
        kill_group(g)
        kill_group(q)
        if master is not None:
            os.close(master)


def compare(what, want, got, probs, details):
    """Adds a problem and a diff-like listing if the lines differ."""
    want, got = [mask(l) for l in want], [mask(l) for l in got]
    if want != got:
        probs.append(what + " differs")
        details += ["%s want: %s" % (what, l) for l in want]
        details += ["%s got:  %s" % (what, l) for l in got]


def gdb_session():
    name = "gdb/break-in-init"
    gdb_lines = sum(blocks(CHAPTER, "gdb"), [])
    tessera = (blocks(CHAPTER, "tessera") + [[]])[0]
    commands = [l[len(GDB):] for l in gdb_lines if l.startswith(GDB)]
    typed = [l[len(PROMPT):] for l in tessera if l.startswith(PROMPT)]
    if not commands or len(typed) != 1:
        return [res(False, name, "%s: want ```gdb blocks and a first "
                    "tessera block of one command" %
                    os.path.relpath(CHAPTER, ROOT))]
    tmp = tempfile.mkdtemp(prefix="tessera-gdb-")
    t0 = time.monotonic()
    try:
        gtext, ctext, probs = session(tmp, commands, typed[0])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    spent = time.monotonic() - t0
    details = []
    # gdb's lines up to the last command's first line of output ("Continuing.");
    # what it says when QEMU is gone comes after and is not compared
    compare("gdb", gdb_lines, gtext.splitlines()[:len(gdb_lines)], probs,
            details)
    ctext = ctext[ctext.find(PROMPT):] if PROMPT in ctext else ctext
    compare("console", tessera + [PROMPT + "poweroff", "Power off: status 0"],
            ctext.splitlines(), probs, details)
    with open(REFERENCE) as f:
        if "```gdb\n" + "\n".join(gdb_lines) + "\n```" not in f.read():
            probs.append("docs/debugging.md's example session is not the "
                         "chapter's")
    if spent > DEADLINE:
        probs.append("took %.1f s" % spent)
    log = None
    if probs:
        log = os.path.join(qr.LOG_DIR, "gdb-break-in-init.log")
        os.makedirs(qr.LOG_DIR, exist_ok=True)
        with open(log, "w") as f:
            f.write("--- gdb\n%s\n--- console\n%s\n" % (gtext, ctext))
        log = os.path.relpath(log, ROOT)
    return [res(not probs, name, "; ".join(probs), log, details)]


def source_paths():
    name = "gdb/source-paths"
    cmds = ["set confirm off", "set style enabled off",
            "file %s/build/tessera.elf" % ROOT,
            "source %s/tools/tessera-gdb.py" % ROOT]
    want = []
    for ko, path, fn in (("build/modules/hello.ko", "modules/hello.c",
                          "hello_init"),
                         ("tests/oot/oot_hello.ko", "tests/oot/oot_hello.c",
                          "oot_hello_init")):
        with open(os.path.join(ROOT, path)) as f:
            src = f.read().splitlines()
        n = next(i for i, l in enumerate(src) if fn + "(void)" in l) + 1
        want.append("%d\t%s" % (n, src[n - 1]))
        cmds += ["add-symbol-file %s/%s -o 0xf0%d000" % (ROOT, ko, len(want)),
                 "list %s:%d,%d" % (os.path.basename(path), n, n)]
    if not os.path.exists(os.path.join(ROOT, "tests/oot/oot_hello.ko")):
        # make check builds it first; `tools/check gdb` alone may not have it
        subprocess.run(["env", "-u", "MAKEFLAGS", "-u", "MAKELEVEL", "make",
                        "-s", "--no-print-directory", "-C", ROOT,
                        "M=tests/oot"], capture_output=True, timeout=120)
    argv = ["gdb", "-q", "-nx", "-batch"]
    for c in cmds:
        argv += ["-ex", c]
    p = subprocess.run(argv, cwd="/", capture_output=True, text=True,
                       timeout=20, env=dict(os.environ, TESSERA_M=""))
    got = [l for l in p.stdout.splitlines() if re.match(r"^\d+\t", l)]
    if got == want:
        return [res(True, name)]
    return [res(False, name, "gdb did not show the source lines (run in /)",
                None, ["want: " + l for l in want] + ["got:  " + l for l in
                                                      got] +
                p.stderr.splitlines()[:10])]


# What tools/check runs from this file, in order: (name, function, args).
JOBS = [("gdb/break-in-init", gdb_session, ()),
        ("gdb/source-paths", source_paths, ())]
