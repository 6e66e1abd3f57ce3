/*
 * Host tests of the module checker (loader/elf.c): the real
 * build/modules/hello.ko parses and describes itself exactly (sizes equal
 * the linker's symbols, the header's fields, modinfo, versions); then each
 * damaged copy of it is refused with -ENOEXEC and its exact reason. Every
 * copy is an exact-size heap buffer, so ASan catches any read past it.
 * Last, build/modules/bigbss.ko: 256 KiB of .bss, a small file, zeros in
 * the image.
 */
// sources: loader/elf.c loader/reloc.c tools/hostfile.c build/modules/hello.ko build/modules/bigbss.ko build/modules/*.ko
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader/elf.h"
#include <tessera/vermagic.h>
#include "tools/hostfile.h"
#include <tessera/errno.h>
#include "tests/host/ktest.h"

static const char *ko_path = "build/modules/hello.ko";
static uint8_t *ko;		/* pristine hello.ko */
static size_t ko_len;
static struct modelf good;	/* its parse */
static char why[MODELF_WHY_LEN];	/* the last parse's reason */

static void load_ko(void)
{
	ko = host_read_file(ko_path, &ko_len);
	if (ko_len && modelf_parse(ko, ko_len, &good))
		ko_len = 0;
	memcpy(why, good.why, sizeof(why));
}

/* A fresh copy of hello.ko, len bytes long (len <= ko_len). */
static uint8_t *copy(size_t len)
{
	uint8_t *c = malloc(len);

	memcpy(c, ko, len);
	return c;
}

/* Parses buf (len bytes), frees it, and returns the error. */
static int parse(uint8_t *buf, size_t len)
{
	struct modelf m;
	int err;

	err = modelf_parse(buf, len, &m);
	memcpy(why, m.why, sizeof(why));
	free(buf);
	return err;
}

static Elf32_Ehdr *ehdr(uint8_t *c) { return (Elf32_Ehdr *)c; }
static Elf32_Shdr *shdr(uint8_t *c, uint32_t i)
{
	return (Elf32_Shdr *)(c + ehdr(c)->e_shoff) + i;
}
static Elf32_Sym *symp(uint8_t *c, uint32_t i)
{
	return (Elf32_Sym *)(c + shdr(c, good.symtab_shndx)->sh_offset) + i;
}
/* hello.ko's init part: its last relocations (hello_init calls printk). */
#define INIT (&good.part[MODELF_INIT])
static Elf32_Rel *relp(uint8_t *c, uint32_t i)
{
	return (Elf32_Rel *)(c + ((const uint8_t *)INIT->rel - ko)) + i;
}
static uint8_t *imagep(uint8_t *c)
{
	return c + (good.part[MODELF_MODULE].bytes - ko);
}

static uint32_t sym_index(const char *name)
{
	for (uint32_t i = 1; i < good.nsym; i++)
		if (!strcmp(modelf_sym_name(&good, i), name))
			return i;
	return 0;
}

/* A symbol's image offset, read straight from the ELF: its section's
 * address (what the linker script gave it) + its value. */
static uint32_t sym_value(const char *name)
{
	const Elf32_Sym *s = &good.sym[sym_index(name)];

	return good.sh[s->st_shndx].sh_addr + s->st_value;
}

/* Expected text, formatted like the checker formats it. */
static const char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static const char *fmt(const char *f, ...)
{
	static char buf[256];
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, sizeof(buf), f, ap);
	va_end(ap);
	return buf;
}

