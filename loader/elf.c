/*
 * Checks and describes module objects in a buffer (API in loader/elf.h).
 * Layers: ELF header -> section table -> symbol and string tables (any
 * i386 relocatable object: modpost uses this on NAME.o) -> the parts of the
 * image (.module, .module.bss, .module.init), their relocations and the
 * module header (a .ko, for insmod).
 * Pure code: no allocation, no printing; refusals are -ENOEXEC + a reason.
 */
#include "loader/elf.h"
#include "loader/internal.h"
#include <stdarg.h>
#include <tessera/errno.h>
#ifdef HOST_TEST
#include <stdio.h>
#include <string.h>
#else
#include "lib/string.h"
#endif

/* Contract in loader/internal.h. */
int modelf_refuse(char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;

	if (why && whylen) {
		va_start(ap, fmt);
		vsnprintf(why, whylen, fmt, ap);
		va_end(ap);
	}
	return -ENOEXEC;
}

/* True if [off, off+size) lies inside [0, len). */
static int inside(uint64_t off, uint64_t size, uint64_t len)
{
	return off <= len && size <= len - off;
}

/* True if p[0..n) holds a NUL. */
static int has_nul(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] == 0)
			return 1;
	return 0;
}

/* --- layer 1: the ELF header --- */

static int check_ident(const struct modelf *m, char *why, size_t whylen)
{
	const uint8_t *id = m->buf;

	if (m->len < sizeof(Elf32_Ehdr))
		return refuse(why, whylen, "file is %u bytes, too short for an "
			      "ELF header (52 bytes)", (unsigned)m->len);
	if (id[0] != 0x7f || id[1] != 'E' || id[2] != 'L' || id[3] != 'F')
		return refuse(why, whylen, "not an ELF file (bad magic)");
	if (id[EI_CLASS] != ELFCLASS32)
		return refuse(why, whylen, "ELF class %u (%s), expected 32-bit",
			      id[EI_CLASS], id[EI_CLASS] == ELFCLASS64 ?
			      "64-bit" : "unknown");
	if (id[EI_DATA] != ELFDATA2LSB)
		return refuse(why, whylen, "ELF data encoding %u (%s), expected "
			      "1 (little-endian)", id[EI_DATA],
			      id[EI_DATA] == ELFDATA2MSB ? "big-endian" : "unknown");
	return 0;
}

static int check_type(const Elf32_Ehdr *eh, char *why, size_t whylen)
{
	if (eh->e_machine != EM_386)
		return refuse(why, whylen, "machine %u%s, expected 3 (i386)",
			      eh->e_machine, eh->e_machine == EM_X86_64 ?
			      " (x86-64)" : "");
	if (eh->e_type == ET_EXEC)
		return refuse(why, whylen, "ET_EXEC: not a relocatable object; "
			      "modules are built with ld -r");
	if (eh->e_type == ET_DYN)
		return refuse(why, whylen, "ET_DYN: a shared object, not a "
			      "relocatable object; modules are built with ld -r");
	if (eh->e_type != ET_REL)
		return refuse(why, whylen, "ELF type %u, expected 1 (ET_REL)",
			      eh->e_type);
	return 0;
}

/* --- layer 2: the section table --- */

static int check_shtab(struct modelf *m, char *why, size_t whylen)
{
	const Elf32_Ehdr *eh = m->eh;
	uint32_t size = (uint32_t)eh->e_shnum * sizeof(Elf32_Shdr);

	if (eh->e_shnum == 0)
		return refuse(why, whylen, "no section headers");
	if (eh->e_shentsize != sizeof(Elf32_Shdr))
		return refuse(why, whylen, "section header size %u, expected 40",
			      eh->e_shentsize);
	if (!inside(eh->e_shoff, size, m->len))
		return refuse(why, whylen, "section header table: offset 0x%x+0x%x"
			      " runs past the end of the file (0x%x bytes)",
			      eh->e_shoff, size, (unsigned)m->len);
	if (eh->e_shoff % 4)
		return refuse(why, whylen, "section header table at offset 0x%x "
			      "is not 4-byte aligned", eh->e_shoff);
	m->sh = (const Elf32_Shdr *)(m->buf + eh->e_shoff);
	m->shnum = eh->e_shnum;
	return 0;
}

