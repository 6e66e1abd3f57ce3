/*
 * Checks and describes module objects in a buffer (API in loader/elf.h).
 * Layers: ELF header -> section table and file layout -> symbol and string
 * tables (any i386 relocatable object: modpost uses this on NAME.o) -> the
 * parts of the image (.module, .module.bss, .module.init), every relocation
 * section, the parts' relocations and the module header (a .ko, for insmod).
 * Pure code: no allocation, no printing; refusals are -ENOEXEC + a reason.
 * insmod's modelf_parse_lazy first tries a fast path (fast_sections and
 * what follows it, near the end): one pass over the section table that
 * accepts only a well-formed object laid out as `ld -r` lays one out, the
 * header's fields and globals checked in one walk each; on any doubt it
 * hands over to the full chain above, which finds and words every fault
 * exactly as modelf_parse does (docs/insmod-cost.md; the fuzzer compares
 * the two on every input). Read the full chain first.
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

/* Contract in loader/internal.h. Names come from the file: a byte that
 * is not printable ASCII becomes '?', so a reason is always one line. */
int modelf_refuse(struct modelf *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m->why, sizeof(m->why), fmt, ap);
	va_end(ap);
	for (char *p = m->why; *p; p++)
		if (*p < 0x20 || *p > 0x7e)
			*p = '?';
	return -ENOEXEC;
}

const char *modelf_sec_label(const struct modelf *m, uint32_t i,
			     struct modelf_label *l)
{
	const char *name = modelf_section_name(m, i);

	if (name[0])
		return name;
	snprintf(l->s, sizeof(l->s), "#%u (no name)", i);
	return l->s;
}

const char *modelf_sym_label(const struct modelf *m, uint32_t i,
			     struct modelf_label *l)
{
	const char *name = modelf_sym_name(m, i);

	if (name[0])
		return name;
	snprintf(l->s, sizeof(l->s), "#%u (no name)", i);
	return l->s;
}

/* True if [off, off+size) lies inside [0, len). */
static int inside(uint64_t off, uint64_t size, uint64_t len)
{
	return off <= len && size <= len - off;
}

/* inside() for 32-bit fields, without 64-bit arithmetic: the same answer
 * (off <= len, then len - off cannot wrap). */
static inline int fits(uint32_t off, uint32_t size, size_t len)
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

/* True if the n bytes at p (n a multiple of 4) are all zero: a word at a
 * time (the null section and the null symbol; inline, so the loop over a
 * constant n is unrolled). */
static inline __attribute__((always_inline)) int all_zero(const uint8_t *p, size_t n)
{
	uint32_t or = 0, w;

#pragma GCC unroll 16
	for (size_t i = 0; i < n; i += 4) {
		__builtin_memcpy(&w, p + i, 4);
		or |= w;
	}
	return or == 0;
}

/* Symbol idx's kind and value as modelf_symbol() gives them, without its
 * name (the header's checks need only these two; keep the two in step). */
static int sym_kind(const struct modelf *m, uint32_t idx, uint32_t *value)
{
	const Elf32_Sym *e = &m->sym[idx];
	const struct modelf_part *p;

	*value = 0;
	if (idx == 0)
		return MODSYM_NULL;
	if (e->st_shndx == SHN_ABS) {
		*value = e->st_value;
		return MODSYM_ABS;
	}
	if (e->st_shndx == SHN_UNDEF)
		return MODSYM_UNDEF;
	if (!(p = modelf_part_of(m, e->st_shndx)))
		return MODSYM_OTHER;
	*value = p->addr + e->st_value;
	return MODSYM_IMAGE;
}

/* --- layer 1: the ELF header --- */

static int check_ident(struct modelf *m)
{
	const uint8_t *id = m->buf;

	if (m->len < sizeof(Elf32_Ehdr))
		return refuse(m, "file is %u bytes, too short for an ELF header "
			      "(52 bytes)", (unsigned)m->len);
	if (id[0] != 0x7f || id[1] != 'E' || id[2] != 'L' || id[3] != 'F')
		return refuse(m, "not an ELF file (bad magic)");
	if (id[EI_CLASS] != ELFCLASS32)
		return refuse(m, "ELF class %u (%s), expected 32-bit",
			      id[EI_CLASS], id[EI_CLASS] == ELFCLASS64 ?
			      "64-bit" : "unknown");
	if (id[EI_DATA] != ELFDATA2LSB)
		return refuse(m, "ELF data encoding %u (%s), expected "
			      "1 (little-endian)", id[EI_DATA],
			      id[EI_DATA] == ELFDATA2MSB ? "big-endian" : "unknown");
	if (id[EI_VERSION] != EV_CURRENT)
		return refuse(m, "ELF identification version %u, expected 1",
			      id[EI_VERSION]);
	return 0;
}

static int check_type(struct modelf *m)
{
	const Elf32_Ehdr *eh = m->eh;

	if (eh->e_machine != EM_386)
		return refuse(m, "machine %u%s, expected 3 (i386)",
			      eh->e_machine, eh->e_machine == EM_X86_64 ?
			      " (x86-64)" : "");
	if (eh->e_type == ET_EXEC)
		return refuse(m, "ET_EXEC: not a relocatable object; "
			      "modules are built with ld -r");
	if (eh->e_type == ET_DYN)
		return refuse(m, "ET_DYN: a shared object, not a "
			      "relocatable object; modules are built with ld -r");
	if (eh->e_type != ET_REL)
		return refuse(m, "ELF type %u, expected 1 (ET_REL)",
			      eh->e_type);
	if (eh->e_version != EV_CURRENT)
		return refuse(m, "ELF version %u, expected 1", eh->e_version);
	if (eh->e_ehsize != sizeof(Elf32_Ehdr))
		return refuse(m, "ELF header size %u, expected 52", eh->e_ehsize);
	if (eh->e_phnum)
		return refuse(m, "%u program headers: a relocatable object has "
			      "none", eh->e_phnum);
	return 0;
}

/* --- layer 2: the section table and the file's layout --- */

static int check_shtab(struct modelf *m)
{
	const Elf32_Ehdr *eh = m->eh;
	uint32_t size = (uint32_t)eh->e_shnum * sizeof(Elf32_Shdr);

	if (eh->e_shnum == 0)
		return refuse(m, "no section headers");
	if (eh->e_shnum > MODELF_MAX_SECTIONS)
		return refuse(m, "%u sections, more than %u: not linked with "
			      "linker/module.lds", eh->e_shnum, MODELF_MAX_SECTIONS);
	if (eh->e_shentsize != sizeof(Elf32_Shdr))
		return refuse(m, "section header size %u, expected 40",
			      eh->e_shentsize);
	if (!inside(eh->e_shoff, size, m->len))
		return refuse(m, "section header table: offset 0x%x+0x%x"
			      " runs past the end of the file (0x%x bytes)",
			      eh->e_shoff, size, (unsigned)m->len);
	if (eh->e_shoff % 4)
		return refuse(m, "section header table at offset 0x%x "
			      "is not 4-byte aligned", eh->e_shoff);
	m->sh = (const Elf32_Shdr *)(m->buf + eh->e_shoff);
	m->shnum = eh->e_shnum;
	return 0;
}

static int check_shstrtab(struct modelf *m)
{
	uint32_t idx = m->eh->e_shstrndx;
	const Elf32_Shdr *s;

	if (!all_zero((const uint8_t *)&m->sh[0], sizeof(Elf32_Shdr)))
		return refuse(m, "section 0 is not the null section (a field "
			      "is set)");
	if (idx == 0 || idx >= m->shnum)
		return refuse(m, "section name table index %u out of "
			      "range (%u sections)", idx, m->shnum);
	s = &m->sh[idx];
	if (s->sh_type != SHT_STRTAB || s->sh_size == 0)
		return refuse(m, "section name table (section %u) is "
			      "not a string table", idx);
	if (!inside(s->sh_offset, s->sh_size, m->len))
		return refuse(m, "section name table: offset 0x%x+0x%x "
			      "runs past the end of the file (0x%x bytes)",
			      s->sh_offset, s->sh_size, (unsigned)m->len);
	m->shstr = (const char *)m->buf + s->sh_offset;
	m->shstr_size = s->sh_size;
	if (m->shstr[m->shstr_size - 1] != '\0')
		return refuse(m, "section name table does not end with a NUL");
	return 0;
}

/* Section i's own fields: name, extent in the file, link, alignment. */
static int check_section(struct modelf *m, uint32_t i)
{
	const Elf32_Shdr *s = &m->sh[i];
	struct modelf_label l;
	const char *name;

	/* all well: no name made (it is only for a refusal) */
	if (s->sh_name < m->shstr_size && s->sh_link < m->shnum &&
	    !(s->sh_addralign & (s->sh_addralign - 1)) &&
	    (s->sh_type == SHT_NOBITS || fits(s->sh_offset, s->sh_size, m->len)))
		return 0;
	if (s->sh_name >= m->shstr_size)
		return refuse(m, "section #%u: name offset 0x%x outside the "
			      "section name table (0x%x bytes)", i, s->sh_name,
			      m->shstr_size);
	name = modelf_sec_label(m, i, &l);
	if (s->sh_type != SHT_NOBITS && !inside(s->sh_offset, s->sh_size, m->len))
		return refuse(m, "section %s: offset 0x%x+0x%x runs past the "
			      "end of the file (0x%x bytes)", name, s->sh_offset,
			      s->sh_size, (unsigned)m->len);
	if (s->sh_link >= m->shnum)
		return refuse(m, "section %s: link (sh_link) %u out of range (%u "
			      "sections)", name, s->sh_link, m->shnum);
	if (s->sh_addralign & (s->sh_addralign - 1))
		return refuse(m, "section %s: alignment 0x%x is not a power of 2",
			      name, s->sh_addralign);
	return 0;
}

static int check_sections(struct modelf *m)
{
	int err;

	for (uint32_t i = 1; i < m->shnum; i++)
		if ((err = check_section(m, i)))
			return err;
	return 0;
}

/* A stretch of the file: the ELF header, the section table or a section's
 * bytes. Region n is the ELF header, n+1 the section table, i >= 1
 * section i (none if empty or NOBITS; section 0 has no bytes). */
struct region {
	uint32_t start, end, align;
};

static int region(const struct modelf *m, uint32_t r, struct region *g)
{
	const Elf32_Shdr *s;

	if (r == m->shnum) {
		*g = (struct region){ 0, sizeof(Elf32_Ehdr), 1 };
		return 1;
	}
	if (r == m->shnum + 1) {
		*g = (struct region){ m->eh->e_shoff, m->eh->e_shoff +
				      m->shnum * sizeof(Elf32_Shdr), 4 };
		return 1;
	}
	s = &m->sh[r];
	if (r == 0 || s->sh_type == SHT_NOBITS || s->sh_size == 0)
		return 0;
	*g = (struct region){ s->sh_offset, s->sh_offset + s->sh_size,
			      s->sh_addralign ? s->sh_addralign : 1 };
	return 1;
}

static const char *region_name(const struct modelf *m, uint32_t r,
			       char *buf, size_t size)
{
	struct modelf_label l;

	if (r == m->shnum)
		return "the ELF header";
	if (r == m->shnum + 1)
		return "the section header table";
	snprintf(buf, size, "section %s", modelf_sec_label(m, r, &l));
	return buf;
}

/* Region a overlaps no later region. */
static int check_overlaps(struct modelf *m, uint32_t a)
{
	struct region ra, rb;
	char na[64], nb[64];

	if (!region(m, a, &ra))
		return 0;
	for (uint32_t b = a + 1; b < m->shnum + 2; b++)
		if (region(m, b, &rb) && ra.start < rb.end && rb.start < ra.end)
			return refuse(m, "%s (file bytes 0x%x..0x%x) overlaps %s "
				      "(0x%x..0x%x)", region_name(m, a, na, sizeof(na)),
				      ra.start, ra.end, region_name(m, b, nb, sizeof(nb)),
				      rb.start, rb.end);
	return 0;
}

/* The region after region a starts within its alignment padding; *last
 * is raised to a's end. */
static int check_gap(struct modelf *m, uint32_t a, uint32_t *last)
{
	struct region ra, rb;
	uint32_t next = 0, nstart = UINT32_MAX, nalign = 1;
	char na[64], nb[64];

	if (!region(m, a, &ra))
		return 0;
	for (uint32_t b = 0; b < m->shnum + 2; b++)
		if (b != a && region(m, b, &rb) && rb.start >= ra.end &&
		    rb.start < nstart) {
			nstart = rb.start;
			nalign = rb.align;
			next = b;
		}
	if (ra.end > *last)
		*last = ra.end;
	if (nstart != UINT32_MAX && nstart - ra.end >= nalign)
		return refuse(m, "file bytes 0x%x..0x%x, between %s and %s, belong "
			      "to no section", ra.end, nstart,
			      region_name(m, a, na, sizeof(na)),
			      region_name(m, next, nb, sizeof(nb)));
	return 0;
}

#define LAYOUT_FAST_MAX 64	/* regions layout_ok sorts on the stack */

/* check_layout's verdict in one sort, for an object of at most
 * LAYOUT_FAST_MAX regions: 1 if it would pass. The regions sorted by
 * start, each must end by the next one's start and the next one start
 * within its alignment padding, and the last end the file; exactly
 * check_layout's rules, since disjoint regions have distinct starts and
 * each one's nearest follower is the next in that order. 0 if anything is
 * wrong (or too many regions): check_layout then finds what, and says it
 * as it always has. */