KTEST(hello_ko_parses_and_describes_itself)
{
	uint32_t crc;
	const char *name;

	KT_EXPECT(ko_len > 0);
	if (!ko_len)
		return;
	KT_EXPECT(!strcmp(good.hdr.name, "hello"));
	KT_EXPECT(good.hdr.core_size == sym_value("__core_end"));
	KT_EXPECT(good.hdr.init_size ==
		  sym_value("__init_end") - sym_value("__core_end"));
	KT_EXPECT(good.hdr.core_size + good.hdr.init_size == good.image_size);
	KT_EXPECT(good.image_size == INIT->addr + INIT->size);
	KT_EXPECT(good.part[MODELF_BSS].addr == good.part[MODELF_MODULE].size);
	KT_EXPECT(INIT->addr == good.hdr.core_size);	/* hello: no .bss */
	KT_EXPECT(good.hdr.core_size % 16 == 0);
	KT_EXPECT(good.hdr.init == sym_value("hello_init"));
	KT_EXPECT(good.hdr.exit == sym_value("hello_exit"));
	KT_EXPECT(good.hdr.init >= good.hdr.core_size);	/* __init */
	KT_EXPECT(good.hdr.exit < good.hdr.core_size);	/* __exit: core */
	KT_EXPECT(good.hdr.num_syms == 0);
	KT_EXPECT(good.hdr.num_versions == 1);
	modelf_version(&good, 0, &crc, &name);
	KT_EXPECT(!strcmp(name, "printk"));
	KT_EXPECT(crc != 0);
	KT_EXPECT(!strcmp(modelf_modinfo(&good, "license"), "GPL"));
	KT_EXPECT(!strcmp(modelf_modinfo(&good, "author"), "Tessera"));
	KT_EXPECT(!strcmp(modelf_modinfo(&good, "version"), "1.0"));
	KT_EXPECT(modelf_modinfo(&good, "firmware") == NULL);
	KT_EXPECT(!strcmp(modelf_modinfo(&good, "intree"), "Y"));	/* modpost --intree */
	KT_EXPECT(good.hdr.modinfo_size == sizeof("license=GPL") +
		  sizeof("author=Tessera") + sizeof("description=Prints a "
		  "greeting on load and unload") + sizeof("version=1.0") +
		  sizeof("intree=Y") + sizeof("depends=") +
		  sizeof("vermagic=" VERMAGIC_STRING));	/* modpost's */
	KT_EXPECT(!strcmp(modelf_modinfo(&good, "vermagic"), VERMAGIC_STRING));
	KT_EXPECT(!strcmp(modelf_modinfo(&good, "depends"), ""));
}

KTEST(hello_ko_imports_printk_only)
{
	uint32_t pos = 0;
	const char *name;

	if (!ko_len)
		return;
	name = modelf_next_undef(&good, &pos);
	KT_EXPECT(name && !strcmp(name, "printk"));
	KT_EXPECT(modelf_next_undef(&good, &pos) == NULL);
	KT_EXPECT(!strcmp(modelf_symbol_at(&good, good.hdr.exit + 1, NULL),
			  "hello_exit"));
}

KTEST(refuses_short_file)
{
	if (!ko_len)
		return;
	KT_EXPECT(parse(copy(40), 40) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "file is 40 bytes, too short for an ELF header "
			  "(52 bytes)"));
}

KTEST(refuses_bad_magic)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	c[1] = 'X';
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "not an ELF file (bad magic)"));
}

KTEST(refuses_64bit_class)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	c[EI_CLASS] = ELFCLASS64;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "ELF class 2 (64-bit), expected 32-bit"));
}

KTEST(refuses_big_endian)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	c[EI_DATA] = ELFDATA2MSB;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "ELF data encoding 2 (big-endian), expected 1 "
			  "(little-endian)"));
}

KTEST(refuses_x86_64_machine)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	ehdr(c)->e_machine = EM_X86_64;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "machine 62 (x86-64), expected 3 (i386)"));
}

KTEST(refuses_et_exec_and_et_dyn)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	ehdr(c)->e_type = ET_EXEC;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "ET_EXEC: not a relocatable object; modules are "
			  "built with ld -r"));
	c = copy(ko_len);
	ehdr(c)->e_type = ET_DYN;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "ET_DYN: a shared object, not a relocatable "
			  "object; modules are built with ld -r"));
}

KTEST(refuses_truncated_file)
{
	size_t half = ko_len / 2;
	const Elf32_Ehdr *e = (const Elf32_Ehdr *)ko;

	if (!ko_len)
		return;
	KT_EXPECT(parse(copy(half), half) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("section header table: offset 0x%x+0x%x runs"
				   " past the end of the file (0x%zx bytes)",
				   e->e_shoff, e->e_shnum * 40u, half)));
}

KTEST(refuses_section_past_end)
{
	uint8_t *c;
	uint32_t size = good.part[MODELF_MODULE].size;

	if (!ko_len)
		return;
	c = copy(ko_len);
	shdr(c, good.part[MODELF_MODULE].shndx)->sh_offset = ko_len - 0x10;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("section .module: offset 0x%zx+0x%x runs past"
				   " the end of the file (0x%zx bytes)",
				   ko_len - 0x10, size, ko_len)));
}

KTEST(refuses_section_name_table_index)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	ehdr(c)->e_shstrndx = 200;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("section name table index 200 out of range "
				   "(%u sections)", good.shnum)));
}

