/*
 * The symbol table insmod hands the kernel through /mod/NAME/symbols, for
 * the oops printer (formats in kernel/symbols.h and docs/modfs.md): every
 * named function and object of a parsed module that lies wholly inside
 * its part of the image, but for the module's metadata (the objects in its
 * version table and modinfo: see `in_metadata`), as text lines or packed
 * (what insmod writes). Pure code on a struct modelf: no allocation, no
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

/* The module's metadata, which no object listed lies in: the version
 * table (__versions: __module_versions) and the modinfo strings
 * (.modinfo: __modinfo_*, __module_vermagic, __module_intree,
 * __module_depends), each a range of image offsets [lo, lo + len). The
 * kernel reads them once, at `init module`; they are data about the
 * module, not code or data of it. Linux's loader leaves both sections out
 * of the module it lays out (rewrite_section_headers clears their
 * SHF_ALLOC), so its /proc/kallsyms never lists their symbols; neither
 * does ours. Only objects are tested: modpost's metadata symbols are all
 * objects, and no function lies in a table of versions or strings (a
 * module's functions, most of its symbols, pay no test). */
static int in_metadata(const struct modelf *m, uint32_t off)
{
	/* one unsigned compare a range: off - lo wraps round below lo */
	return off - m->hdr.versions < m->hdr.num_versions * MODVERSION_SIZE ||
	       off - m->hdr.modinfo < m->hdr.modinfo_size;
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
	if (!type || s->st_value > p->size || s->st_size > p->size - s->st_value ||
	    (t == STT_OBJECT && in_metadata(m, p->addr + s->st_value)))
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

/* A 32-bit word anywhere in a buffer (i386 loads and stores unaligned
 * words; the packed struct tells the compiler so). */
struct unaligned32 {
	uint32_t v;
} __attribute__((packed));

/* Stores v little-endian at p (i386 is little-endian: one store). */
static void put32(uint8_t *p, uint32_t v)
{
#if defined(__i386__) || defined(__x86_64__)
	((struct unaligned32 *)p)->v = v;
#else
	p[0] = v, p[1] = v >> 8, p[2] = v >> 16, p[3] = v >> 24;
#endif
}

/* The bytes of w outside '!'..'~' (NUL included), each as its bit 7: a
 * byte below '!' borrows into its bit 7 when 0x21 is taken away, one
 * above '~' carries into it when 1 is added (or has it); the kernel's
 * test in kernel/symbols.c. Only the lowest flagged byte is exact (a
 * borrow may flag the byte above it), and only it is used. */
static uint32_t bad_bytes(uint32_t w)
{
	return ((w - 0x21212121u) | (w + 0x01010101u) | w) & 0x80808080u;
}

/* Copies the name at m->str + at to out while checking it as name_ok
 * does, four bytes a test where the string table has four left: the
 * first word holding a byte outside '!'..'~' ends the name there (its
 * lowest flagged byte, found with one bit scan), and the name is good
 * only if that byte is its NUL. out has room for SYMBOL_NAME_MAX + 1
 * bytes; a whole word is stored even where the name ends inside it (never
 * past out's room: the words are the 128 bytes' whole ones).
 * Returns the name's length, or 0 if the kernel could not take it (what
 * out then holds is of no use). */
static size_t copy_name(const struct modelf *m, uint32_t at, uint8_t *out)
{
	const char *name = m->str + at;
	size_t n = 0, words = m->str_size - at;

	words = words > SYMBOL_NAME_MAX + 1 ? SYMBOL_NAME_MAX + 1 : words;
	for (; n + 4 <= words; n += 4) {
		uint32_t w = ((const struct unaligned32 *)(name + n))->v;
		uint32_t bad = bad_bytes(w);

		((struct unaligned32 *)(out + n))->v = w;
		if (bad) {
			n += __builtin_ctz(bad) / 8;	/* the first bad byte */
			return !name[n] && n <= SYMBOL_NAME_MAX ? n : 0;
		}
	}
	for (; n <= SYMBOL_NAME_MAX && (unsigned char)(name[n] - '!') <= '~' - '!'; n++)
		out[n] = name[n];
	return !name[n] && n <= SYMBOL_NAME_MAX ? n : 0;
}

/* The part that section shndx is (modelf_part_of, unrolled), or NULL. */
static const struct modelf_part *part_of(const struct modelf *m, uint32_t shndx)
{
	if (!shndx)
		return NULL;
	if (m->part[MODELF_MODULE].shndx == shndx)
		return &m->part[MODELF_MODULE];
	if (m->part[MODELF_BSS].shndx == shndx)
		return &m->part[MODELF_BSS];
	return m->part[MODELF_INIT].shndx == shndx ? &m->part[MODELF_INIT] : NULL;
}

/* Entry e's fields but the name's length: the symbol's image offset and
 * size, its letter. */
static void put_fields(uint8_t *e, const struct modelf *m, const Elf32_Sym *s,
		       const struct modelf_part *p)
{
	put32(e, p->addr + s->st_value);
	put32(e + 4, s->st_size);
	e[8] = symbol_type(m, s, p);
}

/* One pass over the symbols, deciding inline what `listed` decides, each
 * name checked as it is copied into its entry; in symbol order (the
 * kernel puts the entries in order of offset, sorting their places).
 * modelf_parse has checked each symbol's name offset (inside .strtab,
 * which ends with a NUL) and extent (inside its section: a part), so
 * neither is tested again here, as `listed` does for the text table. */
size_t modelf_symbols_pack(const struct modelf *m, uint8_t *buf, size_t size,
			   uint32_t *count)
{
	size_t len = MODSYMS_MAGIC_LEN;
	uint8_t spare[SYMBOL_NAME_MAX + 1];
	uint32_t n = 0;

	if (size >= len)	/* the magic's four bytes, one store (no memcpy call) */
		put32(buf, (uint8_t)MODSYMS_MAGIC[0] | (uint8_t)MODSYMS_MAGIC[1] << 8 |
			   (uint8_t)MODSYMS_MAGIC[2] << 16 | (uint32_t)(uint8_t)MODSYMS_MAGIC[3] << 24);
	for (const Elf32_Sym *s = m->sym + 1, *end = m->sym + m->nsym; s < end; s++) {
		const struct modelf_part *p;
		int room = len + MODSYMS_ENTRY + SYMBOL_NAME_MAX + 1 <= size;
		size_t nl;

		/* most symbols are neither (sections, files, linker markers).
		 * STT_OBJECT is 1 and STT_FUNC 2: adding 15 makes their
		 * types (st_info's low four bits) 0 and 1 and every other
		 * type 2 to 15, so one test of bits 1-3 tells them apart */
		if (__builtin_expect((s->st_info + 15) & 0xe, 1))
			continue;
		p = part_of(m, s->st_shndx);
		if (!p || (ELF32_ST_TYPE(s->st_info) == STT_OBJECT &&
			   in_metadata(m, p->addr + s->st_value)))
			continue;
		if (room) {
			/* the longest entry fits: its fields first, then the
			 * name straight into it (s and p are not needed past
			 * the copy; a name left out leaves bytes past len) */
			uint8_t *e = buf + len;

			put_fields(e, m, s, p);
			nl = copy_name(m, s->st_name, e + MODSYMS_ENTRY);
			if (!nl)
				continue;
			e[9] = nl;
			e[MODSYMS_ENTRY + nl] = '\0';
		} else {
			nl = copy_name(m, s->st_name, spare);
			if (!nl)
				continue;
			if (len + MODSYMS_ENTRY + nl + 1 <= size) {
				uint8_t *e = buf + len;

				put_fields(e, m, s, p);
				e[9] = nl;
				memcpy(e + MODSYMS_ENTRY, spare, nl);
				e[MODSYMS_ENTRY + nl] = '\0';
			}
		}
		len += MODSYMS_ENTRY + nl + 1;
		n++;
	}
	*count = n;
	return len;
}
