"""tests/boot/harness_tests.py: the verdicts of tools/qemu-run that no
passing kernel gives, produced on purpose (the modules are in
tests/harness/, built by `make M=tests/harness`, which make check runs).

- verdict_test("RESET"): `insmod /extra/triplefault.ko` (its init loads an
  empty IDT and raises int3: a triple fault). tools/qemu-run must print
  `RESET (guest reset (triple fault?) - never a pass)` and, run with
  --expect RESET, exit 0; the transcript ends with the module's message.
- verdict_test("TIMEOUT"): `insmod /extra/hang.ko` (halts with interrupts
  off) with --timeout 6: `TIMEOUT (no power-off within 6s)`, QEMU killed
  within a few seconds of the deadline.
- Each is also run without --expect: tools/qemu-run must then exit 1 and
  keep the log it names, since neither verdict is ever a pass.
- typing_test (no boot): tools/qemu-run's typist (_Feeder) given output as
  a guest prints it. A prompt at the end gets the next line at once; a
  prompt that kernel messages followed before the typing (an interrupt
  reported just after the shell printed it) gets it once the output has
  been still for QUIET seconds, not before; a command's output still
  coming, or quiet with no prompt after the echo, gets nothing; nor does
  the prompt typed after while its echo has not come.

Each returns a list of (ok, name, why, log, details) tuples.
"""
import importlib.machinery
import io
import os
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
QEMU_RUN = os.path.join(ROOT, "tools", "qemu-run")
TIMEOUT_S = 6

VERDICTS = {    # word: (module, --timeout, stderr line, last output line)
    "RESET": ("triplefault", 30,
              "RESET (guest reset (triple fault?) - never a pass)",
              "triplefault: loading an empty IDT, then int3"),
    "TIMEOUT": ("hang", TIMEOUT_S,
                "TIMEOUT (no power-off within %ds)" % TIMEOUT_S,
                "hang: halting with interrupts off"),
}


def res(ok, name, why="", log=None, details=()):
    return (ok, name, why, log, list(details))


def qemu_run(script, timeout, expect, name):
    """Runs tools/qemu-run on script; returns (exit status, stdout, the
    last stderr line, wall seconds)."""
    cmd = [QEMU_RUN, "--add", os.path.join(ROOT, "tests", "harness"),
           "--script", script, "--from-prompt", "--timeout", str(timeout),
           "--name", name]
    if expect:
        cmd += ["--expect", expect]
    start = time.monotonic()
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    err = p.stderr.strip().splitlines()
    return p.returncode, p.stdout, err[-1] if err else "", \
        time.monotonic() - start


def verdict_problems(word, timeout, said, last, rc, out, err, wall):
    """What is wrong with one run expecting word."""
    probs = []
    if rc != 0:
        probs.append("exit %d with --expect %s" % (rc, word))
    if err != said:
        probs.append("stderr said %r, expected %r" % (err, said))
    lines = out.rstrip("\n").splitlines()
    if lines[-1:] != [last]:
        probs.append("output ends %r, expected %r" % (lines[-1:], last))
    if word == "TIMEOUT" and not timeout <= wall <= timeout + 10:
        probs.append("took %.1fs with --timeout %d" % (wall, timeout))
    return probs


def verdict_test(word):
    """Produces verdict word on purpose; see the module comment."""
    module, timeout, said, last = VERDICTS[word]
    name = "harness/%s: %s gives %s; never a pass" % (
        word.lower(), module + ".ko", word)
    log_name = "harness-" + word.lower()
    with tempfile.TemporaryDirectory(dir=os.path.join(ROOT, "build")) as t:
        script = os.path.join(t, "s.sh")
        with open(script, "w") as f:
            f.write("insmod /extra/%s.ko\n" % module)
        rc, out, err, wall = qemu_run(script, timeout, word, log_name)
        probs = verdict_problems(word, timeout, said, last, rc, out, err,
                                 wall)
        rc2, _, err2, _ = qemu_run(script, timeout, None, log_name)
    log = None
    if not err2.startswith(said + "  log: build/test-logs/"):
        probs.append("without --expect, stderr said %r" % err2)
    else:
        log = err2.split("  log: ")[1]
    if rc2 != 1:
        probs.append("without --expect, exit %d (not 1)" % rc2)
    return [res(not probs, name, "; ".join(probs[:1]), log, probs[1:])]


class _Out:
    """What the typist reads: the guest's output so far."""
    output = ""


def typing_test():
    """The typist's rule for when to type; see the module comment."""
    qr = importlib.machinery.SourceFileLoader("qemu_run",
                                              QEMU_RUN).load_module()
    name = "harness/typing: a line after a prompt, also one that kernel " \
        "messages followed"
    feeder = qr._Feeder(["echo 5 > /dev/edufact", "cat /dev/edufact",
                         "sleep 2"])
    feeder.QUIET = 0.3
    run, stdin, probs = _Out(), io.BytesIO(), []

    def step(out, wait, want, what):
        run.output += out
        feeder.poll(run, stdin)
        if wait:
            time.sleep(wait)
            feeder.poll(run, stdin)
        got = stdin.getvalue().decode()
        if got != want:
            probs.append("%s: typed %r, expected %r" % (what, got, want))

    typed = "echo 5 > /dev/edufact\n"
    step("Tessera ready\n/ # ", 0, typed, "a prompt at the end")
    step("echo 5 > /dev/ed", 0.5, typed, "the echo not ended")
    step("ufact\n/ # irq 11: nobody cared\nDisabling IRQ #11\n", 0, typed,
         "messages after the prompt, at once")
    typed += "cat /dev/edufact\n"
    step("", 0.5, typed, "messages after the prompt, still for 0.5 s")
    step("cat /dev/edufact\n120\n", 0.5, typed, "output, no prompt after "
         "it, still for 0.5 s")
    step("/ # ", 0, typed + "sleep 2\n", "the prompt after that output")
    return [res(not probs, name, "; ".join(probs[:1]), None, probs[1:])]


# What tools/check runs from this file, in order: (name, function, args).
JOBS = [("harness/" + w.lower(), verdict_test, (w,)) for w in VERDICTS] + \
    [("harness/typing", typing_test, ())]
