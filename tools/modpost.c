/*
 * modpost: the host step between compiling a module and linking it.
 *
 *   modpost [--intree] [--known FILE]... -o NAME.mod.c NAME.o NAME.i
 *	reads the module object (with loader/elf.c) and its preprocessed
 *	source; writes NAME.mod.c: the module header (__this_module), the
 *	version table of every symbol NAME.o imports and the __crc_ symbols
 *	of every symbol it exports, each CRC taken from the declaration the
 *	module's own source saw (tools/symcrc.c). --intree (modules built
 *	from modules/) adds "intree=Y" to the modinfo, as Linux's modpost
 *	does; the kernel taints itself O for a module without it.
 *	Each --known FILE names exports the module may import:
 *	build/kernel-crcs.lds (the kernel's) or another module's .o/.ko
 *	(its __ksymtab_ symbols). Given any, an import none of them exports
 *	fails the build, as Linux 6.1's modpost does:
 *	  ERROR: modpost: "sys_read" [DIR/foo.ko] undefined!
 *	(MODPOST_WARN=1 in the environment makes it a warning.)
 *   modpost --kernel-crcs -o build/kernel-crcs.lds FILE.i...
 *	writes `__crc_SYM = 0x...;` for every EXPORT_SYMBOL(SYM) in the
 *	preprocessed kernel sources, for the kernel link.
 *   modpost --crc SYM FILE.i
 *	prints SYM's CRC and the declaration text it was taken from.
 *   modpost --check NAME.ko
 *	runs insmod's checks (loader/elf.c) on the linked module, so that a
 *	broken one (say, core code pointing at __init data) fails the build.
 *	A module built with KBUILD_MODPOST_WARN=1 carries
 *	section_mismatch=warn in its modinfo: its section mismatches are a
 *	WARNING instead (modules/initbug.c; docs/modules.md).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader/elf.h"
#include "loader/modalias.h"
#include "tools/symcrc.h"
#include <tessera/vermagic.h>

struct text {
	char *data;
	size_t len;
};

static const char *prog = "modpost";

static void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* KBUILD_MODPOST_WARN=1 in the environment, as Linux's: the module's
 * section mismatches (core code or data pointing into init) become
 * warnings. The module records it in its modinfo (section_mismatch=warn),
 * which the checks of --check and insmod honour. */
static int mismatch_warn(void)
{
	const char *v = getenv("KBUILD_MODPOST_WARN");

	return v && *v && strcmp(v, "0") != 0;
}

/* Reads a whole file; malloc's alignment suits modelf_parse. */
static struct text read_file(const char *path)
{
	struct text t = { 0 };
	FILE *f = fopen(path, "rb");
	long n;

	if (!f)
		die("%s: %s", path, strerror(errno));
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		die("%s: cannot size it", path);
	t.data = malloc((size_t)n + 1);
	if (!t.data)
		die("out of memory");
	if (fread(t.data, 1, (size_t)n, f) != (size_t)n)
		die("%s: read error", path);
	t.data[n] = '\0';
	t.len = (size_t)n;
	fclose(f);
	return t;
}

/* "build/modules/hello.o" -> "hello" */
static void module_name(const char *obj, char *name, size_t size)
{
	const char *base = strrchr(obj, '/');
	size_t n;

	base = base ? base + 1 : obj;
	n = strlen(base);
	if (n > 2 && strcmp(base + n - 2, ".o") == 0)
		n -= 2;
	else if (n > 3 && strcmp(base + n - 3, ".ko") == 0)
		n -= 3;
	if (n == 0 || n >= size)
		die("%s: module name must be 1..%zu characters", obj, size - 1);
	memcpy(name, base, n);
	name[n] = '\0';
	for (char *c = name; *c; c++)	/* hello-1.o is module hello_1, as in Linux */
		if (*c == '-')
			*c = '_';
}

/* The exports named by --known files: one NUL-separated list of
 * "SYM\0OWNER\0" pairs, OWNER "" for the kernel's. */
static struct text known;
static int have_known;

static void known_add(const char *sym, const char *owner)
{
	size_t n = strlen(sym) + 1, o = strlen(owner) + 1;
	char *grown = realloc(known.data, known.len + n + o);

	if (!grown)
		die("out of memory");
	known.data = grown;
	memcpy(known.data + known.len, sym, n);
	memcpy(known.data + known.len + n, owner, o);
	known.len += n + o;
}