static int check_shstrtab(struct modelf *m, char *why, size_t whylen)
{
	uint32_t idx = m->eh->e_shstrndx;
	const Elf32_Shdr *s;

	if (idx == 0 || idx >= m->shnum)
		return refuse(why, whylen, "section name table index %u out of "
			      "range (%u sections)", idx, m->shnum);
	s = &m->sh[idx];
	if (s->sh_type != SHT_STRTAB || s->sh_size == 0)
		return refuse(why, whylen, "section name table (section %u) is "
			      "not a string table", idx);
	if (!inside(s->sh_offset, s->sh_size, m->len))
		return refuse(why, whylen, "section name table: offset 0x%x+0x%x "
			      "runs past the end of the file (0x%x bytes)",
			      s->sh_offset, s->sh_size, (unsigned)m->len);
	m->shstr = (const char *)m->buf + s->sh_offset;
	m->shstr_size = s->sh_size;
	if (m->shstr[m->shstr_size - 1] != '\0')
		return refuse(why, whylen, "section name table does not end "
			      "with a NUL");
	return 0;
}

static int check_sections(struct modelf *m, char *why, size_t whylen)
{
	for (uint32_t i = 1; i < m->shnum; i++) {
		const Elf32_Shdr *s = &m->sh[i];

		if (s->sh_name >= m->shstr_size)
			return refuse(why, whylen, "section %u: name offset 0x%x "
				      "outside the section name table (0x%x bytes)",
				      i, s->sh_name, m->shstr_size);
		if (s->sh_type != SHT_NOBITS &&
		    !inside(s->sh_offset, s->sh_size, m->len))
			return refuse(why, whylen, "section %s: offset 0x%x+0x%x "
				      "runs past the end of the file (0x%x bytes)",
				      m->shstr + s->sh_name, s->sh_offset,
				      s->sh_size, (unsigned)m->len);
	}
	return 0;
}

/* --- layer 3: symbols and their names --- */

static int find_symtab(struct modelf *m, char *why, size_t whylen)
{
	const Elf32_Shdr *s = NULL, *st;

	for (uint32_t i = 1; i < m->shnum; i++) {
		if (m->sh[i].sh_type != SHT_SYMTAB)
			continue;
		if (s)
			return refuse(why, whylen, "more than one symbol table");
		s = &m->sh[i];
		m->symtab_shndx = i;
	}
	if (!s)
		return refuse(why, whylen, "no symbol table (.symtab)");
	if (s->sh_entsize != sizeof(Elf32_Sym) || s->sh_size % sizeof(Elf32_Sym)
	    || s->sh_offset % 4)
		return refuse(why, whylen, "symbol table: entry size %u, size "
			      "0x%x, offset 0x%x: expected 16-byte entries, "
			      "4-byte aligned", s->sh_entsize, s->sh_size,
			      s->sh_offset);
	if (s->sh_link == 0 || s->sh_link >= m->shnum ||
	    m->sh[s->sh_link].sh_type != SHT_STRTAB)
		return refuse(why, whylen, "symbol table: string table index %u "
			      "is not a string table", s->sh_link);
	st = &m->sh[s->sh_link];
	m->sym = (const Elf32_Sym *)(m->buf + s->sh_offset);
	m->nsym = s->sh_size / sizeof(Elf32_Sym);
	m->str = (const char *)m->buf + st->sh_offset;
	m->str_size = st->sh_size;
	if (m->str_size == 0 || m->str[m->str_size - 1] != '\0')
		return refuse(why, whylen, "string table %s does not end with a "
			      "NUL", modelf_section_name(m, s->sh_link));
	return 0;
}

static int check_symbols(const struct modelf *m, char *why, size_t whylen)
{
	for (uint32_t i = 1; i < m->nsym; i++) {
		const Elf32_Sym *s = &m->sym[i];

		if (s->st_name >= m->str_size)
			return refuse(why, whylen, "symbol %u: name offset 0x%x "
				      "outside the string table (0x%x bytes)",
				      i, s->st_name, m->str_size);
		if (s->st_shndx == SHN_COMMON)
			return refuse(why, whylen, "symbol %s is COMMON; compile "
				      "with -fno-common", m->str + s->st_name);
		if (s->st_shndx >= m->shnum && s->st_shndx != SHN_ABS)
			return refuse(why, whylen, "symbol %s: section index %u "
				      "out of range (%u sections)",
				      m->str + s->st_name, s->st_shndx, m->shnum);
	}
	return 0;
}

