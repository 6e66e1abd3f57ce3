/*
 * Host tests of the i386 relocator (loader/reloc.c): the arithmetic of
 * R_386_32 / PC32 / PLT32 with exact values, every refusal with its exact
 * reason (unknown type, GOT types, offset and symbol index out of range,
 * core referring into init), on a small hand-made module; then relocating
 * the real build/modules/hello.ko, and insmod's one pass on it at the
 * edges of its rows.
 */
// sources: loader/elf.c loader/reloc.c tools/hostfile.c build/modules/hello.ko build/modules/bigbss.ko
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader/elf.h"
#include "tools/hostfile.h"
#include <tessera/errno.h>
#include "tests/host/ktest.h"

/*
 * The crafted module: a 0x100-byte image, core [0, 0xc0), init [0xc0,
 * 0x100), in three parts: .module [0, 0xa0), .module.bss [0xa0, 0xc0) and
 * .module.init [0xc0, 0x100). Symbols (values relative to their section):
 * func (core, 0x80..0x90), bssvar (bss, image 0xb0..0xb8), initfn (init,
 * image 0xc0..0xd0), ext and weakext (undefined), abs (absolute 0x1234),
 * and the three section symbols.
 */
#define IMG_SIZE	0x100
#define MOD_SIZE	0xa0
#define CORE_SIZE	0xc0
#define BSS_SIZE	(CORE_SIZE - MOD_SIZE)
#define BASE		0xF0001000u
#define EXT_ADDR	0xC0105000u
enum { S_NULL, S_SECTION, S_FUNC, S_EXT, S_ABS, S_INITFN, S_WEAK, S_BSSVAR,
       S_BSSSEC, S_INITSEC, NSYMS };
enum { SH_MODULE = 1, SH_BSS, SH_INIT, SH_SYMTAB, SH_REL, SH_RELINIT,
       NSECTIONS };

static const char strtab[] = "\0func\0ext\0abs\0initfn\0weakext\0bssvar";
static const char shstrtab[] = "\0.module\0.symtab\0.module.bss\0.module.init"
	"\0.rel.module\0.rel.module.init";
static Elf32_Sym syms[NSYMS];
static Elf32_Shdr shdrs[NSECTIONS];
static uint8_t image[IMG_SIZE];	/* stored bytes at their image offsets */
static Elf32_Rel rels[2][8];	/* .rel.module, .rel.module.init */
static uint32_t nrels[2];
static uint8_t out[IMG_SIZE];
static char why[MODELF_WHY_LEN];	/* the last apply's reason */

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);	/* the host is little-endian, like i386 */
}

static uint32_t get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static Elf32_Sym sym(uint32_t name, uint32_t value, uint32_t size,
		     int bind, int type, uint16_t shndx)
{
	return (Elf32_Sym){ name, value, size, (uint8_t)(bind << 4 | type), 0,
			    shndx };
}

static struct modelf_part part(uint32_t shndx, uint32_t addr, uint32_t size,
			       int stored, int r)
{
	return (struct modelf_part){ shndx, addr, size,
		stored ? image + addr : NULL, r < 0 ? NULL : rels[r],
		r < 0 ? 0 : nrels[r], r < 0 ? 0 : SH_REL + r };
}

static void crafted_symbols(void)
{
	syms[S_SECTION] = sym(0, 0, 0, STB_LOCAL, STT_SECTION, SH_MODULE);
	syms[S_FUNC] = sym(1, 0x80, 0x10, STB_LOCAL, STT_FUNC, SH_MODULE);
	syms[S_EXT] = sym(6, 0, 0, STB_GLOBAL, 0, SHN_UNDEF);
	syms[S_ABS] = sym(10, 0x1234, 0, STB_GLOBAL, 0, SHN_ABS);
	syms[S_INITFN] = sym(14, 0, 0x10, STB_LOCAL, STT_FUNC, SH_INIT);
	syms[S_WEAK] = sym(21, 0, 0, STB_WEAK, 0, SHN_UNDEF);
	syms[S_BSSVAR] = sym(29, 0x10, 8, STB_LOCAL, STT_OBJECT, SH_BSS);
	syms[S_BSSSEC] = sym(0, 0, 0, STB_LOCAL, STT_SECTION, SH_BSS);
	syms[S_INITSEC] = sym(0, 0, 0, STB_LOCAL, STT_SECTION, SH_INIT);
}

/* Builds the crafted module with the relocations rel() recorded. */
static struct modelf crafted(void)
{
	struct modelf m = { 0 };

