/*
 * The symbol table insmod hands the kernel through /mod/NAME/symbols, for
 * the oops printer (format in kernel/symbols.h and docs/modfs.md): every
 * named function and object of a parsed module that lies wholly inside
 * its part of the image. Pure code on a struct modelf: no allocation, no
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

/* Can the kernel take this name (printable, no spaces, not too long)? */
static int name_ok(const char *name)
{
	size_t n = 0;

	for (; name[n]; n++)
		if (name[n] <= ' ' || name[n] > '~' || n == SYMBOL_NAME_MAX)
			return 0;
	return n > 0;
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
		const struct modelf_part *p = modelf_part_of(m, s->st_shndx);
		const char *name = modelf_sym_name(m, i);
		char type = p ? symbol_type(m, s, p) : 0;
		int n;

		if (!type || !name_ok(name) || s->st_value > p->size ||
		    s->st_size > p->size - s->st_value)
			continue;
		n = snprintf(len < size ? buf + len : NULL, len < size ? size - len : 0,
			     "%08x %x %c %s\n", p->addr + s->st_value, s->st_size, type, name);
		len += n;
		(*count)++;
	}
	return len;
}
