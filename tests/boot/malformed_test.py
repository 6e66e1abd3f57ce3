"""tests/boot/malformed_test.py: the malformed-object set, every object
loaded in one QEMU boot (docs/testing.md, "The malformed set").

The set is a directory of NAME.ko files and a manifest EXPECT, one line per
file, tab-separated:
    NAME  refuse  REASON   insmod must print exactly `insmod: PATH: REASON`
    NAME  load             must load and unload normally
    NAME  flip-loads       a metadata flip the loader accepts: the kernel
                           must only survive (init may fault)
`make badko` writes build/badko/set/; until it does, a hand-made set in the
same format is made in build/malformed/handmade/ from build/badko/bad_*.ko
(refusals from build/badko/REASONS) and the samples that load and unload
cleanly.

malformed_test() boots once with the set at /extra/set/ and runs the script
/extra/run.sh (made here) with `sh`: `memdiff save`, then per object
    echo @NAME; insmod /extra/set/NAME.ko; echo @status $?
plus, for `load`, `rmmod MODNAME; echo @status $?`; then `memdiff`, the
flip-loads objects (only with FLIP_LOADS), `echo alive`. It checks from the
transcript: every object tried, each refusal exact, each load loaded and
unloaded, no Oops (but among flip-loads) and no panic, PagesFree and
VmallocRanges equal, the kernel alive and powered off cleanly. Returns a list of (ok, name, why, log,
details) tuples like tests/boot/boot_tests.py; the name carries the
summary line.
"""
import glob
import importlib.machinery
import os
import re
import shutil
import struct
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
qr = importlib.machinery.SourceFileLoader(
    "qemu_run", os.path.join(ROOT, "tools", "qemu-run")).load_module()
BUILD = os.path.join(ROOT, "build")
# MALFORMED_SET=DIR runs another set in the same format (one's own, a
# bigger one, a subset while debugging).
SET_DIR = os.environ.get("MALFORMED_SET", os.path.join(BUILD, "badko", "set"))
WORK = os.path.join(BUILD, "malformed")

# flip-loads and load-changed objects may fault in init: a fault in module
# code ends the command, not the kernel (docs/debugging.md).
# MALFORMED_FLIPS=0 skips them (counted).
FLIP_LOADS = os.environ.get("MALFORMED_FLIPS", "1") == "1"

# Kinds where the kernel must only survive: a random flip (flip-loads) or
# a boundary damage no loader can judge (load-changed: badko's report names
# them) makes an image whose init may fault; containment ends the command,
# `rmmod -f` then takes the module out. Run after the memdiff line.
SURVIVE_KINDS = ("flip-loads", "load-changed")

# Samples that load and unload with no leak and no argument: the hand-made
# set's `load` entries.
LOAD_SAMPLES = ("hello", "bigbss", "bigcode", "bigdata", "chardev", "skel",
                "weakref")

# Guest seconds allowed per object, on top of the boot.
SECONDS_PER_OBJECT = 0.5


def res(ok, name, why="", log=None, details=()):
    return (ok, name, why, log, list(details))


def module_name(path):
    """The module name in a .ko's header (.module + 8), or None if the
    file is too damaged to say."""
    try:
        with open(path, "rb") as f:
            d = f.read()
        shoff, = struct.unpack_from("<I", d, 0x20)
        shnum, shstrndx = struct.unpack_from("<HH", d, 0x30)
        sh = [struct.unpack_from("<10I", d, shoff + 40 * i)
              for i in range(shnum)]
        names = sh[shstrndx][4]
        for s in sh:
            end = d.index(b"\0", names + s[0])
            if d[names + s[0]:end] == b".module":
                raw = d[s[4] + 8:s[4] + 64]
                return raw[:raw.index(b"\0")].decode()
    except (struct.error, ValueError, IndexError, UnicodeDecodeError):
        return None
    return None