/* The owner of an export ("" for the kernel's), or NULL if unknown. */
static const char *known_owner(const char *sym)
{
	for (size_t i = 0; i < known.len; ) {
		const char *owner = known.data + i + strlen(known.data + i) + 1;

		if (strcmp(known.data + i, sym) == 0)
			return owner;
		i = owner + strlen(owner) + 1 - known.data;
	}
	return NULL;
}

static int is_known(const char *sym)
{
	return known_owner(sym) != NULL;
}

/* Reads one --known file: `__crc_SYM = ...;` lines of kernel-crcs.lds,
 * or the __ksymtab_SYM definitions of a module object. */
static void known_load(const char *path)
{
	struct text t = read_file(path);
	struct modelf m;
	char owner[MODULE_NAME_LEN];

	have_known = 1;
	if (t.len >= 4 && memcmp(t.data, "\177ELF", 4) == 0) {
		module_name(path, owner, sizeof(owner));
		if (modelf_parse_object(t.data, t.len, &m) && modelf_parse(t.data, t.len, &m))
			die("%s: %s", path, m.why);
		for (uint32_t i = 1; i < m.nsym; i++) {
			const char *n = modelf_sym_name(&m, i);

			if (strncmp(n, "__ksymtab_", 10) == 0 && n[10] &&
			    m.sym[i].st_shndx != SHN_UNDEF)
				known_add(n + 10, owner);
		}
	} else {
		for (char *line = strstr(t.data, "__crc_"); line;
		     line = strstr(line, "__crc_")) {
			char *end;

			line += 6;
			end = strpbrk(line, " =");
			if (!end)
				break;
			*end = '\0';
			known_add(line, "");
			line = end + 1;
		}
	}
	free(t.data);
}

/* Symbols NAME.o may leave undefined that are not imports: the header,
 * its own export CRCs, and what linker/module.lds defines. */
static int not_an_import(const char *sym)
{
	return strcmp(sym, "__this_module") == 0 ||
	       strncmp(sym, "__crc_", 6) == 0 || strncmp(sym, "__module_", 9) == 0;
}

static int defines(const struct modelf *m, const char *sym)
{
	for (uint32_t i = 1; i < m->nsym; i++)
		if (m->sym[i].st_shndx != SHN_UNDEF &&
		    ELF32_ST_BIND(m->sym[i].st_info) != STB_LOCAL &&
		    strcmp(modelf_sym_name(m, i), sym) == 0)
			return 1;
	return 0;
}

static const char *ko_name = "";	/* NAME.ko, for messages */
static int n_undefined;

static void undefined(const char *sym)
{
	int warn_only = getenv("MODPOST_WARN") && strcmp(getenv("MODPOST_WARN"), "0");

	fprintf(stderr, "%s: modpost: \"%s\" [%s] undefined!\n",
		warn_only ? "WARNING" : "ERROR", sym, ko_name);
	if (!warn_only)
		n_undefined++;
}

/* A weak undefined reference may stay unresolved: the loader sets it to 0. */
static int is_weak_undef(const struct modelf *m, const char *sym)
{
	for (uint32_t i = 1; i < m->nsym; i++)
		if (m->sym[i].st_shndx == SHN_UNDEF &&
		    ELF32_ST_BIND(m->sym[i].st_info) == STB_WEAK &&
		    strcmp(modelf_sym_name(m, i), sym) == 0)
			return 1;
	return 0;
}

static uint32_t crc_of(const struct text *src, const char *srcname,
		       const char *sym, char *decl, size_t decllen)
{
	uint32_t crc;
	int err = symcrc_symbol(src->data, src->len, sym, &crc, decl, decllen);

	if (err == -ENOENT)
		die("%s: no declaration of %s", srcname, sym);
	if (err)
		die("%s: declaration of %s too long", srcname, sym);
	return crc;
}

/* The modules whose exports NAME.o imports, "a,b" in the order of first
 * use: what Linux's modpost writes as depends= (docs/modules.md). */
static char depends[1024];

static void note_depend(const char *sym)
{
	const char *owner = known_owner(sym);
	size_t n;

	if (!owner || !owner[0])
		return;
	n = strlen(owner);
	for (const char *p = depends; (p = strstr(p, owner)) != NULL; p += n)
		if ((p == depends || p[-1] == ',') && (p[n] == ',' || !p[n]))
			return;
	if (strlen(depends) + n + 2 > sizeof(depends))
		die("depends= longer than %zu bytes", sizeof(depends));
	if (depends[0])
		strcat(depends, ",");
	strcat(depends, owner);
}

