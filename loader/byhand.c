/*
 * Loading by hand: the commands that let a person do each of insmod's
 * steps (docs/modfs.md, "The loading protocol") from the shell, seeing
 * each one's effect, and the sequence `insmod -n` prints.
 *
 *   modlayout FILE.ko          the image layout insmod computes from the
 *                              file: sizes (for `truncate -s`), the three
 *                              parts, the imports
 *   modsyms FILE.ko            the symbol table insmod writes to
 *                              /mod/NAME/symbols, in one write (so that
 *                              `modsyms FILE.ko > /mod/NAME/symbols` hands
 *                              it over whole)
 *   modreloc FILE.ko BASE OUT  insmod's steps 5 and 6: looks the imports up
 *                              in /proc/ksym_lookup, checks them and their
 *                              CRCs, relocates for BASE (an address, or a
 *                              mapped module's directory /mod/NAME whose
 *                              status gives it: the module must be NAME, of
 *                              its file's size) and writes the image to OUT
 *
 * The checks, the lookup and the relocation are insmod's own code
 * (loader/elf.c, loader/imports.c, loader/reloc.c, loader/tools.c), so an
 * image made here is byte for byte the one insmod writes
 * (tests/scenarios/modfs_by_hand).
 */
#include "loader/byhand.h"
#include "loader/imports.h"
#include "loader/tools.h"
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/sys.h>
#include <tessera/errno.h>
#include <stdbool.h>

#define PAGES(bytes) (((bytes) + 4095) / 4096)

/* Reads and checks FILE.ko as insmod does (modelf_parse). On success
 * *file holds the file (free it with tool_free), and the warning insmod
 * prints for a module built with KBUILD_MODPOST_WARN=1 (a core reference
 * into init) is printed too. Returns 0 or -errno, having said why as
 * "CMD: FILE: reason". */
static int load_object(const char *cmd, const char *path, char **file, struct modelf *m)
{
	size_t len;
	int err = tool_read_file(path, file, &len);

	if (err == -EINVAL)
		out_printf(2, "%s: %s: not a regular file\n", cmd, path);
	else if (err)
		cmd_error(cmd, path, err);
	if (err)
		return err;
	err = modelf_parse(*file, len, m);
	if (err) {
		out_printf(2, "%s: %s: %s\n", cmd, path, m->why);
		tool_free(*file);
		*file = NULL;
	} else if (m->warn[0]) {	/* as insmod: built with KBUILD_MODPOST_WARN=1 */
		out_printf(2, "%s: %s: warning: %s\n", cmd, m->hdr.name, m->warn);
	}
	return err;
}

static const char *plural(uint32_t n)
{
	return n == 1 ? "" : "s";
}

/* ---- modlayout ---------------------------------------------------------- */

static void print_part(const struct modelf *m, int p, const char *what)
{
	const char *name = modelf_section_name(m, m->part[p].shndx);

	out_printf(1, "%-13s offset 0x%x, %u byte%s (%s)\n", m->part[p].shndx ? name :
		   p == MODELF_BSS ? ".module.bss" : ".module.init", m->part[p].addr,
		   m->part[p].size, plural(m->part[p].size), what);
}

static int modlayout_main(int argc, char **argv)
{
	struct modelf m;
	char *file;
	uint32_t pos = 0, n = 0, core, init;
	const char *sym;

	if (argc != 2)
		return cmd_usage("modlayout");
	if (load_object("modlayout", argv[1], &file, &m))
		return 1;
	core = m.hdr.core_size, init = m.hdr.init_size;
	out_printf(1, "name:        %s\n", m.hdr.name);
	out_printf(1, "image size:  %u bytes (%u page%s)\n", m.image_size,
		   PAGES(m.image_size), plural(PAGES(m.image_size)));
	print_part(&m, MODELF_MODULE, "header, code, data: copied");
	print_part(&m, MODELF_BSS, "zeros");
	print_part(&m, MODELF_INIT, "init code and data: copied");
	out_printf(1, "core size:   %u bytes (%u page%s)\n", core, PAGES(core),
		   plural(PAGES(core)));
	out_printf(1, "init size:   %u bytes (%u page%s past the core)\n", init,
		   PAGES(core + init) - PAGES(core), plural(PAGES(core + init) - PAGES(core)));
	out_printf(1, "relocations: %u\n", m.nrel);
	out_printf(1, "imports:    ");
	while ((sym = modelf_next_undef(&m, &pos)) != NULL)
		out_printf(1, " %s", sym), n++;
	out_printf(1, "%s\n", n ? "" : " -");
	tool_free(file);
	return 0;
}

SHELL_COMMAND(modlayout, modlayout_main, "modlayout FILE.ko",
	      "show a module's image layout: sizes, parts, imports (loading by hand)");

/* ---- modsyms ------------------------------------------------------------ */