def handmade_set():
    """Makes build/malformed/handmade/ (the stand-in set); returns it."""
    d = os.path.join(WORK, "handmade")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    lines = []
    with open(os.path.join(BUILD, "badko", "REASONS")) as f:
        for line in f:
            name, reason = line.rstrip("\n").split(": ", 1)
            os.link(os.path.join(BUILD, "badko", name), os.path.join(d, name))
            lines.append("%s\trefuse\t%s" % (name[:-3], reason))
    for name in LOAD_SAMPLES:
        os.link(os.path.join(BUILD, "modules", name + ".ko"),
                os.path.join(d, name + ".ko"))
        lines.append("%s\tload" % name)
    with open(os.path.join(d, "EXPECT"), "w") as f:
        f.write("\n".join(lines) + "\n")
    return d


def read_expect(set_dir):
    """[(name without .ko, kind, reason or None)] from set_dir/EXPECT;
    raises ValueError for a line it cannot read."""
    out = []
    with open(os.path.join(set_dir, "EXPECT")) as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            f3 = line.rstrip("\n").split("\t")
            kind = f3[1] if len(f3) > 1 else ""
            if (kind == "refuse") != (len(f3) == 3) or \
                    kind not in ("refuse", "load") + SURVIVE_KINDS:
                raise ValueError("EXPECT line %d: %r" % (n, line))
            name = f3[0][:-3] if f3[0].endswith(".ko") else f3[0]
            out.append((name, kind, f3[2] if kind == "refuse" else None))
    return out


def stage(set_dir, entries):
    """build/malformed/stage/: set/ (hard links to the set's files) and
    run.sh. Returns (stage dir, {name: module name})."""
    st = os.path.join(WORK, "stage")
    shutil.rmtree(st, ignore_errors=True)
    os.makedirs(os.path.join(st, "set"))
    modnames, script = {}, ["memdiff save"]
    for name, kind, _ in entries:
        src = os.path.join(set_dir, name + ".ko")
        os.link(src, os.path.join(st, "set", name + ".ko"))
        modnames[name] = module_name(src)
    flips = [e for e in entries if e[1] in SURVIVE_KINDS]
    for name, kind, _ in [e for e in entries if e[1] not in SURVIVE_KINDS]:
        script.append(entry_line(name, kind, modnames[name]))
    script.append("memdiff")
    if FLIP_LOADS:
        script += [entry_line(name, kind, modnames[name])
                   for name, kind, _ in flips]
    script.append("echo alive")
    with open(os.path.join(st, "run.sh"), "w") as f:
        f.write("\n".join(script) + "\n")
    return st, modnames


def entry_line(name, kind, modname):
    line = "echo @%s; insmod /extra/set/%s.ko; echo @status $?" % (name, name)
    if kind == "load" and modname:
        line += "; rmmod %s; echo @status $?" % modname
    elif kind != "refuse" and modname:	# it may have faulted: force it out
        line += "; rmmod %s; rmmod -f %s; echo @status $?" % (modname, modname)
    return line


def segments(text):
    """{name: [output lines]} for every `echo @NAME` marker in text."""
    out, cur = {}, None
    for line in text.splitlines():
        m = re.match(r"^@(\S+)$", line)
        if m and m.group(1) != "status":
            cur = out.setdefault(m.group(1), [])
        elif line.startswith("memdiff: ") or line == "alive":
            cur = None
        elif cur is not None:
            cur.append(line)
    return out


def refusal_lines(name, reason, modname):
    """What insmod prints for a refused object: one line naming the file,
    or, for a symbol nobody exports (checked after the object's own checks),
    the line naming it and the count, under the module's name."""
    if reason.startswith("unknown symbol "):
        return ["insmod: %s: %s" % (modname, reason),
                "insmod: %s: 1 unknown symbol: not loaded" % modname]
    return ["insmod: /extra/set/%s.ko: %s" % (name, reason)]


def judge_entry(name, kind, reason, lines, modname=None):
    """None if the object's output is what its kind requires, else why."""
    status = [l.split()[1] for l in lines if l.startswith("@status ")]
    said = [l for l in lines if not l.startswith("@status ")]
    if kind == "refuse":
        want = refusal_lines(name, reason, modname)
        if said != want or status != ["1"]:
            return "expected %r and status 1, got %r status %s" % (
                want, said, status)
        return None
    errors = [l for l in said if l.startswith(("insmod:", "rmmod:"))]
    if kind == "load" and (status != ["0", "0"] or errors):
        return "expected a load and an unload, got %r status %s" % (
            said, status)
    return None


