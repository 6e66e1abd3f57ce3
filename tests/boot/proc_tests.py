"""tests/boot/proc_tests.py: the kernel's report files and the commands
that read them, checked against each other and against the build, where a
scenario could only mask the figures.

- files_test: with libdemo, libuser and hello loaded,
  * /proc/modules: exactly one line per module in load order, Linux's
    format `NAME SIZE REFS USEDBY, STATE 0xBASE` (USEDBY `-` when none),
    libdemo used by `libuser,` with 1 reference; SIZE and BASE equal the
    `mapped:` and `base:` of /mod/NAME/status;
  * /proc/vmallocinfo: one line per module, `0xSTART-0xEND BYTES pages=N
    NAME vmap`, START the module's base, BYTES = END - START = (N + 1) pages
    (the guard page), N the pages SIZE needs; besides, the two stacks of
    the kernel's threads (swapper/0, ksoftirqd/0);
  * /proc/ksyms: `ADDR NAME OWNER 0xCRC` lines: the kernel's are exactly
    the build's exports (`nm build/tessera.elf`: address and __crc_NAME),
    as many as boot's `ksyms: N kernel symbols exported`; libdemo's two are
    at base + their offset in libdemo.ko with its __crc_ values;
  * dmesg: every line `[SSSSS.mmm] text`, times non-decreasing and not
    after the /proc/uptime read that follows; its texts are exactly the
    kernel's lines on the console before /etc/rc's motd, then the three
    modules' messages.
- free_uptime_sleep_test: free's figures are /proc/meminfo's (used = total
  - free, in kB and pages, exact column format); uptime's seconds are
  /proc/uptime's; `sleep 0.2` between two /proc/uptime reads on one
  command line lets at least 0.20 s of guest time pass (msleep waits
  whole ticks: never less) and less than 1.9 s (a sleep of 2 would fail).

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
INITRD = os.path.join(qr.BUILD, "initrd.cpio")
MODULES = ["libdemo", "libuser", "hello"]
MOTD_FIRST = "Welcome to Tessera, a small kernel about loadable modules."


def res(ok, name, why="", log=None, details=()):
    return (ok, name, why, log, list(details))


def outputs(r, lines):
    """{command line typed: what it printed} from run r's transcript."""
    out, cur = {}, None
    for line in r.transcript().splitlines():
        if line.startswith("/ # "):
            cur = line[4:]
            out[cur] = []
        elif cur is not None:
            out[cur].append(line)
    return {l: out.get(l) for l in lines}


def nm(path):
    """{symbol: value} of an ELF file, from i686-linux-gnu-nm."""
    p = subprocess.run(["i686-linux-gnu-nm", path], capture_output=True,
                       text=True)
    syms = {}
    for f in (l.split() for l in p.stdout.splitlines()):
        if len(f) == 3:
            syms[f[2]] = (int(f[0], 16), f[1])
    return syms


def status_fields(lines):
    """(base, mapped bytes) from the lines of /mod/NAME/status (0 for a
    missing field: the comparisons that use it then fail)."""
    text = "\n".join(lines or [])
    b = re.search(r"^base: +0x([0-9a-f]{8})$", text, re.M)
    m = re.search(r"^mapped: +(\d+) bytes", text, re.M)
    return (int(b.group(1), 16) if b else 0, int(m.group(1)) if m else 0)


def modules_problems(got, status):
    """/proc/modules lines against the status files."""
    want = []
    for name in MODULES:
        base, size = status[name]
        used = "1 libuser," if name == "libdemo" else "0 -"
        want.append("%s %s %s Live 0x%08x" % (name, size, used, base))
    if got != want:
        return ["/proc/modules gave %s, expected %s" % (got, want)]
    return []


def vmalloc_problems(got, status):
    """/proc/vmallocinfo lines against the status files; the kernel's
    own threads' stacks (two pages and a guard each) come first."""
    want = []
    stacks = [l for l in got if l.endswith(" thread stack vmalloc")]
    if len(stacks) != 3 or any(" 12288 pages=2 " not in l for l in stacks):
        return ["/proc/vmallocinfo: expected the stacks of swapper/0, "
                "ksoftirqd/0 and kworker/0 (12288 bytes, 2 pages each), got %s"
                % stacks]
    got = [l for l in got if l not in stacks]
    for name in MODULES:
        base, size = status[name]
        pages = (size + 4095) // 4096
        end = base + (pages + 1) * 4096
        want.append("0x%08x-0x%08x %7u pages=%u %s vmap" % (
            base, end, end - base, pages, name))
    if got != want:
        return ["/proc/vmallocinfo gave %s, expected %s" % (got, want)]
    return []