/* Writes one version entry per import; returns the count. */
static unsigned write_versions(FILE *out, const struct modelf *m,
			       const struct text *src, const char *srcname)
{
	char decl[4096];
	const char *sym;
	uint32_t pos = 0, crc;
	unsigned n = 0;

	while ((sym = modelf_next_undef(m, &pos)) != NULL) {
		if (not_an_import(sym))
			continue;
		if (have_known && !is_known(sym) && !is_weak_undef(m, sym))
			undefined(sym);
		note_depend(sym);
		if (strlen(sym) >= MODVERSION_NAME_LEN)
			die("symbol %s: name longer than %d characters", sym,
			    MODVERSION_NAME_LEN - 1);
		if (symcrc_symbol(src->data, src->len, sym, &crc, decl,
				  sizeof(decl))) {
			fprintf(stderr, "%s: warning: %s uses %s without a "
				"declaration (a compiler-generated call?); it "
				"gets no version check\n", prog, srcname, sym);
			continue;
		}
		if (n++ == 0)
			fprintf(out, "static const struct modversion "
				"__module_versions[]\n\t__attribute__((used, "
				"section(\"__versions\"), aligned(4))) = {\n");
		fprintf(out, "\t{ 0x%08x, \"%s\" },\t/* %s */\n", crc, sym, decl);
	}
	if (n)
		fprintf(out, "};\n\n");
	return n;
}

/* __crc_SYM as an absolute symbol for each SYM the module exports. */
static void write_export_crcs(FILE *out, const struct modelf *m,
			      const struct text *src, const char *srcname)
{
	char decl[4096];

	for (uint32_t i = 1; i < m->nsym; i++) {
		const char *s = modelf_sym_name(m, i);
		uint32_t crc;

		if (strncmp(s, "__ksymtab_", 10) != 0 || !s[10] ||
		    m->sym[i].st_shndx == SHN_UNDEF)
			continue;
		crc = crc_of(src, srcname, s + 10, decl, sizeof(decl));
		fprintf(out, "/* %s */\n__asm__(\".globl __crc_%s\\n\\t.set "
			"__crc_%s, 0x%08x\");\n", decl, s + 10, s + 10, crc);
	}
}

static void write_header(FILE *out, const char *name, int has_init,
			 int has_exit, unsigned nversions)
{
	if (has_init)
		fprintf(out, "extern int init_module(void);\n");
	if (has_exit)
		fprintf(out, "extern void cleanup_module(void);\n");
	fprintf(out,
		"\nstruct module __this_module\n"
		"\t__attribute__((used, section(\".modhdr\"), aligned(16))) = {\n"
		"\t.magic = MODULE_MAGIC,\n"
		"\t.version = MODULE_FORMAT_VERSION,\n"
		"\t.name = \"%s\",\n"
		"\t.core_size = (uint32_t)(unsigned long)__module_core_size,\n"
		"\t.init_size = (uint32_t)(unsigned long)__module_init_size,\n"
		"\t.init = %s,\n\t.exit = %s,\n"
		"\t.syms = __module_ksymtab,\n"
		"\t.num_syms = (uint32_t)(unsigned long)__module_num_syms,\n"
		"\t.versions = %s,\n\t.num_versions = %u,\n"
		"\t.modinfo = __module_modinfo,\n"
		"\t.modinfo_size = (uint32_t)(unsigned long)__module_modinfo_size,\n"
		"\t.params = __module_params,\n"
		"\t.num_params = (uint32_t)(unsigned long)__module_num_params,\n"
		"};\n", name, has_init ? "init_module" : "NULL",
		has_exit ? "cleanup_module" : "NULL",
		nversions ? "__module_versions" : "NULL", nversions);
}

/* One .modinfo string of NAME.mod.c, "key=value". */
static void write_modinfo(FILE *out, const char *var, const char *kv)
{
	fprintf(out, "static const char __module_%s[]\n\t__attribute__((used, "
		"section(\".modinfo\"), aligned(1))) = \"%s\";\n", var, kv);
}

/* Does NAME.o's own .modinfo already set key (a test module that sets
 * its own vermagic, say)? */
static int object_has_modinfo(const struct modelf *m, const char *key)
{
	uint32_t i = modelf_find_section(m, ".modinfo");
	size_t k = strlen(key);

	if (!i || m->sh[i].sh_type != SHT_PROGBITS)
		return 0;
	for (uint32_t at = 0; at < m->sh[i].sh_size; ) {
		const char *kv = (const char *)m->buf + m->sh[i].sh_offset + at;
		size_t len = strnlen(kv, m->sh[i].sh_size - at);

		if (len > k && strncmp(kv, key, k) == 0 && kv[k] == '=')
			return 1;
		at += len + 1;
	}
	return 0;
}