/* Region k of layout_ok's order (0: the ELF header, 1..shnum - 1: the
 * sections, shnum + 1: the section table) in *g: region()'s, made here;
 * 0 if it has no bytes. */
static inline int region_k(const struct modelf *m, uint32_t k, struct region *g)
{
	const Elf32_Shdr *s = &m->sh[k];

	if (k == 0) {
		*g = (struct region){ 0, sizeof(Elf32_Ehdr), 1 };
	} else if (k < m->shnum) {
		if (s->sh_type == SHT_NOBITS || s->sh_size == 0)
			return 0;
		*g = (struct region){ s->sh_offset, s->sh_offset + s->sh_size,
				      s->sh_addralign ? s->sh_addralign : 1 };
	} else if (k == m->shnum + 1) {
		*g = (struct region){ m->eh->e_shoff, m->eh->e_shoff +
				      m->shnum * sizeof(Elf32_Shdr), 4 };
	} else {
		return 0;
	}
	return 1;
}

static int layout_sorted(const struct modelf *m)
{
	struct region r[LAYOUT_FAST_MAX], g;
	uint32_t n = 0, nreg = m->shnum + 2;

	if (nreg > LAYOUT_FAST_MAX)
		return 0;
	/* the ELF header first, the section table (usually last) at the end:
	 * sections laid out in order then sort in one pass; region()'s
	 * regions, made here */
	for (uint32_t k = 0; k < nreg; k++) {
		uint32_t j = n;

		if (!region_k(m, k, &g))
			continue;
		for (n++; j && r[j - 1].start > g.start; j--)
			r[j] = r[j - 1];
		r[j] = g;
	}
	for (uint32_t i = 1; i < n; i++)
		if (r[i].start < r[i - 1].end || r[i].start - r[i - 1].end >= r[i].align)
			return 0;
	return n && r[n - 1].end == m->len;
}

/* layout_ok's verdict without the sort when the regions, in its order,
 * make two rising runs (ld -r puts the relocation sections after the
 * others: those are one run, the rest the other): each region goes to the
 * run A if it starts at or after A's last, else to B if at or after B's
 * last, and the two are merged in order of start. Regions of equal start
 * overlap, refused in any order, so the verdict is the sorted one's.
 * Falls back on layout_sorted() when a region fits neither run. */
static int layout_ok(const struct modelf *m)
{
	struct region r[LAYOUT_FAST_MAX], g;
	const struct region *c, *prev = NULL;
	uint32_t na = 0, nb = 0, i = 0, j = 0, nreg = m->shnum + 2;

	if (nreg > LAYOUT_FAST_MAX)
		return 0;
	/* A from r[0] up, B from r[LAYOUT_FAST_MAX - 1] down */
#define RUN_B(x) r[LAYOUT_FAST_MAX - 1 - (x)]
	for (uint32_t k = 0; k < nreg; k++) {
		if (!region_k(m, k, &g))
			continue;
		if (!na || g.start >= r[na - 1].start)
			r[na++] = g;
		else if (!nb || g.start >= RUN_B(nb - 1).start)
			RUN_B(nb++) = g;
		else
			return layout_sorted(m);
	}
	while (i < na || j < nb) {
		c = j == nb || (i < na && r[i].start <= RUN_B(j).start) ?
			&r[i++] : &RUN_B(j++);
		if (prev && (c->start < prev->end || c->start - prev->end >= c->align))
			return 0;
		prev = c;
	}
#undef RUN_B
	return prev && prev->end == m->len;
}

/* Every byte of the file is the ELF header, the section table or one
 * section's, apart from alignment padding before a section: nothing
 * overlaps, nothing is hidden (a relocation table cut short leaves bytes
 * that are no section's). ld -r lays a .ko out so; an assembler's .o may
 * pad more, so modelf_parse_object() does not check this. One sort
 * (layout_ok) when all is well; finding what is wrong is O(n^2) in
 * sections, n <= MODELF_MAX_SECTIONS. */
static int check_layout(struct modelf *m)
{
	uint32_t last = 0;
	int err;

	if (layout_ok(m))
		return 0;
	for (uint32_t r = 0; r < m->shnum + 2; r++)
		if ((err = check_overlaps(m, r)))
			return err;
	for (uint32_t r = 0; r < m->shnum + 2; r++)
		if ((err = check_gap(m, r, &last)))
			return err;
	if (last != m->len)
		return refuse(m, "file bytes 0x%x..0x%x, after the last section, "
			      "belong to no section", last, (unsigned)m->len);
	return 0;
}

/* --- layer 3: symbols and their names --- */

/* The symbol table is section i (the only one): its shape, its string
 * table, and the fields of m that describe them. */
static inline __attribute__((always_inline)) int
use_symtab(struct modelf *m, uint32_t i)
{
	const Elf32_Shdr *s = &m->sh[i], *st;

	m->symtab_shndx = i;
	if (s->sh_entsize != sizeof(Elf32_Sym) || s->sh_size % sizeof(Elf32_Sym)
	    || s->sh_offset % 4 || s->sh_size == 0)
		return refuse(m, "symbol table: entry size %u, size "
			      "0x%x, offset 0x%x: expected 16-byte entries, "
			      "4-byte aligned", s->sh_entsize, s->sh_size,
			      s->sh_offset);
	if (s->sh_link == 0 || m->sh[s->sh_link].sh_type != SHT_STRTAB)
		return refuse(m, "symbol table: string table index %u "
			      "is not a string table", s->sh_link);
	st = &m->sh[s->sh_link];
	m->sym = (const Elf32_Sym *)(m->buf + s->sh_offset);
	m->nsym = s->sh_size / sizeof(Elf32_Sym);
	m->first_global = s->sh_info;
	m->str = (const char *)m->buf + st->sh_offset;
	m->str_size = st->sh_size;
	if (m->first_global == 0 || m->first_global > m->nsym)
		return refuse(m, "symbol table: first global symbol (sh_info) %u "
			      "out of range (%u symbols)", m->first_global, m->nsym);
	if (m->str_size == 0 || m->str[m->str_size - 1] != '\0')
		return refuse(m, "string table %s does not end with a "
			      "NUL", modelf_section_name(m, s->sh_link));
	return 0;
}

static int find_symtab(struct modelf *m)
{
	uint32_t found = 0;

	for (uint32_t i = 1; i < m->shnum; i++) {
		if (m->sh[i].sh_type != SHT_SYMTAB)
			continue;
		if (found)
			return refuse(m, "more than one symbol table");
		found = i;
	}
	if (!found)
		return refuse(m, "no symbol table (.symtab)");
	return use_symtab(m, found);
}

/* Symbol i's binding, type and section index make sense together. */
static int check_symbol_kind(struct modelf *m, uint32_t i, const char *name)
{
	const Elf32_Sym *s = &m->sym[i];
	uint32_t bind = ELF32_ST_BIND(s->st_info), type = ELF32_ST_TYPE(s->st_info);

	if (bind != STB_LOCAL && bind != STB_GLOBAL && bind != STB_WEAK)
		return refuse(m, "symbol %s: binding %u, expected local, global "
			      "or weak", name, bind);
	if (type > STT_FILE)
		return refuse(m, "symbol %s: type %u, expected NOTYPE, OBJECT, "
			      "FUNC, SECTION or FILE", name, type);
	if ((bind == STB_LOCAL) != (i < m->first_global))
		return refuse(m, "symbol %s: %s, but the symbol table's locals "
			      "are #0..#%u", name, bind == STB_LOCAL ? "local" :
			      bind == STB_WEAK ? "weak" : "global",
			      m->first_global - 1);
	if (s->st_shndx == SHN_COMMON)
		return refuse(m, "symbol %s is COMMON; compile with -fno-common",
			      name);
	if (s->st_shndx >= SHN_LORESERVE && s->st_shndx != SHN_ABS)
		return refuse(m, "symbol %s: reserved section index 0x%x not "
			      "supported", name, s->st_shndx);
	if (s->st_shndx >= m->shnum && s->st_shndx != SHN_ABS)
		return refuse(m, "symbol %s: section index %u out of range (%u "
			      "sections)", name, s->st_shndx, m->shnum);
	if (type == STT_SECTION && (bind != STB_LOCAL || s->st_value ||
				    s->st_shndx == SHN_UNDEF ||
				    s->st_shndx == SHN_ABS))
		return refuse(m, "symbol %s: a section symbol must be local, in "
			      "a section, with value 0", name);
	if (type == STT_FILE && (bind != STB_LOCAL || s->st_shndx != SHN_ABS))
		return refuse(m, "symbol %s: a file symbol must be local and "
			      "absolute", name);
	if (s->st_shndx == SHN_UNDEF && bind == STB_LOCAL)
		return refuse(m, "symbol %s: undefined but local", name);
	return 0;
}

/* An undefined symbol is found by its name: it has one, printable. */
static int check_import_name(struct modelf *m, uint32_t i, const char *label)
{
	const char *name = modelf_sym_name(m, i);

	if (!name[0])
		return refuse(m, "symbol %s: undefined, with an empty name: "
			      "there is nothing to look up", label);
	for (const char *p = name; *p; p++)
		if (*p <= 0x20 || *p > 0x7e)
			return refuse(m, "symbol #%u: undefined, and its name has "
				      "byte 0x%02x, which no exported name has", i,
				      (uint8_t)*p);
	return 0;
}

/* Symbol i: name inside .strtab, kind, and a defined one's extent inside
 * its section; an undefined one must have a name to be found by. */
static int check_symbol(struct modelf *m, uint32_t i)
{
	const Elf32_Sym *s = &m->sym[i];
	struct modelf_label l;
	const char *name;
	const Elf32_Shdr *sec;
	int err;

	if (i == 0)
		return !all_zero((const uint8_t *)s, sizeof(*s)) ?
			refuse(m, "symbol 0 is not the null symbol (a field is "
			       "set)") : 0;
	if (s->st_name >= m->str_size)
		return refuse(m, "symbol #%u: name offset 0x%x outside the string "
			      "table (0x%x bytes)", i, s->st_name, m->str_size);
	if (ELF32_ST_TYPE(s->st_info) == STT_SECTION && s->st_shndx >= m->shnum)
		return refuse(m, "symbol #%u: section symbol of section index %u "
			      "(%u sections)", i, s->st_shndx, m->shnum);
	name = modelf_sym_label(m, i, &l);
	if ((err = check_symbol_kind(m, i, name)))
		return err;
	if (s->st_shndx == SHN_UNDEF)
		return check_import_name(m, i, name);
	if (s->st_shndx == SHN_ABS)
		return 0;
	sec = &m->sh[s->st_shndx];
	if (!inside(s->st_value, s->st_size, sec->sh_size))
		return refuse(m, "symbol %s: 0x%x+0x%x runs past the end of "
			      "section %s (0x%x bytes)", name, s->st_value,
			      s->st_size, modelf_sec_label(m, s->st_shndx, &l),
			      sec->sh_size);
	return 0;
}

/* What common_symbols takes of a run's symbols (locals or globals), by
 * st_info: a symbol defined in a section must have its value below
 * vlim[st_info] (0: the kind is not taken; 1: a section symbol, value 0);
 * an absolute one is taken if abs_ok[st_info] (other_symbol_ok's rule
 * for absolute symbols). */
struct sym_kinds {
	uint32_t vlim[256];
	uint32_t abs_ok[256];
	uint32_t named_runs;	/* the locals: named ones in runs (i386) */
};

/* Symbols e..end (all locals or all globals) while they are the common
 * kinds check_symbols takes; returns the first one that is not (end: all).
 * size[x]: section x + 1's size; k: the run's kinds. By hand for i386,
 * two symbols a turn: fifteen and a half instructions a symbol defined in
 * a section (the compiler's version, short of registers, takes twenty),
 * about eighteen an absolute one (the module header's sizes, file names). */
