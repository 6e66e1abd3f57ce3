/*
 * Host tests of the module checker (loader/elf.c): the real
 * build/modules/hello.ko parses and describes itself exactly (sizes equal
 * the linker's symbols, the header's fields, modinfo, versions); then each
 * damaged copy of it is refused with -ENOEXEC and its exact reason. Every
 * copy is an exact-size heap buffer, so ASan catches any read past it.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "loader/elf.h"
#include "tools/hostfile.h"
#include <tessera/errno.h>
#include "tests/host/ktest.h"

static const char *ko_path = "build/modules/hello.ko";
static uint8_t *ko;		/* pristine hello.ko */
static size_t ko_len;
static struct modelf good;	/* its parse */
static char why[256];

static void load_ko(void)
{
	ko = host_read_file(ko_path, &ko_len);
	if (ko_len && modelf_parse(ko, ko_len, &good, why, sizeof(why)))
		ko_len = 0;
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

	why[0] = '\0';
	err = modelf_parse(buf, len, &m, why, sizeof(why));
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
static Elf32_Rel *relp(uint8_t *c, uint32_t i)
{
	return (Elf32_Rel *)(c + ((const uint8_t *)good.rel - ko)) + i;
}
static uint8_t *imagep(uint8_t *c) { return c + (good.image - ko); }

static uint32_t sym_index(const char *name)
{
	for (uint32_t i = 1; i < good.nsym; i++)
		if (!strcmp(modelf_sym_name(&good, i), name))
			return i;
	return 0;
}

static uint32_t sym_value(const char *name)
{
	return good.sym[sym_index(name)].st_value;
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
	KT_EXPECT(good.image_size == good.sh[good.mod_shndx].sh_size);
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
	KT_EXPECT(good.hdr.modinfo_size == sizeof("license=GPL") +
		  sizeof("author=Tessera") + sizeof("description=Prints a "
		  "greeting on load and unload") + sizeof("version=1.0"));
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
	uint32_t size = good.image_size;

	if (!ko_len)
		return;
	c = copy(ko_len);
	shdr(c, good.mod_shndx)->sh_offset = ko_len - 0x10;
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
	c[(good.shstr - (const char *)ko) + good.sh[good.mod_shndx].sh_name + 6] = 'x';
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
	KT_EXPECT(!strcmp(why, "section .debug_info: allocated section outside "
			  ".module (linker/module.lds does not place it)"));
}

KTEST(refuses_symbol_name_outside_strtab)
{
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	symp(c, 3)->st_name = 0x100000;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("symbol 3: name offset 0x100000 outside the "
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
				   "0x%x is not the .module size 0x%x",
				   good.hdr.core_size, good.hdr.init_size + 1,
				   good.image_size)));
}

/* The last relocation of hello.ko: printk called from hello_init. */
KTEST(refuses_relocation_offset_out_of_range)
{
	uint32_t last = good.nrel - 1;
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	relp(c, last)->r_offset = good.image_size - 2;
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("relocation %u: offset 0x%x+4 runs past the "
				   "end of .module (0x%x bytes)", last,
				   good.image_size - 2, good.image_size)));
}

/* Image offset of hello_init, the function hello.ko's last relocation is
 * in (read from its symbol table, not from the code under test). */
static uint32_t init_start(void)
{
	for (uint32_t i = 0; i < good.nsym; i++)
		if (!strcmp(good.str + good.sym[i].st_name, "hello_init"))
			return good.sym[i].st_value;
	return 0xffffffff;
}

KTEST(refuses_relocation_symbol_out_of_range)
{
	uint32_t last = good.nrel - 1, off = good.rel[last].r_offset;
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	relp(c, last)->r_info = ELF32_R_INFO(999u, R_386_PC32);
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("relocation %u at .module+0x%x (hello_init+0x%x, "
				   "init): symbol index 999 out of range (%u symbols)",
				   last, off, off - init_start(), good.nsym)));
}

KTEST(refuses_unknown_relocation_type)
{
	uint32_t last = good.nrel - 1, off = good.rel[last].r_offset;
	uint32_t symi = ELF32_R_SYM(good.rel[last].r_info);
	uint8_t *c;

	if (!ko_len)
		return;
	c = copy(ko_len);
	relp(c, last)->r_info = ELF32_R_INFO(symi, R_386_GOTPC);
	KT_EXPECT(parse(c, ko_len) == -ENOEXEC);
	KT_EXPECT(!strcmp(why, fmt("relocation %u at .module+0x%x (hello_init+0x%x, "
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
	KT_EXPECT(modelf_parse(c + 1, ko_len, &m, NULL, 0) == -EINVAL);
	KT_EXPECT(modelf_parse(c + 1, ko_len, &m, why, sizeof(why)) == -EINVAL);
	KT_EXPECT(!strcmp(why, "buffer is not 4-byte aligned"));
	free(c);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		ko_path = argv[1];
	load_ko();
	return ktest_main();
}