int modelf_parse_object(const void *buf, size_t len, struct modelf *m,
			char *why, size_t whylen)
{
	int err;

	memset(m, 0, sizeof(*m));
	m->buf = buf;
	m->len = len;
	if (why && whylen)
		why[0] = '\0';
	if ((uintptr_t)buf % 4) {
		refuse(why, whylen, "buffer is not 4-byte aligned");
		return -EINVAL;
	}
	m->eh = buf;
	if ((err = check_ident(m, why, whylen)) ||
	    (err = check_type(m->eh, why, whylen)) ||
	    (err = check_shtab(m, why, whylen)) ||
	    (err = check_shstrtab(m, why, whylen)) ||
	    (err = check_sections(m, why, whylen)) ||
	    (err = find_symtab(m, why, whylen)) ||
	    (err = check_symbols(m, why, whylen)))
		return err;
	return 0;
}

/* --- layer 4: the module (its parts, their relocations, the header) --- */

static const char *const part_names[MODELF_NPARTS] = {
	MODULE_SECTION, MODULE_BSS_SECTION, MODULE_INIT_SECTION,
};

/* The stored bytes of .module: the header and the tables are there. */
static const uint8_t *modbytes(const struct modelf *m)
{
	return m->part[MODELF_MODULE].bytes;
}

/* Checks section i as image part p, which must start at image offset addr. */
static int check_part(const struct modelf *m, int p, uint32_t i, uint32_t addr,
		      char *why, size_t whylen)
{
	const Elf32_Shdr *s = &m->sh[i];
	uint32_t type = p == MODELF_BSS ? SHT_NOBITS : SHT_PROGBITS;

	if (s->sh_type != type || (s->sh_size && !(s->sh_flags & SHF_ALLOC)))
		return refuse(why, whylen, "section %s: type %u flags 0x%x, "
			      "expected allocated %s", part_names[p], s->sh_type,
			      s->sh_flags, p == MODELF_BSS ? "NOBITS" : "PROGBITS");
	if (s->sh_addr != addr)
		return refuse(why, whylen, "section %s at address 0x%x, expected "
			      "0x%x: not linked with linker/module.lds",
			      part_names[p], s->sh_addr, addr);
	if ((uint64_t)addr + s->sh_size > UINT32_MAX)
		return refuse(why, whylen, "section %s: 0x%x bytes at 0x%x make "
			      "an image past 4 GiB", part_names[p], s->sh_size, addr);
	return 0;
}

/* Finds .module (which must exist, at address 0), .module.bss and
 * .module.init, each where the previous one ends. */
static int find_parts(struct modelf *m, char *why, size_t whylen)
{
	uint32_t addr = 0;
	int err;

	for (int p = 0; p < MODELF_NPARTS; p++) {
		struct modelf_part *part = &m->part[p];
		uint32_t i = modelf_find_section(m, part_names[p]);

		part->addr = addr;
		if (!i && p == MODELF_MODULE)
			return refuse(why, whylen, "no .module section: not "
				      "linked with linker/module.lds");
		if (!i)
			continue;
		if ((err = check_part(m, p, i, addr, why, whylen)))
			return err;
		part->shndx = i;
		part->size = m->sh[i].sh_size;
		if (p != MODELF_BSS)	/* .module.bss: never read */
			part->bytes = m->buf + m->sh[i].sh_offset;
		addr += part->size;
	}
	m->image_size = addr;
	return 0;
}

/* The parts, and nothing else allocated. */
static int find_module_sections(struct modelf *m, char *why, size_t whylen)
{
	const Elf32_Shdr *mod;
	int err = find_parts(m, why, whylen);

	if (err)
		return err;
	for (uint32_t i = 1; i < m->shnum; i++)
		if (!modelf_part_of(m, i) && (m->sh[i].sh_flags & SHF_ALLOC) &&
		    m->sh[i].sh_size)
			return refuse(why, whylen, "section %s: allocated section "
				      "outside .module, .module.bss and "
				      ".module.init (linker/module.lds does not "
				      "place it)", modelf_section_name(m, i));
	mod = &m->sh[m->part[MODELF_MODULE].shndx];
	if (mod->sh_offset % 4)
		return refuse(why, whylen, "section .module at offset 0x%x is not"
			      " 4-byte aligned", mod->sh_offset);
	return 0;
}

