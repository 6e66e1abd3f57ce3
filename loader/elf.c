/*
 * Checks and describes module objects in a buffer (API in loader/elf.h).
 * Layers: ELF header -> section table -> symbol and string tables (any
 * i386 relocatable object: modpost uses this on NAME.o) -> the .module
 * section, its relocations and the module header (a .ko, for insmod).
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

/* --- layer 4: the module (.module, .rel.module, the header) --- */

static int find_module_section(struct modelf *m, char *why, size_t whylen)
{
	const Elf32_Shdr *s;

	m->mod_shndx = modelf_find_section(m, MODULE_SECTION);
	if (!m->mod_shndx)
		return refuse(why, whylen, "no .module section: not linked with "
			      "linker/module.lds");
	s = &m->sh[m->mod_shndx];
	if (s->sh_type != SHT_PROGBITS || !(s->sh_flags & SHF_ALLOC))
		return refuse(why, whylen, "section .module: type %u flags 0x%x,"
			      " expected allocated PROGBITS", s->sh_type,
			      s->sh_flags);
	for (uint32_t i = 1; i < m->shnum; i++)
		if (i != m->mod_shndx && (m->sh[i].sh_flags & SHF_ALLOC) &&
		    m->sh[i].sh_size)
			return refuse(why, whylen, "section %s: allocated section "
				      "outside .module (linker/module.lds does "
				      "not place it)", modelf_section_name(m, i));
	m->image = m->buf + s->sh_offset;
	m->image_size = s->sh_size;
	if (s->sh_offset % 4)
		return refuse(why, whylen, "section .module at offset 0x%x is not"
			      " 4-byte aligned", s->sh_offset);
	return 0;
}

static int check_rel_section(struct modelf *m, uint32_t i, char *why,
			     size_t whylen)
{
	const Elf32_Shdr *s = &m->sh[i];

	if (s->sh_type == SHT_RELA)
		return refuse(why, whylen, "section %s: RELA relocations, "
			      "expected REL (i386)", modelf_section_name(m, i));
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
	if (m->rel)
		return refuse(why, whylen, "more than one relocation section "
			      "for .module");
	m->rel = (const Elf32_Rel *)(m->buf + s->sh_offset);
	m->nrel = s->sh_size / sizeof(Elf32_Rel);
	return 0;
}