def ksyms_problems(got, status, console):
    """/proc/ksyms against the kernel ELF and libdemo.ko."""
    kelf = nm(os.path.join(qr.BUILD, "tessera.elf"))
    mko = nm(os.path.join(qr.BUILD, "modules", "libdemo.ko"))
    probs, kernel, mod = [], {}, {}
    for line in got:
        m = re.match(r"^([0-9a-f]{8}) (\w+) (\w+) 0x([0-9a-f]{8})$", line)
        if not m:
            probs.append("ksyms line %r is not 'ADDR NAME OWNER 0xCRC'" %
                         line)
            continue
        d = kernel if m.group(3) == "kernel" else mod
        d[m.group(2)] = (m.group(3), int(m.group(1), 16),
                         int(m.group(4), 16))
    exports = {n[len("__crc_"):] for n in kelf if n.startswith("__crc_")}
    if set(kernel) != exports:
        probs.append("kernel symbols %s, the build exports %s" % (
            sorted(kernel), sorted(exports)))
    for name, (_, addr, crc) in sorted(kernel.items()):
        want = (kelf.get(name, (None,))[0], kelf["__crc_" + name][0]
                if "__crc_" + name in kelf else None)
        if (addr, crc) != want:
            probs.append("%s: address/crc %s, the ELF says %s" % (
                name, (hex(addr), hex(crc)), want))
    m = re.search(r"^ksyms: (\d+) kernel symbols exported$", console, re.M)
    if not m or int(m.group(1)) != len(kernel):
        probs.append("boot said %r, /proc/ksyms has %d kernel symbols" % (
            m and m.group(0), len(kernel)))
    base = status["libdemo"][0]
    want = {n: ("libdemo", base + mko[n][0], mko["__crc_" + n][0])
            for n in ("libdemo_add", "libdemo_calls")}
    if mod != want:
        probs.append("module symbols %s, expected %s" % (mod, want))
    return probs


DMESG_RE = re.compile(r"^\[ {0,4}(\d+)\.(\d{3})\] (.*)$")


def dmesg_problems(got, console, uptime):
    """dmesg's lines against the console's boot lines and module
    messages; times in order and not after uptime (seconds)."""
    probs, times, texts = [], [], []
    for line in got:
        m = DMESG_RE.match(line)
        if not m:
            probs.append("dmesg line %r is not '[SSSSS.mmm] text'" % line)
            continue
        times.append(int(m.group(1)) * 1000 + int(m.group(2)))
        texts.append(m.group(3))
    if times != sorted(times) or (times and times[-1] > uptime * 1000 + 10):
        probs.append("dmesg times %s not in order or after uptime %.2f" %
                     (times, uptime))
    at = console.find(MOTD_FIRST)
    boot = console[:at].splitlines() if at >= 0 else []
    want = boot + ["libdemo: ready",
                   "libuser: libdemo_add(40, 2) = 42, libdemo_calls = 1",
                   "hello: hello, world"]
    if texts != want:
        probs.append("dmesg texts %s, expected the console's %s" % (
            texts, want))
    return probs


FILES_LINES = ["insmod /lib/modules/%s.ko" % m for m in MODULES] + \
    ["cat /mod/%s/status" % m for m in MODULES] + \
    ["cat /proc/modules", "cat /proc/vmallocinfo", "cat /proc/ksyms",
     "dmesg; cat /proc/uptime"]


