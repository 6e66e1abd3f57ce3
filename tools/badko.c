/*
 * badko: makes damaged copies of a good module (build/modules/hello.ko)
 * for insmod's tests, and says what the loader must do with each.
 *
 *   badko GOOD.ko OUTDIR
 *	a dozen named damages: OUTDIR/bad_*.ko, and for each a line
 *	"bad_x.ko: <the reason insmod will give>" on stdout (REASONS).
 *   badko --set GOOD.ko KERNEL_CRCS OUTDIR
 *	the malformed-object set (docs/testing.md): every ELF header field,
 *	every field of every section header, symbol and relocation (of a
 *	non-allocated section's relocations only the first and last) set to
 *	boundary values, truncations at every section boundary and 300
 *	seeded byte flips in the metadata; one file each, and OUTDIR/EXPECT,
 *	one line per file, tab-separated:
 *	  NAME refuse REASON   insmod prints "insmod: PATH: REASON" (or, for
 *	                       an unknown symbol, "insmod: MODNAME: REASON")
 *	  NAME load            accepted; the image is the original's, byte
 *	                       for byte (same base, same symbol addresses)
 *	  NAME load-changed    accepted, image differs, and no loader can
 *	                       judge it (one valid relocation type for
 *	                       another: see loadchanged_ok())
 *	  NAME flip-loads      a flip accepted with a changed image
 *	KERNEL_CRCS (build/kernel-crcs.lds) lists the kernel's exports: the
 *	only undefined symbols that resolve. A structured variant accepted
 *	with a changed image that is not load-changed is a hole in the
 *	loader: it is printed and badko exits 1.
 *
 * The loader's checks are loader/elf.c's and loader/reloc.c's, run here on
 * the host exactly as insmod runs them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader/elf.h"
#include "tools/hostfile.h"
#include <tessera/errno.h>

static Elf32_Ehdr *ehdr(uint8_t *c) { return (Elf32_Ehdr *)c; }
static Elf32_Shdr *shdr(uint8_t *c, uint32_t i)
{
	return (Elf32_Shdr *)(c + ehdr(c)->e_shoff) + i;
}

/* ---- the named damages (badko GOOD.ko OUTDIR) ---- */

struct damage {
	const char *file;
	void (*apply)(uint8_t *c, size_t *len, const struct modelf *m);
};

/* The part whose relocations come last: .module.init if it has any (in
 * hello.ko: hello_init's call of printk), else .module. */
static const struct modelf_part *last_part(const struct modelf *m)
{
	return &m->part[m->part[MODELF_INIT].nrel ? MODELF_INIT : MODELF_MODULE];
}

/* The last relocation of that part, as it sits in the copy. */
static Elf32_Rel *last_rel(uint8_t *c, const struct modelf *m)
{
	const struct modelf_part *p = last_part(m);

	return (Elf32_Rel *)(c + ((const uint8_t *)p->rel - m->buf)) + p->nrel - 1;
}

/* Where .module's bytes (the header, the core's code and data) sit in c. */
static uint8_t *module_bytes(uint8_t *c, const struct modelf *m)
{
	return c + (m->part[MODELF_MODULE].bytes - m->buf);
}

static void truncated(uint8_t *c, size_t *len, const struct modelf *m) { *len /= 2; }
static void not_elf(uint8_t *c, size_t *len, const struct modelf *m) { memcpy(c, "#!/bin", 6); }
static void class64(uint8_t *c, size_t *len, const struct modelf *m) { c[EI_CLASS] = ELFCLASS64; }
static void machine(uint8_t *c, size_t *len, const struct modelf *m) { ehdr(c)->e_machine = EM_X86_64; }
static void exec(uint8_t *c, size_t *len, const struct modelf *m) { ehdr(c)->e_type = ET_EXEC; }

static void offset(uint8_t *c, size_t *len, const struct modelf *m)
{
	shdr(c, m->part[MODELF_MODULE].shndx)->sh_offset = *len - 0x10;
}

static void reloff(uint8_t *c, size_t *len, const struct modelf *m)
{
	last_rel(c, m)->r_offset = last_part(m)->size - 2;
}