	crafted_symbols();
	shdrs[SH_MODULE] = (Elf32_Shdr){ .sh_name = 1, .sh_type = SHT_PROGBITS,
		.sh_flags = SHF_ALLOC | SHF_EXECINSTR, .sh_size = MOD_SIZE };
	shdrs[SH_BSS] = (Elf32_Shdr){ .sh_name = 17, .sh_type = SHT_NOBITS,
		.sh_flags = SHF_ALLOC, .sh_addr = MOD_SIZE, .sh_size = BSS_SIZE };
	shdrs[SH_INIT] = (Elf32_Shdr){ .sh_name = 29, .sh_type = SHT_PROGBITS,
		.sh_flags = SHF_ALLOC | SHF_EXECINSTR, .sh_addr = CORE_SIZE,
		.sh_size = IMG_SIZE - CORE_SIZE };
	shdrs[SH_SYMTAB] = (Elf32_Shdr){ .sh_name = 9, .sh_type = SHT_SYMTAB };
	shdrs[SH_REL] = (Elf32_Shdr){ .sh_name = 42, .sh_type = SHT_REL,
		.sh_link = SH_SYMTAB, .sh_info = SH_MODULE };
	shdrs[SH_RELINIT] = (Elf32_Shdr){ .sh_name = 54, .sh_type = SHT_REL,
		.sh_link = SH_SYMTAB, .sh_info = SH_INIT };
	m.sh = shdrs;
	m.shnum = NSECTIONS;
	m.shstr = shstrtab;
	m.shstr_size = sizeof(shstrtab);
	m.sym = syms;
	m.nsym = NSYMS;
	m.str = strtab;
	m.str_size = sizeof(strtab);
	m.part[MODELF_MODULE] = part(SH_MODULE, 0, MOD_SIZE, 1, 0);
	m.part[MODELF_BSS] = part(SH_BSS, MOD_SIZE, BSS_SIZE, 0, -1);
	m.part[MODELF_INIT] = part(SH_INIT, CORE_SIZE, IMG_SIZE - CORE_SIZE, 1, 1);
	m.image_size = IMG_SIZE;
	m.nrel = nrels[0] + nrels[1];
	m.hdr.core_size = CORE_SIZE;
	m.hdr.init_size = IMG_SIZE - CORE_SIZE;
	return m;
}

/* Adds a relocation at image offset off (in .module below MOD_SIZE, else
 * in .module.init) with the addend in place. */
static void rel(uint32_t off, uint32_t symi, uint32_t type, uint32_t addend)
{
	int init = off >= CORE_SIZE;
	uint32_t r_offset = init ? off - CORE_SIZE : off;

	rels[init][nrels[init]++] = (Elf32_Rel){ r_offset,
						  ELF32_R_INFO(symi, type) };
	put32(image + off, addend);
}

/* modreloc_apply's scratch: m->nsym words (tools/hostfile.c). */
static uint32_t *test_values(const struct modelf *m)
{
	return host_scratch_words(m->nsym);
}

static int resolve_ext(void *arg, const char *name, uint32_t *value)
{
	if (strcmp(name, "ext"))
		return -ENOKEY;
	*value = EXT_ADDR;
	return 0;
}

static int resolve_nomem(void *arg, const char *name, uint32_t *value)
{
	return -ENOMEM;
}

/* What insmod does on the crafted module: the relocation checks (which
 * modelf_parse runs), then the relocator. */
static int apply(modreloc_resolve_fn fn)
{
	struct modelf m = crafted();
	int err = modreloc_check(&m);

	if (!err)
		err = modreloc_apply(&m, out, BASE, fn, NULL, test_values(&m));

	memcpy(why, m.why, sizeof(why));
	return err;
}

/* The checks that need the header, on the crafted module. */
static int targets(void)
{
	struct modelf m = crafted();
	int err = modreloc_check_targets(&m);

	memcpy(why, m.why, sizeof(why));
	return err;
}

static void reset(void)
{
	memset(image, 0, sizeof(image));
	memset(rels, 0, sizeof(rels));
	memset(nrels, 0, sizeof(nrels));
}

KTEST(compute_formulas)
{
	uint32_t v = 0;

	KT_EXPECT(modreloc_compute(R_386_32, 0x1000, 0x10, 0x5000, &v) == 0);
	KT_EXPECT(v == 0x1010);
	KT_EXPECT(modreloc_compute(R_386_PC32, 0x2000, 0xfffffffc, 0x1100, &v) == 0);
	KT_EXPECT(v == 0xefc);
	KT_EXPECT(modreloc_compute(R_386_PLT32, 0x2000, 0xfffffffc, 0x1100, &v) == 0);
	KT_EXPECT(v == 0xefc);
	KT_EXPECT(modreloc_compute(R_386_GOTPC, 1, 2, 3, &v) == -ENOEXEC);
}

