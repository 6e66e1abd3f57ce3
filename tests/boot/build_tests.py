"""tests/boot/build_tests.py: building out-of-tree modules the way a Linux
user does, on the host (no QEMU). Each test writes a small module
directory under build/, runs `make -C TESSERA M=DIR ...` in it, and
checks the exit status, the messages and the files left behind.

- lkmpg_makefile: DIR/Makefile in LKMPG's shape (obj-m += lines, a
  NAME-objs module, `all:` and `clean:` calling /lib/modules/...): `make
  -C TESSERA M=DIR modules` builds both modules (hi-1.ko is module
  hi_1), `make -C TESSERA M=DIR clean` leaves exactly the sources.
- kernelrelease_makefile: a Makefile with `ifneq ($(KERNELRELEASE),)`
  obj-m `else` a default goal `endif`: only the obj-m part is read.
- linux_warnings: out-of-tree modules get Linux's warnings, not -Werror:
  an unused variable is a warning and the module builds; with W=e it is
  an error.
- unexported_implicit: a module calling the kernel-internal sys_read
  without declaring it fails to compile, naming it.
- unexported_declared: a module declaring sys_read itself compiles, then
  modpost fails the build with Linux's line
  `ERROR: modpost: "sys_read" [DIR/foo.ko] undefined!` and no foo.ko.

Each returns a list of (ok, name, why, log, details) tuples.
"""
import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))

HELLO = """#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>

static int __init %(fn)s_init(void)
{
%(body)s	return 0;
}

static void __exit %(fn)s_exit(void)
{
}

module_init(%(fn)s_init);
module_exit(%(fn)s_exit);
MODULE_LICENSE("GPL");
"""

LKMPG_MAKEFILE = """obj-m += hi-1.o
obj-m += two.o
two-objs := two_a.o two_b.o

PWD := $(CURDIR)

all:
\t$(MAKE) -C /lib/modules/$(shell uname -r)/build M=$(PWD) modules

clean:
\t$(MAKE) -C /lib/modules/$(shell uname -r)/build M=$(PWD) clean
"""

RELEASE_MAKEFILE = """ifneq ($(KERNELRELEASE),)
obj-m := rel.o
else
KDIR ?= /lib/modules/$(shell uname -r)/build
default:
\t$(MAKE) -C $(KDIR) M=$(CURDIR) modules
endif
"""

TWO_A = """#include <linux/module.h>
#include <linux/kernel.h>

int init_module(void)
{
\tpr_info("two_a: module %s\\n", KBUILD_MODNAME);
\treturn 0;
}
MODULE_LICENSE("GPL");
"""

TWO_B = """#include <linux/module.h>
#include <linux/kernel.h>

void cleanup_module(void)
{
\tpr_info("two_b: module %s\\n", KBUILD_MODNAME);
}
"""


def res(ok, name, why="", log=None, details=()):
    return (ok, name, why, log, list(details))


def write(d, files):
    for name, text in files.items():
        with open(os.path.join(d, name), "w") as f:
            f.write(text)