static int modsyms_main(int argc, char **argv)
{
	struct modelf m;
	char *file, *text;
	uint32_t n;
	size_t len;
	int err = -ENOMEM;

	if (argc != 2)
		return cmd_usage("modsyms");
	if (load_object("modsyms", argv[1], &file, &m))
		return 1;
	len = modelf_symbols_format(&m, NULL, 0, &n);
	text = tool_alloc(len + 1);
	if (text) {
		modelf_symbols_format(&m, text, len + 1, &n);
		err = out_write(1, text, len);	/* one write: the whole table */
	}
	if (!text)
		cmd_error("modsyms", argv[1], err);
	tool_free(text);
	tool_free(file);
	if (text && err < 0)
		return cmd_write_error("modsyms", err);
	return text ? 0 : 1;
}

SHELL_COMMAND(modsyms, modsyms_main, "modsyms FILE.ko",
	      "print the symbol table insmod writes to /mod/NAME/symbols");

/* ---- modreloc ----------------------------------------------------------- */

struct reloc {
	const char *path, *out;
	char *file;
	struct modelf m;
	uint32_t base;
	struct ksym_table syms;
	const char *uses[IMPORTS_MAX_OWNERS];
	unsigned n_uses;
	uint8_t *image;
	uint32_t *values;
};

/* An image for /mod/NAME must be module NAME's, of the size of its
 * `module` file (or of its core, once init was discarded: the file was cut
 * to it), or the kernel would refuse it later, less clearly. */
static int check_directory(struct reloc *r, const char *name)
{
	char path[96], init[64];
	struct stat st;
	size_t len;
	int err;

	if (strcmp(r->m.hdr.name, name)) {
		out_printf(2, "modreloc: %s holds module %s, but the directory is /mod/%s: "
			   "no image made\n", r->path, r->m.hdr.name, name);
		return -EINVAL;
	}
	snprintf(path, sizeof(path), "/mod/%s/module", name);
	err = sys_stat(path, &st);
	if (err) {
		cmd_error("modreloc", path, err);
		return err;
	}
	tool_status_field(name, "init size", init, sizeof(init));
	len = strlen(init);
	if (st.st_size == r->m.image_size || (len > 9 && !strcmp(init + len - 9, "discarded") &&
					      st.st_size == r->m.hdr.core_size))
		return 0;
	out_printf(2, "modreloc: %s: the image is %u bytes, but %s has %u: no image made\n",
		   name, r->m.image_size, path, (uint32_t)st.st_size);
	return -EINVAL;
}

/* BASE: a number, or /mod/NAME (a mapped module: its status's base, and
 * the module must be FILE.ko's: check_directory). */
static int parse_base(struct reloc *r, const char *arg)
{
	char name[64], base[32];
	unsigned long v;
	size_t len;
	int err;

	err = cmd_parse_uint(arg, &v);
	if (!err && v <= 0xffffffffUL) {
		r->base = v;
		return 0;
	}
	if (!err || err == -ERANGE) {
		out_printf(2, "modreloc: %s: not a 32-bit address\n", arg);
		return -ERANGE;
	}
	if (strncmp(arg, "/mod/", 5) || !arg[5]) {
		out_printf(2, "modreloc: %s: not an address nor a module directory "
			   "/mod/NAME\n", arg);
		return -EINVAL;
	}
	strlcpy(name, arg + 5, sizeof(name));
	len = strlen(name);
	if (len && name[len - 1] == '/')
		name[len - 1] = '\0';
	err = tool_status_field(name, "base", base, sizeof(base));
	if (err) {
		out_printf(2, "modreloc: cannot read the base address from %s/status: %s\n",
			   arg, strerror(err));
		return err;
	}
	if (cmd_parse_uint(base, &v) || !v) {
		out_printf(2, "modreloc: %s is not mapped (base: %s); write \"map module\" "
			   "to its control first\n", arg, base);
		return -EINVAL;
	}
	r->base = v;
	return check_directory(r, name);
}

/* Writes the image to r->out: in place, then cut to its size (as cp does),
 * so OUT may be a mapped module's `module` file of that size. */
static int write_image(struct reloc *r)
{
	struct stat st;
	int fd = sys_open(r->out, O_WRONLY | O_CREAT);
	ssize_t n = fd;

	if (fd >= 0)
		n = out_write(fd, r->image, r->m.image_size);
	if (n >= 0 && !sys_fstat(fd, &st) && st.st_size > r->m.image_size)
		n = sys_ftruncate(fd, r->m.image_size);
	if (fd >= 0)
		sys_close(fd);
	if (n < 0)
		cmd_error("modreloc", r->out, n);
	if (n < 0)
		cmd_kernel_reason("modreloc", r->out, n);
	return n < 0 ? n : 0;
}

