"""tests/boot/inittools_tests.py: the init tools (tools/initsavings.c,
tools/secmismatch.c, tools/initonly.c; docs/initsavings.md).

- hand_test: each tool on the hand-made objects of tests/inittools/*.S
  (assembled by `make inittools-objs` into build/inittools/), whose answers
  were worked out by hand: exact output and exit status. Then the tools on
  the samples: secmismatch finds initbug's one mismatch, the pair of symbols
  modpost --check names; a file that is not ELF is named with the reason.
- guest_test: `initsavings -v` on build/modules/*.ko against the guest.
  Every sample whose init succeeds is loaded (edu gets QEMU's `-device
  edu`, serial2 a second serial port) with `insmod -v`; for each, the core and
  init sizes of /mod/NAME/status equal initsavings' core and init, status
  says the init part was discarded (present only when there is none), and
  the pages status counts past the core and the pages insmod measured
  freed by the truncation (PagesFree before and after) both equal the
  pages initsavings says discarding saves.

Each returns a list of (ok, name, why, log, details) tuples.
"""
import importlib.machinery
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
qr = importlib.machinery.SourceFileLoader(
    "qemu_run", os.path.join(ROOT, "tools", "qemu-run")).load_module()
TOOLS = os.path.join("build", "tools")
OBJ = os.path.join("build", "inittools")

SIZES_V = """\
build/inittools/size_a.o  core    4100 init       0 pages    2 ->    2 saves 0
build/inittools/size_b.o  core    4000 init     200 pages    2 ->    1 saves 1
build/inittools/size_c.o  core    9692 init    1000 pages    3 ->    3 saves 0
build/inittools/size_d.o  core     100 init      50 pages    1 ->    1 saves 0
build/inittools/size_e.o  core    4168 init       0 pages    2 ->    2 saves 0

Size (core + init) modulo 4096 of the 4 modules larger than a page:

  bytes          modules
  0000...0511          3
  0512...1023          0
  1024...1535          0
  1536...2047          0
  2048...2559          1
  2560...3071          0
  3072...3583          0
  3584...4095          0

modules:               5
larger than a page:    4 (80.00%)
one page or less:      1
bytes:                 22060 core + 1250 init = 23310 (init 5.36%)
pages with init:       10
pages without init:    9
discarding init saves: 1 page (10.00%)
"""
SIZE_E_LINUX = "build/inittools/size_e.o  core    4040 init       0 " \
    "pages    1 ->    1 saves 0\n"
MISMATCH = """\
WARNING: modpost: build/inittools/mismatch.o(.text+0x1): Section mismatch \
in reference from the function core_fn() to the function .init.text:init_fn()
WARNING: modpost: build/inittools/mismatch.o(.data+0x8): Section mismatch \
in reference from the variable table to the variable .init.data:init_data
WARNING: modpost: build/inittools/mismatch.o(.init.text+0x1): Section \
mismatch in reference from the function init_fn() to the function \
.exit.text:exit_fn()
"""
INITONLY = """\
build/inittools/initonly.o: helper_a (.text, 7 bytes) from init_fn
build/inittools/initonly.o: helper_b (.text, 1 byte) from helper_a
build/inittools/initonly.o: helper_d (.text, 1 byte) from helper_a
build/inittools/initonly.o: helper_r (.text, 6 bytes) from init_fn
initonly: 4 candidates, 15 bytes, in 1 of 1 file
"""
INITBUG_KO = "WARNING: modpost: build/modules/initbug.ko(.module+0x208): " \
    "Section mismatch in reference from the variable initbug_answer_ptr " \
    "to the function .module.init:initbug_answer()\n"


def res(ok, name, why="", log=None, details=()):
    return (ok, name, why, log, list(details))