static int find_relocations(struct modelf *m, char *why, size_t whylen)
{
	int err;

	for (uint32_t i = 1; i < m->shnum; i++) {
		const Elf32_Shdr *s = &m->sh[i];

		if ((s->sh_type != SHT_REL && s->sh_type != SHT_RELA) ||
		    s->sh_info != m->mod_shndx)
			continue;
		err = check_rel_section(m, i, why, whylen);
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
	h->name = (const char *)m->image + MODHDR_OFF_NAME;
	return 0;
}

static int check_header_id(const struct modelf *m, char *why, size_t whylen)
{
	uint32_t magic, version;

	if (m->image_size < MODHDR_SIZE)
		return refuse(why, whylen, "section .module is 0x%x bytes, "
			      "smaller than the module header (128 bytes)",
			      m->image_size);
	magic = rd32(m->image + MODHDR_OFF_MAGIC);
	version = rd32(m->image + MODHDR_OFF_VERSION);
	if (magic != MODULE_MAGIC)
		return refuse(why, whylen, "module header: magic 0x%08x, expected"
			      " 0x%08x (TMOD)", magic, MODULE_MAGIC);
	if (version != MODULE_FORMAT_VERSION)
		return refuse(why, whylen, "module header: format version %u, "
			      "expected %u", version, MODULE_FORMAT_VERSION);
	if (!has_nul(m->image + MODHDR_OFF_NAME, MODULE_NAME_LEN) ||
	    m->image[MODHDR_OFF_NAME] == '\0')
		return refuse(why, whylen, "module header: name is empty or not "
			      "NUL-terminated within %u bytes", MODULE_NAME_LEN);
	if (!module_name_valid((const char *)m->image + MODHDR_OFF_NAME))
		return refuse(why, whylen, "module header: name \"%s\" is not 1 to %u "
			      "letters, digits, '_' or '-'",
			      (const char *)m->image + MODHDR_OFF_NAME, MODULE_NAME_LEN - 1);
	return 0;
}

static int check_header_sizes(const struct modelf *m, char *why, size_t whylen)
{
	const struct modelf_header *h = &m->hdr;

	if ((uint64_t)h->core_size + h->init_size != m->image_size)
		return refuse(why, whylen, "module header: core_size 0x%x + "
			      "init_size 0x%x is not the .module size 0x%x",
			      h->core_size, h->init_size, m->image_size);
	if (h->core_size < MODHDR_SIZE)
		return refuse(why, whylen, "module header: core_size 0x%x is "
			      "smaller than the header", h->core_size);
	if (h->init >= m->image_size || h->exit >= h->core_size)
		return refuse(why, whylen, "module header: init 0x%x or exit 0x%x"
			      " outside the image (exit must be in the core)",
			      h->init, h->exit);
	return 0;
}

/* A table of count entries of size bytes at off must lie in the core. */
static int check_table(const struct modelf *m, const char *what, uint32_t off,
		       uint32_t count, uint32_t size, char *why, size_t whylen)
{
	uint64_t bytes = (uint64_t)count * size;

	if ((count || off) && !inside(off, bytes, m->hdr.core_size))
		return refuse(why, whylen, "module header: %s at 0x%x, %u bytes, "
			      "runs past the core (0x%x bytes)", what, off,
			      (unsigned)bytes, m->hdr.core_size);
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
	if (h->modinfo_size && m->image[h->modinfo + h->modinfo_size - 1])
		return refuse(why, whylen, "module header: modinfo does not end "
			      "with a NUL");
	for (uint32_t i = 0; i < h->num_versions; i++) {
		const uint8_t *e = m->image + h->versions + i * MODVERSION_SIZE;

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
	    (err = find_module_section(m, why, whylen)) ||
	    (err = find_relocations(m, why, whylen)) ||
	    (err = check_header_id(m, why, whylen)))
		return err;
	for (uint32_t i = 0; i < m->nrel; i++) {
		/* Bounds first: the header is read through the relocations. */
		uint32_t off = m->rel[i].r_offset;

		if (!inside(off, 4, m->image_size))
			return refuse(why, whylen, "relocation %u: offset 0x%x+4 "
				      "runs past the end of .module (0x%x bytes)",
				      i, off, m->image_size);
	}
	if ((err = read_header_fields(m, why, whylen)) ||
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
		uint32_t t = ELF32_ST_TYPE(s->st_info);

		if (s->st_shndx != m->mod_shndx || !s->st_name ||
		    (t != STT_FUNC && t != STT_OBJECT))
			continue;
		if (off >= s->st_value && off - s->st_value < s->st_size) {
			if (start)
				*start = s->st_value;
			return m->str + s->st_name;
		}
	}
	return NULL;
}

void modelf_version(const struct modelf *m, uint32_t i, uint32_t *crc,
		    const char **name)
{
	const uint8_t *e = m->image + m->hdr.versions + i * MODVERSION_SIZE;

	*crc = rd32(e);
	*name = (const char *)e + 4;
}

const char *modelf_modinfo(const struct modelf *m, const char *key)
{
	const char *p = (const char *)m->image + m->hdr.modinfo;
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
	*val = rd32(m->image + off);
	for (uint32_t i = 0; i < m->nrel; i++) {
		const Elf32_Rel *r = &m->rel[i];
		uint32_t symi = ELF32_R_SYM(r->r_info);
		const Elf32_Sym *s;

		if (r->r_offset != off || ELF32_R_TYPE(r->r_info) == R_386_NONE)
			continue;
		if (ELF32_R_TYPE(r->r_info) != R_386_32 || symi >= m->nsym)
			return refuse(why, whylen, "relocation %u at 0x%x is not "
				      "R_386_32 on a valid symbol", i, off);
		s = &m->sym[symi];
		if (s->st_shndx != SHN_ABS && s->st_shndx != m->mod_shndx)
			return refuse(why, whylen, "refers to symbol %s outside "
				      "the module", modelf_sym_name(m, symi));
		*val += s->st_value;
	}
	return 0;
}