/* alias= strings for each MODULE_DEVICE_TABLE(pci, ids): the symbol
 * __mod_pci__ids_device_table names the table; its rows, up to the zeroed
 * one, become kmod's patterns (loader/modalias.c), as Linux's file2alias. */
static void write_pci_aliases(FILE *out, const struct modelf *m)
{
	unsigned n = 0;

	for (uint32_t i = 1; i < m->nsym; i++) {
		const char *s = modelf_sym_name(m, i);
		const Elf32_Sym *sym = &m->sym[i];
		const Elf32_Shdr *sec;

		if (strncmp(s, "__mod_pci__", 11) || !strstr(s, "_device_table") ||
		    sym->st_shndx == SHN_UNDEF || sym->st_shndx >= m->shnum)
			continue;
		sec = &m->sh[sym->st_shndx];
		if (sec->sh_type != SHT_PROGBITS || sym->st_value + sym->st_size > sec->sh_size)
			die("%s: %s is not a table in the object", ko_name, s);
		for (uint32_t at = 0; at + MODALIAS_PCI_ROW <= sym->st_size; at += MODALIAS_PCI_ROW) {
			const uint8_t *row = m->buf + sec->sh_offset + sym->st_value + at;
			struct modalias_pci_id id;
			char alias[MODALIAS_LEN], kv[MODALIAS_LEN + 8], var[32];

			memcpy(&id, row, sizeof(id));	/* i386 words, little-endian */
			if (!id.vendor && !id.device && !id.subvendor && !id.subdevice &&
			    !id.class_ && !id.class_mask)
				break;
			if (modalias_pci_pattern(&id, alias)) {
				fprintf(stderr, "%s: warning: %s: row %u: class mask 0x%06x "
					"has a byte neither 00 nor ff; no alias\n", prog,
					ko_name, at / MODALIAS_PCI_ROW, id.class_mask);
				continue;
			}
			snprintf(kv, sizeof(kv), "alias=%s", alias);
			snprintf(var, sizeof(var), "alias_%u", n++);
			write_modinfo(out, var, kv);
		}
	}
}

/* The modinfo modpost adds: aliases from device tables, depends= (even
 * empty, as Linux), intree=Y for modules/, and the vermagic of the kernel
 * it is built for unless the source set its own. */
static void write_modinfo_all(FILE *out, const struct modelf *m, int intree)
{
	char kv[sizeof(depends) + 16];

	fprintf(out, "\n");
	write_pci_aliases(out, m);
	snprintf(kv, sizeof(kv), "depends=%s", depends);
	write_modinfo(out, "depends", kv);
	if (intree)
		write_modinfo(out, "intree", "intree=Y");
	if (!object_has_modinfo(m, "vermagic"))
		write_modinfo(out, "vermagic", "vermagic=" VERMAGIC_STRING);
}

static int do_module(const char *outpath, const char *obj, const char *ipath,
		     int intree)
{
	struct text o = read_file(obj), src = read_file(ipath);
	struct modelf m;
	char name[MODULE_NAME_LEN];
	FILE *out;
	unsigned nv;

	if (modelf_parse_object(o.data, o.len, &m))
		die("%s: %s", obj, m.why);
	module_name(obj, name, sizeof(name));
	{
		static char ko[1024];

		snprintf(ko, sizeof(ko), "%.*s.ko", (int)(strlen(obj) > 2 ? strlen(obj) - 2 : 0), obj);
		ko_name = ko;
	}
	out = fopen(outpath, "w");
	if (!out)
		die("%s: %s", outpath, strerror(errno));
	fprintf(out, "/* %s's module header and symbol versions, made by "
		"tools/modpost from\n * %s and %s. Do not edit. */\n"
		"#include <stddef.h>\n#include <tessera/modformat.h>\n\n"
		"/* Defined by linker/module.lds at link time. */\n"
		"extern const char __module_core_size[], __module_init_size[],\n"
		"\t__module_num_syms[], __module_modinfo_size[], "
		"__module_modinfo[],\n\t__module_num_params[];\n"
		"extern const struct kernel_symbol __module_ksymtab[];\n"
		"extern const struct kernel_param __module_params[];\n\n",
		name, obj, ipath);
	write_export_crcs(out, &m, &src, ipath);
	nv = write_versions(out, &m, &src, ipath);
	write_header(out, name, defines(&m, "init_module"),
		     defines(&m, "cleanup_module"), nv);
	write_modinfo_all(out, &m, intree);
	if (mismatch_warn())
		fprintf(out, "\nstatic const char __module_mismatch[]\n\t__attribute__((used, "
			"section(\".modinfo\"), aligned(1))) = \"section_mismatch=warn\";\n");
	if (fclose(out))
		die("%s: write error", outpath);
	free(o.data);
	free(src.data);
	if (n_undefined) {
		fprintf(stderr, "modpost: %s: %d symbol%s neither the kernel nor a "
			"module exports: a declaration the module made itself, or an "
			"internal kernel function (docs/modules.md)\n", ko_name,
			n_undefined, n_undefined == 1 ? "" : "s");
		remove(outpath);
		return 1;
	}
	return 0;
}