static int relocate(struct reloc *r)
{
	int err = imports_look_up("modreloc", &r->m, &r->syms);

	if (!err)
		err = imports_check("modreloc", "no image made", &r->m, &r->syms, r->uses,
				    &r->n_uses);
	if (err == -EINVAL)	/* each disagreeing CRC was named; insmod stops there */
		out_printf(2, "modreloc: %s: symbol versions disagree: no image made\n",
			   r->m.hdr.name);
	if (err)
		return err;
	r->image = tool_alloc(r->m.image_size);
	r->values = tool_alloc(r->m.nsym * sizeof(uint32_t));
	if (!r->image || !r->values) {
		out_printf(2, "modreloc: %s: no memory for the %u-byte image: %s\n",
			   r->m.hdr.name, r->m.image_size, strerror(-ENOMEM));
		return -ENOMEM;
	}
	err = modreloc_apply(&r->m, r->image, r->base, imports_resolve, &r->syms,
			     r->values);
	if (err) {
		out_printf(2, "modreloc: %s: %s\n", r->path, r->m.why);
		return err;
	}
	err = write_image(r);
	if (err)
		return err;
	out_printf(1, "%s: %u relocation%s applied for base 0x%08x: %u bytes written to %s\n",
		   r->m.hdr.name, r->m.nrel, plural(r->m.nrel), r->base, r->m.image_size,
		   r->out);
	out_printf(1, "uses:");
	for (unsigned i = 0; i < r->n_uses; i++)
		out_printf(1, " %s", r->uses[i]);
	out_printf(1, "%s\n", r->n_uses ? "" : " -");
	return 0;
}

static int modreloc_main(int argc, char **argv)
{
	struct reloc r = { 0 };
	int err;

	if (argc != 4)
		return cmd_usage("modreloc");
	r.path = argv[1], r.out = argv[3];
	err = load_object("modreloc", r.path, &r.file, &r.m);
	if (!err)
		err = parse_base(&r, argv[2]);
	if (!err && r.m.image_size && r.base > 0xffffffffU - (r.m.image_size - 1)) {
		out_printf(2, "modreloc: base 0x%08x: the %u-byte image would run past "
			   "the end of the 4 GiB address space\n", r.base, r.m.image_size);
		err = -ERANGE;
	}
	if (!err)
		err = relocate(&r);
	tool_free(r.image);
	tool_free(r.values);
	tool_free(r.file);
	ksym_table_free(&r.syms);
	return err ? 1 : 0;
}

SHELL_COMMAND(modreloc, modreloc_main, "modreloc FILE.ko BASE|/mod/NAME OUT",
	      "relocate a module for a base address, resolving its imports as "
	      "insmod does, and write the image to OUT");

/* ---- insmod -n ---------------------------------------------------------- */

/* Prints w as the shell reads it back: as is if plain, else in single
 * quotes, each ' in it written '\'' (close, a quoted quote, reopen). */
static void put_word(const char *w)
{
	const char *c = w;

	while (*c && ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      (*c >= '0' && *c <= '9') || strchr("_=,.-/:+", *c)))
		c++;
	if (w[0] && !*c) {
		out_printf(1, "%s", w);
		return;
	}
	out_printf(1, "'");
	for (c = w; strchr(c, '\''); c = strchr(c, '\'') + 1)
		out_printf(1, "%.*s'\\''", (int)(strchr(c, '\'') - c), c);
	out_printf(1, "%s'", c);
}

void byhand_print_commands(const struct byhand_plan *p)
{
	const struct modelf *m = p->m;
	const char *name = m->hdr.name;
	char dir[72], img[80];

	snprintf(dir, sizeof(dir), "/mod/%s", name);
	snprintf(img, sizeof(img), "/tmp/%s.img", name);
	out_printf(1, "mkdir %s\n", dir);
	out_printf(1, "truncate -s %u %s/module\n", m->image_size, dir);
	if (p->near)
		out_printf(1, "echo near %s > %s/control\n", p->near, dir);
	out_printf(1, "echo map module > %s/control\n", dir);
	if (p->forced)
		out_printf(1, "echo force vermagic > %s/control\n", dir);
	out_printf(1, "cat %s/status\n", dir);
	out_printf(1, "modreloc ");
	put_word(p->path);
	out_printf(1, " %s %s\nmodsyms ", dir, img);
	put_word(p->path);
	out_printf(1, " > %s/symbols\n", dir);
	out_printf(1, "cp %s %s/module\n", img, dir);
	out_printf(1, "rm %s\n", img);
	for (unsigned i = 0; i < p->n_owners; i++)
		out_printf(1, "echo use %s > %s/control\n", p->owners[i], dir);
	if (p->n_args == 1) {
		out_printf(1, "echo ");
		put_word(p->args[0]);
		out_printf(1, " > %s/args\n", dir);
	}
	for (int i = 0; p->n_args > 1 && i < p->n_args; i++) {
		out_printf(1, "echo ");
		put_word(p->args[i]);
		out_printf(1, " %s /tmp/%s.args\n", i ? ">>" : ">", name);
	}
	if (p->n_args > 1) {
		out_printf(1, "cp /tmp/%s.args %s/args\n", name, dir);
		out_printf(1, "rm /tmp/%s.args\n", name);
	}
	out_printf(1, "echo init module > %s/control\n", dir);
	if (m->hdr.init_size)
		out_printf(1, "truncate -s %u %s/module\n", m->hdr.core_size, dir);
}