static const Elf32_Sym *common_symbols(const Elf32_Sym *e, const Elf32_Sym *end,
				       const uint32_t *size, uint32_t nsec,
				       uint32_t str_size, const struct sym_kinds *k)
{
#if defined(__i386__)
/* one symbol, at off(%esi): to `abs` if not in a section, to `bad` if
 * not taken, on if taken */
#define COMMON_ONE(off, abs, bad)					\
		"movzwl " off "+14(%%esi), %%ecx\n\t"	/* x: the section index - 1 */ \
		"decl %%ecx\n\t"						\
		"cmpl 4(%%esp), %%ecx\n\t"					\
		"jae " abs "\n\t"						\
		"cmpl %%edx, " off "(%%esi)\n\t"	/* the name inside .strtab */ \
		"jae " bad "\n\t"						\
		"movzbl " off "+12(%%esi), %%ebx\n\t"	/* the kind */		\
		"movl " off "+4(%%esi), %%eax\n\t"				\
		"cmpl (%%ebp,%%ebx,4), %%eax\n\t"				\
		"jae " bad "\n\t"						\
		"addl " off "+8(%%esi), %%eax\n\t"	/* inside the section */ \
		"jc " bad "\n\t"						\
		"cmpl (%%edi,%%ecx,4), %%eax\n\t"				\
		"ja " bad "\n\t"
/* a local named one (st_info 0, 1 or 2: NOTYPE, OBJECT or FUNC) in the
 * run's section (%bx: its index, %ecx: the index - 1), at off(%esi): on
 * if taken, to `out` (the one at a time path decides it) if not. The
 * value bound (vlim: below 2^32 - 1) is not tested: the extent inside the
 * section with no carry implies check_symbol's inside() */
/* A symbol in no section (its section index less one in %ecx): to 9f
 * unless absolute (SHN_ABS) with its name inside .strtab; then the flags
 * say whether its kind may be absolute (k->abs_ok: nonzero, "jne" takes
 * it), for the caller's branch. */
#define COMMON_ABS							\
		"cmpl $0xfff0, %%ecx\n\t"	/* SHN_ABS - 1 */		\
		"jne 9f\n\t"						\
		"cmpl %%edx, (%%esi)\n\t"	/* the name inside .strtab */	\
		"jae 9f\n\t"						\
		"movzbl 12(%%esi), %%ebx\n\t"	/* the kind */		\
		"cmpl $0, 1024(%%ebp,%%ebx,4)\n\t"	/* k->abs_ok */
#define NAMED_ONE(off, out)						\
		"cmpb $2, " off "+12(%%esi)\n\t"	/* the kind */		\
		"ja " out "\n\t"						\
		"cmpw %%bx, " off "+14(%%esi)\n\t"	/* the run's section */	\
		"jne " out "\n\t"						\
		"cmpl %%edx, " off "(%%esi)\n\t"	/* the name inside .strtab */ \
		"jae " out "\n\t"						\
		"movl " off "+4(%%esi), %%eax\n\t"	/* inside the section */ \
		"addl " off "+8(%%esi), %%eax\n\t"				\
		"jc " out "\n\t"						\
		"cmpl (%%edi,%%ecx,4), %%eax\n\t"				\
		"ja " out "\n\t"
	__asm__ volatile(
		"pushl %%ebp\n\t"
		"movl %%eax, %%ebp\n\t"	/* k->vlim */
		"leal -16(%%ebx), %%eax\n\t"
		"pushl %%eax\n\t"		/* 12(%esp): end - 16 */
		"pushl %%eax\n\t"		/* 8(%esp): end - 16 */
		"pushl %%ecx\n\t"		/* 4(%esp): nsec */
		"pushl %%ebx\n\t"		/* (%esp): end */
		"cmpl $0, 2048(%%ebp)\n\t"	/* k->named_runs: the locals */
		"je 3f\n\t"
		"subl $32, 8(%%esp)\n\t"	/* 8(%esp): end - 48 */
		"jmp 40f\n"
		"1:\n\t"			/* two symbols a turn */
		COMMON_ONE("0", "5f", "9f")
		COMMON_ONE("16", "6f", "8f")
		"addl $32, %%esi\n"
		"3:\n\t"
		"cmpl 8(%%esp), %%esi\n\t"	/* two left? */
		"jb 1b\n\t"
		"cmpl (%%esp), %%esi\n\t"	/* none left? */
		"je 9f\n\t"
		COMMON_ONE("0", "5f", "9f")
		"2:\n\t"
		"addl $16, %%esi\n\t"
		"jmp 3b\n"
		"6:\n\t"			/* the second one, absolute? */
		"addl $16, %%esi\n"
		"5:\n\t"			/* not in a section: absolute? */
		COMMON_ABS
		"jne 2b\n\t"
		"jmp 9f\n"
		"8:\n\t"			/* the second one not taken */
		"addl $16, %%esi\n\t"
		"jmp 9f\n"
		/* the locals: one at a time, and after a named one (NOTYPE,
		 * OBJECT or FUNC) the run of named ones in its section, four
		 * a turn */
		"40:\n\t"
		"cmpl 12(%%esp), %%esi\n\t"	/* two left? */
		"jae 44f\n\t"
		COMMON_ONE("0", "45f", "9f")
		"cmpl $2, %%ebx\n\t"		/* a named one? */
		"jbe 41f\n\t"
		COMMON_ONE("16", "46f", "8b")
		"addl $32, %%esi\n\t"
		"cmpl $2, %%ebx\n\t"
		"ja 40b\n\t"
		"jmp 47f\n"
		"44:\n\t"			/* one left, or none */
		"cmpl (%%esp), %%esi\n\t"
		"je 9f\n\t"
		COMMON_ONE("0", "45f", "9f")
		"cmpl $2, %%ebx\n\t"
		"ja 61f\n"
		"41:\n\t"
		"addl $16, %%esi\n"
		"47:\n\t"
		"leal 1(%%ecx), %%ebx\n"	/* the run's section index */
		"42:\n\t"
		"cmpl 8(%%esp), %%esi\n\t"	/* four left? */
		"jae 40b\n"
		"43:\n\t"
		NAMED_ONE("0", "40b")
		NAMED_ONE("16", "61f")
		NAMED_ONE("32", "62f")
		NAMED_ONE("48", "63f")
		"addl $64, %%esi\n\t"
		"cmpl 8(%%esp), %%esi\n\t"
		"jb 43b\n\t"
		"jmp 40b\n"
		"63:\n\t"			/* the fourth one not taken here */
		"addl $16, %%esi\n"
		"62:\n\t"
		"addl $16, %%esi\n"
		"61:\n\t"
		"addl $16, %%esi\n\t"
		"jmp 40b\n"
		"46:\n\t"			/* the second one, absolute? */
		"addl $16, %%esi\n"
		"45:\n\t"			/* not in a section: absolute? */
		COMMON_ABS
		"je 9f\n\t"
		"addl $16, %%esi\n\t"
		"jmp 40b\n"
		"9:\n\t"
		"addl $16, %%esp\n\t"
		"popl %%ebp"
		: "+S"(e), "+a"(k), "+b"(end), "+c"(nsec)
		: "D"(size), "d"(str_size)
		: "memory", "cc");
#undef COMMON_ONE
#undef NAMED_ONE
	_Static_assert(SHN_ABS - 1 == 0xfff0, "common_symbols: SHN_ABS");
	_Static_assert(offsetof(struct sym_kinds, abs_ok) == 1024,
		       "common_symbols: abs_ok");
	_Static_assert(offsetof(struct sym_kinds, named_runs) == 2048,
		       "common_symbols: named_runs");
	_Static_assert(STT_NOTYPE == 0 && STT_OBJECT == 1 && STT_FUNC == 2 &&
		       STB_LOCAL == 0, "common_symbols: named locals");
#else
	for (; e != end; e++) {
		uint32_t x = e->st_shndx - 1u, v = e->st_value;

		if (e->st_name >= str_size)
			break;
		if (x >= nsec) {	/* not in a section: absolute? */
			if (e->st_shndx == SHN_ABS && k->abs_ok[e->st_info])
				continue;
			break;
		}
		if (v >= k->vlim[e->st_info])
			break;
		/* inside(): v + st_size <= the section's size, no carry */
		if (__builtin_add_overflow(v, e->st_size, &v) || v > size[x])
			break;
	}
#endif
	return e;
}

/* The kinds for locals: a NOTYPE, OBJECT or FUNC symbol (any value below
 * 2^32 - 1: the last one is left to check_symbol), a SECTION one with
 * value 0, in a section; a NOTYPE, OBJECT, FUNC or FILE one absolute. For
 * globals: a global or weak NOTYPE, OBJECT or FUNC, in a section or
 * absolute. */
static const struct sym_kinds local_kinds = {
	.vlim = {
		[STT_NOTYPE] = UINT32_MAX, [STT_OBJECT] = UINT32_MAX,
		[STT_FUNC] = UINT32_MAX, [STT_SECTION] = 1,
	},
	.abs_ok = {
		[STT_NOTYPE] = 1, [STT_OBJECT] = 1, [STT_FUNC] = 1, [STT_FILE] = 1,
	},
	.named_runs = 1,
};
#define GLOBAL_KINDS(b, v)	[(b) << 4 | STT_NOTYPE] = (v), \
				[(b) << 4 | STT_OBJECT] = (v), \
				[(b) << 4 | STT_FUNC] = (v)
static const struct sym_kinds global_kinds = {
	.vlim = {
		GLOBAL_KINDS(STB_GLOBAL, UINT32_MAX), GLOBAL_KINDS(STB_WEAK, UINT32_MAX),
	},
	.abs_ok = { GLOBAL_KINDS(STB_GLOBAL, 1), GLOBAL_KINDS(STB_WEAK, 1) },
};

/* True if symbol e (local: before first_global) is one check_symbol would
 * take, of the kinds common_symbols leaves to it: an absolute NOTYPE,
 * OBJECT or FUNC (or a local FILE), or an import (a global or weak
 * NOTYPE, OBJECT or FUNC, undefined) with a printable name. 0: not
 * decided here (check_symbol decides, and words a refusal). */
static int other_symbol_ok(const struct modelf *m, const Elf32_Sym *e,
			   int local)
{
	uint32_t bind = ELF32_ST_BIND(e->st_info), type = ELF32_ST_TYPE(e->st_info);
	const uint8_t *p;

	if (e->st_name >= m->str_size)
		return 0;
	if (local != (bind == STB_LOCAL) || (bind != STB_LOCAL &&
	    bind != STB_GLOBAL && bind != STB_WEAK))
		return 0;
	if (e->st_shndx == SHN_ABS)
		return type <= STT_FUNC || (type == STT_FILE && local);
	if (e->st_shndx != SHN_UNDEF || local || type > STT_FUNC)
		return 0;
	p = (const uint8_t *)m->str + e->st_name;
	if (!*p)
		return 0;
	for (; *p; p++)		/* check_import_name's rule */
		if (*p <= 0x20 || *p > 0x7e)
			return 0;
	return 1;
}

/*
 * Every symbol is checked by check_symbol, but the common kinds are first
 * seen here, with no name made: defined in a section (1..shnum - 1, all
 * below SHN_LORESERVE), the name inside .strtab, the extent inside the
 * section; a local NOTYPE, OBJECT, FUNC or SECTION (value 0) before
 * first_global, a global or weak NOTYPE, OBJECT or FUNC from it on. Only
 * the others go through check_symbol (which decides, and words a refusal).
 */
static int check_symbols(struct modelf *m)
{
	const Elf32_Sym *e = m->sym + 1, *fg = m->sym + m->first_global;
	const Elf32_Sym *end = m->sym + m->nsym;
	uint32_t size[MODELF_MAX_SECTIONS], nsec = m->shnum - 1;
	int err;

	if ((err = check_symbol(m, 0)))
		return err;
	for (uint32_t x = 0; x < nsec; x++)
		size[x] = m->sh[x + 1].sh_size;
	for (;;) {
		if (e < fg)
			e = common_symbols(e, fg, size, nsec, m->str_size, &local_kinds);
		if (e >= fg)
			e = common_symbols(e, end, size, nsec, m->str_size,
					   &global_kinds);
		if (e == end)
			return 0;
		if (!other_symbol_ok(m, e, e < fg) &&
		    (err = check_symbol(m, (uint32_t)(e - m->sym))))
			return err;
		e++;
	}
}

static int check_groups(struct modelf *m);

/* Layers 1 and 2: the ELF header, the section table, the section names. */
static int parse_sections(const void *buf, size_t len, struct modelf *m)
{
	int err;

	memset(m, 0, sizeof(*m));
	m->buf = buf;
	m->len = len;
	if ((uintptr_t)buf % 4) {
		refuse(m, "buffer is not 4-byte aligned");
		return -EINVAL;
	}
	m->eh = buf;
	if ((err = check_ident(m)) ||
	    (err = check_type(m)) ||
	    (err = check_shtab(m)) ||
	    (err = check_shstrtab(m)) ||
	    (err = check_sections(m)))
		return err;
	return 0;
}

/* Layer 3 of an object whose sections are checked. */
static int parse_symbols(struct modelf *m)
{
	int err;

	if ((err = find_symtab(m)) ||
	    (err = check_symbols(m)) ||
	    (err = check_groups(m)))
		return err;
	return 0;
}

int modelf_parse_object(const void *buf, size_t len, struct modelf *m)
{
	int err = parse_sections(buf, len, m);

	return err ? err : parse_symbols(m);
}

/* --- layer 4: the module (its parts, relocation sections, the header) --- */

static const char *const part_names[MODELF_NPARTS] = {
	MODULE_SECTION, MODULE_BSS_SECTION, MODULE_INIT_SECTION,
};

/* The stored bytes of .module: the header and the tables are there. */
static const uint8_t *modbytes(const struct modelf *m)
{
	return m->part[MODELF_MODULE].bytes;
}

/* Checks section i as image part p, which must start at image offset addr,
 * where part prev (-1: none) ends. */
static int check_part(struct modelf *m, int p, uint32_t i, uint32_t addr,
		      int prev)
{
	const Elf32_Shdr *s = &m->sh[i];
	uint32_t type = p == MODELF_BSS ? SHT_NOBITS : SHT_PROGBITS;

	if (s->sh_type != type || (s->sh_size && !(s->sh_flags & SHF_ALLOC)))
		return refuse(m, "section %s: type %u flags 0x%x, "
			      "expected allocated %s", part_names[p], s->sh_type,
			      s->sh_flags, p == MODELF_BSS ? "NOBITS" : "PROGBITS");
	if (s->sh_addr != addr && prev < 0)
		return refuse(m, "section %s at address 0x%x, expected "
			      "0x%x: not linked with linker/module.lds",
			      part_names[p], s->sh_addr, addr);
	if (s->sh_addr != addr)
		return refuse(m, "section %s at address 0x%x, but %s (0x%x bytes "
			      "at 0x%x) ends at 0x%x: not linked with "
			      "linker/module.lds", part_names[p], s->sh_addr,
			      part_names[prev], m->part[prev].size,
			      m->part[prev].addr, addr);
	if (s->sh_addralign > 1 && addr % s->sh_addralign)
		return refuse(m, "section %s at address 0x%x is not aligned "
			      "to its alignment 0x%x", part_names[p], addr,
			      s->sh_addralign);
	if ((uint64_t)addr + s->sh_size > UINT32_MAX)
		return refuse(m, "section %s: 0x%x bytes at 0x%x make "
			      "an image past 4 GiB", part_names[p], s->sh_size, addr);
	return 0;
}