KTEST(apply_exact_values)
{
	reset();
	rel(0x80, S_FUNC, R_386_32, 4);			/* func + 4 */
	rel(0x84, S_EXT, R_386_PC32, 0xfffffffc);	/* call ext */
	rel(0x88, S_EXT, R_386_PLT32, 0xfffffffc);	/* call ext@PLT */
	rel(0x8c, S_ABS, R_386_32, 0);			/* an absolute symbol */
	rel(0x90, S_SECTION, R_386_32, 0x20);		/* .module + 0x20 */
	rel(0x94, S_WEAK, R_386_32, 8);			/* unresolved weak: 0 */
	rel(0xc4, S_FUNC, R_386_PC32, 0xfffffffc);	/* init calls core */
	rel(0xc8, S_INITSEC, R_386_32, 0x30);		/* .module.init + 0x30 */
	image[0x98] = 0xab;				/* no relocation */
	KT_EXPECT(apply(resolve_ext) == 0);
	KT_EXPECT(why[0] == '\0');
	KT_EXPECT(get32(out + 0x80) == BASE + 0x84);
	KT_EXPECT(get32(out + 0x84) == EXT_ADDR - 4 - (BASE + 0x84));
	KT_EXPECT(get32(out + 0x88) == EXT_ADDR - 4 - (BASE + 0x88));
	KT_EXPECT(get32(out + 0x8c) == 0x1234);
	KT_EXPECT(get32(out + 0x90) == BASE + 0x20);
	KT_EXPECT(get32(out + 0x94) == 8);
	KT_EXPECT(get32(out + 0xc4) == (uint32_t)(0x80 - 4 - 0xc4));
	KT_EXPECT(get32(out + 0xc8) == BASE + 0xf0);
	KT_EXPECT(out[0x98] == 0xab);
	KT_EXPECT(get32(image + 0x84) == 0xfffffffc);	/* source untouched */
}

/* The image is .module's bytes, zeros for .module.bss (whatever the buffer
 * held there, and whatever lies at those offsets in the "file"), then
 * .module.init's bytes. */
KTEST(apply_copies_parts_and_zero_fills_bss)
{
	uint32_t wrong = 0;

	reset();
	memset(image, 0xee, sizeof(image));	/* bss bytes must not be read */
	memset(out, 0xcc, sizeof(out));
	KT_EXPECT(apply(resolve_ext) == 0);
	for (uint32_t i = 0; i < IMG_SIZE; i++)
		wrong += out[i] != (i >= MOD_SIZE && i < CORE_SIZE ? 0 : 0xee);
	KT_EXPECT(wrong == 0);
	KT_EXPECT(out[MOD_SIZE - 1] == 0xee && out[MOD_SIZE] == 0);
	KT_EXPECT(out[CORE_SIZE - 1] == 0 && out[CORE_SIZE] == 0xee);
}

/* bssvar is at .module.bss + 0x10, image offset 0xb0. */
KTEST(relocations_against_bss_land_right)
{
	reset();
	rel(0x80, S_BSSVAR, R_386_32, 4);		/* &bssvar + 4 */
	rel(0x84, S_BSSSEC, R_386_32, 0x18);		/* .module.bss + 0x18 */
	rel(0xc4, S_BSSSEC, R_386_32, 0x10);		/* init writes bssvar */
	KT_EXPECT(apply(resolve_ext) == 0);
	KT_EXPECT(why[0] == '\0');
	KT_EXPECT(get32(out + 0x80) == BASE + 0xb4);
	KT_EXPECT(get32(out + 0x84) == BASE + 0xb8);
	KT_EXPECT(get32(out + 0xc4) == BASE + 0xb0);
}

/* A PC-relative relocation is a call or a jump: never to data, never to
 * an absolute symbol or symbol 0 (a NULL call), never into the header. */
KTEST(refuses_calls_to_anything_but_code)
{
	reset();
	rel(0x88, S_BSSVAR, R_386_PC32, 0xfffffffc);
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 0 at .module+0x88 (func+0x8, core): a "
			  "call or jump to image offset 0xb0 (bssvar+0), which is "
			  "not code of the module"));
	reset();
	rel(0x88, S_SECTION, R_386_PC32, 0xfffffffc);	/* .module+0: header */
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 0 at .module+0x88 (func+0x8, core): a "
			  "call or jump to image offset 0x0 (.module+0), which is "
			  "not code of the module"));
	reset();
	rel(0xc8, S_ABS, R_386_PC32, 0xfffffffc);
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 0 at .module.init+0x8 (initfn+0x8, "
			  "init): R_386_PC32 against absolute symbol abs; only the "
			  "module header's sizes and the export table's CRCs may "
			  "be"));
	reset();
	rel(0xc8, S_NULL, R_386_PLT32, 0xfffffffc);
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 0 at .module.init+0x8 (initfn+0x8, "
			  "init): R_386_PLT32 against absolute symbol #0; only the "
			  "module header's sizes and the export table's CRCs may "
			  "be"));
}

