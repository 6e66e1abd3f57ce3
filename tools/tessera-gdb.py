# tools/tessera-gdb.py: gdb commands that know Tessera, loaded by
# tools/gdbinit (`make debug`; docs/debugging.md "Debugging with gdb").
#
#   tx-symbols [DIR...]  load the symbols of every mapped module where the
#                        kernel put it (add-symbol-file NAME.ko -o BASE: a
#                        section's address in a .ko is its image offset, so
#                        each section lands at its real address); NAME.ko is
#                        looked for in build/modules/, $TESSERA_M (make debug
#                        M=DIR) and the DIRs given. Runs by itself each time
#                        a module is about to run its init (a breakpoint on
#                        module_debug_loaded, kernel/module.c), so `break
#                        NAME_init` set before insmod stops there.
#   tx-lsmod             the kernel's module records: name, base, size,
#                        state, refcount, users
#   tx-ps                the threads: pid, state, name
#
# Linux's gdb scripts call the same commands lx-symbols, lx-lsmod and lx-ps;
# those names are aliases here. Everything is read from the kernel's memory
# through its debug information (kernel/module.c's `modules`, kernel/sched.c's
# `sched`), never from the serial console.
import os
import gdb

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(
    globals().get("__file__", "tools/tessera-gdb.py"))))

# Where NAME.ko files are looked for, in order.
search_dirs = [os.path.join(ROOT, "build", "modules")]
for d in os.environ.get("TESSERA_M", "").split(":"):
    if d:
        search_dirs.append(os.path.join(ROOT, d))

# name -> (path, base) of each module whose symbols gdb has now
loaded = {}

STATES = {"MODULE_STATE_UNMAPPED": "unmapped", "MODULE_STATE_MAPPED": "mapped",
          "MODULE_STATE_COMING": "initializing", "MODULE_STATE_LIVE": "live",
          "MODULE_STATE_GOING": "going"}


def rel(path):
    """path as the user would type it from the tree's top."""
    r = os.path.relpath(path, ROOT)
    return path if r.startswith("..") else r


def module_records():
    """Every module record (gdb.Value, struct module_record *), oldest
    first, as kernel/module.c keeps them."""
    rec = gdb.parse_and_eval("'kernel/module.c'::modules")["oldest"]
    out = []
    while int(rec) != 0:
        out.append(rec)
        rec = rec["newer"]
    return out


def find_ko(name):
    """The NAME.ko file of a module (also NAME with '-' for '_', as
    kbuild names files), or None."""
    for d in search_dirs:
        for n in (name, name.replace("_", "-")):
            p = os.path.join(d, n + ".ko")
            if os.path.exists(p):
                return p
    return None


def add_symbol_file_cmd(path, base):
    """The add-symbol-file command for path's image mapped at base. Each
    section's address in a .ko is its offset in the image (linker/
    module.lds), so -o BASE puts .module, .module.bss and .module.init each
    at its real address. (-s per section would say the same, but gdb 13
    aborts with "sect_index_text not initialized" when -s addresses a file
    that has no .text section.)"""
    return "add-symbol-file %s -o 0x%08x" % (rel(path), base)


def refresh(verbose=False):
    """Makes gdb's module symbol files match the modules mapped now."""
    now = {}
    for rec in module_records():
        base = int(rec["hdr"])
        if base:
            now[rec["name"].string()] = base
    for name, (path, base) in list(loaded.items()):
        if now.get(name) != base:
            gdb.execute("remove-symbol-file -a 0x%08x" % base, to_string=True)
            del loaded[name]
    for name, base in now.items():
        if name in loaded:
            continue
        path = find_ko(name)
        if not path:
            print("tx-symbols: %s: no %s.ko in %s" % (name, name, " ".join(
                rel(d) for d in search_dirs)))
            continue
        cmd = add_symbol_file_cmd(path, base)
        gdb.execute(cmd, to_string=True)
        loaded[name] = (path, base)
        print("tx-symbols: %s" % cmd)
    if verbose and not now:
        print("tx-symbols: no module is mapped")