/* Relocation section i, for part p. */
static int check_rel_section(struct modelf *m, uint32_t i, int p, char *why,
			     size_t whylen)
{
	const Elf32_Shdr *s = &m->sh[i];
	struct modelf_part *part = &m->part[p];

	if (s->sh_type == SHT_RELA)
		return refuse(why, whylen, "section %s: RELA relocations, "
			      "expected REL (i386)", modelf_section_name(m, i));
	if (p == MODELF_BSS)
		return refuse(why, whylen, "section %s: relocations for "
			      ".module.bss, which has no bytes",
			      modelf_section_name(m, i));
	if (s->sh_entsize != sizeof(Elf32_Rel) || s->sh_size % sizeof(Elf32_Rel)
	    || s->sh_offset % 4)
		return refuse(why, whylen, "section %s: entry size %u, size 0x%x,"
			      " offset 0x%x: expected 8-byte entries, 4-byte "
			      "aligned", modelf_section_name(m, i),
			      s->sh_entsize, s->sh_size, s->sh_offset);
	if (s->sh_link != m->symtab_shndx)
		return refuse(why, whylen, "section %s: links to section %u, not "
			      "the symbol table", modelf_section_name(m, i),
			      s->sh_link);
	if (part->rel)
		return refuse(why, whylen, "more than one relocation section "
			      "for %s", part_names[p]);
	part->rel = (const Elf32_Rel *)(m->buf + s->sh_offset);
	part->nrel = s->sh_size / sizeof(Elf32_Rel);
	m->nrel += part->nrel;
	return 0;
}

static int find_relocations(struct modelf *m, char *why, size_t whylen)
{
	int err;

	for (uint32_t i = 1; i < m->shnum; i++) {
		const Elf32_Shdr *s = &m->sh[i];
		const struct modelf_part *part = modelf_part_of(m, s->sh_info);

		if ((s->sh_type != SHT_REL && s->sh_type != SHT_RELA) || !part)
			continue;
		err = check_rel_section(m, i, (int)(part - m->part), why, whylen);
		if (err)
			return err;
	}
	return 0;
}

/* Evaluates the header word at off into *val (see modelf_eval_word). */
static int header_word(const struct modelf *m, uint32_t off, uint32_t *val,
		       const char *field, char *why, size_t whylen)
{
	char inner[96];

	if (modelf_eval_word(m, off, val, inner, sizeof(inner)))
		return refuse(why, whylen, "module header field %s: %s", field,
			      inner);
	return 0;
}

static int read_header_fields(struct modelf *m, char *why, size_t whylen)
{
	struct modelf_header *h = &m->hdr;
	const struct { uint32_t off; const char *name; uint32_t *dst; } f[] = {
		{ MODHDR_OFF_CORE_SIZE, "core_size", &h->core_size },
		{ MODHDR_OFF_INIT_SIZE, "init_size", &h->init_size },
		{ MODHDR_OFF_INIT, "init", &h->init },
		{ MODHDR_OFF_EXIT, "exit", &h->exit },
		{ MODHDR_OFF_SYMS, "syms", &h->syms },
		{ MODHDR_OFF_NUM_SYMS, "num_syms", &h->num_syms },
		{ MODHDR_OFF_VERSIONS, "versions", &h->versions },
		{ MODHDR_OFF_NUM_VERSIONS, "num_versions", &h->num_versions },
		{ MODHDR_OFF_MODINFO, "modinfo", &h->modinfo },
		{ MODHDR_OFF_MODINFO_SIZE, "modinfo_size", &h->modinfo_size },
	};
	int err;

	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		err = header_word(m, f[i].off, f[i].dst, f[i].name, why, whylen);
		if (err)
			return err;
	}
	h->name = (const char *)modbytes(m) + MODHDR_OFF_NAME;
	return 0;
}