/* Which part the name n is (".module", ".module.bss", ".module.init"), or
 * -1: compared a byte at a time, never read past its NUL. */
static inline int part_by_name(const char *n)
{
	if (n[0] != '.' || n[1] != 'm' || n[2] != 'o' || n[3] != 'd' ||
	    n[4] != 'u' || n[5] != 'l' || n[6] != 'e')
		return -1;
	if (n[7] == '\0')
		return MODELF_MODULE;
	if (n[7] != '.')
		return -1;
	if (n[8] == 'b' && n[9] == 's' && n[10] == 's' && n[11] == '\0')
		return MODELF_BSS;
	if (n[8] == 'i' && n[9] == 'n' && n[10] == 'i' && n[11] == 't' &&
	    n[12] == '\0')
		return MODELF_INIT;
	return -1;
}

/* Which part section i is named like (its name is part_names[p] after
 * skip bytes: 0 for the part itself, 4 for its ".rel" section), or -1. */
static int named_part(const struct modelf *m, uint32_t i, size_t skip)
{
	const char *name = modelf_section_name(m, i);

	if (skip && (name[0] != '.' || name[1] != 'r' || name[2] != 'e' ||
		     name[3] != 'l'))
		return -1;
	return part_by_name(name + skip);
}

/* The one section named like each part, or 0 in idx[p] if none: one pass
 * over the section names. */
static int find_part_sections(struct modelf *m, uint32_t idx[])
{
	uint32_t second[MODELF_NPARTS] = { 0 };

	for (int p = 0; p < MODELF_NPARTS; p++)
		idx[p] = 0;
	for (uint32_t i = 1; i < m->shnum; i++) {
		int p = named_part(m, i, 0);

		if (p >= 0 && !idx[p])
			idx[p] = i;
		else if (p >= 0 && !second[p])
			second[p] = i;
	}
	for (int p = 0; p < MODELF_NPARTS; p++)
		if (second[p])
			return refuse(m, "two sections named %s (#%u and #%u)",
				      part_names[p], idx[p], second[p]);
	return 0;
}

/* "NAME (#i)", or "#i (no name)": a section named with its index, where a
 * damaged name could pass for another section's. */
static const char *sec_indexed(const struct modelf *m, uint32_t i, char *buf,
			       size_t size)
{
	const char *name = modelf_section_name(m, i);

	if (name[0])
		snprintf(buf, size, "%s (#%u)", name, i);
	else
		snprintf(buf, size, "#%u (no name)", i);
	return buf;
}

/* Nothing allocated but the parts idx[] found by name. Checked before the
 * parts' addresses, so that a part whose name was damaged is refused as
 * itself, not as the gap it leaves between the others. */
static int check_no_stray_sections(struct modelf *m, const uint32_t idx[])
{
	char buf[80];

	for (uint32_t i = 1; i < m->shnum; i++)
		if (i != idx[MODELF_MODULE] && i != idx[MODELF_BSS] &&
		    i != idx[MODELF_INIT] && (m->sh[i].sh_flags & SHF_ALLOC) &&
		    m->sh[i].sh_size)
			return refuse(m, "section %s: allocated section "
				      "outside .module, .module.bss and "
				      ".module.init (linker/module.lds does not "
				      "place it)", sec_indexed(m, i, buf,
							       sizeof(buf)));
	return 0;
}

/* Places the parts found by name (section idx[p], 0 if none): each
 * starts where the previous one ends, .module at 0; fills m->part[] and
 * m->image_size. */
static int place_parts(struct modelf *m, const uint32_t idx[])
{
	uint32_t addr = 0;
	int err, prev = -1;

	for (int p = 0; p < MODELF_NPARTS; p++) {
		struct modelf_part *part = &m->part[p];
		uint32_t i = idx[p];

		part->addr = addr;
		if (!i)
			continue;
		if ((err = check_part(m, p, i, addr, prev)))
			return err;
		part->shndx = i;
		part->size = m->sh[i].sh_size;
		prev = p;
		if (p == MODELF_MODULE && part->size < MODHDR_SIZE)
			return refuse(m, "section .module is 0x%x bytes, smaller "
				      "than the module header (128 bytes)",
				      part->size);
		if (p != MODELF_BSS)	/* .module.bss: never read */
			part->bytes = m->buf + m->sh[i].sh_offset;
		addr += part->size;
	}
	m->image_size = addr;
	return 0;
}

/* Finds .module (which must exist, at address 0), .module.bss and
 * .module.init by name, refuses any other allocated section, then checks
 * that each part starts where the previous one ends. */
static int find_parts(struct modelf *m)
{
	uint32_t idx[MODELF_NPARTS];
	int err;

	if ((err = find_part_sections(m, idx)))
		return err;
	if (!idx[MODELF_MODULE])
		return refuse(m, "no .module section: not linked with "
			      "linker/module.lds");
	if ((err = check_no_stray_sections(m, idx)))
		return err;
	return place_parts(m, idx);
}

/* The parts, and nothing else allocated. */
static int find_module_sections(struct modelf *m)
{
	const Elf32_Shdr *mod;
	int err = find_parts(m);

	if (err)
		return err;
	mod = &m->sh[m->part[MODELF_MODULE].shndx];
	if (mod->sh_offset % 4)
		return refuse(m, "section .module at offset 0x%x is not"
			      " 4-byte aligned", mod->sh_offset);
	return 0;
}

/* The fields of relocation section i itself (name: how to call it). */
static int check_rel_fields(struct modelf *m, uint32_t i, const char *name)
{
	const Elf32_Shdr *s = &m->sh[i];

	if (s->sh_type == SHT_RELA)
		return refuse(m, "section %s: RELA relocations, expected REL "
			      "(i386)", name);
	if (s->sh_info == 0 || s->sh_info >= m->shnum)
		return refuse(m, "section %s: target section index (sh_info) %u "
			      "out of range (1..%u)", name, s->sh_info,
			      m->shnum - 1);
	if (s->sh_link != m->symtab_shndx)
		return refuse(m, "section %s: links to section %u, not the "
			      "symbol table (%u)", name, s->sh_link,
			      m->symtab_shndx);
	if (s->sh_entsize != sizeof(Elf32_Rel) || s->sh_size % sizeof(Elf32_Rel)
	    || s->sh_offset % 4)
		return refuse(m, "section %s: entry size %u, size 0x%x, offset "
			      "0x%x: expected 8-byte entries, 4-byte aligned",
			      name, s->sh_entsize, s->sh_size, s->sh_offset);
	return 0;
}

/* Relocation section i: a valid target; an allocated target must be
 * .module or .module.init (then recorded), a non-allocated one (debug
 * information) is ignored. */
static int check_rel_section(struct modelf *m, uint32_t i)
{
	const Elf32_Shdr *s = &m->sh[i];
	struct modelf_label l, lt;
	const char *name = NULL;
	struct modelf_part *part;
	int err;

	/* check_rel_fields' rules, with no name made unless refused */
	if (s->sh_type == SHT_RELA || s->sh_info == 0 || s->sh_info >= m->shnum ||
	    s->sh_link != m->symtab_shndx || s->sh_entsize != sizeof(Elf32_Rel) ||
	    s->sh_size % sizeof(Elf32_Rel) || s->sh_offset % 4) {
		if ((err = check_rel_fields(m, i, modelf_sec_label(m, i, &l))))
			return err;
	}
	part = (struct modelf_part *)modelf_part_of(m, s->sh_info);
	if ((!part && (m->sh[s->sh_info].sh_flags & SHF_ALLOC)) ||
	    part == &m->part[MODELF_BSS] || (part && part->rel_shndx))
		name = modelf_sec_label(m, i, &l);	/* refused below */
	if (!part && (m->sh[s->sh_info].sh_flags & SHF_ALLOC))
		return refuse(m, "section %s: relocations for allocated section "
			      "%s, which is not .module or .module.init", name,
			      modelf_sec_label(m, s->sh_info, &lt));
	if (!part)
		return 0;
	if (part == &m->part[MODELF_BSS])
		return refuse(m, "section %s: relocations for .module.bss, "
			      "which has no bytes", name);
	if (part->rel_shndx)
		return refuse(m, "section %s: a second relocation section for "
			      "%s (the first is %s)", name,
			      part_names[part - m->part],
			      modelf_sec_label(m, part->rel_shndx, &lt));
	part->rel = (const Elf32_Rel *)(m->buf + s->sh_offset);
	part->nrel = s->sh_size / sizeof(Elf32_Rel);
	part->rel_shndx = i;
	m->nrel += part->nrel;
	return 0;
}

/* A section named .rel.module or .rel.module.init must be that part's
 * relocation section: one whose type or target is damaged would
 * otherwise be ignored, leaving the part unrelocated. */
static int check_rel_names(struct modelf *m)
{
	uint32_t idx[MODELF_NPARTS] = { 0 };

	for (uint32_t i = 1; i < m->shnum; i++) {
		int p = named_part(m, i, 4);

		if (p >= 0 && !idx[p])
			idx[p] = i;
	}
	for (int p = 0; p < MODELF_NPARTS; p++) {
		uint32_t i = idx[p];

		if (i && i != m->part[p].rel_shndx)
			return refuse(m, "section .rel%s (#%u): type %u, target "
				      "section %u: not the relocation section of %s",
				      part_names[p], i, m->sh[i].sh_type,
				      m->sh[i].sh_info, part_names[p]);
	}
	return 0;
}

static int find_relocations(struct modelf *m)
{
	int err;

	for (uint32_t i = 1; i < m->shnum; i++) {
		uint32_t type = m->sh[i].sh_type;

		if ((type == SHT_REL || type == SHT_RELA) &&
		    (err = check_rel_section(m, i)))
			return err;
	}
	return check_rel_names(m);
}

/* Group sections (COMDAT): the symbol table as link, a symbol as info,
 * and every member a section of the object. */
static int check_group(struct modelf *m, uint32_t i)
{
	const Elf32_Shdr *s = &m->sh[i];
	struct modelf_label l;
	const char *name = modelf_sec_label(m, i, &l);

	if (s->sh_link != m->symtab_shndx || s->sh_info >= m->nsym)
		return refuse(m, "group section %s: link %u, symbol %u: expected "
			      "the symbol table (%u) and a symbol (< %u)", name,
			      s->sh_link, s->sh_info, m->symtab_shndx, m->nsym);
	if (s->sh_entsize != 4 || s->sh_size % 4 || s->sh_size < 4 ||
	    s->sh_offset % 4)
		return refuse(m, "group section %s: entry size %u, size 0x%x: "
			      "expected 4-byte entries after a 4-byte flag word",
			      name, s->sh_entsize, s->sh_size);
	for (uint32_t k = 1; k < s->sh_size / 4; k++) {
		uint32_t member = rd32(m->buf + s->sh_offset + 4 * k);

		if (member == 0 || member >= m->shnum || member == i)
			return refuse(m, "group section %s: member %u is section "
				      "index %u, not another section (%u sections)",
				      name, k - 1, member, m->shnum);
	}
	return 0;
}

static int check_groups(struct modelf *m)
{
	int err;

	for (uint32_t i = 1; i < m->shnum; i++)
		if (m->sh[i].sh_type == SHT_GROUP && (err = check_group(m, i)))
			return err;
	return 0;
}

/* --- the module header --- */

enum { F_FIXED, F_SIZE, F_PTR };	/* never relocated; absolute; address */

struct hfield {
	uint32_t off, len;
	const char *name;
	int kind;
};

static const struct hfield hfields[] = {
	{ MODHDR_OFF_MAGIC, 4, "magic", F_FIXED },
	{ MODHDR_OFF_VERSION, 4, "version", F_FIXED },
	{ MODHDR_OFF_NAME, MODULE_NAME_LEN, "name", F_FIXED },
	{ MODHDR_OFF_CORE_SIZE, 4, "core_size", F_SIZE },
	{ MODHDR_OFF_INIT_SIZE, 4, "init_size", F_SIZE },
	{ MODHDR_OFF_INIT, 4, "init", F_PTR },
	{ MODHDR_OFF_EXIT, 4, "exit", F_PTR },
	{ MODHDR_OFF_SYMS, 4, "syms", F_PTR },
	{ MODHDR_OFF_NUM_SYMS, 4, "num_syms", F_SIZE },
	{ MODHDR_OFF_VERSIONS, 4, "versions", F_PTR },
	{ MODHDR_OFF_NUM_VERSIONS, 4, "num_versions", F_FIXED },
	{ MODHDR_OFF_MODINFO, 4, "modinfo", F_PTR },
	{ MODHDR_OFF_MODINFO_SIZE, 4, "modinfo_size", F_SIZE },
	{ MODHDR_OFF_PRIV, 4, "priv", F_FIXED },
	{ MODHDR_OFF_PARAMS, 4, "params", F_PTR },
	{ MODHDR_OFF_NUM_PARAMS, 4, "num_params", F_SIZE },
	{ MODHDR_OFF_RESERVED, MODHDR_SIZE - MODHDR_OFF_RESERVED, "reserved",
	  F_FIXED },
};
#define NFIELDS (sizeof(hfields) / sizeof(hfields[0]))

