"""tests/boot/run_tests.py: `make run M=DIR` and `make run-iso M=DIR`, the
way a student tries their own modules, run as they are typed (the same
make targets, the same QEMU command line) with the console on a pipe
instead of a terminal: DISPLAY unset, so QEMU_DISPLAY is `-display none`.

- make_run_m("run"): `make run M=tests/oot` builds tests/oot's modules,
  the ramdisk build/initrd-M.cpio with them under /extra/, and boots it.
  Must see: /etc/motd's last line `M=tests/oot is in /extra/: A.ko B.ko
  ... (insmod /extra/NAME.ko)` naming every tests/oot/*.ko; at the prompt
  `ls /extra` listing exactly those .ko files (none of the .c, .o, .i,
  .d, .mod.c files beside them); `insmod /extra/oot_hello.ko` and `rmmod
  oot_hello` with the module's own lines; a clean power-off (`Power off:
  status 0`, make's exit status 0).
- make_run_m("run-iso"): the same through GRUB (build/tessera-M.iso).

Each returns a list of (ok, name, why, log, details) tuples.
"""
import glob
import importlib.machinery
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
qr = importlib.machinery.SourceFileLoader(
    "qemu_run", os.path.join(ROOT, "tools", "qemu-run")).load_module()

DIR = "tests/oot"
SCRIPT = ["ls /extra", "insmod /extra/oot_hello.ko", "rmmod oot_hello"]


def res(ok, name, why="", log=None, details=()):
    return (ok, name, why, log, list(details))


def expected(kos):
    """The transcript from the first prompt on, for these .ko names."""
    return "".join([
        "/ # ls /extra\n", "".join(k + "\n" for k in kos),
        "/ # insmod /extra/oot_hello.ko\n",
        "oot_hello: loading out-of-tree module taints kernel.\n",
        "oot_hello: loaded, built out of tree\n",
        "/ # rmmod oot_hello\n",
        "oot_hello: unloading, built out of tree\n",
        "/ # poweroff\n", "Power off: status 0\n"])


def make_run_m(target):
    name = "boot/make-%s-M" % target
    kos = sorted(os.path.basename(k) for k in
                 glob.glob(os.path.join(ROOT, DIR, "*.ko")))
    cmd = ["env", "-u", "DISPLAY", "-u", "MAKEFLAGS", "-u", "MAKELEVEL",
           "-u", "MFLAGS", "make", "-s", "--no-print-directory", "-C", ROOT,
           target, "M=" + DIR]
    r = qr.run(command=cmd, script_lines=list(SCRIPT), timeout=90,
               from_prompt=True)
    probs = []
    motd = "M=%s is in /extra/: %s (insmod /extra/NAME.ko)\n" % (
        DIR, " ".join(kos))
    if "oot_hello.ko" not in kos:
        probs.append("no %s/oot_hello.ko: make M=%s first" % (DIR, DIR))
    before = r.output[:r.prompt_at or 0]
    if not before.endswith(motd):
        probs.append("no motd line %r just before the prompt" % motd.strip())
    got, want = r.transcript(), expected(kos)
    if got != want:
        probs.append("transcript differs")
    if r.exit_code != 0:
        probs.append("make exit %s (%s %s)" % (r.exit_code, r.result, r.why))
    log = qr.keep_log(r, name.replace("/", "-")) if probs else None
    details = []
    if got != want:
        details = ["want: " + l for l in want.splitlines()] + \
                  ["got:  " + l for l in got.splitlines()]
    return [res(not probs, name, "; ".join(probs), log, details)]


# What tools/check runs from this file, in order: (name, function, args).
JOBS = [("boot/make-run-M", make_run_m, ("run",)),
        ("boot/make-run-iso-M", make_run_m, ("run-iso",))]