KTEST(refuses_missing_module_section)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	/* rename ".module" to ".modulx" in the section name table */
	c[(good.shstr - (const char *)ko) +
	  good.sh[good.part[MODELF_MODULE].shndx].sh_name + 6] = 'x';
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "no .module section: not linked with "
			  "linker/module.lds"));
}

KTEST(refuses_allocated_section_outside_module)
{
	uint32_t dbg = modelf_find_section(&good, ".debug_info");
	uint8_t *c;

	if (!ko_len || !dbg)
		return;
	c = copy(ko_len);
	shdr(c, dbg)->sh_flags |= SHF_ALLOC;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("section .debug_info (#%u): allocated section outside "
			  ".module, .module.bss and .module.init "
			  "(linker/module.lds does not place it)", dbg)));
}

/* .module.bss must be NOBITS: its bytes are zeros made by the loader, never
 * read from the file. */
KTEST(refuses_bss_with_file_bytes)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	shdr(c, good.part[MODELF_BSS].shndx)->sh_type = SHT_PROGBITS;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "section .module.bss: type 1 flags 0x3, expected "
			  "allocated NOBITS"));
	c = copy(ko_len);
	shdr(c, good.part[MODELF_INIT].shndx)->sh_type = SHT_NOBITS;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "section .module.init: type 8 flags 0x6, expected "
			  "allocated PROGBITS"));
}

KTEST(refuses_part_at_wrong_address)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	shdr(c, good.part[MODELF_INIT].shndx)->sh_addr += 0x10;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("section .module.init at address 0x%x, but "
				   ".module.bss (0x%x bytes at 0x%x) ends at 0x%x: not "
				   "linked with linker/module.lds", INIT->addr + 0x10,
				   good.part[MODELF_BSS].size, good.part[MODELF_BSS].addr,
				   INIT->addr)));
	c = copy(ko_len);
	shdr(c, good.part[MODELF_MODULE].shndx)->sh_addr = 0x1000;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "section .module at address 0x1000, expected 0x0: "
			  "not linked with linker/module.lds"));
}

KTEST(refuses_relocations_for_bss)
{
	uint32_t rel = modelf_find_section(&good, ".rel.module.init");
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	shdr(c, rel)->sh_info = good.part[MODELF_BSS].shndx;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "section .rel.module.init: relocations for "
			  ".module.bss, which has no bytes"));
}

KTEST(refuses_symbol_name_outside_strtab)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	symp(c, 3)->st_name = 0x100000;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("symbol #3: name offset 0x100000 outside the "
				   "string table (0x%x bytes)", good.str_size)));
}

KTEST(refuses_common_symbol)
{
	uint8_t *c;
	uint32_t i = sym_index("hello_exit");

	if (!ko_len)
		return;
	c = copy(ko_len);
	symp(c, i)->st_shndx = SHN_COMMON;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "symbol hello_exit is COMMON; compile with "
			  "-fno-common"));
}

KTEST(refuses_bad_header_magic_and_version)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	memset(imagep(c) + MODHDR_OFF_MAGIC, 0, 4);
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "module header: magic 0x00000000, expected "
			  "0x444f4d54 (TMOD)"));
	c = copy(ko_len);
	imagep(c)[MODHDR_OFF_VERSION] = 7;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "module header: format version 7, expected 1"));
}

KTEST(refuses_unterminated_name)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	memset(imagep(c) + MODHDR_OFF_NAME, 'a', MODULE_NAME_LEN);
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "module header: name is empty or not "
			  "NUL-terminated within 56 bytes"));
}

KTEST(refuses_sizes_not_adding_up)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	symp(c, sym_index("__module_init_size"))->st_value += 1;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("module header: core_size 0x%x + init_size "
				   "0x%x is not the image size 0x%x",
				   good.hdr.core_size, good.hdr.init_size + 1,
				   good.image_size)));
}

/* Sizes that add up, but put the core's end inside .module. */
KTEST(refuses_core_end_outside_bss)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	symp(c, sym_index("__module_core_size"))->st_value -= 0x10;
	symp(c, sym_index("__module_init_size"))->st_value += 0x10;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("module header: core_size 0x%x is not between "
				   "the end of .module (0x%x) and the start of "
				   ".module.init (0x%x)", good.hdr.core_size - 0x10,
				   good.part[MODELF_BSS].addr, INIT->addr)));
}

/* The last relocation of hello.ko, in .rel.module.init: printk called
 * from hello_init. Relocations are numbered within their section. */