/* hfields[] index of the header's word w (every field is whole words) */
static const uint8_t field_of_word[MODHDR_SIZE / 4] = {
	0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 16, 16,
};
_Static_assert(MODHDR_OFF_NAME == 8 && MODULE_NAME_LEN == 56 &&
	       MODHDR_OFF_CORE_SIZE == 64 && MODHDR_OFF_RESERVED == 116 &&
	       MODHDR_SIZE == 128, "field_of_word[] follows the header");

/* The header field at off (< MODHDR_SIZE). */
static const struct hfield *hfield_at(uint32_t off)
{
	return &hfields[field_of_word[off / 4]];
}

/* Relocations may write only the header's size and pointer fields, each
 * at its start (sorted: the header's relocations come first). */
static int check_header_relocs(struct modelf *m)
{
	const struct modelf_part *mod = &m->part[MODELF_MODULE];

	for (uint32_t i = 0; i < mod->nrel && mod->rel[i].r_offset < MODHDR_SIZE;
	     i++) {
		uint32_t off = mod->rel[i].r_offset;
		const struct hfield *f = hfield_at(off);

		if (f->kind == F_FIXED)
			return refuse(m, "relocation %u of .rel.module at .module+"
				      "0x%x writes the module header's %s, which "
				      "is never relocated", i, off, f->name);
		if (off != f->off)
			return refuse(m, "relocation %u of .rel.module at .module+"
				      "0x%x is not at the start of the module "
				      "header's %s (0x%x)", i, off, f->name, f->off);
	}
	return 0;
}

/* Header field f for base address 0: a size is relocated against an
 * absolute symbol, exactly once; a pointer is relocated against a symbol in
 * the image, or NULL with no relocation. */
static int header_field(struct modelf *m, const struct hfield *f,
			uint32_t *val, const Elf32_Rel *r)
{
	const struct modelf_part *mod = &m->part[MODELF_MODULE];
	uint32_t A = rd32(mod->bytes + f->off), value;
	struct modelf_label l;
	int kind;

	*val = 0;
	if (!r && f->kind == F_SIZE)
		return refuse(m, "module header field %s has no relocation "
			      "(linker/module.lds computes it)", f->name);
	if (!r)
		return A ? refuse(m, "module header field %s holds 0x%x with no "
				  "relocation: a pointer is relocated or NULL",
				  f->name, A) : 0;
	if (ELF32_R_TYPE(r->r_info) != R_386_32)
		return refuse(m, "module header field %s: relocation type %u, "
			      "expected R_386_32", f->name, ELF32_R_TYPE(r->r_info));
	if (ELF32_R_SYM(r->r_info) >= m->nsym)	/* modelf_parse_lazy only */
		return refuse(m, "module header field %s: symbol index out "
			      "of range", f->name);
	kind = sym_kind(m, ELF32_R_SYM(r->r_info), &value);
	if (f->kind == F_SIZE && kind != MODSYM_NULL && kind != MODSYM_ABS)
		return refuse(m, "module header field %s: relocated against %s, "
			      "not an absolute symbol", f->name,
			      modelf_sym_label(m, ELF32_R_SYM(r->r_info), &l));
	if (f->kind == F_PTR && kind != MODSYM_IMAGE)
		return refuse(m, "module header field %s: relocated against %s, "
			      "which is not in the module", f->name,
			      modelf_sym_label(m, ELF32_R_SYM(r->r_info), &l));
	*val = value + A;
	return 0;
}

/* modelf_rel_at(mod, off) looks among the first off / 4 + 1 relocations
 * only: for a header field, among the first HDR_RELS. */
#define HDR_RELS (MODHDR_SIZE / 4)

/* modelf_rel_at(mod, off) for the header's fields taken in rising off,
 * where the first lim (at most HDR_RELS) relocations have rising offsets:
 * a cursor *cur moves over them once for all the fields. The one found
 * must be among the first off / 4 + 1, as modelf_rel_at's search is. */
static const Elf32_Rel *rel_merged(const struct modelf_part *mod, uint32_t off,
				   uint32_t *cur, uint32_t lim)
{
	while (*cur < lim && mod->rel[*cur].r_offset < off)
		++*cur;
	if (*cur < lim && *cur <= off / 4 && mod->rel[*cur].r_offset == off)
		return &mod->rel[*cur];
	return NULL;
}

static int read_header_fields(struct modelf *m)
{
	struct modelf_header *h = &m->hdr;
	uint32_t *dst[] = {
		NULL, NULL, NULL, &h->core_size, &h->init_size, &h->init,
		&h->exit, &h->syms, &h->num_syms, &h->versions, NULL,
		&h->modinfo, &h->modinfo_size, NULL, &h->params,
		&h->num_params, NULL,
	};
	const struct modelf_part *mod = &m->part[MODELF_MODULE];
	uint32_t cur = 0, lim = mod->nrel < HDR_RELS ? mod->nrel : HDR_RELS;
	int err, rising = 1;

	if ((err = check_header_relocs(m)))
		return err;
	for (uint32_t i = 1; i < lim; i++)
		rising &= mod->rel[i - 1].r_offset < mod->rel[i].r_offset;
	for (size_t f = 0; f < NFIELDS; f++)
		if (dst[f] && (err = header_field(m, &hfields[f], dst[f],
						  rising ? rel_merged(mod, hfields[f].off, &cur, lim) :
						  modelf_rel_at(mod, hfields[f].off))))
			return err;
	h->num_versions = rd32(modbytes(m) + MODHDR_OFF_NUM_VERSIONS);
	h->name = (const char *)modbytes(m) + MODHDR_OFF_NAME;
	return 0;
}

static inline __attribute__((always_inline)) int
check_header_id(struct modelf *m)
{
	const uint8_t *img = modbytes(m);
	uint32_t magic, version;

	magic = rd32(img + MODHDR_OFF_MAGIC);
	version = rd32(img + MODHDR_OFF_VERSION);
	if (magic != MODULE_MAGIC)
		return refuse(m, "module header: magic 0x%08x, expected"
			      " 0x%08x (TMOD)", magic, MODULE_MAGIC);
	if (version != MODULE_FORMAT_VERSION)
		return refuse(m, "module header: format version %u, "
			      "expected %u", version, MODULE_FORMAT_VERSION);
	/* a valid name is not empty and ends within its MODULE_NAME_LEN
	 * bytes (module_name_valid reads no further): the NUL is looked for
	 * only to word a refusal */
	if (module_name_valid((const char *)img + MODHDR_OFF_NAME))
		return 0;
	if (!has_nul(img + MODHDR_OFF_NAME, MODULE_NAME_LEN) ||
	    img[MODHDR_OFF_NAME] == '\0')
		return refuse(m, "module header: name is empty or not "
			      "NUL-terminated within %u bytes", MODULE_NAME_LEN);
	return refuse(m, "module header: name \"%s\" is not 1 to %u "
		      "letters, digits, '_' or '-'",
		      (const char *)img + MODHDR_OFF_NAME, MODULE_NAME_LEN - 1);
}

static inline __attribute__((always_inline)) int
check_header_sizes(struct modelf *m)
{
	const struct modelf_header *h = &m->hdr;

	if ((uint64_t)h->core_size + h->init_size != m->image_size)
		return refuse(m, "module header: core_size 0x%x + "
			      "init_size 0x%x is not the image size 0x%x",
			      h->core_size, h->init_size, m->image_size);
	if (h->core_size < MODHDR_SIZE)
		return refuse(m, "module header: core_size 0x%x is "
			      "smaller than the header", h->core_size);
	if (h->core_size < m->part[MODELF_BSS].addr ||
	    h->core_size > m->part[MODELF_INIT].addr)
		return refuse(m, "module header: core_size 0x%x is not "
			      "between the end of .module (0x%x) and the start "
			      "of .module.init (0x%x)", h->core_size,
			      m->part[MODELF_BSS].addr, m->part[MODELF_INIT].addr);
	return 0;
}

/* The global symbols the header is checked against, found in one pass
 * over the symbol table (find_globals). */
enum {
	G_INIT, G_EXIT, G_KSYMTAB, G_KSYMTAB_END, G_MODINFO, G_MODINFO_END,
	G_PARAMS, G_PARAMS_END, G_CORE_END, G_INIT_END, G_COUNT
};

static const char *const global_names[G_COUNT] = {
	"init_module", "cleanup_module", "__module_ksymtab",
	"__module_ksymtab_end", "__module_modinfo", "__module_modinfo_end",
	"__module_params", "__module_params_end", "__core_end", "__init_end",
};

/* Each name's image offset (bit g of found 0: not defined in the image;
 * value[g] then unset). */
struct globals {
	uint32_t value[G_COUNT];
	uint32_t found;
};

/* name, with room bytes of the string table from it on, is the string
 * lit: compared as sizeof(lit) bytes, NUL included, a word at a time
 * (the bytes are inside the table, which ends with a NUL; equal to
 * strcmp(name, lit) == 0). */
#define NAME_IS(name, room, lit) \
	((room) >= sizeof(lit) && same_bytes((name), (lit), sizeof(lit)))