static int check_header_id(const struct modelf *m, char *why, size_t whylen)
{
	const uint8_t *img = modbytes(m);
	uint32_t magic, version;

	if (m->part[MODELF_MODULE].size < MODHDR_SIZE)
		return refuse(why, whylen, "section .module is 0x%x bytes, "
			      "smaller than the module header (128 bytes)",
			      m->part[MODELF_MODULE].size);
	magic = rd32(img + MODHDR_OFF_MAGIC);
	version = rd32(img + MODHDR_OFF_VERSION);
	if (magic != MODULE_MAGIC)
		return refuse(why, whylen, "module header: magic 0x%08x, expected"
			      " 0x%08x (TMOD)", magic, MODULE_MAGIC);
	if (version != MODULE_FORMAT_VERSION)
		return refuse(why, whylen, "module header: format version %u, "
			      "expected %u", version, MODULE_FORMAT_VERSION);
	if (!has_nul(img + MODHDR_OFF_NAME, MODULE_NAME_LEN) ||
	    img[MODHDR_OFF_NAME] == '\0')
		return refuse(why, whylen, "module header: name is empty or not "
			      "NUL-terminated within %u bytes", MODULE_NAME_LEN);
	if (!module_name_valid((const char *)img + MODHDR_OFF_NAME))
		return refuse(why, whylen, "module header: name \"%s\" is not 1 to %u "
			      "letters, digits, '_' or '-'",
			      (const char *)img + MODHDR_OFF_NAME, MODULE_NAME_LEN - 1);
	return 0;
}

static int check_header_sizes(const struct modelf *m, char *why, size_t whylen)
{
	const struct modelf_header *h = &m->hdr;

	if ((uint64_t)h->core_size + h->init_size != m->image_size)
		return refuse(why, whylen, "module header: core_size 0x%x + "
			      "init_size 0x%x is not the image size 0x%x",
			      h->core_size, h->init_size, m->image_size);
	if (h->core_size < MODHDR_SIZE)
		return refuse(why, whylen, "module header: core_size 0x%x is "
			      "smaller than the header", h->core_size);
	if (h->core_size < m->part[MODELF_BSS].addr ||
	    h->core_size > m->part[MODELF_INIT].addr)
		return refuse(why, whylen, "module header: core_size 0x%x is not "
			      "between the end of .module (0x%x) and the start "
			      "of .module.init (0x%x)", h->core_size,
			      m->part[MODELF_BSS].addr, m->part[MODELF_INIT].addr);
	if (h->init >= m->image_size || h->exit >= h->core_size)
		return refuse(why, whylen, "module header: init 0x%x or exit 0x%x"
			      " outside the image (exit must be in the core)",
			      h->init, h->exit);
	return 0;
}

/* A table of count entries of size bytes at off must lie in .module's
 * stored bytes (the loader reads them from the file; they are core). */
static int check_table(const struct modelf *m, const char *what, uint32_t off,
		       uint32_t count, uint32_t size, char *why, size_t whylen)
{
	uint64_t bytes = (uint64_t)count * size;
	uint32_t end = m->part[MODELF_MODULE].size;

	if ((count || off) && !inside(off, bytes, end))
		return refuse(why, whylen, "module header: %s at 0x%x, %u bytes, "
			      "runs past the end of .module (0x%x bytes)", what,
			      off, (unsigned)bytes, end);
	return 0;
}

static int check_header_tables(const struct modelf *m, char *why, size_t whylen)
{
	const struct modelf_header *h = &m->hdr;
	int err;

	if ((err = check_table(m, "export table", h->syms, h->num_syms,
			       KSYM_SIZE, why, whylen)) ||
	    (err = check_table(m, "version table", h->versions, h->num_versions,
			       MODVERSION_SIZE, why, whylen)) ||
	    (err = check_table(m, "modinfo", h->modinfo, h->modinfo_size, 1,
			       why, whylen)))
		return err;
	if (h->modinfo_size && modbytes(m)[h->modinfo + h->modinfo_size - 1])
		return refuse(why, whylen, "module header: modinfo does not end "
			      "with a NUL");
	for (uint32_t i = 0; i < h->num_versions; i++) {
		const uint8_t *e = modbytes(m) + h->versions + i * MODVERSION_SIZE;

		if (!has_nul(e + 4, MODVERSION_NAME_LEN))
			return refuse(why, whylen, "version entry %u: name not "
				      "NUL-terminated", i);
	}
	return 0;
}

int modelf_parse(const void *buf, size_t len, struct modelf *m,
		 char *why, size_t whylen)
{
	int err;

	if ((err = modelf_parse_object(buf, len, m, why, whylen)) ||
	    (err = find_module_sections(m, why, whylen)) ||
	    (err = find_relocations(m, why, whylen)) ||
	    (err = check_header_id(m, why, whylen)) ||
	    (err = read_header_fields(m, why, whylen)) ||
	    (err = check_header_sizes(m, why, whylen)) ||
	    (err = check_header_tables(m, why, whylen)) ||
	    (err = modreloc_check(m, why, whylen)))
		return err;
	return 0;
}