/* ld -r writes each section's relocations sorted by offset; two that
 * share a byte would write it twice. */
KTEST(refuses_overlapping_or_unsorted_relocations)
{
	reset();
	rel(0x80, S_FUNC, R_386_32, 0);
	rel(0x82, S_FUNC, R_386_32, 0);
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 1 at .module+0x82 (func+0x2, core): "
			  "offset 0x82 overlaps or precedes relocation 0 (0x80): "
			  "relocations must be sorted by offset and not share "
			  "bytes"));
	reset();
	rel(0x88, S_FUNC, R_386_32, 0);
	rel(0x80, S_FUNC, R_386_32, 0);
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 1 at .module+0x80 (func+0x0, core): "
			  "offset 0x80 overlaps or precedes relocation 0 (0x88): "
			  "relocations must be sorted by offset and not share "
			  "bytes"));
	reset();
	rel(0x80, S_FUNC, R_386_32, 0);
	rel(0x84, S_FUNC, R_386_32, 0);		/* adjacent: fine */
	KT_EXPECT(apply(resolve_ext) == 0);
}

/* R_386_NONE is refused, as Linux's i386 loader does. */
KTEST(refuses_r_386_none)
{
	reset();
	rel(0x80, S_FUNC, R_386_NONE, 0);
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 0 at .module+0x80 (func+0x0, core): "
			  "type R_386_NONE (0) not supported"));
}

KTEST(refuses_unknown_type_by_name)
{
	reset();
	rel(0x80, S_FUNC, 20, 0);
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 0 at .module+0x80 (func+0x0, core): type R_386_16 "
			  "(20) not supported"));
	reset();
	rel(0x80, S_FUNC, 99, 0);
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 0 at .module+0x80 (func+0x0, core): unknown type 99"));
}

/* A relocation in .module.init is named by its place there. */
KTEST(names_init_relocations_by_their_section)
{
	reset();
	rel(0xc4, S_FUNC, R_386_32, 0);
	rel(0xc8, S_FUNC, 20, 0);
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 1 at .module.init+0x8 (initfn+0x8, init): "
			  "type R_386_16 (20) not supported"));
}

KTEST(refuses_got_types_telling_fno_pic)
{
	static const struct { uint32_t type; const char *msg; } cases[] = {
		{ R_386_GOTPC, "relocation 0 at .module+0x80 (func+0x0, core): R_386_GOTPC needs "
		  "a global offset table; compile with -fno-pic" },
		{ R_386_GOTOFF, "relocation 0 at .module+0x80 (func+0x0, core): R_386_GOTOFF needs "
		  "a global offset table; compile with -fno-pic" },
		{ R_386_GOT32, "relocation 0 at .module+0x80 (func+0x0, core): R_386_GOT32 needs "
		  "a global offset table; compile with -fno-pic" },
		{ R_386_GOT32X, "relocation 0 at .module+0x80 (func+0x0, core): R_386_GOT32X needs "
		  "a global offset table; compile with -fno-pic" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		reset();
		rel(0x80, S_EXT, cases[i].type, 0);
		KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
		KT_EXPECT(!strcmp(why, cases[i].msg));
	}
}

KTEST(refuses_offset_out_of_range)
{
	reset();
	rels[0][0] = (Elf32_Rel){ MOD_SIZE - 2, ELF32_R_INFO(S_FUNC, R_386_32) };
	nrels[0] = 1;
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 0 of .rel.module: offset 0x9e+4 runs past the end "
			  "of .module (0xa0 bytes)"));
	rels[0][0].r_offset = 0xfffffffe;	/* must not wrap around */
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 0 of .rel.module: offset 0xfffffffe+4 runs past the "
			  "end of .module (0xa0 bytes)"));
	reset();
	rels[1][0] = (Elf32_Rel){ 0x3e, ELF32_R_INFO(S_FUNC, R_386_32) };
	nrels[1] = 1;
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 0 of .rel.module.init: offset 0x3e+4 runs past the end "
			  "of .module.init (0x40 bytes)"));
}