def make(d, *goals):
    """Runs make -C TESSERA M=d goals; returns (status, stdout+stderr)."""
    env = dict(os.environ, LC_ALL="C")
    for v in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS"):
        env.pop(v, None)
    p = subprocess.run(["make", "-C", ROOT, "M=" + d] + list(goals),
                       cwd=d, env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def in_build_dir(test):
    """Runs test(d) in a fresh directory under build/; returns its list of
    problems and the last output (for details)."""
    os.makedirs(os.path.join(ROOT, "build"), exist_ok=True)
    with tempfile.TemporaryDirectory(dir=os.path.join(ROOT, "build"),
                                     prefix="kbuild-") as d:
        return test(d)


def result(name, probs, out):
    return [res(not probs, name, "; ".join(probs[:1]), None,
                probs[1:] + (out.splitlines()[-12:] if probs else []))]


def lkmpg_makefile():
    def test(d):
        sources = {"Makefile": LKMPG_MAKEFILE,
                   "hi-1.c": HELLO % {"fn": "hi", "body": '\tpr_info("hi\\n");\n'},
                   "two_a.c": TWO_A, "two_b.c": TWO_B}
        write(d, sources)
        probs = []
        rc, out = make(d, "modules")
        if rc != 0:
            return ["make modules: exit %d" % rc], out
        for ko in ("hi-1.ko", "two.ko"):
            if not os.path.exists(os.path.join(d, ko)):
                probs.append("no %s after make modules" % ko)
        with open(os.path.join(d, "hi-1.mod.c")) as f:
            if '\t.name = "hi_1",\n' not in f.read():
                probs.append("hi-1.mod.c does not name module hi_1")
        with open(os.path.join(d, "two.ko"), "rb") as f:
            if b"module %s\n" not in f.read():
                probs.append("two.ko lacks its messages")
        if "LD [M]  %s/two.o" % d not in out:
            probs.append("two.o was not linked from its objects")
        rc, out2 = make(d, "clean")
        left = sorted(os.listdir(d))
        if rc != 0:
            probs.append("make clean: exit %d" % rc)
        if left != sorted(sources):
            probs.append("after make clean: %s (expected the sources %s)"
                         % (left, sorted(sources)))
        return probs, out + out2
    probs, out = in_build_dir(test)
    return result("build/lkmpg_makefile: make -C TESSERA M=DIR modules, "
                  "then clean, with LKMPG's Makefile", probs, out)


def kernelrelease_makefile():
    def test(d):
        write(d, {"Makefile": RELEASE_MAKEFILE,
                  "rel.c": HELLO % {"fn": "rel", "body": ""}})
        rc, out = make(d, "modules")
        probs = [] if rc == 0 else ["make modules: exit %d" % rc]
        if not os.path.exists(os.path.join(d, "rel.ko")):
            probs.append("no rel.ko")
        return probs, out
    probs, out = in_build_dir(test)
    return result("build/kernelrelease_makefile: a Makefile's obj-m under "
                  "ifneq ($(KERNELRELEASE),)", probs, out)


def linux_warnings():
    def test(d):
        write(d, {"warn.c": HELLO % {"fn": "warn", "body": "\tint unused;\n"}})
        probs = []
        rc, out = make(d)
        line = ("%s/warn.c:7:13: warning: unused variable 'unused' "
                "[-Wunused-variable]" % d)
        if rc != 0:
            probs.append("an unused variable failed the build (exit %d)" % rc)
        if line not in out.splitlines():
            probs.append("no line %r" % line)
        make(d, "clean")
        rc, out2 = make(d, "W=e")
        if rc == 0 or "error: unused variable 'unused'" not in out2:
            probs.append("W=e: exit %d, expected the warning as an error" % rc)
        return probs, out + out2
    probs, out = in_build_dir(test)
    return result("build/linux_warnings: out-of-tree modules warn as Linux, "
                  "-Werror only with W=e", probs, out)


def unexported_implicit():
    def test(d):
        body = "\tchar c;\n\n\tsys_read(0, &c, 1);\n"
        write(d, {"foo.c": HELLO % {"fn": "foo", "body": body}})
        rc, out = make(d, "modules")
        line = ("%s/foo.c:9:9: error: implicit declaration of function "
                "'sys_read' [-Werror=implicit-function-declaration]" % d)
        probs = []
        if rc == 0:
            probs.append("the build passed")
        if line not in out.splitlines():
            probs.append("no line %r" % line)
        if "did you mean" in out:
            probs.append("gcc suggested a name: %s" % [
                l for l in out.splitlines() if "did you mean" in l][0])
        if os.path.exists(os.path.join(d, "foo.ko")):
            probs.append("foo.ko was made")
        return probs, out
    probs, out = in_build_dir(test)
    return result("build/unexported_implicit: calling sys_read fails to "
                  "compile, naming it", probs, out)


def unexported_declared():
    def test(d):
        decl = "long sys_read(int fd, void *buf, unsigned long count);\n\n"
        body = "\tchar c;\n\n\tsys_read(0, &c, 1);\n"
        write(d, {"foo.c": HELLO.replace("\nstatic int", "\n" + decl +
                                         "static int", 1)
                  % {"fn": "foo", "body": body}})
        rc, out = make(d, "modules")
        line = 'ERROR: modpost: "sys_read" [%s/foo.ko] undefined!' % d
        probs = []
        if rc == 0:
            probs.append("the build passed")
        if line not in out.splitlines():
            probs.append("no line %r" % line)
        if os.path.exists(os.path.join(d, "foo.ko")):
            probs.append("foo.ko was made")
        return probs, out
    probs, out = in_build_dir(test)
    return result("build/unexported_declared: declaring sys_read itself, "
                  "modpost fails the build naming it", probs, out)


# What tools/check runs from this file, in order: (name, function, args).
JOBS = [("build/lkmpg_makefile", lkmpg_makefile, ()),
        ("build/kernelrelease_makefile", kernelrelease_makefile, ()),
        ("build/linux_warnings", linux_warnings, ()),
        ("build/unexported_implicit", unexported_implicit, ()),
        ("build/unexported_declared", unexported_declared, ())]
