"""tests/boot/boot_tests.py: the boot tests tools/check runs.

- crash_test(test): selftest=TEST for each TEST of CRASH_LINES (page
  fault, NULL pointer, divide error, invalid opcode, general protection,
  kernel stack overflow) must end in PANIC after its symbolized oops.
- boot_test(how, mb): -kernel or GRUB ISO with mb MiB reaches "Tessera
  ready", reports exactly the memory QEMU's map gives, powers off cleanly.
- small_boot_test: 4 MiB boots or stops with a clear message, never RESET.

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


def res(ok, name, why="", log=None, details=()):
    return (ok, name, why, log, list(details))


# The lines each crash test must print, as (regex, what to say if missing).
# Every one names the faulting function, symbolized ("EIP is at f+0x../0x..",
# the first call-trace line), lists the modules (none) and the taint (none
# before this oops), and ends in the panic line.
SYM = r"\+0x[0-9a-f]+/0x[0-9a-f]+"


def dump_lines(title, func, panic, caller="selftest_run"):
    """The lines every symbolized oops of a kernel self test prints."""
    return [
        (r"^Oops: %s$" % re.escape(title), "Oops: " + title),
        (r"^EIP is at %s%s$" % (func, SYM), "EIP is at %s+0x../0x.." % func),
        (r"^EIP: c[0-9a-f]{7}  CS: 0008  EFLAGS: [0-9a-f]{8}$",
         "EIP: c.......  CS: 0008  EFLAGS: ........"),
        (r"^Call trace:\n  \[<c[0-9a-f]{7}>\] %s%s$" % (func, SYM),
         "Call trace: then  [<c.......>] %s+0x../0x.." % func),
        (r"^  \[<c[0-9a-f]{7}>\] %s%s$" % (caller, SYM),
         "  [<c.......>] %s+0x../0x.." % caller),
        (r"^Modules linked in:\nTainted: \[D\]=DIE\n---\[ end trace \]---$",
         "Modules linked in:, Tainted: [D]=DIE, ---[ end trace ]---"),
        (r"^Cannot recover: no module call was running \(the kernel's own "
         r"code faulted\)$", "Cannot recover: no module call was running"),
        (r"^Kernel panic - not syncing: Fatal exception: %s$" % re.escape(panic),
         "Kernel panic - not syncing: Fatal exception: " + panic),
    ]


# pagefault_report reads an unmapped kernel address (error code 0);
# null_deref_report writes through NULL (error code 2: a write), in a
# function gcc compiles without a frame (its caller is not in the trace);
# kernel_text_write_report writes into printk's code (error code 3: a
# protection violation on a write: .text is read-only); the others divide
# by zero, run ud2, load selector 0x38 into DS, recurse into the guard page
# under the kernel stack.
CRASH_LINES = {
    "pagefault_report": [
        (r"^Page fault at 0x[0-9a-f]{8}: page not present, read access, "
         r"kernel mode \(error code 0x0\)$",
         "Page fault at 0x...: page not present, read access, kernel mode "
         "(error code 0x0)"),
    ] + dump_lines("Page fault (vector 14, error code 0x0)",
                   "selftest_pagefault_report", "Page fault"),
    "null_deref_report": [
        (r"^Page fault at 0x00000000: page not present, write access, "
         r"kernel mode \(error code 0x2\)$",
         "Page fault at 0x00000000: page not present, write access, kernel "
         "mode (error code 0x2)"),
        (r"^\(a NULL pointer dereference\)$", "(a NULL pointer dereference)"),
    ] + dump_lines("Page fault (vector 14, error code 0x2)",
                   "selftest_null_deref_report", "Page fault", "kmain"),
    "kernel_text_write_report": [
        (r"^Page fault at 0x[0-9a-f]{8}: protection violation, write access, "
         r"kernel mode \(error code 0x3\)$",
         "Page fault at 0x...: protection violation, write access, kernel "
         "mode (error code 0x3)"),
    ] + dump_lines("Page fault (vector 14, error code 0x3)",
                   "selftest_kernel_text_write_report", "Page fault"),
    "divide_error_report": dump_lines(
        "Divide error (vector 0, error code 0x0)",
        "selftest_divide_error_report", "Divide error"),
    "invalid_opcode_report": dump_lines(
        "Invalid opcode (vector 6, error code 0x0)",
        "selftest_invalid_opcode_report", "Invalid opcode"),
    "general_protection_report": [
        (r"^\(segment selector 0x38\)$", "(segment selector 0x38)"),
    ] + dump_lines("General protection fault (vector 13, error code 0x38)",
                   "selftest_general_protection_report",
                   "General protection fault"),
    "stack_overflow_report": [
        (r"^ESP 0xc[0-9a-f]{7} ran into the guard page under the kernel "
         r"stack$", "ESP 0x........ ran into the guard page under the "
         "kernel stack"),
        (r"^  \.\.\. the same 15 more times \(the trace stops at 16\)$",
         "  ... the same 15 more times (the trace stops at 16)"),
    ] + dump_lines("Double fault (vector 8): kernel stack overflow",
                   "stack_overflow_recurse", "kernel stack overflow",
                   "stack_overflow_recurse"),
}


def crash_test(test):
    """Boots with selftest=test (a SELFTEST_CRASH): it must PANIC after
    the report lines of CRASH_LINES[test] and the panic line."""
    name = "crash: selftest=%s gives PANIC with a decoded report" % test
    r = qr.run(append="selftest=" + test, timeout=60)
    log = qr.keep_log(r, "crash-" + test)
    if r.result != "PANIC":
        return [res(False, name, "got %s (%s)" % (r.result, r.why), log)]
    for pattern, line in CRASH_LINES[test]:
        if not re.search(pattern, r.output, re.M):
            return [res(False, name, "no line like '%s'" % line, log)]
    if "Kernel panic - not syncing: " not in r.output:
        return [res(False, name, "no 'Kernel panic - not syncing:' line",
                       log)]
    return [res(True, name)]


def kernel_extent():
    """Bytes of the kernel image in memory, from the ELF's symbols."""
    p = subprocess.run(["i686-linux-gnu-nm", os.path.join(qr.BUILD,
                        "tessera.elf")], capture_output=True, text=True)
    syms = {}
    for line in p.stdout.splitlines():
        f = line.split()
        if len(f) == 3:
            syms[f[2]] = int(f[0], 16)
    start, end = syms.get("_kernel_start_phys"), syms.get("_kernel_end")
    if start is None or end is None:
        return None
    if end >= 0xC0000000:                 # higher half: virtual address
        end -= 0xC0000000
    return end - start