def files_test():
    """/proc/modules, /proc/vmallocinfo, /proc/ksyms and dmesg; see the
    module comment."""
    name = "proc/files: /proc/modules, vmallocinfo, ksyms and dmesg " \
        "exactly as the modules, the build and the console say"
    r = qr.run(script_lines=FILES_LINES, timeout=60, initrd=INITRD)
    log = qr.keep_log(r, "proc-files")
    probs = [] if r.result == "PASS" else ["%s (%s)" % (r.result, r.why)]
    o = outputs(r, FILES_LINES)
    if any(v is None for v in o.values()):
        probs.append("a command line is missing from the transcript")
        return [res(False, name, probs[0], log, probs[1:])]
    status = {m: status_fields(o["cat /mod/%s/status" % m]) for m in MODULES}
    console = r.output[:r.prompt_at or 0]
    dm = o["dmesg; cat /proc/uptime"]
    up = re.match(r"^(\d+\.\d\d) 0\.00$", dm[-1] if dm else "")
    probs += modules_problems(o["cat /proc/modules"], status)
    probs += vmalloc_problems(o["cat /proc/vmallocinfo"], status)
    probs += ksyms_problems(o["cat /proc/ksyms"], status, console)
    if not up:
        probs.append("no /proc/uptime line after dmesg")
    else:
        probs += dmesg_problems(dm[:-1], console, float(up.group(1)))
    return [res(not probs, name, "; ".join(probs[:1]), log, probs[1:])]


SLEEP_LINE = "uptime; cat /proc/uptime; sleep 0.2; cat /proc/uptime; uptime"
FREE_LINES = ["cat /proc/meminfo; free", SLEEP_LINE]


def free_problems(lines):
    """free's output (after /proc/meminfo's) against /proc/meminfo."""
    info = {}
    for line in lines:
        m = re.match(r"^(\w+): +(\d+)( kB)?$", line)
        if m:
            info[m.group(1)] = int(m.group(2))
    need = ("MemTotal", "MemFree", "PagesTotal", "PagesFree")
    if any(k not in info for k in need):
        return ["/proc/meminfo lacks one of %s: %s" % (need, lines)]
    want = ["%-7s %10s %10s %10s" % ("", "total", "used", "free")]
    for row, t, f in (("Mem:", info["MemTotal"], info["MemFree"]),
                      ("Pages:", info["PagesTotal"], info["PagesFree"])):
        want.append("%-7s %10d %10d %10d" % (row, t, t - f, f))
    got = lines[-3:]
    return [] if got == want else ["free gave %s, expected %s" % (got,
                                                                 want)]


def sleep_problems(lines):
    """uptime, /proc/uptime, sleep 0.2, /proc/uptime, uptime."""
    pat = [r"^up (\d+\.\d\d) seconds$", r"^(\d+\.\d\d) 0\.00$",
           r"^(\d+\.\d\d) 0\.00$", r"^up (\d+\.\d\d) seconds$"]
    if len(lines) != 4 or not all(re.match(p, l) for p, l in
                                  zip(pat, lines)):
        return ["%r printed %s" % (SLEEP_LINE, lines)]
    u1, p1, p2, u2 = (round(float(re.match(p, l).group(1)) * 100)
                      for p, l in zip(pat, lines))
    probs = []
    if not u1 <= p1 <= p2 <= u2:
        probs.append("uptime %s not in order" % lines)
    if not 20 <= p2 - p1 < 190:
        probs.append("sleep 0.2 took %.2f s of guest time (between 0.20 "
                     "and 1.90 expected)" % ((p2 - p1) / 100.0))
    return probs


def free_uptime_sleep_test():
    """free against /proc/meminfo, uptime, sleep 0.2; see the module
    comment."""
    name = "proc/free-uptime-sleep: free is /proc/meminfo, uptime is " \
        "/proc/uptime, sleep 0.2 waits 0.2 s"
    r = qr.run(script_lines=FREE_LINES, timeout=60, initrd=INITRD)
    log = qr.keep_log(r, "proc-free-uptime-sleep")
    probs = [] if r.result == "PASS" else ["%s (%s)" % (r.result, r.why)]
    o = outputs(r, FREE_LINES)
    probs += free_problems(o[FREE_LINES[0]] or [])
    probs += sleep_problems(o[SLEEP_LINE] or [])
    return [res(not probs, name, "; ".join(probs[:1]), log, probs[1:])]


# What tools/check runs from this file, in order: (name, function, args).
JOBS = [("proc/files", files_test, ()),
        ("proc/free-uptime-sleep", free_uptime_sleep_test, ())]