def check_transcript(r, entries, modnames):
    """(problems, counts) for a finished run."""
    text = r.output
    problems, counts = [], dict(refused=0, loaded=0, flips=0)
    segs = segments(r.transcript())
    for name, kind, reason in entries:
        if kind in SURVIVE_KINDS and not FLIP_LOADS:
            continue
        if name not in segs:
            problems.append("%s: never tried" % name)
            continue
        why = judge_entry(name, kind, reason, segs[name], modnames.get(name))
        if why:
            problems.append("%s (%s): %s" % (name, kind, why))
        else:
            counts[{"refuse": "refused", "load": "loaded"}.get(kind, "flips")] += 1
    m = re.search(r"^memdiff: PagesFree ([+-]\d+), VmallocRanges ([+-]\d+)$",
                  text, re.M)
    # an oops is a failure before the memdiff line; after it (flip-loads)
    # only a panic is: there a fault in init may be contained.
    panics = len(re.findall(r"Kernel panic", text)) + len(re.findall(
        r"^Oops", text[:m.start()] if m else text, re.M))
    if panics or r.result == "PANIC":
        problems.append("%d panic/oops line(s); qemu-run: %s" % (
            panics, r.result))
    counts["panics"] = max(panics, r.result == "PANIC")
    counts["memdiff"] = "%s/%s" % m.groups() if m else "?"
    if not m or m.groups() != ("+0", "+0"):
        problems.append("memdiff: %s" % (m.group(0) if m else "no line"))
    if not re.search(r"^alive$", text, re.M) or r.result != "PASS":
        problems.append("not alive at the end: qemu-run %s (%s)" % (
            r.result, r.why))
    return problems, counts


def summary(entries, counts, secs, handmade):
    tried = sum(1 for e in entries if FLIP_LOADS or e[1] not in SURVIVE_KINDS)
    skipped = len(entries) - tried
    s = "boot/malformed: %d objects: %d refused as expected, %d loaded and " \
        "unloaded" % (tried, counts["refused"], counts["loaded"])
    if FLIP_LOADS:
        s += ", %d loaded changed and survived" % counts["flips"]
    s += ", %d panics, memdiff %s" % (counts["panics"], counts["memdiff"]
                                      .replace("+0/+0", "+0"))
    if skipped:
        s += " (%d flip-loads/load-changed skipped: MALFORMED_FLIPS=0)" % skipped
    return s + " in %.1f s%s" % (secs, " [hand-made set]" if handmade else "")


def malformed_test():
    handmade = not os.path.exists(os.path.join(SET_DIR, "EXPECT"))
    try:
        set_dir = handmade_set() if handmade else SET_DIR
        entries = read_expect(set_dir)
        st, modnames = stage(set_dir, entries)
        initrd = os.path.join(WORK, "initrd.cpio")
        qr.mkramdisk(initrd, [st])
    except (OSError, ValueError, RuntimeError) as e:
        return [res(False, "malformed: set", "cannot stage the set: %s" % e)]
    mb = max(128, os.path.getsize(initrd) * 3 // (1 << 20) + 64)
    timeout = 60 + SECONDS_PER_OBJECT * len(entries)
    t0 = time.monotonic()
    r = qr.run(mem=mb, timeout=timeout, initrd=initrd,
               script_lines=["sh /extra/run.sh"])
    secs = time.monotonic() - t0
    log = qr.keep_log(r, "malformed")
    problems, counts = check_transcript(r, entries, modnames)
    line = summary(entries, counts, secs, handmade)
    return [res(not problems, line, "%d problem(s)" % len(problems), log,
                problems)]


# Registered with tools/check (docs/testing.md, "Adding a test").
JOBS = [("boot/malformed", malformed_test, ())]


if __name__ == "__main__":
    for ok, name, why, log, details in malformed_test():
        print(("PASS " if ok else "FAIL ") + name +
              ("" if ok else ": %s  log: %s" % (why, log)))
        for d in details[:40]:
            print("    " + d)