KTEST(refuses_symbol_index_out_of_range)
{
	reset();
	rel(0x80, NSYMS, R_386_32, 0);
	KT_EXPECT(apply(resolve_ext) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 0 at .module+0x80 (func+0x0, core): symbol index 10 "
			  "out of range (10 symbols)"));
}

KTEST(refuses_core_to_init_naming_both)
{
	reset();
	rel(0x84, S_INITFN, R_386_PC32, 0xfffffffc);	/* func calls initfn */
	KT_EXPECT(targets() == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "core symbol func refers to init symbol initfn, "
			  "which is discarded after init"));
	reset();
	rel(0x88, S_INITSEC, R_386_32, 0x8);	/* .module.init + 8 */
	KT_EXPECT(targets() == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "core symbol func refers to init symbol initfn, "
			  "which is discarded after init"));
	reset();
	rel(0x9c, S_INITFN, R_386_32, 0);	/* no symbol holds 0x9c */
	KT_EXPECT(targets() == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "core offset 0x9c refers to init symbol initfn, "
			  "which is discarded after init"));
}

KTEST(header_init_field_may_point_into_init)
{
	reset();
	rel(MODHDR_OFF_INIT, S_INITFN, R_386_32, 0);
	KT_EXPECT(targets() == 0);
	KT_EXPECT(apply(resolve_ext) == 0);
	KT_EXPECT(get32(out + MODHDR_OFF_INIT) == BASE + 0xc0);
}

KTEST(unknown_symbol_named)
{
	reset();
	rel(0x80, S_EXT, R_386_32, 0);
	KT_EXPECT(apply(NULL) == -ENOKEY);
	KT_EXPECT(!strcmp(why, "unknown symbol ext"));
	KT_EXPECT(apply(resolve_nomem) == -ENOMEM);
	KT_EXPECT(!strcmp(why, "symbol ext: error -12"));
}

KTEST(check_passes_clean_module)
{
	struct modelf m;

	reset();
	rel(0x80, S_FUNC, R_386_32, 0);
	rel(0x84, S_BSSVAR, R_386_32, 0);	/* core to bss: both core */
	rel(0xc4, S_INITFN, R_386_PC32, 0xfffffffc);
	m = crafted();
	KT_EXPECT(modreloc_check(&m) == 0);
	KT_EXPECT(!strcmp(modreloc_type_name(R_386_GOTPC), "R_386_GOTPC"));
	KT_EXPECT(modreloc_type_name(200) == NULL);
}

static int lookups;

static int resolve_counting(void *arg, const char *name, uint32_t *value)
{
	lookups++;
	*value = 0xC0100000u + (uint8_t)name[0];
	return 0;
}

/* bigcode calls snprintf and strlen 256 times each: each import is looked
 * up once, not once per relocation. */
KTEST(apply_looks_each_import_up_once)
{
	size_t len;
	uint8_t *buf = host_read_file("build/modules/bigcode.ko", &len);
	uint32_t pos = 0, imports = 0;
	struct modelf m;
	uint8_t *img;

	if (!buf)
		return;
	KT_EXPECT(modelf_parse(buf, len, &m) == 0);
	while (modelf_next_undef(&m, &pos))
		imports++;
	img = malloc(m.image_size);
	lookups = 0;
	KT_EXPECT(modreloc_apply(&m, img, 0xF0000000u, resolve_counting, NULL,
				 test_values(&m)) == 0);
	KT_EXPECT(m.nrel > 1000 && imports > 0 && imports < 10);
	KT_EXPECT(lookups == (int)imports);
	free(img);
	free(buf);
}

/* --- the real hello.ko --- */

static const char *ko_path = "build/modules/hello.ko";

static int resolve_printk(void *arg, const char *name, uint32_t *value)
{
	if (strcmp(name, "printk"))
		return -ENOKEY;
	*value = 0xC0101230u;
	return 0;
}