class LoadBreakpoint(gdb.Breakpoint):
    """On module_debug_loaded: the image is mapped, init not yet run."""

    def __init__(self):
        super().__init__("module_debug_loaded", internal=True)
        self.silent = True

    def stop(self):
        refresh()
        return False    # go on, with the new breakpoints in place


class TxSymbols(gdb.Command):
    """Load the symbols of every loaded module at its section addresses.
Usage: tx-symbols [DIR...]
Looks for NAME.ko in build/modules/, make debug's M=DIR, and the DIRs
given (remembered); runs by itself before each module's init."""

    def __init__(self):
        super().__init__("tx-symbols", gdb.COMMAND_FILES, gdb.COMPLETE_FILENAME)

    def invoke(self, arg, from_tty):
        for d in gdb.string_to_argv(arg):
            d = os.path.abspath(os.path.expanduser(d))
            if d not in search_dirs:
                search_dirs.append(d)
        refresh(verbose=True)


class TxLsmod(gdb.Command):
    """List the kernel's module records: name, base, size, state, refcount.
Usage: tx-lsmod"""

    def __init__(self):
        super().__init__("tx-lsmod", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        print("%-20s %-10s %8s  %-12s %4s  %s" % (
            "Module", "Base", "Size", "State", "Refs", "Used by"))
        for rec in module_records():
            users, link = [], rec["users"]
            while int(link) != 0:
                users.append(link["user"]["name"].string())
                link = link["next"]
            state = STATES.get(str(rec["state"]), str(rec["state"]))
            print("%-20s 0x%08x %8d  %-12s %4d  %s" % (
                rec["name"].string(), int(rec["hdr"]), int(rec["mapped_size"]),
                state, int(rec["refcount"]), ",".join(users) or "-"))


def task_states(t):
    """ps's letter for a task's __state (kernel/sched.c's state_letter)."""
    s = int(t["__state"])
    if s == 0:
        return "R"
    if s == 0x80:
        return "Z"
    if s & 1:
        return "S"
    return "I" if s & 0x400 else "D"


class TxPs(gdb.Command):
    """List the threads: pid, state (R S D I Z, as ps), name; > marks the
one running. Usage: tx-ps"""

    def __init__(self):
        super().__init__("tx-ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        sched = gdb.parse_and_eval("'kernel/sched.c'::sched")
        ttype = gdb.lookup_type("struct task_struct")
        off = next(f.bitpos // 8 for f in ttype.fields() if f.name == "tasks")
        tasks = [sched["idle"]] if int(sched["idle"]) else []
        head = sched["all"].address
        node = sched["all"]["next"]
        while int(node) != int(head):
            tasks.append(gdb.Value(int(node) - off).cast(ttype.pointer()))
            node = node["next"]
        curr = int(sched["curr"])
        print("  %5s %s %s" % ("PID", "S", "COMMAND"))
        for t in sorted(tasks, key=lambda t: int(t["pid"])):
            print("%s %5d %s %s" % (">" if int(t) == curr else " ", int(t["pid"]),
                                   task_states(t), t["comm"].string()))


# Sources are named relative to the tree's top (the build's -ffile-prefix-
# map, with compilation directory "."): found from whatever gdb's cwd is.
# Out-of-tree modules outside the tree are named by absolute paths.
gdb.execute("directory " + ROOT, to_string=True)
TxSymbols()
TxLsmod()
TxPs()
LoadBreakpoint()
for _linux, _ours in (("lx-symbols", "tx-symbols"), ("lx-lsmod", "tx-lsmod"),
                      ("lx-ps", "tx-ps")):
    try:        # Linux's own scripts, if loaded too, keep their names
        gdb.execute("alias %s = %s" % (_linux, _ours), to_string=True)
    except gdb.error:
        pass