/* a[0..n) == b[0..n), a word at a time (unrolled where n is a constant). */
static inline __attribute__((always_inline)) int
same_bytes(const char *a, const char *b, size_t n)
{
	uint32_t x, y;
	size_t i = 0;

	for (; i + 4 <= n; i += 4) {
		__builtin_memcpy(&x, a + i, 4);
		__builtin_memcpy(&y, b + i, 4);
		if (x != y)
			return 0;
	}
	for (; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* Which of global_names name (room bytes of .strtab from it on, the last
 * a NUL) is, or -1. Told apart by name[0], name[2] and, after
 * "__module_", name[9]; then the one or two candidates left are compared
 * whole, a word at a time (NAME_IS, same_bytes), the "_end" of a table's
 * name only after the name itself. Each byte is read only where room
 * holds it. Most of a module's globals are passed on their first byte. */
static int global_index(const char *name, uint32_t room)
{
	if (room < sizeof("__core_end"))	/* the shortest */
		return -1;
	if (name[0] == 'i')
		return NAME_IS(name, room, "init_module") ? G_INIT : -1;
	if (name[0] == 'c')
		return NAME_IS(name, room, "cleanup_module") ? G_EXIT : -1;
	if (name[0] != '_' || name[1] != '_')
		return -1;
	if (name[2] == 'c')
		return NAME_IS(name, room, "__core_end") ? G_CORE_END : -1;
	if (name[2] == 'i')
		return NAME_IS(name, room, "__init_end") ? G_INIT_END : -1;
	if (room < sizeof("__module_params") || !same_bytes(name, "__module_", 9))
		return -1;
	/* name[9..15] matched: not the table's last byte (a NUL), so
	 * name[16] is inside it; name[15] is for params */
	switch (name[9]) {
	case 'k':
		if (!same_bytes(name + 9, "ksymtab", 7))
			return -1;
		return !name[16] ? G_KSYMTAB : NAME_IS(name + 16, room - 16, "_end") ?
			G_KSYMTAB_END : -1;
	case 'm':
		if (!same_bytes(name + 9, "modinfo", 7))
			return -1;
		return !name[16] ? G_MODINFO : NAME_IS(name + 16, room - 16, "_end") ?
			G_MODINFO_END : -1;
	case 'p':
		if (!same_bytes(name + 9, "params", 6))
			return -1;
		return !name[15] ? G_PARAMS : NAME_IS(name + 15, room - 15, "_end") ?
			G_PARAMS_END : -1;
	}
	return -1;
}

/* The word whose bytes, in memory order, are s[0..3] (a literal of at
 * least 3 characters: its NUL counts). */
#define WORD4(s) ((uint32_t)(s)[0] | (uint32_t)(s)[1] << 8 | \
		  (uint32_t)(s)[2] << 16 | (uint32_t)(s)[3] << 24)
#define GLOBAL_WORDS_ROOM 21	/* "__module_modinfo_end" and its NUL */
_Static_assert(G_KSYMTAB_END == G_KSYMTAB + 1 && G_MODINFO_END == G_MODINFO + 1 &&
	       G_PARAMS_END == G_PARAMS + 1, "a table's _end follows it");

/* global_index(name, room) for room >= GLOBAL_WORDS_ROOM: the same answer,
 * each name compared whole, but a word at a time from its first word on
 * (the names told apart by their first and third words) where
 * global_index tests the first bytes one by one. Reads name[0..20] only. */
static inline __attribute__((always_inline)) int
global_index_words(const char *n)
{
	uint32_t w0, w[3];
	int k, t;

	__builtin_memcpy(&w0, n, 4);	/* most names: passed on this word */
	if (w0 == WORD4("__mo")) {
		/* word by word: a 12-byte copy is made with rep movsl */
		__builtin_memcpy(&w[0], n + 4, 4);
		__builtin_memcpy(&w[1], n + 8, 4);
		__builtin_memcpy(&w[2], n + 12, 4);
		if (w[0] != WORD4("dule"))
			return -1;
		if (w[1] == WORD4("_ksy") && w[2] == WORD4("mtab"))
			k = G_KSYMTAB, t = 16;
		else if (w[1] == WORD4("_mod") && w[2] == WORD4("info"))
			k = G_MODINFO, t = 16;
		else if (w[1] == WORD4("_par") && (w[2] & 0xffffff) == WORD4("ams"))
			k = G_PARAMS, t = 15;
		else
			return -1;
		/* the table's name, or it and "_end" (the next in the enum) */
		return !n[t] ? k : same_bytes(n + t, "_end", 5) ? k + 1 : -1;
	}
	if (w0 == WORD4("init"))
		return same_bytes(n + 4, "_module", 8) ? G_INIT : -1;
	if (w0 == WORD4("clea"))
		return same_bytes(n + 4, "nup_module", 11) ? G_EXIT : -1;
	if (w0 == WORD4("__co"))
		return same_bytes(n + 4, "re_end", 7) ? G_CORE_END : -1;
	if (w0 == WORD4("__in"))
		return same_bytes(n + 4, "it_end", 7) ? G_INIT_END : -1;
	return -1;
}

/* The part whose section index x is (MODELF_MODULE, _BSS, _INIT), or -1:
 * a symbol defined in the image (sym_kind's MODSYM_IMAGE; a part's index
 * is never 0 nor SHN_ABS, but .module.bss and .module.init may be absent,
 * index 0). */
static inline __attribute__((__always_inline__)) int
image_part(const struct modelf_part *part, uint32_t x)
{
	if (x == part[MODELF_MODULE].shndx)
		return MODELF_MODULE;
	if (x && x == part[MODELF_BSS].shndx)
		return MODELF_BSS;
	if (x && x == part[MODELF_INIT].shndx)
		return MODELF_INIT;
	return -1;
}

/* For each of global_names, the first global symbol of that name defined
 * in the image, in one pass over the global symbols (checked: each name
 * inside .strtab, none a section symbol). A symbol's section is tested
 * first (sym_kind's MODSYM_IMAGE: one of the parts'; a part's index is
 * never 0 nor SHN_ABS): its name is looked at only if it is in the image. */
static void find_globals(const struct modelf *m, struct globals *g)
{
	const struct modelf_part *part = m->part;

	g->found = 0;
	for (uint32_t i = m->first_global; i < m->nsym; i++) {
		uint32_t x = m->sym[i].st_shndx, at = m->sym[i].st_name;
		int p, k;

		if ((p = image_part(part, x)) < 0)
			continue;
		k = m->str_size - at >= GLOBAL_WORDS_ROOM ?
			global_index_words(m->str + at) :
			global_index(m->str + at, m->str_size - at);
		if (k >= 0 && !(g->found & 1u << k)) {
			g->found |= 1u << k;
			g->value[k] = part[p].addr + m->sym[i].st_value;
		}
	}
}

/* init and exit point at init_module and cleanup_module when the module
 * defines them, else are NULL; never into the header; exit in the core. */
static int check_header_function(struct modelf *m, const struct globals *g,
				 const char *field, uint32_t val, int k, uint32_t end)
{
	const char *fn = global_names[k];
	int found = (g->found >> k) & 1;
	uint32_t at = found ? g->value[k] : 0;

	if (found && val != at)
		return refuse(m, "module header field %s is 0x%x, but %s is at "
			      "0x%x", field, val, fn, at);
	if (!found && val)
		return refuse(m, "module header field %s is 0x%x, but the module "
			      "defines no %s", field, val, fn);
	if (found && (val < MODHDR_SIZE || val >= end))
		return refuse(m, "module header field %s: 0x%x is not in the "
			      "%s after the header (0x80..0x%x)", field, val,
			      end == m->image_size ? "image" : "core", end);
	return 0;
}

/* A table of count entries of size bytes at off (align: its alignment)
 * must lie in .module's stored bytes after the header (the loader reads it
 * from the file; it is core); NULL only if empty. */
static int check_table(struct modelf *m, const char *what, uint32_t off,
		       uint32_t count, uint32_t size, uint32_t align)
{
	uint32_t end = m->part[MODELF_MODULE].size;
	uint64_t bytes;

	if (!off && !count)
		return 0;
	/* all well, in 32-bit arithmetic: count * size bytes fit in the
	 * end - off after off exactly when count <= (end - off) / size */
	if (off >= MODHDR_SIZE && off <= end && off % align == 0 &&
	    count <= (end - off) / size)
		return 0;
	bytes = (uint64_t)count * size;
	if (!off)
		return refuse(m, "module header: %s has %u entries but no "
			      "address", what, count);
	if (off < MODHDR_SIZE || !inside(off, bytes, end) || off % align)
		return refuse(m, "module header: %s at 0x%x, %u bytes: not "
			      "%u-byte aligned inside .module after the header "
			      "(0x80..0x%x)", what, off, (unsigned)bytes, align, end);
	return 0;
}

/* The header's addresses and sizes agree with the symbols
 * linker/module.lds computed them from, where the object still has them. */
static int check_header_symbols(struct modelf *m, const struct globals *g)
{
	const struct modelf_header *h = &m->hdr;
	const struct { int k; const char *what; uint32_t val; } c[] = {
		{ G_KSYMTAB, "syms", h->syms },
		{ G_KSYMTAB_END, "syms + 12 * num_syms",
		  h->syms + KSYM_SIZE * h->num_syms },
		{ G_MODINFO, "modinfo", h->modinfo },
		{ G_MODINFO_END, "modinfo + modinfo_size",
		  h->modinfo + h->modinfo_size },
		{ G_PARAMS, "params", h->params },
		{ G_PARAMS_END, "params + 20 * num_params",
		  h->params + KPARAM_SIZE * h->num_params },
		{ G_CORE_END, "core_size", h->core_size },
		{ G_INIT_END, "core_size + init_size", m->image_size },
	};

	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		if ((g->found >> c[i].k & 1) && g->value[c[i].k] != c[i].val)
			return refuse(m, "module header: %s is 0x%x, but "
				      "linker/module.lds's %s is 0x%x", c[i].what,
				      c[i].val, global_names[c[i].k],
				      g->value[c[i].k]);
	}
	return 0;
}

/* Each export entry's value and name are addresses: relocated. */
static inline __attribute__((always_inline)) int
check_exports(struct modelf *m)
{
	const struct modelf_part *mod = &m->part[MODELF_MODULE];

	for (uint32_t i = 0; i < m->hdr.num_syms; i++) {
		uint32_t e = m->hdr.syms + i * KSYM_SIZE;

		if (!modelf_rel_at(mod, e + KSYM_OFF_VALUE) ||
		    !modelf_rel_at(mod, e + KSYM_OFF_NAME))
			return refuse(m, "module header: export entry %u at 0x%x: "
				      "value or name not relocated", i, e);
	}
	return 0;
}

/* Each parameter's name and variable are addresses: relocated. (The kernel
 * checks where they point and the rest of the entry at init.) */
static inline __attribute__((always_inline)) int
check_params(struct modelf *m)
{
	const struct modelf_part *mod = &m->part[MODELF_MODULE];

	for (uint32_t i = 0; i < m->hdr.num_params; i++) {
		uint32_t e = m->hdr.params + i * KPARAM_SIZE;

		if (!modelf_rel_at(mod, e + KPARAM_OFF_NAME) ||
		    !modelf_rel_at(mod, e + KPARAM_OFF_ARG))
			return refuse(m, "module header: parameter entry %u at 0x%x: "
				      "name or variable not relocated", i, e);
	}
	return 0;
}

/* The tables' entries, once the tables lie inside .module: exports and
 * parameters relocated, the modinfo's last byte a NUL, each version's
 * name NUL-terminated. */
static inline __attribute__((always_inline)) int
check_header_entries(struct modelf *m)
{
	const struct modelf_header *h = &m->hdr;
	int err;

	if ((err = check_exports(m)) || (err = check_params(m)))
		return err;
	if (h->modinfo_size && modbytes(m)[h->modinfo + h->modinfo_size - 1])
		return refuse(m, "module header: modinfo does not end with a NUL");
	for (uint32_t i = 0; i < h->num_versions; i++) {
		const uint8_t *e = modbytes(m) + h->versions + i * MODVERSION_SIZE;

		if (!has_nul(e + 4, MODVERSION_NAME_LEN))
			return refuse(m, "version entry %u: name not "
				      "NUL-terminated", i);
	}
	return 0;
}

static int check_header_tables(struct modelf *m)
{
	const struct modelf_header *h = &m->hdr;
	struct globals g;
	int err;

	find_globals(m, &g);
	if ((err = check_header_function(m, &g, "init", h->init, G_INIT,
					 m->image_size)) ||
	    (err = check_header_function(m, &g, "exit", h->exit, G_EXIT,
					 h->core_size)) ||
	    (err = check_table(m, "export table", h->syms, h->num_syms,
			       KSYM_SIZE, 4)) ||
	    (err = check_table(m, "version table", h->versions, h->num_versions,
			       MODVERSION_SIZE, 4)) ||
	    (err = check_table(m, "modinfo", h->modinfo, h->modinfo_size, 1, 1)) ||
	    (err = check_table(m, "parameter table", h->params, h->num_params,
			       KPARAM_SIZE, 4)) ||
	    (err = check_header_symbols(m, &g)))
		return err;
	return check_header_entries(m);
}

int modelf_parse(const void *buf, size_t len, struct modelf *m)
{
	int err;

	if ((err = parse_sections(buf, len, m)) ||
	    (err = find_module_sections(m)) ||
	    (err = parse_symbols(m)) ||
	    (err = find_relocations(m)) ||
	    (err = check_layout(m)) ||
	    (err = check_header_id(m)) ||
	    (err = modreloc_check(m)) ||
	    (err = read_header_fields(m)) ||
	    (err = check_header_sizes(m)) ||
	    (err = check_header_tables(m)) ||
	    (err = modreloc_check_targets(m)))
		return err;
	return 0;
}

/* --- insmod's fast path: modelf_parse_lazy's checks in one pass over the
 * section table --- */

/* The file's regions (the ELF header, each section's bytes, the section
 * table, in that order) as fast_sections meets them, in two chains, as ld
 * -r lays a .ko out (the relocation sections after the others): a region
 * joins chain A, which starts with the ELF header, when it starts where A
 * ends, within its own alignment padding (check_layout's rule for
 * neighbours); else it starts chain B or joins it by the same rule. */
struct chains {
	uint32_t a_end;			/* chain A: [0, a_end) */
	uint32_t b_start, b_end, b_align;	/* chain B (b_end 0: none yet);
						 * b_align: its first region's */
};

/* A region starting at start may follow one ending at end: at it, or
 * within the padding its alignment align (a power of 2; 0 taken as 1)
 * allows. A gap of 0 is tested first: it needs no alignment (the usual
 * case, and the only one for alignments 0 and 1). */
static inline int follows(uint32_t start, uint32_t end, uint32_t align)
{
	return start == end || (start > end && start - end < align);
}

/* Region [start, end) (align: its alignment) in chain A or B; 0 if it can
 * join neither. */
static inline __attribute__((always_inline)) int
chain_region(struct chains *c, uint32_t start, uint32_t end, uint32_t align)
{
	if (follows(start, c->a_end, align)) {
		c->a_end = end;
	} else if (!c->b_end) {
		c->b_start = start;
		c->b_end = end;
		c->b_align = align;
	} else if (follows(start, c->b_end, align)) {
		c->b_end = end;
	} else {
		return 0;
	}
	return 1;
}

/* check_layout's verdict from the chains: B (if any) must start where A
 * ends, within its first region's padding, and the last end the file. In
 * each chain the regions rise and touch, so then all the regions in order
 * of start are A's and then B's, and every neighbour passes check_layout's
 * rule: it passes. 0: not sure (check_layout decides). */
static inline int chains_layout_ok(const struct chains *c, size_t len)
{
	if (!c->b_end)
		return c->a_end == len;
	return follows(c->b_start, c->a_end, c->b_align) && c->b_end == len;
}

/* What the pass over the section table gathers besides the layout. */
struct fast {
	uint32_t idx[MODELF_NPARTS];	/* the sections named like the parts */
	uint32_t rel_link;		/* every relocation section's sh_link */
};

/* Relocation section i (type SHT_REL) as check_rel_section takes it: its
 * fields; a target before it, which is .module or .module.init (then
 * recorded as its relocations) or not allocated (debug information). 0:
 * not sure. */
static int fast_rel(struct modelf *m, struct fast *f, uint32_t i)
{
	const Elf32_Shdr *s = &m->sh[i];
	uint32_t t = s->sh_info;
	struct modelf_part *part;

	/* the link is the symbol table's, which may come later: all alike
	 * here, that one after the pass */
	if (!f->rel_link)
		f->rel_link = s->sh_link;
	if (t == 0 || t >= i || !s->sh_link || s->sh_link != f->rel_link ||
	    s->sh_entsize != sizeof(Elf32_Rel) || s->sh_size % sizeof(Elf32_Rel) ||
	    s->sh_offset % 4)
		return 0;
	if (t == f->idx[MODELF_MODULE])
		part = &m->part[MODELF_MODULE];
	else if (t == f->idx[MODELF_INIT])
		part = &m->part[MODELF_INIT];
	else
		return !(m->sh[t].sh_flags & SHF_ALLOC) && t != f->idx[MODELF_BSS];
	if (part->rel_shndx)
		return 0;
	/* part->rel: set by fast_sections once the layout proves the
	 * section inside the file */
	part->nrel = s->sh_size / sizeof(Elf32_Rel);
	part->rel_shndx = i;
	m->nrel += part->nrel;
	return 1;
}