KTEST(refuses_relocation_offset_out_of_range)
{
	uint32_t last = INIT->nrel - 1;
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	relp(c, last)->r_offset = INIT->size - 2;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("relocation %u of .rel.module.init: offset 0x%x+4 runs past the "
				   "end of .module.init (0x%x bytes)", last,
				   INIT->size - 2, INIT->size)));
}

/* Offset in .module.init of hello_init, the function hello.ko's last
 * relocation is in (read from its symbol table, not from the code under
 * test). */
static uint32_t init_start(void)
{
	for (uint32_t i = 0; i < good.nsym; i++)
		if (!strcmp(good.str + good.sym[i].st_name, "hello_init"))
			return good.sym[i].st_value;
	return 0xffffffff;
}

KTEST(refuses_relocation_symbol_out_of_range)
{
	uint32_t last = INIT->nrel - 1, off = INIT->rel[last].r_offset;
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	relp(c, last)->r_info = ELF32_R_INFO(999u, R_386_PC32);
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("relocation %u at .module.init+0x%x (hello_init+0x%x, "
				   "init): symbol index 999 out of range (%u symbols)",
				   last, off, off - init_start(), good.nsym)));
}

KTEST(refuses_unknown_relocation_type)
{
	uint32_t last = INIT->nrel - 1, off = INIT->rel[last].r_offset;
	uint32_t symi = ELF32_R_SYM(INIT->rel[last].r_info);
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	relp(c, last)->r_info = ELF32_R_INFO(symi, R_386_GOTPC);
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("relocation %u at .module.init+0x%x (hello_init+0x%x, "
				   "init): R_386_GOTPC needs a global offset table; "
				   "compile with -fno-pic", last, off, off - init_start())));
}

KTEST(refuses_misaligned_buffer)
{
	uint8_t *c;
	struct modelf m;

	if (!ko_len)
		return;
	c = malloc(ko_len + 1);
	memcpy(c + 1, ko, ko_len);
	KT_EXPECT(modelf_parse(c + 1, ko_len, &m) == -EINVAL);
	KT_EXPECT(!strcmp(m.why, "buffer is not 4-byte aligned"));
	free(c);
}

/* --- the examples: every section accounted for --- */

/* The relocation section of part p, in copy c. */
static Elf32_Shdr *rel_of(uint8_t *c, int p)
{
	return shdr(c, good.part[p].rel_shndx);
}

/* Init's relocations aimed at no section were skipped: init ran
 * unrelocated. Refused, naming the relocation section and the index. */
KTEST(refuses_relocation_section_with_bad_target)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	rel_of(c, MODELF_INIT)->sh_info = 0xffff;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("section .rel.module.init: target section "
				   "index (sh_info) 65535 out of range (1..%u)",
				   good.shnum - 1)));
	c = copy(ko_len);
	rel_of(c, MODELF_MODULE)->sh_info = good.shnum;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("section .rel.module: target section index "
				   "(sh_info) %u out of range (1..%u)", good.shnum,
				   good.shnum - 1)));
	c = copy(ko_len);
	rel_of(c, MODELF_MODULE)->sh_info = 0;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("section .rel.module: target section index "
				   "(sh_info) 0 out of range (1..%u)",
				   good.shnum - 1)));
}

/* Aimed at a debug section instead: valid, but .module.init would be left
 * unrelocated. The section's name tells what it must be. */
KTEST(refuses_part_relocations_aimed_elsewhere)
{
	uint32_t dbg = modelf_find_section(&good, ".debug_info");
	uint8_t *c;

	if (!ko_len || !dbg)
		return;
	c = copy(ko_len);
	rel_of(c, MODELF_INIT)->sh_info = dbg;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("section .rel.module.init (#%u): type 9, "
				   "target section %u: not the relocation section "
				   "of .module.init", good.part[MODELF_INIT].rel_shndx,
				   dbg)));
	c = copy(ko_len);
	rel_of(c, MODELF_INIT)->sh_type = SHT_PROGBITS;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("section .rel.module.init (#%u): type 1, "
				   "target section %u: not the relocation section "
				   "of .module.init", good.part[MODELF_INIT].rel_shndx,
				   INIT->shndx)));
}

/* .rel.module one entry short loaded and crashed at rmmod (hello_exit's
 * call of printk unrelocated). The 8 bytes it no longer covers belong to
 * no section. */