/* Appends the __crc_ lines for the exports found in one .i file. */
static void kernel_file_crcs(FILE *out, const char *path)
{
	struct text src = read_file(path);
	char sym[256], decl[4096];
	size_t pos = 0;
	uint32_t crc;

	while (symcrc_next_export(src.data, src.len, &pos, sym, sizeof(sym))) {
		crc = crc_of(&src, path, sym, decl, sizeof(decl));
		fprintf(out, "__crc_%s = 0x%08x;\t/* %s */\n", sym, crc, decl);
	}
	free(src.data);
}

static int do_kernel(const char *outpath, int n, char **files)
{
	FILE *out = fopen(outpath, "w");

	if (!out)
		die("%s: %s", outpath, strerror(errno));
	fprintf(out, "/* Version CRCs of the kernel's exported symbols, made by "
		"tools/modpost --kernel-crcs. */\n");
	for (int i = 0; i < n; i++)
		kernel_file_crcs(out, files[i]);
	if (fclose(out))
		die("%s: write error", outpath);
	return 0;
}

static int do_crc(const char *sym, const char *path)
{
	struct text src = read_file(path);
	char decl[4096];
	uint32_t crc = crc_of(&src, path, sym, decl, sizeof(decl));

	printf("0x%08x %s\n", crc, decl);
	free(src.data);
	return 0;
}

static int do_check(const char *path)
{
	struct text ko = read_file(path);
	struct modelf m;

	if (modelf_parse(ko.data, ko.len, &m))
		die("%s: %s", path, m.why);
	if (m.warn[0])
		fprintf(stderr, "WARNING: modpost: %s: %s (allowed: built with "
			"KBUILD_MODPOST_WARN=1)\n", path, m.warn);
	free(ko.data);
	return 0;
}

int main(int argc, char **argv)
{
	/* --known FILE options come first; main's forms follow unchanged. */
	while (argc >= 3 && strcmp(argv[1], "--known") == 0) {
		known_load(argv[2]);
		argv[2] = argv[0];
		argv += 2;
		argc -= 2;
	}
	if (argc >= 3 && strcmp(argv[1], "--intree") == 0) {
		while (argc >= 4 && strcmp(argv[2], "--known") == 0) {
			known_load(argv[3]);
			argv[3] = argv[1];
			argv[2] = argv[0];
			argv += 2;
			argc -= 2;
		}
	}
	if (argc == 5 && strcmp(argv[1], "-o") == 0)
		return do_module(argv[2], argv[3], argv[4], 0);
	if (argc == 6 && strcmp(argv[1], "--intree") == 0 && strcmp(argv[2], "-o") == 0)
		return do_module(argv[3], argv[4], argv[5], 1);
	if (argc >= 4 && strcmp(argv[1], "--kernel-crcs") == 0 &&
	    strcmp(argv[2], "-o") == 0)
		return do_kernel(argv[3], argc - 4, argv + 4);
	if (argc == 4 && strcmp(argv[1], "--crc") == 0)
		return do_crc(argv[2], argv[3]);
	if (argc == 3 && strcmp(argv[1], "--check") == 0)
		return do_check(argv[2]);
	fprintf(stderr, "usage: modpost [--intree] [--known FILE]... -o NAME.mod.c NAME.o NAME.i\n"
		"       modpost --kernel-crcs -o OUT.lds FILE.i...\n"
		"       modpost --crc SYM FILE.i\n"
		"       modpost --check NAME.ko\n");
	return 2;
}