/* place_parts when every check passes (check_part's for each part found,
 * .module's size): 1 with m->part[] and m->image_size filled as it fills
 * them (a part's shndx, addr, size and bytes written, found or not: m was
 * not zeroed); 0 if any check fails (place_parts then words it). Inlined, each
 * part's checks with its type and index known: the same tests as
 * check_part's, one branch each, and addr % align as a mask (fast_sections
 * has proved every alignment a power of 2 or 0), the image's end past
 * 4 GiB as a 32-bit sum that wraps. */
static inline __attribute__((always_inline)) int
fast_parts(struct modelf *m, const uint32_t idx[])
{
	uint32_t addr = 0;

	for (int p = 0; p < MODELF_NPARTS; p++) {
		struct modelf_part *part = &m->part[p];
		const Elf32_Shdr *s = &m->sh[idx[p]];
		uint32_t size = s->sh_size, align = s->sh_addralign;

		part->addr = addr;
		part->shndx = idx[p];
		part->size = 0;
		part->bytes = NULL;
		if (!idx[p])
			continue;
		if (s->sh_type !=
		    (p == MODELF_BSS ? SHT_NOBITS : SHT_PROGBITS) ||
		    (size && !(s->sh_flags & SHF_ALLOC)) || s->sh_addr != addr ||
		    (align > 1 && (addr & (align - 1))) || addr + size < addr)
			return 0;
		part->size = size;
		if (p != MODELF_BSS)	/* .module.bss: never read */
			part->bytes = m->buf + s->sh_offset;
		addr += size;
	}
	m->image_size = addr;
	return m->part[MODELF_MODULE].size >= MODHDR_SIZE;
}

/* Which part name n (a section's, in a table ending with a NUL) is named
 * like: p for part p itself, MODELF_NPARTS + p for its ".rel" section, -1
 * for neither. Read a byte at a time, never past the NUL. */
static inline int part_or_rel_name(const char *n)
{
	int p;

	if (n[0] != '.')
		return -1;
	if (n[1] == 'm')
		return part_by_name(n);
	if (n[1] != 'r' || n[2] != 'e' || n[3] != 'l' || (p = part_by_name(n + 4)) < 0)
		return -1;
	return MODELF_NPARTS + p;
}

/* The word at p (any alignment). */
static inline __attribute__((always_inline)) uint32_t word_at(const char *p)
{
	uint32_t w;

	__builtin_memcpy(&w, p, 4);
	return w;
}

/* part_by_name(n) for a name with 13 bytes of the table from it on: the
 * same answer, a word at a time (".mod", "ule" and its NUL or ".", then
 * "bss" and its NUL or "init" and a NUL). Reads n[0..12] only. */
static inline __attribute__((always_inline)) int
part_by_name_words(const char *n)
{
	uint32_t w;

	if (word_at(n) != WORD4(".mod"))
		return -1;
	w = word_at(n + 4);
	if (w == WORD4("ule"))		/* "ule" and its NUL */
		return MODELF_MODULE;
	if (w != WORD4("ule."))
		return -1;
	w = word_at(n + 8);
	if (w == WORD4("bss"))
		return MODELF_BSS;
	return w == WORD4("init") && !n[12] ? MODELF_INIT : -1;
}

#define PART_WORDS_ROOM 17	/* ".rel.module.init" and its NUL */

/* part_or_rel_name(n) for a name with PART_WORDS_ROOM bytes of the table
 * from it on: the same answer, its first word telling most names apart
 * (a debug section's ".deb" or ".rel"). Reads n[0..16] only. */
static inline __attribute__((always_inline)) int
part_or_rel_name_words(const char *n)
{
	uint32_t w = word_at(n);
	int p;

	if (w == WORD4(".mod"))
		return part_by_name_words(n);
	if (w != WORD4(".rel") || (p = part_by_name_words(n + 4)) < 0)
		return -1;
	return MODELF_NPARTS + p;
}

/*
 * Layers 1 and 2 and the module's sections in one pass over the section
 * table, for an object made as ld -r makes a .ko: every section's own
 * fields (check_section), its name if it is a part's or a part's ".rel"
 * (find_part_sections, check_rel_names), no other allocated section
 * (check_no_stray_sections), the one symbol table, each relocation
 * section (check_rel_section) and the file's layout (chain_region). 1 if
 * all is as modelf_parse wants it so far, m filled as parse_sections,
 * find_module_sections, find_symtab and find_relocations fill it; 0 if
 * anything is wrong or unusual (a section before its relocations' target,
 * a group, more than 62 sections).
 */
static int fast_sections(const void *buf, size_t len, struct modelf *m,
			 struct fast *f)
{
	const Elf32_Ehdr *eh = buf;
	const uint8_t *id = buf;
	const Elf32_Shdr *sh;
	const char *shstr;
	uint32_t shnum, str, shstr_size, words_below;
	struct chains ch;

	/* No memset of m (54 words, a rep stosl of as many instructions):
	 * the fields this pass reads before it sets them, and the ones a
	 * success leaves as modelf_parse's memset does, are zeroed here; every
	 * other field is written on the way to a success (m->part[]'s others
	 * by fast_parts, m->hdr by fast_header_fields, the symbol table's by
	 * use_symtab). On a failure the chain starts again with
	 * parse_sections, which zeroes all of m. test_elf's
	 * lazy_parse_writes_every_field checks this on every module. */
	m->symtab_shndx = m->nrel = 0;
	for (int p = 0; p < MODELF_NPARTS; p++) {
		m->part[p].rel = NULL;
		m->part[p].nrel = m->part[p].rel_shndx = 0;
	}
	m->rel_fast = m->rel_core_max = m->rel_nabs = m->init_delta = 0;
	m->why[0] = m->warn[0] = '\0';
	m->buf = buf;
	m->len = len;
	m->eh = eh;
	/* check_ident and check_type: magic, class, encoding, versions,
	 * type and machine (both in word 4), sizes */
	if ((uintptr_t)buf % 4 || len < sizeof(Elf32_Ehdr) ||
	    rd32(id) != 0x464c457fu || (rd32(id + 4) & 0xffffff) != 0x010101 ||
	    rd32(id + 16) != (ET_REL | EM_386 << 16) ||
	    eh->e_version != EV_CURRENT || eh->e_ehsize != sizeof(Elf32_Ehdr) ||
	    eh->e_phnum)
		return 0;
	/* check_shtab, check_shstrtab */
	shnum = eh->e_shnum;
	if (shnum == 0 || shnum + 2 > LAYOUT_FAST_MAX ||
	    eh->e_shentsize != sizeof(Elf32_Shdr) ||
	    !fits(eh->e_shoff, shnum * sizeof(Elf32_Shdr), len) || eh->e_shoff % 4)
		return 0;
	m->sh = sh = (const Elf32_Shdr *)(m->buf + eh->e_shoff);
	m->shnum = shnum;
	str = eh->e_shstrndx;
	if (!all_zero((const uint8_t *)sh, sizeof(Elf32_Shdr)) ||
	    str == 0 || str >= shnum || sh[str].sh_type != SHT_STRTAB ||
	    sh[str].sh_size == 0 || !fits(sh[str].sh_offset, sh[str].sh_size, len))
		return 0;
	m->shstr = (const char *)m->buf + sh[str].sh_offset;
	m->shstr_size = sh[str].sh_size;
	if (m->shstr[m->shstr_size - 1] != '\0')
		return 0;
	/* field by field: a compound literal is stored with rep stosl */
	f->idx[MODELF_MODULE] = f->idx[MODELF_BSS] = f->idx[MODELF_INIT] = 0;
	f->rel_link = 0;
	ch.a_end = sizeof(Elf32_Ehdr);		/* chain A: the ELF header */
	ch.b_start = ch.b_end = ch.b_align = 0;
	shstr = m->shstr;
	shstr_size = m->shstr_size;
	/* a name at an offset below words_below has PART_WORDS_ROOM bytes of
	 * the table from it on (the last the table's NUL) */
	words_below = shstr_size >= PART_WORDS_ROOM ?
		shstr_size - PART_WORDS_ROOM + 1 : 0;
	for (uint32_t i = 1; i < shnum; i++) {
		const Elf32_Shdr *s = &sh[i];
		uint32_t type = s->sh_type, size = s->sh_size, at = s->sh_name;
		int p;

		if (s->sh_link >= shnum ||
		    (s->sh_addralign & (s->sh_addralign - 1)))
			return 0;
		/* check_section's fits(): for a region with bytes, an end
		 * that does not wrap is enough here, as the chains then prove
		 * it is by len (each chain's ends rise, to len at the last) */
		if (type != SHT_NOBITS && (!size ? s->sh_offset > len :
		    s->sh_offset + size < s->sh_offset ||
		    !chain_region(&ch, s->sh_offset, s->sh_offset + size,
				  s->sh_addralign)))
			return 0;
		/* the name inside the table: most with room for a word at a
		 * time, one test for both */
		if (at < words_below)
			p = part_or_rel_name_words(shstr + at);
		else if (at < shstr_size)
			p = part_or_rel_name(shstr + at);
		else
			return 0;
		if (p >= 0 && p < MODELF_NPARTS) {	/* a part */
			if (f->idx[p])
				return 0;	/* two of them */
			f->idx[p] = i;
			continue;	/* its type and flags: check_part */
		}
		if ((s->sh_flags & SHF_ALLOC) && size)
			return 0;	/* a stray allocated section */
		if (type == SHT_REL) {
			if (!fast_rel(m, f, i))
				return 0;
		} else if (type <= SHT_SYMTAB) {
			/* NULL, PROGBITS (most sections) or SYMTAB in one
			 * test: the one symbol table */
			if (type == SHT_SYMTAB && m->symtab_shndx)
				return 0;
			if (type == SHT_SYMTAB)
				m->symtab_shndx = i;
		} else if (type == SHT_RELA || type == SHT_GROUP) {
			return 0;
		}
		/* p - MODELF_NPARTS: named ".rel" and a part's name, which
		 * must be the part's relocations, found just now (none for
		 * .module.bss) */
		if (p >= MODELF_NPARTS && m->part[p - MODELF_NPARTS].rel_shndx != i)
			return 0;
	}
	if (!chain_region(&ch, eh->e_shoff, eh->e_shoff + shnum * sizeof(Elf32_Shdr), 4) ||
	    !chains_layout_ok(&ch, len))
		return 0;
	for (int p = 0; p < MODELF_NPARTS; p++)	/* fast_rel's sections */
		if (m->part[p].rel_shndx)
			m->part[p].rel = (const Elf32_Rel *)
				(m->buf + sh[m->part[p].rel_shndx].sh_offset);
	return f->idx[MODELF_MODULE] && m->symtab_shndx &&
	       (!f->rel_link || f->rel_link == m->symtab_shndx) &&
	       fast_parts(m, f->idx) &&
	       sh[f->idx[MODELF_MODULE]].sh_offset % 4 == 0 &&
	       !use_symtab(m, m->symtab_shndx);
}

/* One of the header's size or pointer fields, at off, as header_field
 * reads it, for fast_header_fields: its relocation is **r if that one
 * (the next not yet taken, if *r < end) is at off, else it has none. 1
 * with *dst its value (and *r past its relocation) if header_field would
 * pass it; 0 if not. Inlined with constant off and kind: one compare
 * finds the relocation. */
static inline __attribute__((always_inline)) int
fast_field(const struct modelf *m, const Elf32_Rel **r, const Elf32_Rel *end,
	   uint32_t off, int kind, uint32_t *dst)
{
	const struct modelf_part *part = m->part;
	const Elf32_Rel *rel = *r;
	const Elf32_Sym *e;
	uint32_t info, sym, x, value;

	if (rel == end || rel->r_offset != off) {	/* no relocation */
		*dst = 0;
		return kind == F_PTR &&		/* a NULL pointer */
		       !rd32(part[MODELF_MODULE].bytes + off);
	}
	*r = rel + 1;
	info = rel->r_info;
	sym = ELF32_R_SYM(info);
	if (ELF32_R_TYPE(info) != R_386_32 || sym >= m->nsym)
		return 0;
	e = &m->sym[sym];
	if (kind == F_SIZE) {	/* sym_kind: NULL (value 0), ABS */
		value = 0;
		if (sym && e->st_shndx != SHN_ABS)
			return 0;
		if (sym)
			value = e->st_value;
	} else {		/* sym_kind: IMAGE only */
		x = e->st_shndx;
		if (!sym || !x)
			return 0;
		value = e->st_value;
		if (x == part[MODELF_MODULE].shndx)	/* .module is at 0 */
			;
		else if (x == part[MODELF_BSS].shndx)
			value += part[MODELF_BSS].addr;
		else if (x == part[MODELF_INIT].shndx)
			value += part[MODELF_INIT].addr;
		else
			return 0;
	}
	*dst = value + rd32(part[MODELF_MODULE].bytes + off);
	return 1;
}