KTEST(relocates_hello_ko)
{
	size_t len = 0;
	void *buf = host_read_file(ko_path, &len);
	struct modelf m;
	uint8_t *img;
	uint32_t base = 0xF0004000u, calls = 0;

	KT_EXPECT(buf != NULL);
	if (!buf)
		return;
	KT_EXPECT(modelf_parse(buf, len, &m) == 0);
	img = malloc(m.image_size);
	KT_EXPECT(modreloc_apply(&m, img, base, resolve_printk, NULL,
				 test_values(&m)) == 0);
	KT_EXPECT(get32(img + MODHDR_OFF_MAGIC) == MODULE_MAGIC);
	KT_EXPECT(!strcmp((char *)img + MODHDR_OFF_NAME, "hello"));
	KT_EXPECT(get32(img + MODHDR_OFF_CORE_SIZE) == m.hdr.core_size);
	KT_EXPECT(get32(img + MODHDR_OFF_INIT_SIZE) == m.hdr.init_size);
	KT_EXPECT(get32(img + MODHDR_OFF_INIT) == base + m.hdr.init);
	KT_EXPECT(get32(img + MODHDR_OFF_EXIT) == base + m.hdr.exit);
	KT_EXPECT(get32(img + MODHDR_OFF_MODINFO) == base + m.hdr.modinfo);
	for (int p = 0; p < MODELF_NPARTS; p++)
		for (uint32_t i = 0; i < m.part[p].nrel; i++) {
			const Elf32_Rel *r = &m.part[p].rel[i];
			uint32_t off = m.part[p].addr + r->r_offset;

			if (strcmp(modelf_sym_name(&m, ELF32_R_SYM(r->r_info)),
				   "printk"))
				continue;
			calls++;	/* call printk: S + A - P, A = -4 */
			KT_EXPECT(get32(img + off) == 0xC0101230u - 4 - (base + off));
		}
	KT_EXPECT(calls == 2);	/* one in init, one in exit */
	free(img);
	free(buf);
}

/* insmod --init=split: hello.ko's core at base, its init part at its own
 * init_base. The header's init field points into the init image; each
 * printk call is S + A - P with P where the call now is (init's in the
 * init image); every other word of the image is what one image at base
 * gives. */
KTEST(relocates_hello_ko_split)
{
	size_t len = 0;
	void *buf = host_read_file(ko_path, &len);
	struct modelf m;
	uint8_t *one, *two;
	uint32_t base = 0xF0004000u, init_base = 0xF0010000u, calls = 0, same = 0;

	KT_EXPECT(buf != NULL);
	if (!buf)
		return;
	KT_EXPECT(modelf_parse(buf, len, &m) == 0);
	one = malloc(m.image_size);
	two = malloc(m.image_size);
	KT_EXPECT(modreloc_apply(&m, one, base, resolve_printk, NULL, test_values(&m)) == 0);
	KT_EXPECT(modreloc_apply_split(&m, two, base, init_base, resolve_printk, NULL,
				       test_values(&m)) == 0);
	KT_EXPECT(m.init_delta == 0);
	KT_EXPECT(get32(two + MODHDR_OFF_INIT) == init_base + m.hdr.init - m.hdr.core_size);
	KT_EXPECT(get32(two + MODHDR_OFF_EXIT) == base + m.hdr.exit);
	for (int p = 0; p < MODELF_NPARTS; p++)
		for (uint32_t i = 0; i < m.part[p].nrel; i++) {
			const Elf32_Rel *r = &m.part[p].rel[i];
			uint32_t off = m.part[p].addr + r->r_offset;
			uint32_t at = off < m.hdr.core_size ? base + off
							    : init_base + off - m.hdr.core_size;

			if (strcmp(modelf_sym_name(&m, ELF32_R_SYM(r->r_info)), "printk"))
				continue;
			calls++;
			KT_EXPECT(get32(two + off) == 0xC0101230u - 4 - at);
		}
	KT_EXPECT(calls == 2);	/* one in init (in the init image), one in exit */
	for (uint32_t off = 0; off + 4 <= m.hdr.core_size; off += 4)
		same += get32(one + off) == get32(two + off);
	KT_EXPECT(same == m.hdr.core_size / 4 - 1);	/* all but the header's init */
	free(one);
	free(two);
	free(buf);
}

/* Every absolute relocation against bigbss.ko's .bss (its 256 KiB array
 * and counter) points into .module.bss once relocated. */
KTEST(relocates_bigbss_ko_into_its_bss)
{
	size_t len = 0;
	void *buf = host_read_file("build/modules/bigbss.ko", &len);
	struct modelf m;
	const struct modelf_part *bss = &m.part[MODELF_BSS];
	uint8_t *img;
	uint32_t base = 0xF0040000u, n = 0, inside = 0;

	KT_EXPECT(buf != NULL);
	if (!buf)
		return;
	KT_EXPECT(modelf_parse(buf, len, &m) == 0);
	img = malloc(m.image_size);
	KT_EXPECT(modreloc_apply(&m, img, base, resolve_printk, NULL,
				 test_values(&m)) == 0);
	for (int p = 0; p < MODELF_NPARTS; p++)
		for (uint32_t i = 0; i < m.part[p].nrel; i++) {
			const Elf32_Rel *r = &m.part[p].rel[i];
			uint32_t v = get32(img + m.part[p].addr + r->r_offset);

			if (ELF32_R_TYPE(r->r_info) != R_386_32 ||
			    m.sym[ELF32_R_SYM(r->r_info)].st_shndx != bss->shndx)
				continue;
			n++;
			inside += v >= base + bss->addr &&
				  v < base + bss->addr + bss->size;
		}
	KT_EXPECT(n >= 4);	/* buf and written, in init and in exit */
	KT_EXPECT(inside == n);
	free(img);
	free(buf);
}