KTEST(refuses_relocation_table_cut_short)
{
	const Elf32_Shdr *r = &good.sh[good.part[MODELF_MODULE].rel_shndx];
	uint32_t end = r->sh_offset + r->sh_size;
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	rel_of(c, MODELF_MODULE)->sh_size -= 8;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("file bytes 0x%x..0x%x, between section "
				   ".rel.module and section .rel.module.init, "
				   "belong to no section", end - 8, end)));
}

KTEST(refuses_overlapping_sections)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	shdr(c, INIT->shndx)->sh_offset = 0;	/* init's bytes: the ELF header */
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("section .module.init (file bytes 0x0..0x%x) "
				   "overlaps the ELF header (0x0..0x34)", INIT->size)));
}

/* The header's exit pointer moved away: the relocations are then out of
 * order; two on one field overlap. */
KTEST(refuses_header_relocation_moved_or_doubled)
{
	uint8_t *c;
	Elf32_Rel *r;

	if (!ko_len)
		return;
	c = copy(ko_len);
	r = (Elf32_Rel *)(c + ((const uint8_t *)good.part[0].rel - ko));
	KT_EXPECT(r[3].r_offset == MODHDR_OFF_EXIT);
	r[3].r_offset = 0x100;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 4 at .module+0x50 (__this_module+0x50, "
			  "header): offset 0x50 overlaps or precedes relocation 3 "
			  "(0x100): relocations must be sorted by offset and not "
			  "share bytes"));
	c = copy(ko_len);
	r = (Elf32_Rel *)(c + ((const uint8_t *)good.part[0].rel - ko));
	r[4].r_offset = MODHDR_OFF_EXIT;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 4 at .module+0x4c (__this_module+0x4c, "
			  "header): offset 0x4c overlaps or precedes relocation 3 "
			  "(0x4c): relocations must be sorted by offset and not "
			  "share bytes"));
}

/* Exactly one relocation on each size field; none on the fields that are
 * never relocated. */
KTEST(refuses_header_fields_relocated_wrongly)
{
	uint8_t *c;
	Elf32_Rel *r;

	if (!ko_len)
		return;
	c = copy(ko_len);
	r = (Elf32_Rel *)(c + ((const uint8_t *)good.part[0].rel - ko));
	KT_EXPECT(r[10].r_offset == MODHDR_OFF_NUM_PARAMS);	/* the last */
	r[10].r_offset = 0x84;		/* between the header and 0x89 */
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "module header field num_params has no "
			  "relocation (linker/module.lds computes it)"));
	c = copy(ko_len);
	r = (Elf32_Rel *)(c + ((const uint8_t *)good.part[0].rel - ko));
	r[0].r_offset = 0;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "relocation 0 of .rel.module at .module+0x0 "
			  "writes the module header's magic, which is never "
			  "relocated"));
}

/* A symbol's value (and extent) lies inside its section. */
KTEST(refuses_symbol_outside_its_section)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	symp(c, sym_index("cleanup_module"))->st_value = 0x10000;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("symbol cleanup_module: 0x10000+0x16 runs past "
				   "the end of section .module (0x%x bytes)",
				   good.part[MODELF_MODULE].size)));
}

/* A section symbol made weak was looked up by the relocator under the
 * empty name (a call to 0): a section symbol is local. */
KTEST(refuses_weak_section_symbol)
{
	uint8_t *c;
	uint32_t i = good.first_global;

	if (!ko_len)
		return;
	c = copy(ko_len);
	symp(c, 1)->st_info = STB_WEAK << 4 | STT_SECTION;	/* .module's */
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("symbol .module: weak, but the symbol table's "
				   "locals are #0..#%u", i - 1)));
	c = copy(ko_len);
	symp(c, i)->st_info = STB_WEAK << 4 | STT_SECTION;	/* a global */
	symp(c, i)->st_shndx = 1;
	symp(c, i)->st_value = 0;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "symbol .module: a section symbol must be local, in "
			  "a section, with value 0"));
}

/* Regression (review): an R_386_32 moved onto the word of a PC32 was
 * refused for the address it made of the PC32's addend, not as the
 * overlap it is. */
KTEST(two_relocations_on_one_word_refused_as_overlap)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	relp(c, 0)->r_offset = relp(c, 1)->r_offset;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(strstr(why, "relocation 1 at .module.init+0xe") != NULL);
	KT_EXPECT(strstr(why, "overlaps or precedes relocation 0 (0xe)") != NULL);
}

