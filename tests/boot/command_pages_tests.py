"""tests/boot/command_pages_tests.py: every shell command has its manual
page, docs/commands/NAME.md (what `help NAME` prints), and every page has
its command. No boot: the command table is read from the kernel itself,
build/tessera.elf (the .shell_commands entries between
__shell_commands_start and __shell_commands_end: name, function, usage,
help), so a command added anywhere in the kernel without a page fails.

For each page (test "docs/command-pages/NAME"):
- it starts `# NAME(1)` and has the sections NAME, SYNOPSIS, DESCRIPTION,
  OPTIONS, EXIT STATUS, EXAMPLES, SEE ALSO, in that order, and at most
  MAX_LINES lines (a page is short; docs/ has the long story);
- its NAME section is `NAME - WHAT`;
- its SYNOPSIS is exactly the command's usage line, in backquotes;
- the options it documents (OPTIONS items "- `-x ...`: ...") are exactly
  the dash options of the synopsis, and each of them is a string literal
  "-x" in the source file that registers the command (every command
  compares its arguments with strcmp against such literals), so a page
  cannot offer an option the code does not accept;
- every docs/*.md its SEE ALSO names exists.

PAGES_WITHOUT_COMMAND lists the pages allowed to have no command yet
(written ahead of the command, by the issue's text); an entry whose command
exists fails, so the list is emptied as soon as it can be.
"""
import glob
import os
import re
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
ELF = os.path.join(ROOT, "build", "tessera.elf")
PAGES = os.path.join(ROOT, "docs", "commands")
SOURCE_DIRS = ("shell", "loader", "drivers", "kernel", "fs", "mm", "lib")
SECTIONS = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS",
            "EXAMPLES", "SEE ALSO"]
MAX_LINES = 60
PAGES_WITHOUT_COMMAND = set()


def res(ok, name, why="", log=None, details=()):
    return (ok, name, why, log, list(details))


# ---- the kernel's command table ----------------------------------------

class Elf32:
    """Just enough of an ELF32 little-endian file: symbols and reading
    bytes at a virtual address."""

    def __init__(self, path):
        with open(path, "rb") as f:
            self.data = f.read()
        shoff, = struct.unpack_from("<I", self.data, 0x20)
        shentsize, shnum = struct.unpack_from("<HH", self.data, 0x2e)
        self.sections = [struct.unpack_from("<10I", self.data,
                                            shoff + i * shentsize)
                         for i in range(shnum)]

    def symbols(self):
        """{name: value} of the symbol table."""
        out = {}
        for sh in self.sections:
            if sh[1] != 2:          # SHT_SYMTAB
                continue
            strtab = self.sections[sh[6]]
            for off in range(sh[4], sh[4] + sh[5], 16):
                name, value = struct.unpack_from("<II", self.data, off)
                out[self.cstring_at(strtab[4] + name)] = value
        return out

    def cstring_at(self, off):
        return self.data[off:self.data.index(b"\0", off)].decode()

    def offset(self, addr):
        """File offset of virtual address addr (in a section with bits)."""
        for sh in self.sections:
            if sh[1] != 8 and sh[3] <= addr < sh[3] + sh[5]:  # not NOBITS
                return sh[4] + addr - sh[3]
        raise ValueError("address 0x%x is in no section" % addr)


def command_table():
    """{name: usage} of every command the kernel registers."""
    elf = Elf32(ELF)
    syms = elf.symbols()
    start, end = (syms["__shell_commands_start"],
                  syms["__shell_commands_end"])
    out = {}
    for addr in range(start, end, 16):
        name, _, usage, _ = struct.unpack_from("<4I", elf.data,
                                               elf.offset(addr))
        out[elf.cstring_at(elf.offset(name))] = \
            elf.cstring_at(elf.offset(usage))
    return out


def command_sources():
    """{name: text of the C file whose SHELL_COMMAND(name, ...) registers
    it}."""
    out = {}
    for d in SOURCE_DIRS:
        for path in glob.glob(os.path.join(ROOT, d, "**", "*.c"),
                              recursive=True):
            with open(path) as f:
                text = f.read()
            for m in re.finditer(r"^SHELL_COMMAND\((\w+),", text, re.M):
                out[m.group(1)] = (os.path.relpath(path, ROOT), text)
    return out


# ---- one page ------------------------------------------------------------

def split_sections(text):
    """[(heading, body)] of the `## ` sections."""
    parts = re.split(r"^## (.*)\n", text, flags=re.M)
    return [(parts[i], parts[i + 1].strip("\n"))
            for i in range(1, len(parts) - 1, 2)]


def dash_options(text):
    return set(re.findall(r"(?<![\w-])-[A-Za-z]+", text))


def page_problems(name, text, usage, source):
    """What is wrong with page NAME.md; usage and source (path, text) are
    None for a page without a command."""
    probs = []
    if not text.startswith("# %s(1)\n" % name):
        probs.append("does not start with '# %s(1)'" % name)
    if text.count("\n") > MAX_LINES:
        probs.append("%d lines, more than %d" % (text.count("\n"),
                                                  MAX_LINES))
    secs = split_sections(text)
    if [h for h, _ in secs] != SECTIONS:
        probs.append("sections %s, expected %s" % ([h for h, _ in secs],
                                                   SECTIONS))
        return probs
    body = dict(secs)
    if not body["NAME"].startswith(name + " - "):
        probs.append("NAME section is not '%s - WHAT'" % name)
    synopsis = body["SYNOPSIS"].split("\n")[0]
    if usage is not None and synopsis != "`%s`" % usage:
        probs.append("SYNOPSIS %s, but the command's usage is `%s`"
                     % (synopsis, usage))
    listed = set(re.findall(r"^- `(-[A-Za-z]+)", body["OPTIONS"], re.M))
    offered = dash_options(synopsis)
    if listed != offered:
        probs.append("OPTIONS documents %s, the synopsis offers %s"
                     % (sorted(listed), sorted(offered)))
    for opt in sorted(offered) if source else ():
        if '"%s"' % opt not in source[1]:
            probs.append('option %s: no "%s" in %s' % (opt, opt, source[0]))
    for doc in re.findall(r"docs/[\w/.-]+\.md", body["SEE ALSO"]):
        if not os.path.exists(os.path.join(ROOT, doc)):
            probs.append("SEE ALSO names %s, which does not exist" % doc)
    return probs


def command_pages_test():
    """One result per command or page; see the module comment."""
    table = command_table()
    sources = command_sources()
    pages = {os.path.basename(p)[:-3]: p
             for p in glob.glob(os.path.join(PAGES, "*.md"))}
    results = []
    for name in sorted(set(table) | set(pages)):
        test = "docs/command-pages/" + name
        if name not in pages:
            results.append(res(False, test, "command %s has no page "
                               "docs/commands/%s.md" % (name, name)))
            continue
        if name not in table and name not in PAGES_WITHOUT_COMMAND:
            results.append(res(False, test, "page docs/commands/%s.md has "
                               "no command in the kernel" % name))
            continue
        if name in table and name in PAGES_WITHOUT_COMMAND:
            results.append(res(False, test, "%s is a command now: remove it "
                               "from PAGES_WITHOUT_COMMAND" % name))
            continue
        with open(pages[name]) as f:
            text = f.read()
        probs = page_problems(name, text, table.get(name),
                              sources.get(name))
        results.append(res(not probs, test, "; ".join(probs[:1]), None,
                           probs[1:]))
    return results


# What tools/check runs from this file, in order: (name, function, args).
JOBS = [("docs/command-pages", command_pages_test, ())]