/* read_header_fields for a module whose header's relocations are each at
 * the start of a size or pointer field, in rising order with the rest of
 * the first HDR_RELS (so read_header_fields takes rel_merged's answers:
 * for each field, the relocation at its offset), each R_386_32 against an
 * absolute symbol (or symbol 0) for a size, a symbol in the image for a
 * pointer. 1 with m->hdr filled; 0 if any is otherwise, or a size has no
 * relocation, or a pointer with none is not NULL.
 *
 * The fields are taken in the header's order, and the relocations with
 * them: field by field, the next relocation is the field's if it is at
 * the field's offset. A relocation of the header that is at no field's
 * start, or out of order, or a second one at the same field, is then
 * never taken, and the first left is still inside the header: so "every
 * relocation below MODHDR_SIZE taken" is the same test as "each at a
 * field's start, rising" (check_header_relocs and read_header_fields'
 * rising). */
static int fast_header_fields(struct modelf *m)
{
	struct modelf_header *h = &m->hdr;
	const struct modelf_part *mod = &m->part[MODELF_MODULE];
	const Elf32_Rel *r = mod->rel, *end;
	uint32_t n = mod->nrel, lim, i;

	if (!n)		/* the sizes have none (and rel is NULL) */
		return 0;
	end = r + n;
#define FIELD(field, kind, member) \
	fast_field(m, &r, end, MODHDR_OFF_##field, kind, &h->member)
	if (!(FIELD(CORE_SIZE, F_SIZE, core_size) &&
	      FIELD(INIT_SIZE, F_SIZE, init_size) &&
	      FIELD(INIT, F_PTR, init) &&
	      FIELD(EXIT, F_PTR, exit) &&
	      FIELD(SYMS, F_PTR, syms) &&
	      FIELD(NUM_SYMS, F_SIZE, num_syms) &&
	      FIELD(VERSIONS, F_PTR, versions) &&
	      FIELD(MODINFO, F_PTR, modinfo) &&
	      FIELD(MODINFO_SIZE, F_SIZE, modinfo_size) &&
	      FIELD(PARAMS, F_PTR, params) &&
	      FIELD(NUM_PARAMS, F_SIZE, num_params)))
		return 0;
#undef FIELD
	if (r < end && r->r_offset < MODHDR_SIZE)	/* one not taken */
		return 0;
	lim = n < HDR_RELS ? n : HDR_RELS;
	/* the rest rising (i >= 5: the sizes' relocations taken) */
	for (i = r - mod->rel; i < lim; i++)
		if (mod->rel[i].r_offset <= mod->rel[i - 1].r_offset)
			return 0;
	h->num_versions = rd32(modbytes(m) + MODHDR_OFF_NUM_VERSIONS);
	h->name = (const char *)modbytes(m) + MODHDR_OFF_NAME;
	return 1;
}

/* The key modelf_parse_lazy looks for in the modinfo, and for each byte c
 * that is one of its first 16, 1 + its last place among them: a window of
 * 17 bytes ending in c may move on 17 - that (to put c under that place):
 * Horspool's search. A byte not among them (0 here, '=' included) lets
 * it move 17. */
static const char mismatch_key[] = "section_mismatch=";
static const uint8_t mismatch_after[256] = {
	['a'] = 13, ['c'] = 15, ['e'] = 2, ['h'] = 16, ['i'] = 10, ['m'] = 12,
	['n'] = 7, ['o'] = 6, ['s'] = 11, ['t'] = 14, ['_'] = 8,
};

/* 0 if the n bytes at p do not hold "section_mismatch=" anywhere, so the
 * modinfo has no entry section_mismatch (modelf_modinfo gives NULL); 1 if
 * they may. Looks at the last byte of each window of 17 and compares the
 * window only when that byte is '=': for modinfo text, about one byte in
 * ten (a byte-by-byte scan for the entries' NULs looks at all of them). */
static int may_hold_mismatch_key(const char *p, uint32_t n)
{
	const uint32_t klen = sizeof(mismatch_key) - 1;

	for (uint32_t i = 0; n >= klen && i <= n - klen; ) {
		uint8_t c = p[i + klen - 1];

		if (c == '=' && same_bytes(p + i, mismatch_key, klen))
			return 1;
		i += klen - mismatch_after[c];
	}
	return 0;
}

/* check_table's all-well test: a table of count entries of size bytes at
 * off, align-aligned, in .module's end bytes after the header, or NULL
 * and empty. */
static inline int table_ok(uint32_t off, uint32_t count, uint32_t size,
			   uint32_t align, uint32_t end)
{
	return (!off && !count) ||
	       (off >= MODHDR_SIZE && off <= end && off % align == 0 &&
		count <= (end - off) / size);
}

/* check_header_tables when every check passes: 1 if so, 0 if any fails
 * (the full chain then words it). The value each global of global_names
 * must have (check_header_function's field, check_header_symbols' c[]) is
 * put in want[] by global first, so the pass over the globals compares
 * the first of each name with it as it meets it (find_globals' choice:
 * the first), with no table of found values and no second loop. A
 * function not defined must have a NULL field; one defined, a field after
 * the header (exit: in the core). */
static int fast_header_tables(struct modelf *m)
{
	const struct modelf_header *h = &m->hdr;
	const struct modelf_part *part = m->part;
	uint32_t want[G_COUNT], end = part[MODELF_MODULE].size, found = 0;
	uint32_t words_below;
	const char *str;

	if (!table_ok(h->syms, h->num_syms, KSYM_SIZE, 4, end) ||
	    !table_ok(h->versions, h->num_versions, MODVERSION_SIZE, 4, end) ||
	    !table_ok(h->modinfo, h->modinfo_size, 1, 1, end) ||
	    !table_ok(h->params, h->num_params, KPARAM_SIZE, 4, end))
		return 0;
	want[G_INIT] = h->init;
	want[G_EXIT] = h->exit;
	want[G_KSYMTAB] = h->syms;
	want[G_KSYMTAB_END] = h->syms + KSYM_SIZE * h->num_syms;
	want[G_MODINFO] = h->modinfo;
	want[G_MODINFO_END] = h->modinfo + h->modinfo_size;
	want[G_PARAMS] = h->params;
	want[G_PARAMS_END] = h->params + KPARAM_SIZE * h->num_params;
	want[G_CORE_END] = h->core_size;
	want[G_INIT_END] = m->image_size;
	/* a name at an offset below words_below has GLOBAL_WORDS_ROOM bytes
	 * of the table from it on (find_globals' test, one compare here) */
	words_below = m->str_size >= GLOBAL_WORDS_ROOM ?
		m->str_size - GLOBAL_WORDS_ROOM + 1 : 0;
	str = m->str;
	for (const Elf32_Sym *e = m->sym + m->first_global, *last = m->sym + m->nsym;
	     e < last; e++) {
		uint32_t x = e->st_shndx, at = e->st_name;
		int p, k;

		if ((p = image_part(part, x)) < 0)	/* as find_globals */
			continue;
		k = at < words_below ? global_index_words(str + at) :
			global_index(str + at, m->str_size - at);
		if (k < 0 || (found & 1u << k))
			continue;
		if (part[p].addr + e->st_value != want[k])
			return 0;
		found |= 1u << k;
	}
	if (found & 1u << G_INIT ? h->init < MODHDR_SIZE || h->init >= m->image_size :
	    h->init != 0)
		return 0;
	if (found & 1u << G_EXIT ? h->exit < MODHDR_SIZE || h->exit >= h->core_size :
	    h->exit != 0)
		return 0;
	return !check_header_entries(m);
}

/* The whole of modelf_parse_lazy's checks when every one passes: 1 with
 * m as that chain fills it; 0 if any check fails or the object is not
 * as ld -r makes a .ko (then the chain runs, and finds and words the
 * fault as always). */
static int lazy_fast(const void *buf, size_t len, struct modelf *m)
{
	struct fast f;

	return fast_sections(buf, len, m, &f) &&
	       !check_symbols(m) &&
	       !check_header_id(m) &&
	       fast_header_fields(m) &&
	       !check_header_sizes(m) &&
	       fast_header_tables(m) &&	/* modinfo checked there */
	       !may_hold_mismatch_key((const char *)modbytes(m) + m->hdr.modinfo,
				      m->hdr.modinfo_size);
}

#ifdef HOST_TEST
unsigned int modelf_lazy_fast_taken;	/* contract in loader/elf.h */
#endif

int modelf_parse_lazy(const void *buf, size_t len, struct modelf *m)
{
	if (lazy_fast(buf, len, m)) {
#ifdef HOST_TEST
		modelf_lazy_fast_taken++;
#endif
		m->rel_lazy = 1;
		return 0;
	}
	if (parse_sections(buf, len, m) ||
	    find_module_sections(m) ||
	    parse_symbols(m) ||
	    find_relocations(m) ||
	    check_layout(m) ||
	    check_header_id(m) ||
	    read_header_fields(m) ||
	    check_header_sizes(m) ||
	    check_header_tables(m))
		return modelf_parse(buf, len, m);	/* today's refusal */
	/* built with KBUILD_MODPOST_WARN=1: its warning is found here */
	if (modelf_modinfo(m, "section_mismatch"))
		return modelf_parse(buf, len, m);
	m->rel_lazy = 1;
	return 0;
}

/* --- what a loader must read --- */

/* Section i's bytes are never read: non-allocated PROGBITS, and not named
 * like a part (a part's bytes are read whatever its flags say). */
static int unread_section(const Elf32_Shdr *sh, const char *shstr,
			  uint32_t shstr_size, uint32_t i)
{
	const char *name;

	if (sh[i].sh_type != SHT_PROGBITS || (sh[i].sh_flags & SHF_ALLOC) ||
	    !shstr || sh[i].sh_name >= shstr_size)
		return 0;
	if (shstr[shstr_size - 1] != '\0' &&	/* else every name ends */
	    !has_nul((const uint8_t *)shstr + sh[i].sh_name, shstr_size - sh[i].sh_name))
		return 0;
	name = shstr + sh[i].sh_name;
	return part_by_name(name) < 0;
}

int modelf_section_needed(const Elf32_Shdr *sh, uint32_t shnum,
			  const char *shstr, uint32_t shstr_size, uint32_t i)
{
	uint32_t type = sh[i].sh_type, target = sh[i].sh_info;

	if (unread_section(sh, shstr, shstr_size, i))
		return 0;
	if ((type == SHT_REL || type == SHT_RELA) && target && target < shnum &&
	    target != i && unread_section(sh, shstr, shstr_size, target))
		return 0;
	return 1;
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

void modelf_symbol(const struct modelf *m, uint32_t idx, struct modelf_sym *s)
{
	const Elf32_Sym *e = &m->sym[idx];

	*s = (struct modelf_sym){ modelf_sym_name(m, idx), MODSYM_OTHER, 0,
		modelf_part_of(m, e->st_shndx), ELF32_ST_BIND(e->st_info),
		ELF32_ST_TYPE(e->st_info) };
	if (idx == 0)
		s->kind = MODSYM_NULL;
	else if (e->st_shndx == SHN_ABS)
		s->kind = MODSYM_ABS, s->value = e->st_value;
	else if (e->st_shndx == SHN_UNDEF)
		s->kind = MODSYM_UNDEF;
	else if (s->part)
		s->kind = MODSYM_IMAGE, s->value = s->part->addr + e->st_value;
}

const Elf32_Rel *modelf_rel_at(const struct modelf_part *p, uint32_t off)
{
	/* sorted, 4 bytes apart at least: the one at off is at most #off / 4
	 * (the header's fields: among the first 32) */
	uint32_t lo = 0, hi = off / 4 < p->nrel ? off / 4 + 1 : p->nrel;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (p->rel[mid].r_offset == off)
			return &p->rel[mid];
		if (p->rel[mid].r_offset < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *modelf_next_undef(const struct modelf *m, uint32_t *pos)
{
	/* what modelf_symbol calls MODSYM_UNDEF, without making the rest */
	while (++*pos < m->nsym)
		if (m->sym[*pos].st_shndx == SHN_UNDEF)
			return modelf_sym_name(m, *pos);
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

/* The byte after the NUL that ends the string at p (one comes before end):
 * a word at a time while four bytes remain, a word holding a zero byte
 * when subtracting 0x01 from each byte borrows into a bit 7 that was 0. */
static const char *past_nul(const char *p, const char *end)
{
	uint32_t v;

	while (end - p >= 4) {
		__builtin_memcpy(&v, p, 4);
		if ((v - 0x01010101u) & ~v & 0x80808080u)
			break;
		p += 4;
	}
	while (*p)
		p++;
	return p + 1;
}

const char *modelf_modinfo(const struct modelf *m, const char *key)
{
	const char *p = (const char *)modbytes(m) + m->hdr.modinfo;
	const char *end = p + m->hdr.modinfo_size;
	size_t klen = strlen(key);

	/* an entry "key=..." is longer than klen: p[klen] is '=', not NUL */
	for (; p < end; p = past_nul(p, end))	/* modinfo ends with a NUL */
		if (p[0] == key[0] && strncmp(p, key, klen) == 0 && p[klen] == '=')
			return p + klen + 1;
	return NULL;
}

const char *modelf_modinfo_next(const struct modelf *m, uint32_t *pos)
{
	const char *p = (const char *)modbytes(m) + m->hdr.modinfo + *pos;

	if (*pos >= m->hdr.modinfo_size)
		return NULL;
	*pos += strlen(p) + 1;	/* modinfo ends with a NUL: checked */
	return p;
}