/* --- queries on a parsed object --- */

const char *modelf_section_name(const struct modelf *m, uint32_t idx)
{
	if (idx >= m->shnum || m->sh[idx].sh_name >= m->shstr_size)
		return "";
	return m->shstr + m->sh[idx].sh_name;
}

uint32_t modelf_find_section(const struct modelf *m, const char *name)
{
	for (uint32_t i = 1; i < m->shnum; i++)
		if (strcmp(modelf_section_name(m, i), name) == 0)
			return i;
	return 0;
}

const struct modelf_part *modelf_part_of(const struct modelf *m,
					 uint32_t shndx)
{
	for (int p = 0; p < MODELF_NPARTS; p++)
		if (shndx && m->part[p].shndx == shndx)
			return &m->part[p];
	return NULL;
}

const char *modelf_sym_name(const struct modelf *m, uint32_t idx)
{
	if (idx >= m->nsym || m->sym[idx].st_name >= m->str_size)
		return "";
	if (ELF32_ST_TYPE(m->sym[idx].st_info) == STT_SECTION)
		return modelf_section_name(m, m->sym[idx].st_shndx);
	return m->str + m->sym[idx].st_name;
}

const char *modelf_next_undef(const struct modelf *m, uint32_t *pos)
{
	while (++*pos < m->nsym) {
		const Elf32_Sym *s = &m->sym[*pos];

		if (s->st_shndx == SHN_UNDEF &&
		    ELF32_ST_BIND(s->st_info) != STB_LOCAL && s->st_name)
			return m->str + s->st_name;
	}
	return NULL;
}

const char *modelf_symbol_at(const struct modelf *m, uint32_t off,
			     uint32_t *start)
{
	for (uint32_t i = 1; i < m->nsym; i++) {
		const Elf32_Sym *s = &m->sym[i];
		const struct modelf_part *p = modelf_part_of(m, s->st_shndx);
		uint32_t t = ELF32_ST_TYPE(s->st_info), at;

		if (!p || !s->st_name || (t != STT_FUNC && t != STT_OBJECT))
			continue;
		at = p->addr + s->st_value;
		if (off >= at && off - at < s->st_size) {
			if (start)
				*start = at;
			return m->str + s->st_name;
		}
	}
	return NULL;
}

void modelf_version(const struct modelf *m, uint32_t i, uint32_t *crc,
		    const char **name)
{
	const uint8_t *e = modbytes(m) + m->hdr.versions + i * MODVERSION_SIZE;

	*crc = rd32(e);
	*name = (const char *)e + 4;
}

const char *modelf_modinfo(const struct modelf *m, const char *key)
{
	const char *p = (const char *)modbytes(m) + m->hdr.modinfo;
	const char *end = p + m->hdr.modinfo_size;
	size_t klen = strlen(key);

	while (p < end) {
		size_t n = strlen(p);	/* modinfo ends with a NUL: checked */

		if (n > klen && strncmp(p, key, klen) == 0 && p[klen] == '=')
			return p + klen + 1;
		p += n + 1;
	}
	return NULL;
}

int modelf_eval_word(const struct modelf *m, uint32_t off, uint32_t *val,
		     char *why, size_t whylen)
{
	const struct modelf_part *mod = &m->part[MODELF_MODULE], *p;

	*val = rd32(mod->bytes + off);
	for (uint32_t i = 0; i < mod->nrel; i++) {
		const Elf32_Rel *r = &mod->rel[i];
		uint32_t symi = ELF32_R_SYM(r->r_info);
		const Elf32_Sym *s;

		if (r->r_offset != off || ELF32_R_TYPE(r->r_info) == R_386_NONE)
			continue;
		if (ELF32_R_TYPE(r->r_info) != R_386_32 || symi >= m->nsym)
			return refuse(why, whylen, "relocation %u at 0x%x is not "
				      "R_386_32 on a valid symbol", i, off);
		s = &m->sym[symi];
		p = modelf_part_of(m, s->st_shndx);
		if (s->st_shndx != SHN_ABS && !p)
			return refuse(why, whylen, "refers to symbol %s outside "
				      "the module", modelf_sym_name(m, symi));
		*val += s->st_value + (p ? p->addr : 0);
	}
	return 0;
}