/* --- stripped samples: the same image as the original --- */

/* Any name gets a fixed fake address (a hash of it): the same in the
 * original and its stripped copies. */
static int resolve_hash(void *arg, const char *name, uint32_t *value)
{
	uint32_t h = 2166136261u;

	while (*name)
		h = (h ^ (uint8_t)*name++) * 16777619u;
	*value = 0xC0000000u | (h & 0x00fffff0u);
	return 0;
}

/* The image of the .ko at path for base 0xF0000000 (malloc'd, *size), or
 * NULL with the reason in why. */
static uint8_t *image_of(const char *path, uint32_t *size)
{
	size_t len = 0;
	uint8_t *buf = host_read_file(path, &len), *img = NULL;
	struct modelf m;

	snprintf(why, sizeof(why), "cannot read");
	if (buf && modelf_parse(buf, len, &m) == 0) {
		img = malloc(m.image_size);
		*size = m.image_size;
		if (modreloc_apply(&m, img, 0xF0000000u, resolve_hash, NULL,
				   test_values(&m))) {
			free(img);
			img = NULL;
		}
	}
	if (buf && !img)
		memcpy(why, m.why, sizeof(why));
	free(buf);
	return img;
}

/* strip --strip-debug and --strip-unneeded of every sample load, and make
 * the image the original makes, byte for byte. */
KTEST(stripped_samples_make_identical_images)
{
	static const char *const kinds[] = { "debug", "unneeded" };
	DIR *d = opendir("build/modules");
	struct dirent *e;
	unsigned samples = 0, same = 0;
	char path[512];

	KT_EXPECT(d != NULL);
	while (d && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		uint32_t size = 0, ssize = 0;
		uint8_t *orig, *img;

		if (n < 4 || strcmp(e->d_name + n - 3, ".ko"))
			continue;
		samples++;
		snprintf(path, sizeof(path), "build/modules/%s", e->d_name);
		orig = image_of(path, &size);
		KT_EXPECT(orig != NULL);
		for (int k = 0; orig && k < 2; k++) {
			snprintf(path, sizeof(path), "build/stripped/%.*s-%s.ko",
				 (int)(n - 3), e->d_name, kinds[k]);
			img = image_of(path, &ssize);
			if (!img)
				printf("    # %s: %s\n", path, why);
			same += img && ssize == size && !memcmp(img, orig, size);
			free(img);
		}
		free(orig);
	}
	if (d)
		closedir(d);
	KT_EXPECT(samples >= 13);
	KT_EXPECT(same == 2 * samples);
}

/* --- insmod's one pass (modreloc_apply_lazy) at its rows' edges --- */

/* hello.ko's bytes with its first R_386_32 of .module past the header
 * (.module + A, the string of its exit printk) given symbol symi and
 * addend A; both ways of insmod's relocator on them: the one pass
 * (modelf_parse_lazy, modreloc_apply_lazy) and the checks one by one
 * (modelf_parse, modreloc_apply). Returns the one pass's answer; *same:
 * both answer alike (the same error and reason, or the same image);
 * *by_one: how many relocations the one pass's lazy_one took. */
