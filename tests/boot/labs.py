"""tests/boot/labs.py: every lab's grader against its reference solution
and its starting file (labs/README.md; tools/check runs these JOBS).

- lab_NN_slug_solution: labs/NN-slug/ copied to build/labs/ and
  tests/labs/NN-slug/solution.patch (a unified diff against the starting
  file) applied to the copy with patch(1): the reference solution, graded
  by tools/grade: every check must pass, exit status 0. A patch that does
  not apply exactly (no fuzz) fails the test.
- lab_NN_slug_start: labs/NN-slug/ as handed out, graded the same way: it
  must fail, and exactly the checks tests/labs/NN-slug/start-fails names
  (one check name a line): the ones the task is about, no others. A
  line `? NAME` names a check the starting file may fail or pass, because
  its result is not the task's but the machine's (a small leak shows in
  memdiff only when it happens to need a fresh heap page).
- lab_grader_cuts_transcripts: tools/grade's split_outputs on transcripts
  written here, one for each place a kernel message can come (after the
  output, before the typing, in the middle of an echo, before the echoed
  Enter): each command gets its own output, and the messages go to the
  command before (an interrupt an `echo N > /dev/edufact` asked for that
  fires while the next line is typed, as QEMU's edu device does when the
  host is busy).
"""
import glob
import importlib.machinery
import os
import re
import shutil
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
RESULT_RE = re.compile(r"^(ok|not ok) \d+ (.*?)(?: # (.*))?$")


def res(ok, name, why="", log=None, details=()):
    return (ok, name, why, log, list(details))


def copy_lab(lab, kind):
    """build/labs/NN-slug-KIND: the lab's files, and for a solution
    tests/labs/NN-slug/solution.patch applied to them; returns the repo
    path, or raises RuntimeError with patch's output if it does not
    apply exactly."""
    dst = os.path.join("build", "labs", "%s-%s" % (lab, kind))
    shutil.rmtree(os.path.join(ROOT, dst), ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "labs", lab), os.path.join(ROOT, dst))
    if kind == "solution":
        p = subprocess.run(
            ["patch", "--batch", "--forward", "--fuzz=0",
             "--no-backup-if-mismatch", "-p1", "-d", dst, "-i",
             os.path.join(ROOT, "tests", "labs", lab, "solution.patch")],
            cwd=ROOT, capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError(p.stdout + p.stderr)
    return dst


def grade(lab, kind):
    """Runs tools/grade on the copy; returns (exit status, {check name:
    reason or None}, stdout, log path)."""
    d = copy_lab(lab, kind)
    log = os.path.join("build", "test-logs", "lab-%s-%s.log" % (lab, kind))
    os.makedirs(os.path.join(ROOT, "build", "test-logs"), exist_ok=True)
    p = subprocess.run([os.path.join(ROOT, "tools", "grade"), "--log", log,
                        lab, d], cwd=ROOT, capture_output=True, text=True,
                       timeout=300)
    checks = {}
    for line in p.stdout.splitlines():
        m = RESULT_RE.match(line)
        if m:
            checks[m.group(2)] = None if m.group(1) == "ok" else m.group(3)
    return p.returncode, checks, p.stdout + p.stderr, log


def solution_test(name, lab):
    try:
        rc, checks, out, log = grade(lab, "solution")
    except RuntimeError as e:
        return [res(False, name, "tests/labs/%s/solution.patch does not "
                    "apply to labs/%s" % (lab, lab), None,
                    str(e).splitlines()[-10:])]
    bad = ["%s: %s" % (k, v) for k, v in checks.items() if v is not None]
    if rc != 0 or bad or not checks:
        return [res(False, name, "the grader fails the reference solution",
                    log, bad or out.splitlines()[-10:])]
    return [res(True, name)]


def start_test(name, lab):
    with open(os.path.join(ROOT, "tests", "labs", lab, "start-fails")) as f:
        lines = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    want = [l for l in lines if not l.startswith("? ")]
    either = {l[2:].strip() for l in lines if l.startswith("? ")}
    rc, checks, out, log = grade(lab, "start")
    failed = [k for k, v in checks.items() if v is not None]
    if rc == 0 or [k for k in failed if k not in either] != want:
        return [res(False, name, "the starting file must fail exactly the "
                    "checks of tests/labs/%s/start-fails" % lab, log,
                    ["failed: " + ", ".join(failed) if failed else
                     "failed: none", "wanted: " + ", ".join(want)])]
    return [res(True, name)]


def lab_jobs():
    jobs = []
    for d in sorted(glob.glob(os.path.join(ROOT, "tests", "labs", "*"))):
        lab = os.path.basename(d)
        slug = lab.replace("-", "_")
        jobs.append(("lab_%s_solution" % slug, solution_test,
                     ("lab_%s_solution" % slug, lab)))
        jobs.append(("lab_%s_start" % slug, start_test,
                     ("lab_%s_start" % slug, lab)))
    return jobs


# (what the guest printed, the lines typed, each line's output)
CUTS = [
    ("/ # echo 5 > /dev/x\nirq 11: a\n/ # cat /dev/x\n120\n/ # poweroff\n",
     ["echo 5 > /dev/x", "cat /dev/x"], [["irq 11: a"], ["120"]]),
    ("/ # echo 5 > /dev/x\n/ # irq 11: a\nirq 11: b\ncat /dev/x\n120\n"
     "/ # poweroff\n",
     ["echo 5 > /dev/x", "cat /dev/x"], [["irq 11: a", "irq 11: b"],
                                         ["120"]]),
    ("/ # echo 5 > /dev/x\n/ # cat /dev/eirq 11: a\nirq 11: b\ndufact\n"
     "120\n/ # poweroff\n",
     ["echo 5 > /dev/x", "cat /dev/edufact"], [["irq 11: a", "irq 11: b"],
                                               ["120"]]),
    ("/ # echo 5 > /dev/x\n/ # cat /dev/xirq 11: a\n\n120\n/ # poweroff\n",
     ["echo 5 > /dev/x", "cat /dev/x"], [["irq 11: a"], ["120"]]),
    ("/ # cat /dev/x\n1\n/ # cirq 11: a\nat /dev/x\n2\n/ # cat /dev/x\n3\n"
     "/ # poweroff\n",
     ["cat /dev/x", "cat /dev/x", "cat /dev/x"], [["1", "irq 11: a"], ["2"],
                                                 ["3"]]),
]


def cuts_test(name):
    """Every transcript of CUTS cut as it says."""
    grade_py = importlib.machinery.SourceFileLoader(
        "grade", os.path.join(ROOT, "tools", "grade")).load_module()
    bad = []
    for text, lines, want in CUTS:
        got = grade_py.split_outputs(text, lines)
        if got != want:
            bad.append("%r: got %r, wanted %r" % (text, got, want))
    if bad:
        return [res(False, name, "%d of %d transcripts cut wrong" %
                    (len(bad), len(CUTS)), None, bad)]
    return [res(True, name)]


JOBS = [("lab_grader_cuts_transcripts", cuts_test,
         ("lab_grader_cuts_transcripts",))] + lab_jobs()
