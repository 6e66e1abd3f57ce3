/*
 * The symbol table insmod hands the kernel through /mod/NAME/symbols, for
 * the oops printer (formats in kernel/symbols.h and docs/modfs.md): every
 * named function and object of a parsed module that lies wholly inside
 * its part of the image, as text lines or packed (what insmod writes). Pure code on a struct modelf: no allocation, no
 * printing; shared with the host tests.
 */
#include "loader/elf.h"
#ifdef HOST_TEST
#include <stdio.h>
#include <string.h>
#else
#include "lib/string.h"
#endif

#define SYMBOL_NAME_MAX 127	/* the kernel's limit */

/* nm's letter for s in part p, or 0 if it is not listed. */
static char symbol_type(const struct modelf *m, const Elf32_Sym *s,
			const struct modelf_part *p)
{
	uint32_t t = ELF32_ST_TYPE(s->st_info);
	int global = ELF32_ST_BIND(s->st_info) != STB_LOCAL;

	if (t == STT_FUNC)
		return global ? 'T' : 't';
	if (t != STT_OBJECT)
		return 0;
	if (p == &m->part[MODELF_BSS])
		return global ? 'B' : 'b';
	return global ? 'D' : 'd';
}

/* The length of name if the kernel can take it (printable, no spaces,
 * 1 to SYMBOL_NAME_MAX bytes), else 0. */
static size_t name_ok(const char *name)
{
	size_t n = 0;

	/* one unsigned compare a byte: '!'..'~' is 0x21..0x7e, NUL is not */
	while ((unsigned char)(name[n] - '!') <= '~' - '!')
		n++;
	return !name[n] && n <= SYMBOL_NAME_MAX ? n : 0;
}

/* Symbol i as listed: its part's letter, name and the name's length, or
 * 0 if it is not listed (only functions and objects can be). */
static char listed(const struct modelf *m, uint32_t i, const struct modelf_part **part,
		   const char **name, size_t *len)
{
	const Elf32_Sym *s = &m->sym[i];
	uint32_t t = ELF32_ST_TYPE(s->st_info);
	const struct modelf_part *p;
	char type;

	if (t != STT_FUNC && t != STT_OBJECT)
		return 0;
	p = modelf_part_of(m, s->st_shndx);
	type = p ? symbol_type(m, s, p) : 0;
	if (!type || s->st_value > p->size || s->st_size > p->size - s->st_value)
		return 0;
	*name = modelf_sym_name(m, i);
	*part = p;
	*len = name_ok(*name);
	return *len ? type : 0;
}

size_t modelf_symbols_format(const struct modelf *m, char *buf, size_t size,
			     uint32_t *count)
{
	size_t len = 0;

	*count = 0;
	if (size)
		buf[0] = '\0';
	for (uint32_t i = 1; i < m->nsym; i++) {
		const Elf32_Sym *s = &m->sym[i];
		const struct modelf_part *p;
		const char *name;
		size_t nl;
		char type = listed(m, i, &p, &name, &nl);
		int n;

		if (!type)
			continue;
		n = snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0,
			     "%08x %x %c %s\n", p->addr + s->st_value, s->st_size, type, name);
		len += n;
		(*count)++;
	}
	return len;
}

/* Stores v little-endian at p. */
static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v, p[1] = v >> 8, p[2] = v >> 16, p[3] = v >> 24;
}

size_t modelf_symbols_pack(const struct modelf *m, uint8_t *buf, size_t size,
			   uint32_t *count)
{
	size_t len = MODSYMS_MAGIC_LEN;

	*count = 0;
	if (size >= len)
		memcpy(buf, MODSYMS_MAGIC, MODSYMS_MAGIC_LEN);
	for (uint32_t i = 1; i < m->nsym; i++) {
		const Elf32_Sym *s = &m->sym[i];
		const struct modelf_part *p;
		const char *name;
		size_t n;
		char type = listed(m, i, &p, &name, &n);

		if (!type)
			continue;
		if (len + MODSYMS_ENTRY + n <= size) {
			uint8_t *e = buf + len;

			put32(e, p->addr + s->st_value);
			put32(e + 4, s->st_size);
			e[8] = type;
			e[9] = n;
			memcpy(e + MODSYMS_ENTRY, name, n);
		}
		len += MODSYMS_ENTRY + n;
		(*count)++;
	}
	return len;
}