def tool(name, *args):
    """(exit status, stdout, stderr) of build/tools/NAME ARGS, from ROOT."""
    p = subprocess.run([os.path.join(TOOLS, name)] + list(args), cwd=ROOT,
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def objs(*names):
    return [os.path.join(OBJ, n + ".o") for n in names]


def hand_cases():
    """(what, got (status, out, err), wanted (status, out, err)); None in
    wanted: not compared."""
    bad = os.path.join("tests", "inittools", "size_a.S")
    return [
        ("initsavings -v on size_a..e", tool("initsavings", "-v", *objs(
            "size_a", "size_b", "size_c", "size_d", "size_e")),
         (0, SIZES_V, "")),
        ("initsavings --linux-loader leaves .modinfo and __versions out",
         tool("initsavings", "--linux-loader", "-v", *objs("size_e")),
         (0, None, "")),
        ("secmismatch on mismatch.o", tool("secmismatch", *objs("mismatch")),
         (1, MISMATCH, "")),
        ("secmismatch finds none in initonly.o",
         tool("secmismatch", *objs("initonly")), (0, "", "")),
        ("initonly on initonly.o", tool("initonly", *objs("initonly")),
         (0, INITONLY, "")),
        ("secmismatch on the samples: initbug's one",
         tool("secmismatch", "build/modules"), (1, INITBUG_KO, "")),
        ("secmismatch on a file that is not ELF", tool("secmismatch", bad),
         (2, "", "secmismatch: %s: not an ELF file (bad magic)\n" % bad)),
    ]


def bad_inputs():
    """Cases for files none of the tools can read, made in
    build/inittools/bad/: a file cut inside its ELF header, one cut before
    its section header table (the numbers from its own header), an empty
    file, a 64-bit object and a directory with no .ko in it."""
    bad = os.path.join(OBJ, "bad")
    os.makedirs(os.path.join(bad, "nothing"), exist_ok=True)
    with open(os.path.join(OBJ, "size_a.o"), "rb") as f:
        elf = f.read()
    files = {"cut40.o": elf[:40], "cut200.o": elf[:200], "empty.o": b""}
    for name, data in files.items():
        with open(os.path.join(bad, name), "wb") as f:
            f.write(data)
    shoff = int.from_bytes(elf[32:36], "little")
    shsize = int.from_bytes(elf[46:48], "little") * \
        int.from_bytes(elf[48:50], "little")
    subprocess.run([os.environ.get("CROSS", "i686-linux-gnu-") + "as",
                    "--64", "-o", os.path.join(bad, "x64.o"),
                    os.path.join("tests", "inittools", "size_a.S")],
                   cwd=ROOT, check=True)
    why = {
        "cut40.o": "file is 40 bytes, too short for an ELF header (52 bytes)",
        "cut200.o": "section header table: offset 0x%x+0x%x runs past the "
                    "end of the file (0xc8 bytes)" % (shoff, shsize),
        "empty.o": "empty file, not an ELF object",
        "x64.o": "ELF class 2 (64-bit), expected 32-bit",
        "nothing": "no *.ko file under it",
    }
    cases = []
    for t, status, out in (("initsavings", 2, ""), ("secmismatch", 2, ""),
                           ("initonly", 2, "initonly: 0 candidates, 0 "
                            "bytes, in 0 of 0 files\n")):
        for name, reason in why.items():
            path = os.path.join(bad, name)
            cases.append(("%s on %s" % (t, name), tool(t, path),
                          (status, out, "%s: %s: %s\n" % (t, path, reason))))
    return cases


def doc_problems():
    """docs/initsavings.md shows the tools' output on the samples: each
    `$ build/tools/...` block, and the table under "On Tessera's N
    samples", must be what the tool prints now."""
    with open(os.path.join(ROOT, "docs", "initsavings.md")) as f:
        doc = f.read()
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", doc, re.S | re.M)
    runs = [(b.split("\n", 1)[0][2:].split(), b.split("\n", 1)[1])
            for b in blocks if b.startswith("$ build/tools/")]
    m = re.search(r"On Tessera's (\d+) samples \(`(build/tools/\S+ "
                  r"build/modules)`\):\n\n```\n(.*?)^```", doc, re.S | re.M)
    if m:
        runs.append((m[2].split(), m[3]))
    probs = [] if m and len(runs) >= 3 else \
        ["docs/initsavings.md: the sample outputs not found"]
    if m and ("modules:               %s\n" % m[1]) not in m[3]:
        probs.append("docs/initsavings.md: %s samples, its table says "
                     "otherwise" % m[1])
    for argv, want in runs:
        p = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
        if p.stdout != want:
            probs.append("docs/initsavings.md: `%s` now prints %r" %
                         (" ".join(argv), p.stdout[:300]))
    return probs


def hand_test():
    """The tools on the hand-made objects and on the samples."""
    name = "inittools/hand: initsavings, secmismatch and initonly give " \
        "the worked-out answers"
    b = subprocess.run(["make", "-s", "--no-print-directory",
                        "inittools-objs"], cwd=ROOT, capture_output=True,
                       text=True)
    if b.returncode != 0:
        return [res(False, name, "make inittools-objs failed", None,
                    (b.stdout + b.stderr).splitlines()[-10:])]
    probs = []
    for what, got, want in hand_cases() + bad_inputs():
        for i, part in enumerate(("exit status", "output", "stderr")):
            if want[i] is not None and got[i] != want[i]:
                probs.append("%s: %s %r, wanted %r" % (what, part, got[i],
                                                       want[i]))
    _, out, _ = tool("initsavings", "--linux-loader", "-v", *objs("size_e"))
    if not out.startswith(SIZE_E_LINUX):
        probs.append("--linux-loader: %r" % out.splitlines()[:1])
    probs += doc_problems()
    p = subprocess.run([os.path.join(TOOLS, "modpost"), "--check",
                        "build/modules/initbug.ko"], cwd=ROOT,
                       capture_output=True, text=True)
    if "initbug_answer_ptr refers to init symbol initbug_answer," \
            not in p.stderr + p.stdout:
        probs.append("modpost --check names another pair: %r" % p.stderr)
    return [res(not probs, name, probs[0] if probs else "", None, probs[1:])]


# Samples whose init succeeds (with the edu device and COM2), in an order
# that loads what each uses first. Left out: badver (refused),
# initfail, hx_oops, hx_recurse, hx_spin, hx_tmoops (their init fails).
GUEST = ["bigbss", "bigcode", "bigdata", "bigtable", "chardev", "crc32",
         "crcsum", "edu", "hello", "hellop", "hx_leak", "hx_rdoops",
         "initbug", "kbdleds", "leaky", "libdemo", "libuser", "noexit",
         "paramdemo", "pcspkr", "race_subsys", "race_ops", "race_caller",
         "race_kthread", "race_open", "race_timer", "race_work", "rtc",
         "serial2", "skel", "ticker", "weakref"]
SAVES_RE = re.compile(r"^build/modules/(\w+)\.ko +core +(\d+) init +(\d+) "
                      r"pages +\d+ -> +\d+ saves (\d+)$", re.M)
STATUS_RE = re.compile(r"^core size: +(\d+) bytes.*\ninit size: +(\d+) "
                       r"bytes \((\d+) pages? past the core\), (\w+)$", re.M)
LAYOUT_RE = re.compile(r"^insmod: layout: .*truncation freed (-?\d+) page",
                       re.M)


def guest_lines():
    out = []
    for m in GUEST:
        out += ["insmod -v /lib/modules/%s.ko" % m, "cat /mod/%s/status" % m]
    return out


def outputs(r):
    """{command line typed: its output as one string}."""
    out, cur = {}, None
    for line in r.transcript().splitlines():
        if line.startswith("/ # "):
            cur = line[4:]
            out[cur] = ""
        elif cur is not None:
            out[cur] += line + "\n"
    return out


def module_problems(m, want, o):
    """What differs between initsavings' (core, init, saves) of m and the
    guest's status and insmod -v."""
    st = STATUS_RE.search(o.get("cat /mod/%s/status" % m, ""))
    lay = LAYOUT_RE.search(o.get("insmod -v /lib/modules/%s.ko" % m, ""))
    if not st:
        return ["%s: no core/init size in its status (not loaded?)" % m]
    core, init, pages, state = int(st[1]), int(st[2]), int(st[3]), st[4]
    probs = []
    if (core, init, pages) != want:
        probs.append("%s: status core %d, init %d, %d pages past the core; "
                     "initsavings core %d, init %d, saves %d" %
                     ((m, core, init, pages) + want))
    if state != ("discarded" if init else "present"):
        probs.append("%s: init %d bytes, %s" % (m, init, state))
    if not lay or int(lay[1]) != want[2]:
        probs.append("%s: insmod -v measured %s freed, initsavings saves %d"
                     % (m, lay[1] if lay else "nothing", want[2]))
    return probs


def guest_test():
    """initsavings -v on the samples against what the guest reports."""
    name = "inittools/guest: initsavings' pages saved are the pages status " \
        "and insmod -v report freed, for every sample that loads"
    rc, out, err = tool("initsavings", "-v", "build/modules")
    saves = {m[0]: (int(m[1]), int(m[2]), int(m[3]))
             for m in SAVES_RE.findall(out)}
    lines = guest_lines()
    r = qr.run(script_lines=lines, timeout=120,
               initrd=os.path.join(qr.BUILD, "initrd.cpio"),
               qemu_args=["-device", "edu"], serial2=True)
    log = qr.keep_log(r, "inittools-guest")
    probs = [] if r.result == "PASS" else ["%s (%s)" % (r.result, r.why)]
    if rc != 0 or err:
        probs.append("initsavings -v build/modules: exit %d %s" % (rc, err))
    o = outputs(r)
    for m in GUEST:
        if m not in saves:
            probs.append("%s: not in initsavings' output" % m)
        else:
            probs += module_problems(m, saves[m], o)
    return [res(not probs, name, probs[0] if probs else "", log, probs[1:])]


# What tools/check runs from this file, in order: (name, function, args).
JOBS = [("inittools/hand", hand_test, ()),
        ("inittools/guest", guest_test, ())]