static void relsym(uint8_t *c, size_t *len, const struct modelf *m)
{
	Elf32_Rel *r = last_rel(c, m);

	r->r_info = ELF32_R_INFO(999u, ELF32_R_TYPE(r->r_info));
}

static void reltype(uint8_t *c, size_t *len, const struct modelf *m)
{
	Elf32_Rel *r = last_rel(c, m);

	r->r_info = ELF32_R_INFO(ELF32_R_SYM(r->r_info), 20u);	/* R_386_16 */
}

static void gotpc(uint8_t *c, size_t *len, const struct modelf *m)
{
	Elf32_Rel *r = last_rel(c, m);

	r->r_info = ELF32_R_INFO(ELF32_R_SYM(r->r_info), R_386_GOTPC);
}

static void hdrmagic(uint8_t *c, size_t *len, const struct modelf *m)
{
	memset(module_bytes(c, m) + MODHDR_OFF_MAGIC, 0, 4);
}

/* Points a core R_386_32 relocation against the .module section symbol
 * at the init function: .module is at image offset 0, so the addend is the
 * init function's image offset. */
static void coreinit(uint8_t *c, size_t *len, const struct modelf *m)
{
	const struct modelf_part *mod = &m->part[MODELF_MODULE];

	for (uint32_t i = 0; i < mod->nrel; i++) {
		const Elf32_Rel *r = &mod->rel[i];
		const Elf32_Sym *s = &m->sym[ELF32_R_SYM(r->r_info)];
		uint32_t init = m->hdr.init;

		if (r->r_offset < MODHDR_SIZE || r->r_offset >= m->hdr.core_size ||
		    ELF32_R_TYPE(r->r_info) != R_386_32 ||
		    ELF32_ST_TYPE(s->st_info) != STT_SECTION ||
		    s->st_shndx != mod->shndx)
			continue;
		memcpy(module_bytes(c, m) + r->r_offset, &init, 4);
		return;
	}
}

/* The relocation section of part p, as it sits in the copy. */
static Elf32_Shdr *rel_shdr(uint8_t *c, const struct modelf *m, int p)
{
	return shdr(c, m->part[p].rel_shndx);
}

/* The first example: init's relocations aimed at no section. */
static void initrel_info(uint8_t *c, size_t *len, const struct modelf *m)
{
	rel_shdr(c, m, MODELF_INIT)->sh_info = 0xffff;
}

/* .rel.module one entry short: the last relocation (printk's call in
 * hello_exit) is gone, its 8 bytes left belonging to no section. */
static void modrel_short(uint8_t *c, size_t *len, const struct modelf *m)
{
	rel_shdr(c, m, MODELF_MODULE)->sh_size -= sizeof(Elf32_Rel);
}

static const struct damage damages[] = {
	{ "bad_truncated.ko", truncated },
	{ "bad_notelf.ko", not_elf },
	{ "bad_class.ko", class64 },
	{ "bad_machine.ko", machine },
	{ "bad_exec.ko", exec },
	{ "bad_offset.ko", offset },
	{ "bad_reloff.ko", reloff },
	{ "bad_relsym.ko", relsym },
	{ "bad_reltype.ko", reltype },
	{ "bad_gotpc.ko", gotpc },
	{ "bad_hdrmagic.ko", hdrmagic },
	{ "bad_coreinit.ko", coreinit },
	{ "bad_initrelinfo.ko", initrel_info },
	{ "bad_modrelshort.ko", modrel_short },
};

static int write_file(const char *dir, const char *name, const uint8_t *c,
		      size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(c, 1, len, f) != len || fclose(f)) {
		fprintf(stderr, "badko: %s: cannot write\n", path);
		return 1;
	}
	return 0;
}