/* Regression (review): .module.bss with a damaged name was refused for
 * the gap it left (".module.init at address ... but .module ends at"),
 * not named itself. */
KTEST(part_with_damaged_name_named_itself)
{
	uint32_t bss = good.part[MODELF_BSS].shndx;
	uint8_t *c;

	if (!ko_len || !good.part[MODELF_BSS].size)
		return;
	c = copy(ko_len);
	shdr(c, bss)->sh_name += 1;	/* ".module.bss" -> "module.bss" */
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("section module.bss (#%u): allocated section "
				   "outside .module, .module.bss and .module.init "
				   "(linker/module.lds does not place it)", bss)));
}

/* Misleading refusals: names that are empty or damaged are told by
 * number; .module of size 0 is blamed itself. */
KTEST(refusals_name_the_damaged_thing)
{
	uint32_t printk = sym_index("printk");
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	symp(c, printk)->st_name = 0;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("symbol #%u (no name): undefined, with an empty "
				   "name: there is nothing to look up", printk)));
	c = copy(ko_len);
	shdr(c, INIT->shndx)->sh_name = 0;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("section #%u (no name): allocated section "
				   "outside .module, .module.bss and .module.init "
				   "(linker/module.lds does not place it)",
				   INIT->shndx)));
	c = copy(ko_len);
	shdr(c, good.part[MODELF_MODULE].shndx)->sh_size = 0;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, "section .module is 0x0 bytes, smaller than the "
			  "module header (128 bytes)"));
}

/* strip --strip-debug turns the relocation of num_syms against the
 * absolute symbol __module_num_syms (0) into one against symbol 0: the
 * same value. */
KTEST(accepts_header_size_against_symbol_0)
{
	uint8_t *c;
	Elf32_Rel *r;

	if (!ko_len)
		return;
	c = copy(ko_len);
	r = (Elf32_Rel *)(c + ((const uint8_t *)good.part[0].rel - ko));
	KT_EXPECT(r[5].r_offset == MODHDR_OFF_NUM_SYMS);
	r[5].r_info = ELF32_R_INFO(0u, R_386_32);
	KT_EXPECT(parse(c, ko_len) == 0);
	KT_EXPECT(why[0] == '\0');
}

/* insmod's one pass (modelf_parse_lazy: on hello.ko its fast path, which
 * checks the sections in one pass) describes the object as modelf_parse
 * does: every field a loader reads. */
static void expect_lazy_as_parse(const uint8_t *buf, size_t len)
{
	struct modelf full, lazy;

	KT_EXPECT(modelf_parse(buf, len, &full) == 0);
	KT_EXPECT(modelf_parse_lazy(buf, len, &lazy) == 0);
	KT_EXPECT(lazy.rel_lazy == 1 && !lazy.why[0] && !lazy.warn[0]);
	KT_EXPECT(lazy.buf == full.buf && lazy.len == full.len &&
		  lazy.eh == full.eh && lazy.sh == full.sh &&
		  lazy.shnum == full.shnum && lazy.shstr == full.shstr &&
		  lazy.shstr_size == full.shstr_size);
	KT_EXPECT(lazy.sym == full.sym && lazy.nsym == full.nsym &&
		  lazy.symtab_shndx == full.symtab_shndx &&
		  lazy.first_global == full.first_global &&
		  lazy.str == full.str && lazy.str_size == full.str_size);
	KT_EXPECT(lazy.image_size == full.image_size && lazy.nrel == full.nrel);
	for (int p = 0; p < MODELF_NPARTS; p++) {
		const struct modelf_part *a = &lazy.part[p], *b = &full.part[p];

		KT_EXPECT(a->shndx == b->shndx && a->addr == b->addr &&
			  a->size == b->size && a->bytes == b->bytes &&
			  a->rel == b->rel && a->nrel == b->nrel &&
			  a->rel_shndx == b->rel_shndx);
	}
	KT_EXPECT(lazy.hdr.name == full.hdr.name &&
		  lazy.hdr.core_size == full.hdr.core_size &&
		  lazy.hdr.init_size == full.hdr.init_size &&
		  lazy.hdr.init == full.hdr.init && lazy.hdr.exit == full.hdr.exit &&
		  lazy.hdr.syms == full.hdr.syms &&
		  lazy.hdr.num_syms == full.hdr.num_syms &&
		  lazy.hdr.versions == full.hdr.versions &&
		  lazy.hdr.num_versions == full.hdr.num_versions &&
		  lazy.hdr.modinfo == full.hdr.modinfo &&
		  lazy.hdr.modinfo_size == full.hdr.modinfo_size &&
		  lazy.hdr.params == full.hdr.params &&
		  lazy.hdr.num_params == full.hdr.num_params);
}