def memory_problems(out, mem_mb):
    """Compares the kernel's memory report with QEMU's e820 map for -m
    mem_mb (SeaBIOS, checked by hand for 4..512 MiB): usable are
    [0, 0x9fc00) and [1 MiB, mem - 128 KiB). Returns a list of problems."""
    top = (mem_mb << 20) - 0x20000
    want = ["BIOS-e820: [mem 0x00000000-0x0009fbff] usable",
            "BIOS-e820: [mem 0x00100000-0x%08x] usable" % (top - 1)]
    got = re.findall(r"^BIOS-e820: \[mem [^\n]*\] usable$", out, re.M)
    probs = [] if got == want else ["map lines %s, expected %s" % (got, want)]
    m = re.search(r"^Memory: (\d+) kB usable in map, (\d+) pages managed, "
                  r"(\d+) pages free$", out, re.M)
    if not m:
        return probs + ["no 'Memory: N kB usable in map, N pages managed, "
                        "N pages free' line"]
    kb, managed, free = (int(x) for x in m.groups())
    if kb != mem_mb * 1024 - 513:
        probs.append("%d kB usable, expected %d" % (kb, mem_mb * 1024 - 513))
    # Managed = pages above 1 MiB minus the kernel, the ramdisk and the
    # page array (<= 32 bytes a page) and a few loader pages.
    kernel = kernel_extent() or 0
    initrd = os.path.getsize(os.path.join(qr.BUILD, "initrd.cpio"))
    most = (top - (1 << 20)) // 4096 - (kernel + 4095) // 4096 \
        - (initrd + 4095) // 4096
    least = most - (top // 4096 * 32 + 4095) // 4096 - 8
    if not least <= managed <= most:
        probs.append("%d pages managed, expected %d..%d" % (managed, least,
                                                           most))
    # Free = managed minus page tables and early allocations.
    if not managed - (top >> 22) - 64 <= free <= managed:
        probs.append("%d pages free of %d managed" % (free, managed))
    return probs


def boot_test(how, mem_mb):
    """Boots via -kernel or the ISO; the kernel must reach "Tessera ready",
    report the memory it was given, and power off cleanly."""
    name = "boot/%s-%dM" % (how, mem_mb)
    if how == "kernel":
        r = qr.run(mem=mem_mb, append="poweroff", timeout=60,
                   initrd=os.path.join(qr.BUILD, "initrd.cpio"))
    else:   # GRUB passes no options: power off from the shell
        r = qr.run(iso=True, mem=mem_mb, script_lines=[], timeout=60,
                   kernel=os.path.join(qr.BUILD, "tessera.iso"))
    log = qr.keep_log(r, name)
    probs = []
    if r.result != "PASS":
        probs.append("%s (%s)" % (r.result, r.why))
    if r.ready_time is None:
        probs.append("no 'Tessera ready' line")
    probs += memory_problems(r.output, mem_mb)
    return [res(not probs, name + ": ready, memory as mapped, clean "
                   "power-off", "; ".join(probs[:1]), log, probs[1:])]


def small_boot_test():
    """4 MiB: the kernel boots or stops with a clear message."""
    name = "boot/kernel-4M: boots or stops with a clear message"
    r = qr.run(mem=4, append="poweroff", timeout=60)
    log = qr.keep_log(r, "boot-kernel-4M")
    if r.result == "PASS":
        return [res(True, name)]
    lines = r.output.splitlines()
    if r.result == "FAIL" and r.exit_code == qr.EXIT_FAIL:
        i = next((i for i, l in enumerate(lines)
                  if l.startswith("Power off: status")), None)
        if i and lines[i - 1].strip():
            return [res(True, name)]
        return [res(False, name, "powered off with no message before "
                       "it", log)]
    if r.result == "PANIC" and re.search(
            r"Kernel panic - not syncing: \S", r.output):
        return [res(True, name)]
    return [res(False, name, "%s (%s)" % (r.result, r.why), log)]


BOOT_STEPS = ["entry.S", "consoles, cpu", "memory", "interrupts",
              "fs, resources", "pci", "ksyms", "modfs", "ramdisk"]


def prompt_profile_test():
    """poweroff=prompt bootprofile (what tools/bench-boot boots with): the
    kernel entry TSC on the ready line, one bootprofile line per kmain
    step, /etc/rc's output, then "Tessera prompt: tsc=N cycles" after the
    first prompt with entry < ready < prompt, and a clean power-off."""
    name = "boot/prompt-profile"
    r = qr.run(mem=128, append="poweroff=prompt bootprofile", timeout=60,
               initrd=os.path.join(qr.BUILD, "initrd.cpio"))
    log = qr.keep_log(r, name)
    probs = [] if r.result == "PASS" else ["%s (%s)" % (r.result, r.why)]
    steps = re.findall(r"^bootprofile: (.*?)\s+\d+ cycles$", r.output, re.M)
    if steps != BOOT_STEPS:
        probs.append("bootprofile steps %s, expected %s" % (steps, BOOT_STEPS))
    m = re.search(r"^Tessera ready: tsc=(\d+) cycles, kernel entry at "
                  r"tsc=(\d+)$", r.output, re.M)
    p = re.search(r"^/ # Tessera prompt: tsc=(\d+) cycles\nPower off: "
                  r"status 0$", r.output, re.M)
    if not m or not p:
        probs.append("no ready line with the entry TSC, or no 'Tessera "
                     "prompt' line after the prompt then power-off")
    elif not 0 < int(m.group(2)) < int(m.group(1)) < int(p.group(1)):
        probs.append("TSCs out of order: entry %s, ready %s, prompt %s" % (
            m.group(2), m.group(1), p.group(1)))
    if "Welcome to Tessera" not in r.output:      # /etc/motd, by /etc/rc
        probs.append("/etc/rc did not run before the prompt")
    return [res(not probs, name + ": entry, step, ready and prompt TSCs",
                "; ".join(probs[:1]), log, probs[1:])]


# What tools/check runs from this file, in order: (name, function, args).
JOBS = [("crash/" + t, crash_test, (t,)) for t in CRASH_LINES]
JOBS += [("boot/%s-%dM" % (how, mb), boot_test, (how, mb))
         for how in ("kernel", "iso") for mb in (32, 512)]
JOBS.append(("boot/kernel-4M", small_boot_test, ()))
JOBS.append(("boot/prompt-profile", prompt_profile_test, ()))