/* Makes, checks and writes one damaged copy; returns 0 if it is refused. */
static int make_one(const struct damage *d, const struct modelf *good,
		    const char *outdir)
{
	size_t len = good->len;
	uint8_t *c = malloc(len);
	struct modelf m;
	int err, bad;

	memcpy(c, good->buf, len);
	d->apply(c, &len, good);
	err = modelf_parse(c, len, &m);
	bad = write_file(outdir, d->file, c, len);
	free(c);
	if (!err) {
		fprintf(stderr, "badko: %s: accepted by the checker!\n", d->file);
		return 1;
	}
	printf("%s: %s\n", d->file, m.why);
	return bad;
}

static int named_set(const struct modelf *good, const char *outdir)
{
	int bad = 0;

	for (size_t i = 0; i < sizeof(damages) / sizeof(damages[0]); i++)
		bad |= make_one(&damages[i], good, outdir);
	return bad;
}

/* ---- the malformed-object set (badko --set) ---- */

#define BASE 0xf0000000u

/* The kernel's exports, read from build/kernel-crcs.lds. */
static struct {
	char **name;
	unsigned n;
} kernel;

static int read_exports(const char *path)
{
	char line[1024], name[256];
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "__crc_%255[A-Za-z0-9_] =", name) == 1) {
			kernel.name = realloc(kernel.name, (kernel.n + 1) *
					      sizeof(char *));
			kernel.name[kernel.n++] = strdup(name);
		}
	fclose(f);
	return kernel.n ? 0 : -1;
}

/* modreloc_apply_lazy's scratch (tools/hostfile.c). */
static uint32_t *values(const struct modelf *m)
{
	return host_scratch_words(MODRELOC_LAZY_WORDS(m->nsym));
}

/* A fixed fake address for each kernel export; -ENOKEY for other names. */
static int resolve(void *arg, const char *name, uint32_t *value)
{
	for (unsigned i = 0; i < kernel.n; i++)
		if (!strcmp(kernel.name[i], name)) {
			*value = 0xc0100000u + 0x10 * i;
			return 0;
		}
	return -ENOKEY;
}

/* What insmod does with buf: 0 and the image (malloc'd) if it loads, else
 * -1 and the reason it prints. */
static int load(const uint8_t *buf, size_t len, uint8_t **img, uint32_t *size,
		char *why, size_t whylen)
{
	struct modelf m;
	uint32_t pos = 0, v;
	const char *name;

	*img = NULL;
	if (modelf_parse_lazy(buf, len, &m)) {	/* insmod's one pass */
		snprintf(why, whylen, "%s", m.why);
		return -1;
	}
	while ((name = modelf_next_undef(&m, &pos)) != NULL)	/* insmod's */
		if (resolve(NULL, name, &v) &&
		    ELF32_ST_BIND(m.sym[pos].st_info) != STB_WEAK) {
			snprintf(why, whylen, "unknown symbol %s", name);
			return -1;
		}
	*size = m.image_size;
	*img = malloc(m.image_size ? m.image_size : 1);
	if (modreloc_apply_lazy(&m, *img, BASE, resolve, NULL, values(&m))) {
		snprintf(why, whylen, "%s", m.why);
		free(*img);
		*img = NULL;
		return -1;
	}
	return 0;
}

struct set {
	const char *dir;
	const struct modelf *good;
	uint8_t *image;			/* the original's */
	uint32_t image_size;
	FILE *expect;
	unsigned refuse, load, changed, flip_loads, holes, files;
	int varying_rel_type;		/* field(): an r_info type byte */
	uint32_t value;			/* field(): the value being tried */
};

/*
 * The one damage badko knows no loader can judge: a relocation's type set
 * to another valid one (R_386_32 for R_386_PC32 or back). Both make sense
 * for the same symbol (a call, or a function pointer); only the
 * instruction around the word tells, and a loader does not disassemble.
 */
static int loadchanged_ok(const struct set *s)
{
	return s->varying_rel_type && (s->value == R_386_32 ||
				       s->value == R_386_PC32 ||
				       s->value == R_386_PLT32);
}