KTEST(lazy_parse_describes_hello_as_parse_does)
{
	KT_EXPECT(ko_len != 0);
	if (ko_len)
		expect_lazy_as_parse(ko, ko_len);
}

/* Every field of two contexts (not the padding a 64-bit host puts
 * between them) equal. */
static int same_context(const struct modelf *a, const struct modelf *b)
{
	int same = a->buf == b->buf && a->len == b->len && a->eh == b->eh &&
		   a->sh == b->sh && a->shnum == b->shnum &&
		   a->shstr == b->shstr && a->shstr_size == b->shstr_size &&
		   a->sym == b->sym && a->nsym == b->nsym &&
		   a->symtab_shndx == b->symtab_shndx &&
		   a->first_global == b->first_global && a->str == b->str &&
		   a->str_size == b->str_size &&
		   a->image_size == b->image_size && a->nrel == b->nrel &&
		   a->rel_fast == b->rel_fast &&
		   a->rel_core_max == b->rel_core_max &&
		   a->rel_nabs == b->rel_nabs &&
		   a->init_delta == b->init_delta &&
		   a->rel_lazy == b->rel_lazy && !strcmp(a->why, b->why) &&
		   !strcmp(a->warn, b->warn);

	for (int p = 0; p < MODELF_NPARTS; p++) {
		const struct modelf_part *x = &a->part[p], *y = &b->part[p];

		same &= x->shndx == y->shndx && x->addr == y->addr &&
			x->size == y->size && x->bytes == y->bytes &&
			x->rel == y->rel && x->nrel == y->nrel &&
			x->rel_shndx == y->rel_shndx;
	}
	return same && a->hdr.name == b->hdr.name &&
	       !memcmp((const char *)&a->hdr + sizeof(a->hdr.name),
		       (const char *)&b->hdr + sizeof(b->hdr.name),
		       sizeof(a->hdr) - sizeof(a->hdr.name));
}

/* modelf_parse_lazy's fast path does not zero the whole context (as
 * modelf_parse does): it writes every field. So a context full of
 * garbage before it ends as one full of zeros does, on every module
 * built (each takes the fast path but initbug.ko: modelf_lazy_fast_taken
 * says so, m->rel_lazy being 1 after the full chain too). */
KTEST(lazy_parse_writes_every_field)
{
	DIR *d = opendir("build/modules");
	struct dirent *de;
	struct modelf *zero = malloc(sizeof(*zero));
	struct modelf *junk = malloc(sizeof(*junk));
	unsigned int taken;
	int n = 0;

	KT_EXPECT(d != NULL && zero && junk);
	while (d && zero && junk && (de = readdir(d))) {
		size_t len = strlen(de->d_name), flen = 0;
		char path[300];
		uint8_t *buf;

		if (len < 4 || strcmp(de->d_name + len - 3, ".ko"))
			continue;
		snprintf(path, sizeof(path), "build/modules/%s", de->d_name);
		if (!(buf = host_read_file(path, &flen)))
			continue;
		memset(zero, 0, sizeof(*zero));
		memset(junk, 0xa5, sizeof(*junk));
		taken = modelf_lazy_fast_taken;
		KT_EXPECT(modelf_parse_lazy(buf, flen, zero) ==
			  modelf_parse_lazy(buf, flen, junk));
		if (!same_context(zero, junk)) {
			printf("    # %s: a field not written\n", path);
			ktest_failed_now = 1;
		}
		/* both calls took the fast path, or initbug.ko neither */
		taken = modelf_lazy_fast_taken - taken;
		if (taken != (strcmp(de->d_name, "initbug.ko") ? 2u : 0u)) {
			printf("    # %s: fast path taken %u times of 2\n",
			       path, taken);
			ktest_failed_now = 1;
		}
		n++;
		free(buf);
	}
	KT_EXPECT(n > 30);
	if (d)
		closedir(d);
	free(zero);
	free(junk);
}

/* --- bigbss.ko: 256 KiB of .bss --- */

static const char *bigbss_path = "build/modules/bigbss.ko";

/* modreloc_apply's scratch: m->nsym words (tools/hostfile.c). */
static uint32_t *test_values(const struct modelf *m)
{
	return host_scratch_words(m->nsym);
}

