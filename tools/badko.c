/*
 * badko: makes damaged copies of a good module (build/modules/hello.ko),
 * one per way a .ko can be broken, for scenario tests of insmod:
 *
 *   badko GOOD.ko OUTDIR      writes OUTDIR/bad_*.ko and prints, for each,
 *                             "bad_x.ko: <the reason insmod will give>"
 *
 * Each copy is checked with loader/elf.c: badko fails if one is accepted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader/elf.h"
#include "tools/hostfile.h"

struct damage {
	const char *file;
	void (*apply)(uint8_t *c, size_t *len, const struct modelf *m);
};

static Elf32_Ehdr *ehdr(uint8_t *c) { return (Elf32_Ehdr *)c; }
static Elf32_Shdr *shdr(uint8_t *c, uint32_t i)
{
	return (Elf32_Shdr *)(c + ehdr(c)->e_shoff) + i;
}
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
};

/* Makes, checks and writes one damaged copy; returns 0 if it is refused. */
static int make_one(const struct damage *d, const struct modelf *good,
		    const char *outdir)
{
	size_t len = good->len;
	uint8_t *c = malloc(len);
	char path[4096], why[256];
	struct modelf m;
	FILE *f;
	int err;

	memcpy(c, good->buf, len);
	d->apply(c, &len, good);
	err = modelf_parse(c, len, &m, why, sizeof(why));
	snprintf(path, sizeof(path), "%s/%s", outdir, d->file);
	f = fopen(path, "wb");
	if (!f || fwrite(c, 1, len, f) != len || fclose(f)) {
		fprintf(stderr, "badko: %s: cannot write\n", path);
		free(c);
		return 1;
	}
	free(c);
	if (!err) {
		fprintf(stderr, "badko: %s: accepted by the checker!\n", d->file);
		return 1;
	}
	printf("%s: %s\n", d->file, why);
	return 0;
}

int main(int argc, char **argv)
{
	struct modelf good;
	char why[256];
	size_t len = 0;
	uint8_t *ko;
	int bad = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: badko GOOD.ko OUTDIR\n");
		return 2;
	}
	ko = host_read_file(argv[1], &len);
	if (!ko || modelf_parse(ko, len, &good, why, sizeof(why))) {
		fprintf(stderr, "badko: %s: %s\n", argv[1], ko ? why : "cannot read");
		free(ko);
		return 1;
	}
	for (size_t i = 0; i < sizeof(damages) / sizeof(damages[0]); i++)
		bad |= make_one(&damages[i], &good, argv[2]);
	free(ko);
	return bad;
}