/* Classifies variant name (c, len), writes it and its EXPECT line. */
static void variant(struct set *s, const char *name, const uint8_t *c,
		    size_t len, int flip)
{
	char why[MODELF_WHY_LEN];
	uint8_t *img;
	uint32_t size;
	const char *verdict;

	s->files++;
	if (write_file(s->dir, name, c, len))
		exit(1);
	if (load(c, len, &img, &size, why, sizeof(why))) {
		fprintf(s->expect, "%s\trefuse\t%s\n", name, why);
		s->refuse++;
		return;
	}
	if (size == s->image_size && !memcmp(img, s->image, size)) {
		verdict = "load";
		s->load++;
	} else if (flip) {
		verdict = "flip-loads";
		s->flip_loads++;
	} else if (loadchanged_ok(s)) {
		verdict = "load-changed";
		s->changed++;
	} else {
		verdict = "load-changed";
		fprintf(stderr, "badko: %s: accepted with a changed image: a hole "
			"in the loader\n", name);
		s->holes++;
	}
	fprintf(s->expect, "%s\t%s\n", name, verdict);
	free(img);
}

static uint32_t rd32le(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* One field of width bytes (1 to 4) at offset at of the file, set to each
 * boundary value of bound N (cut to the width; none twice, not the
 * original); named "PREFIX-FIELD-VALUE.ko". */
static void field(struct set *s, const char *prefix, const char *fname,
		  uint32_t at, int width, uint32_t n)
{
	const uint32_t vals[] = { 0, 1, n - 1, n, n + 1, 0x7ffffff0u, 0xffffffffu };
	uint32_t mask = width == 4 ? 0xffffffffu : (1u << (8 * width)) - 1;
	uint32_t orig = 0, done[7];
	size_t len = s->good->len, ndone = 0;
	uint8_t *c = malloc(len);
	char name[128];

	memcpy(&orig, s->good->buf + at, width);
	for (int k = 0; k < 7; k++) {
		uint32_t v = vals[k] & mask;
		size_t j;

		for (j = 0; j < ndone && done[j] != v; j++)
			;
		if (v == orig || j < ndone)
			continue;
		done[ndone++] = v;
		s->value = v;
		memcpy(c, s->good->buf, len);
		memcpy(c + at, &v, width);
		snprintf(name, sizeof(name), "%s-%s-%x.ko", prefix, fname, v);
		variant(s, name, c, len, 0);
	}
	free(c);
}

static uint32_t fsize(const struct set *s) { return (uint32_t)s->good->len; }

static void ehdr_fields(struct set *s)
{
	const struct modelf *g = s->good;
	const struct { const char *n; uint32_t at; int w; uint32_t bound; } f[] = {
		{ "ei_magic", 0, 4, rd32le(g->buf) },
		{ "ei_class", EI_CLASS, 1, 3 }, { "ei_data", EI_DATA, 1, 3 },
		{ "ei_version", EI_VERSION, 1, 2 }, { "ei_osabi", 7, 1, 0 },
		{ "ei_abiversion", 8, 1, 0 }, { "ei_pad", 9, 1, 0 },
		{ "e_type", 16, 2, 5 }, { "e_machine", 18, 2, EM_386 },
		{ "e_version", 20, 4, 2 }, { "e_entry", 24, 4, fsize(s) },
		{ "e_phoff", 28, 4, fsize(s) }, { "e_shoff", 32, 4, fsize(s) },
		{ "e_flags", 36, 4, 0 }, { "e_ehsize", 40, 2, 52 },
		{ "e_phentsize", 42, 2, 32 }, { "e_phnum", 44, 2, 0 },
		{ "e_shentsize", 46, 2, 40 }, { "e_shnum", 48, 2, g->shnum },
		{ "e_shstrndx", 50, 2, g->shnum },
	};

	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		field(s, "eh", f[i].n, f[i].at, f[i].w, f[i].bound);
}

/* Section i's header fields. */
static void section_fields(struct set *s, uint32_t i)
{
	const struct modelf *g = s->good;
	const Elf32_Shdr *h = &g->sh[i];
	uint32_t at = g->eh->e_shoff + i * sizeof(Elf32_Shdr);
	uint32_t room = h->sh_offset <= fsize(s) ? fsize(s) - h->sh_offset : 0;
	char prefix[16];
	const struct { const char *n; uint32_t bound; } f[] = {
		{ "sh_name", g->shstr_size }, { "sh_type", 19 },
		{ "sh_flags", SHF_EXECINSTR }, { "sh_addr", g->image_size },
		{ "sh_offset", fsize(s) },
		{ "sh_size", h->sh_type == SHT_NOBITS ? g->image_size : room },
		{ "sh_link", g->shnum },
		{ "sh_info", h->sh_type == SHT_SYMTAB ? g->nsym : g->shnum },
		{ "sh_addralign", 4096 }, { "sh_entsize", h->sh_entsize },
	};

	snprintf(prefix, sizeof(prefix), "sh%02u", i);
	for (size_t k = 0; k < sizeof(f) / sizeof(f[0]); k++)
		field(s, prefix, f[k].n, at + 4 * k, 4, f[k].bound);
}

/* Symbol i's fields; a value's or size's bound is its section's size. */
static void symbol_fields(struct set *s, uint32_t i)
{
	const struct modelf *g = s->good;
	const Elf32_Sym *e = &g->sym[i];
	uint32_t at = (uint32_t)((const uint8_t *)e - g->buf);
	uint32_t n = e->st_shndx && e->st_shndx < g->shnum ?
		     g->sh[e->st_shndx].sh_size : g->image_size;
	char prefix[16];

	snprintf(prefix, sizeof(prefix), "sym%02u", i);
	field(s, prefix, "st_name", at, 4, g->str_size);
	field(s, prefix, "st_value", at + 4, 4, n);
	field(s, prefix, "st_size", at + 8, 4, n);
	field(s, prefix, "st_info", at + 12, 1, 0x80);
	field(s, prefix, "st_other", at + 13, 1, 4);
	field(s, prefix, "st_shndx", at + 14, 2, g->shnum);
}

/* Entry k of relocation section i: r_offset, and r_info's symbol index
 * (its upper 3 bytes) and type (its low byte). */
static void relocation_fields(struct set *s, uint32_t i, uint32_t k)
{
	const struct modelf *g = s->good;
	const Elf32_Shdr *h = &g->sh[i];
	uint32_t at = h->sh_offset + k * sizeof(Elf32_Rel);
	char prefix[24];

	snprintf(prefix, sizeof(prefix), "rel%02u.%u", i, k);
	field(s, prefix, "r_offset", at, 4, g->sh[h->sh_info].sh_size);
	field(s, prefix, "r_sym", at + 5, 3, g->nsym);
	s->varying_rel_type = 1;
	field(s, prefix, "r_type", at + 4, 1, R_386_GOT32X + 1);
	s->varying_rel_type = 0;
}

static void relocation_sections(struct set *s)
{
	const struct modelf *g = s->good;

	for (uint32_t i = 1; i < g->shnum; i++) {
		const Elf32_Shdr *h = &g->sh[i];
		uint32_t n = h->sh_size / sizeof(Elf32_Rel);

		if (h->sh_type != SHT_REL || n == 0)
			continue;
		if (g->sh[h->sh_info].sh_flags & SHF_ALLOC) {
			for (uint32_t k = 0; k < n; k++)
				relocation_fields(s, i, k);
		} else {
			relocation_fields(s, i, 0);
			if (n > 1)
				relocation_fields(s, i, n - 1);
		}
	}
}

/* The file cut at every section's start and end (and the section
 * table's start), each once. */
static void truncations(struct set *s)
{
	const struct modelf *g = s->good;
	uint32_t cut[2 * MODELF_MAX_SECTIONS + 1], n = 0;
	char name[64];

	cut[n++] = g->eh->e_shoff;
	for (uint32_t i = 1; i < g->shnum; i++)
		if (g->sh[i].sh_type != SHT_NOBITS) {
			cut[n++] = g->sh[i].sh_offset;
			cut[n++] = g->sh[i].sh_offset + g->sh[i].sh_size;
		}
	for (uint32_t a = 0; a < n; a++) {
		uint32_t b;

		for (b = 0; b < a && cut[b] != cut[a]; b++)
			;
		if (b < a || cut[a] == 0 || cut[a] >= g->len)
			continue;
		snprintf(name, sizeof(name), "trunc-0x%x.ko", cut[a]);
		variant(s, name, g->buf, cut[a], 0);
	}
}

/* The metadata: the ELF header, the section table, the symbol, string
 * and section-name tables and every relocation table; never code or data.
 * Returns how many bytes; with pick < that, *at gets the pick-th one. */
static uint32_t metadata(const struct modelf *g, uint32_t pick, uint32_t *at)
{
	uint32_t total = 0;

	for (uint32_t r = 0; r <= g->shnum; r++) {
		uint32_t start, size;

		if (r == g->shnum) {
			start = g->eh->e_shoff;
			size = g->shnum * sizeof(Elf32_Shdr);
		} else if (r == 0) {
			start = 0;
			size = sizeof(Elf32_Ehdr);
		} else if (g->sh[r].sh_type == SHT_SYMTAB ||
			   g->sh[r].sh_type == SHT_STRTAB ||
			   g->sh[r].sh_type == SHT_REL) {
			start = g->sh[r].sh_offset;
			size = g->sh[r].sh_size;
		} else {
			continue;
		}
		if (pick - total < size)
			*at = start + (pick - total);
		total += size;
	}
	return total;
}

/* 300 flips of one metadata byte each, from a fixed seed. */
static void flips(struct set *s)
{
	const struct modelf *g = s->good;
	uint32_t x = 0x7e55e7a1u, total = metadata(g, UINT32_MAX, NULL), at = 0;
	uint8_t *c = malloc(g->len);
	char name[32];

	for (int k = 0; k < 300; k++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;	/* xorshift32 */
		metadata(g, x % total, &at);
		memcpy(c, g->buf, g->len);
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		c[at] ^= 1 + x % 255;
		snprintf(name, sizeof(name), "flip-%03d.ko", k);
		variant(s, name, c, g->len, 1);
	}
	free(c);
}

static int malformed_set(const struct modelf *good, const char *ksyms,
			 const char *outdir)
{
	struct set s = { .dir = outdir, .good = good };
	char path[4096], why[MODELF_WHY_LEN];

	if (read_exports(ksyms)) {
		fprintf(stderr, "badko: %s: no kernel exports\n", ksyms);
		return 1;
	}
	if (load(good->buf, good->len, &s.image, &s.image_size, why, sizeof(why))) {
		fprintf(stderr, "badko: the original does not load: %s\n", why);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/EXPECT", outdir);
	s.expect = fopen(path, "w");
	if (!s.expect) {
		fprintf(stderr, "badko: %s: cannot write\n", path);
		return 1;
	}
	ehdr_fields(&s);
	for (uint32_t i = 0; i < good->shnum; i++)
		section_fields(&s, i);
	for (uint32_t i = 0; i < good->nsym; i++)
		symbol_fields(&s, i);
	relocation_sections(&s);
	truncations(&s);
	flips(&s);
	fclose(s.expect);
	printf("badko: %u files: %u refuse, %u load, %u load-changed, %u "
	       "flip-loads, %u holes\n", s.files, s.refuse, s.load, s.changed,
	       s.flip_loads, s.holes);
	free(s.image);
	return s.holes ? 1 : 0;
}

int main(int argc, char **argv)
{
	int set = argc == 5 && !strcmp(argv[1], "--set");
	const char *path = argv[set ? 2 : 1];
	struct modelf good;
	size_t len = 0;
	uint8_t *ko;
	int bad;

	if (argc != 3 && !set) {
		fprintf(stderr, "usage: badko GOOD.ko OUTDIR\n"
			"       badko --set GOOD.ko KERNEL_CRCS OUTDIR\n");
		return 2;
	}
	ko = host_read_file(path, &len);
	if (!ko || modelf_parse(ko, len, &good)) {
		fprintf(stderr, "badko: %s: %s\n", path, ko ? good.why :
			"cannot read");
		free(ko);
		return 1;
	}
	bad = set ? malformed_set(&good, argv[3], argv[4]) :
		    named_set(&good, argv[2]);
	free(ko);
	return bad;
}