static int hello_lazy_vs_full(uint32_t symi, uint32_t A, int *same,
			      unsigned *by_one)
{
	size_t len = 0;
	uint8_t *buf = host_read_file(ko_path, &len);
	const uint32_t base = 0xF0004000u;
	struct modelf m1, m2;
	uint8_t *one = NULL, *two = NULL;
	int err1, err2 = -1;
	unsigned before;

	*same = 0;
	*by_one = 0;
	if (!buf || modelf_parse(buf, len, &m1))
		return -1;
	for (uint32_t i = 0; i < m1.part[MODELF_MODULE].nrel; i++) {
		Elf32_Rel *r = (Elf32_Rel *)&m1.part[MODELF_MODULE].rel[i];
		const Elf32_Shdr *sh = &m1.sh[m1.part[MODELF_MODULE].shndx];

		if (r->r_offset < MODHDR_SIZE ||
		    ELF32_R_TYPE(r->r_info) != R_386_32)
			continue;
		r->r_info = ELF32_R_INFO(symi, R_386_32);
		put32(buf + sh->sh_offset + r->r_offset, A);
		err2 = 0;
		break;
	}
	if (err2 || modelf_parse_lazy(buf, len, &m2)) {
		free(buf);
		return -1;
	}
	err1 = modelf_parse(buf, len, &m1);
	one = calloc(1, m1.image_size);
	two = calloc(1, m2.image_size);
	if (!err1)
		err1 = modreloc_apply(&m1, one, base, resolve_printk, NULL,
				      test_values(&m1));
	before = modreloc_lazy_one_taken;
	err2 = modreloc_apply_lazy(&m2, two, base, resolve_printk, NULL,
				   host_scratch_words(MODRELOC_LAZY_WORDS(m2.nsym)));
	*by_one = modreloc_lazy_one_taken - before;
	*same = err1 == err2 &&
		(err1 ? !strcmp(m1.why, m2.why)
		      : m1.image_size == m2.image_size &&
			!memcmp(one, two, m1.image_size));
	free(one);
	free(two);
	free(buf);
	return err2;
}

/* The index of hello.ko's symbol called name, or 0. */
static uint32_t hello_symbol(const char *name)
{
	size_t len = 0;
	void *buf = host_read_file(ko_path, &len);
	struct modelf m;
	uint32_t found = 0;

	if (buf && !modelf_parse(buf, len, &m))
		for (uint32_t i = 1; i < m.nsym && !found; i++)
			if (!strcmp(modelf_sym_name(&m, i), name))
				found = i;
	free(buf);
	return found;
}

/* An R_386_32's row holds S and a span, the core's bytes from S on: the
 * rows take an addend below the span (the last core byte included), and
 * hand one at the span (the core's end: init) or past the symbol's start
 * backwards (a negative addend) to lazy_one, which decides as the checks
 * one by one do: the same image, or the same refusal and reason. */
KTEST(lazy_rows_take_an_addend_below_the_span_only)
{
	uint32_t sec = hello_symbol(".module"), cleanup = hello_symbol("cleanup_module");
	uint32_t core, image, off;
	unsigned base_one, by_one;
	size_t len = 0;
	void *buf = host_read_file(ko_path, &len);
	struct modelf m;
	int same;

	KT_EXPECT(buf && !modelf_parse(buf, len, &m));
	if (!buf)
		return;
	core = m.hdr.core_size;
	image = m.image_size;
	off = m.sym[cleanup].st_value;		/* its offset in .module */
	free(buf);
	KT_EXPECT(sec != 0 && cleanup != 0 && off >= 4);

	/* .module + 0: what hello.ko has; the rows take it */
	KT_EXPECT(hello_lazy_vs_full(sec, 0, &same, &base_one) == 0 && same);
	/* .module + core - 1: the span's last byte, taken by the rows */
	KT_EXPECT(hello_lazy_vs_full(sec, core - 1, &same, &by_one) == 0 && same);
	KT_EXPECT(by_one == base_one);
	/* .module + core: init's first byte, from the core: refused */
	KT_EXPECT(hello_lazy_vs_full(sec, core, &same, &by_one) == -ENOEXEC && same);
	/* cleanup_module - 4: in the core, before the symbol: not the rows',
	 * lazy_one's (one more than hello.ko's own) */
	KT_EXPECT(hello_lazy_vs_full(cleanup, (uint32_t)-4, &same, &by_one) == 0 && same);
	KT_EXPECT(by_one == base_one + 1);
	/* cleanup_module + core - off - 1: the core's last byte, the rows' */
	KT_EXPECT(hello_lazy_vs_full(cleanup, core - off - 1, &same, &by_one) == 0 && same);
	KT_EXPECT(by_one == base_one);
	/* cleanup_module + core - off: the span's end. A reference through
	 * a named symbol is to that symbol (check_one's target), so the
	 * checks let it reach init; not the rows', lazy_one's */
	KT_EXPECT(hello_lazy_vs_full(cleanup, core - off, &same, &by_one) == 0 && same);
	KT_EXPECT(by_one == base_one + 1);
	/* cleanup_module + image_size - off + 1: past the image, refused
	 * (below core: a span of core would have taken it) */
	KT_EXPECT(image - off + 1 < core);
	KT_EXPECT(hello_lazy_vs_full(cleanup, image - off + 1, &same, &by_one) == -ENOEXEC &&
		  same);
	/* .module - 4: before the image: refused */
	KT_EXPECT(hello_lazy_vs_full(sec, (uint32_t)-4, &same, &by_one) == -ENOEXEC && same);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		ko_path = argv[1];
	return ktest_main();
}