static int resolve_any(void *arg, const char *name, uint32_t *value)
{
	*value = 0xC0101230u;
	return 0;
}

/* Image offset of bigbss.ko's 256 KiB array `buf`, from the ELF itself. */
static uint32_t bigbss_buf(const struct modelf *m)
{
	for (uint32_t i = 1; i < m->nsym; i++)
		if (!strcmp(m->str + m->sym[i].st_name, "buf"))
			return m->sh[m->sym[i].st_shndx].sh_addr + m->sym[i].st_value;
	return 0;
}

KTEST(big_bss_takes_no_room_in_the_file)
{
	size_t len = 0;
	uint8_t *buf = host_read_file(bigbss_path, &len);
	struct modelf m;
	const struct modelf_part *bss = &m.part[MODELF_BSS];

	KT_EXPECT(buf != NULL);
	if (!buf)
		return;
	KT_EXPECT(modelf_parse(buf, len, &m) == 0);
	expect_lazy_as_parse(buf, len);
	KT_EXPECT(len < 16 * 1024);		/* not 256 KiB of stored zeros */
	KT_EXPECT(m.image_size > 256 * 1024);
	KT_EXPECT(bss->bytes == NULL);
	KT_EXPECT(bss->size >= 256 * 1024);
	KT_EXPECT(bss->addr == m.part[MODELF_MODULE].size);
	KT_EXPECT(bss->addr + bss->size == m.hdr.core_size);	/* core's end */
	KT_EXPECT(m.part[MODELF_INIT].addr == m.hdr.core_size);
	KT_EXPECT(m.image_size == m.hdr.core_size + m.hdr.init_size);
	KT_EXPECT(bigbss_buf(&m) >= bss->addr);
	KT_EXPECT(bigbss_buf(&m) + 256 * 1024 <= bss->addr + bss->size);
	free(buf);
}

KTEST(big_bss_image_has_zeros_where_bss_is)
{
	size_t len = 0;
	uint8_t *buf = host_read_file(bigbss_path, &len), *img;
	struct modelf m;
	const struct modelf_part *bss = &m.part[MODELF_BSS];
	const Elf32_Shdr *init;
	uint32_t nonzero = 0;

	if (!buf || modelf_parse(buf, len, &m))
		return;
	img = malloc(m.image_size);
	memset(img, 0xcc, m.image_size);	/* what the loader must overwrite */
	KT_EXPECT(modreloc_apply(&m, img, 0xF0010000u, resolve_any, NULL,
				 test_values(&m)) == 0);
	for (uint32_t i = bss->addr; i < bss->addr + bss->size; i++)
		nonzero += img[i] != 0;
	KT_EXPECT(nonzero == 0);
	KT_EXPECT(!memcmp(img + MODHDR_OFF_NAME, "bigbss", 7));
	init = &m.sh[modelf_find_section(&m, ".module.init")];
	KT_EXPECT(init->sh_addr == m.hdr.core_size);
	KT_EXPECT(img[m.hdr.core_size] == buf[init->sh_offset]);  /* an opcode */
	KT_EXPECT(img[m.hdr.core_size - 1] == 0);	/* last byte of the bss */
	free(img);
	free(buf);
}

/* What insmod leaves unread in hello.ko (built with -g): exactly the
 * debug information, .comment and their relocation sections; then, with
 * every one of those bytes overwritten, the module still parses to the
 * same image description. */
KTEST(section_needed_skips_debug_information_only)
{
	uint8_t *c = copy(ko_len);
	uint32_t skipped = 0;
	struct modelf m;

	for (uint32_t i = 1; i < good.shnum; i++) {
		const char *name = modelf_section_name(&good, i);
		int debug = !strncmp(name, ".debug", 6) ||
			    !strncmp(name, ".rel.debug", 10) ||
			    !strcmp(name, ".comment");
		int needed = modelf_section_needed(good.sh, good.shnum,
						   good.shstr, good.shstr_size, i);

		KT_EXPECT(needed == !debug);
		if (!needed) {
			memset(c + good.sh[i].sh_offset, 0xa5, good.sh[i].sh_size);
			skipped++;
		}
	}
	KT_EXPECT(skipped >= 4);	/* .debug_info and its relocations, ... */
	KT_EXPECT(modelf_parse(c, ko_len, &m) == 0);
	KT_EXPECT(m.image_size == good.image_size && m.nrel == good.nrel);
	free(c);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		ko_path = argv[1];
	load_ko();
	return ktest_main();
}
