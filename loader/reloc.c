/*
 * i386 relocation of module images (API in loader/elf.h): the arithmetic
 * in one small function, the per-relocation checks (bounds, order, type,
 * what each symbol may be used for, no core reference into the init part)
 * and making the image for a base address:
 * copy the stored parts, zero-fill .module.bss, apply .rel.module and
 * .rel.module.init. Pure code: no allocation, no printing.
 *
 * Two ways through, read in this order:
 *  - the reference: modreloc_check() and modreloc_apply() (plain C, one
 *    relocation at a time, every check with its message); modelf_parse()
 *    runs the checks, insmod -n, modreloc and --init=split use it;
 *  - the fast path insmod takes (docs/benchmarks.md, "relocation in one
 *    pass" and "by four"): modelf_parse_lazy() skips the per-relocation
 *    checks and modreloc_apply_lazy() checks each relocation while
 *    applying it, against bounds made once per symbol; on i386 the inner
 *    loops are hand-written (by two and by four), elsewhere (the host
 *    tests) the same loops in C. Anything unusual or wrong falls back to
 *    the reference, so a refusal is always the reference's first fault and
 *    message; the fuzzer (built 32-bit, so with the hand-written loops)
 *    checks on every input that both ways give the same image or the same
 *    refusal, and test_ldoracle compares both with GNU ld.
 */
#include "loader/elf.h"
#include "loader/internal.h"
#include <tessera/errno.h>
#ifdef HOST_TEST
#include <stdio.h>
#include <string.h>
#else
#include "lib/string.h"
#endif

int modreloc_compute(uint32_t type, uint32_t S, uint32_t A, uint32_t P,
		     uint32_t *out)
{
	switch (type) {
	case R_386_32:		/* S + A: an absolute address */
		*out = S + A;
		return 0;
	case R_386_PC32:	/* S + A - P: relative to the word itself */
	case R_386_PLT32:	/* no PLT in the kernel: same as PC32 */
		*out = S + A - P;
		return 0;
	default:
		return -ENOEXEC;
	}
}

const char *modreloc_type_name(uint32_t t)
{
	static const char *const names[] = {
		[0] = "R_386_NONE", [1] = "R_386_32", [2] = "R_386_PC32",
		[3] = "R_386_GOT32", [4] = "R_386_PLT32", [5] = "R_386_COPY",
		[6] = "R_386_GLOB_DAT", [7] = "R_386_JMP_SLOT",
		[8] = "R_386_RELATIVE", [9] = "R_386_GOTOFF",
		[10] = "R_386_GOTPC", [11] = "R_386_32PLT",
		[14] = "R_386_TLS_TPOFF", [15] = "R_386_TLS_IE",
		[16] = "R_386_TLS_GOTIE", [17] = "R_386_TLS_LE",
		[18] = "R_386_TLS_GD", [19] = "R_386_TLS_LDM", [20] = "R_386_16",
		[21] = "R_386_PC16", [22] = "R_386_8", [23] = "R_386_PC8",
		[32] = "R_386_TLS_LDO_32", [33] = "R_386_TLS_IE_32",
		[34] = "R_386_TLS_LE_32", [35] = "R_386_TLS_DTPMOD32",
		[36] = "R_386_TLS_DTPOFF32", [37] = "R_386_TLS_TPOFF32",
		[38] = "R_386_SIZE32", [39] = "R_386_TLS_GOTDESC",
		[40] = "R_386_TLS_DESC_CALL", [41] = "R_386_TLS_DESC",
		[42] = "R_386_IRELATIVE", [43] = "R_386_GOT32X",
	};

	if (t < sizeof(names) / sizeof(names[0]))
		return names[t];
	return NULL;
}

/* "symbol foo" for the symbol holding image offset off, else "offset 0x..". */
static void describe(const struct modelf *m, uint32_t off, char *buf,
		     size_t size)
{
	const char *name = modelf_symbol_at(m, off, NULL);

	if (name)
		snprintf(buf, size, "symbol %s", name);
	else
		snprintf(buf, size, "offset 0x%x", off);
}

/* Where offset off of part p is, for a person: ".module.init+0x6
 * (hello_init+0x6, init)"; the symbol is left out when no function or
 * object holds it. */
static const char *where(const struct modelf *m, const struct modelf_part *p,
			 uint32_t off, char *buf, size_t size)
{
	uint32_t at = p->addr + off, start;
	const char *sec = modelf_section_name(m, p->shndx);
	const char *sym = modelf_symbol_at(m, at, &start);
	const char *part = at < MODHDR_SIZE ? "header" :
			   p == &m->part[MODELF_INIT] ? "init" : "core";

	if (sym)
		snprintf(buf, size, "%s+0x%x (%s+0x%x, %s)", sec, off, sym,
			 at - start, part);
	else
		snprintf(buf, size, "%s+0x%x (%s)", sec, off, part);
	return buf;
}

/* Where a relocation is, named only when a refusal needs it: finding the
 * symbol that holds it scans the symbol table, too slow to do for each of
 * a thousand relocations that are fine. */
struct rel_at {
	const struct modelf_part *p;
	uint32_t off;		/* offset in part p */
	char text[96];		/* where()'s text, once made */
};

static const char *at_text(const struct modelf *m, struct rel_at *a)
{
	if (!a->text[0])
		where(m, a->p, a->off, a->text, sizeof(a->text));
	return a->text;
}

static int check_type(struct modelf *m, struct rel_at *a, uint32_t i,
		      uint32_t type)
{
	const char *name = modreloc_type_name(type);

	switch (type) {
	case R_386_32: case R_386_PC32: case R_386_PLT32:
		return 0;
	case R_386_GOT32: case R_386_GOTOFF: case R_386_GOTPC: case R_386_GOT32X:
		return refuse(m, "relocation %u at %s: %s needs a global "
			      "offset table; compile with -fno-pic", i, at_text(m, a), name);
	}
	if (name)
		return refuse(m, "relocation %u at %s: type %s (%u) not "
			      "supported", i, at_text(m, a), name, type);
	return refuse(m, "relocation %u at %s: unknown type %u", i, at_text(m, a), type);
}

/* Relocation i (at at) uses absolute symbol symi where it may not. */
static int refuse_absolute(struct modelf *m, struct rel_at *a, uint32_t i,
			   uint32_t type, uint32_t symi)
{
	struct modelf_label l;

	return refuse(m, "relocation %u at %s: %s against absolute symbol %s; "
		      "only the module header's sizes and the export table's "
		      "CRCs may be", i, at_text(m, a), modreloc_type_name(type),
		      symi ? modelf_sym_label(m, symi, &l) : "#0");
}

/* True if image offset off is one of the header's size fields or an export
 * entry's CRC: the only words an absolute symbol may fill. */
static int absolute_allowed(const struct modelf *m, uint32_t off)
{
	const struct modelf_header *h = &m->hdr;

	if (off < MODHDR_SIZE)
		return off == MODHDR_OFF_CORE_SIZE || off == MODHDR_OFF_INIT_SIZE ||
		       off == MODHDR_OFF_NUM_SYMS || off == MODHDR_OFF_MODINFO_SIZE ||
		       off == MODHDR_OFF_NUM_PARAMS;
	return off >= h->syms && off - h->syms < KSYM_SIZE * h->num_syms &&
	       (off - h->syms) % KSYM_SIZE == KSYM_OFF_CRC;
}

/* The part that holds image offset off, or NULL. */
static const struct modelf_part *part_at(const struct modelf *m, uint32_t off)
{
	for (int p = 0; p < MODELF_NPARTS; p++)
		if (off - m->part[p].addr < m->part[p].size)
			return &m->part[p];
	return NULL;
}

/* A PC-relative relocation is a call or jump: its symbol is in an
 * executable part, and its target, S + A + 4 (the field ends its
 * instruction), is code: in an executable part, not in the header. */
static int check_pc_target(struct modelf *m, struct rel_at *a, uint32_t i,
			   const struct modelf_sym *s, const char *name,
			   uint32_t A)
{
	uint32_t target = s->value + A + 4;
	const struct modelf_part *tp = part_at(m, target);
	uint32_t flags = tp ? m->sh[tp->shndx].sh_flags : 0;

	flags &= m->sh[s->part->shndx].sh_flags;	/* the symbol's, too */
	if (!tp || target < MODHDR_SIZE || !(flags & SHF_EXECINSTR))
		return refuse(m, "relocation %u at %s: a call or jump to image "
			      "offset 0x%x (%s%+d), which is not code of the "
			      "module", i, at_text(m, a), target, name, (int)(A + 4));
	return 0;
}

/* The symbol of relocation i (at image offset off) may be used there. */
static int check_symbol_use(struct modelf *m, struct rel_at *a, uint32_t i,
			    uint32_t off, uint32_t symi, uint32_t type,
			    uint32_t A)
{
	struct modelf_label l, ls;
	struct modelf_sym s;
	const char *name = modelf_sym_label(m, symi, &l);

	modelf_symbol(m, symi, &s);
	if (s.kind == MODSYM_OTHER)
		return refuse(m, "relocation %u at %s: symbol %s is in section "
			      "%s, outside the image", i, at_text(m, a), name,
			      modelf_sec_label(m, m->sym[symi].st_shndx, &ls));
	if ((s.kind == MODSYM_NULL || s.kind == MODSYM_ABS) &&
	    (type != R_386_32 || off >= m->part[MODELF_MODULE].size))
		return refuse_absolute(m, a, i, type, symi);
	if (s.kind != MODSYM_IMAGE)
		return 0;
	if (type != R_386_32)
		return check_pc_target(m, a, i, &s, name, A);
	if ((uint64_t)s.value + (int32_t)A > m->image_size ||
	    (int64_t)s.value + (int32_t)A < 0)
		return refuse(m, "relocation %u at %s: address %s%+d is outside "
			      "the image (0x%x bytes)", i, at_text(m, a), name, (int32_t)A,
			      m->image_size);
	return 0;
}

/* Where relocation i of part p writes: inside the part, after the bytes
 * of relocation i - 1 (ld writes them sorted; no two share a byte). All
 * of a part's relocations pass this before any is checked further, so two
 * relocations on the same word are refused as that, not for what the
 * first one makes of the other's addend. */
static int check_place(struct modelf *m, const struct modelf_part *p, uint32_t i)
{
	uint32_t off = p->rel[i].r_offset;
	struct rel_at a = { .p = p, .off = off };

	if (off > p->size || p->size - off < 4)
		return refuse(m, "relocation %u of %s: offset 0x%x+4 runs past "
			      "the end of %s (0x%x bytes)", i,
			      modelf_section_name(m, p->rel_shndx), off,
			      modelf_section_name(m, p->shndx), p->size);
	if (i && off < p->rel[i - 1].r_offset + 4)
		return refuse(m, "relocation %u at %s: offset 0x%x overlaps or "
			      "precedes relocation %u (0x%x): relocations must "
			      "be sorted by offset and not share bytes", i,
			      at_text(m, &a), off, i - 1, p->rel[i - 1].r_offset);
	return 0;
}

/* Checks relocation i of part p, whose place check_place accepted. */
static int check_one(struct modelf *m, const struct modelf_part *p, uint32_t i)
{
	const Elf32_Rel *r = &p->rel[i];
	uint32_t off = r->r_offset, symi = ELF32_R_SYM(r->r_info);
	struct rel_at a = { .p = p, .off = off };
	int err;

	if (symi >= m->nsym)
		return refuse(m, "relocation %u at %s: symbol index %u out "
			      "of range (%u symbols)", i, at_text(m, &a), symi,
			      m->nsym);
	if ((err = check_type(m, &a, i, ELF32_R_TYPE(r->r_info))))
		return err;
	return check_symbol_use(m, &a, i, p->addr + off, symi,
				ELF32_R_TYPE(r->r_info), rd32(p->bytes + off));
}

/*
 * The fast path. Each relocation is first tried here: its offset, symbol
 * index, type, its symbol's section index and value and the addend, read
 * straight from the tables, with no name made and no table scanned. It
 * accepts only what the checks above accept; anything else (every refusal
 * and every rare case) makes modreloc_check run those checks from the
 * start, so a refusal and its reason are exactly theirs.
 */
struct fast {
	const Elf32_Sym *sym;
	uint32_t nsym, image_size;
	uint32_t shndx[MODELF_NPARTS];	/* UINT32_MAX: no such part */
	uint32_t exec[MODELF_NPARTS];	/* the part is executable */
	uint32_t core_max, nabs;	/* as m->rel_core_max, m->rel_nabs */
	uint32_t vmax;			/* the highest image offset of a symbol
					 * in .module */
};

/* The word at p, any alignment (i386 and the host are little-endian). */
static inline uint32_t ld32(const uint8_t *p)
{
	uint32_t v;

	__builtin_memcpy(&v, p, 4);
	return v;
}

static void fast_init(const struct modelf *m, struct fast *f)
{
	*f = (struct fast){ .sym = m->sym, .nsym = m->nsym,
			    .image_size = m->image_size };
	for (int p = 0; p < MODELF_NPARTS; p++) {
		uint32_t i = m->part[p].shndx;

		f->shndx[p] = i ? i : UINT32_MAX;
		f->exec[p] = i && (m->sh[i].sh_flags & SHF_EXECINSTR);
	}
}

/* The part that defines symbol e (-1: none; then it is symbol 0,
 * absolute, undefined or outside the image). */
static inline int fast_part(const struct fast *f, const Elf32_Sym *e)
{
	uint32_t sh = e->st_shndx;

	if (sh == f->shndx[MODELF_MODULE])
		return MODELF_MODULE;
	if (sh == f->shndx[MODELF_INIT])
		return MODELF_INIT;
	if (sh == f->shndx[MODELF_BSS])
		return MODELF_BSS;
	return -1;
}

/* A call or jump from part sp's symbol to image offset t lands on code:
 * check_pc_target's rule, for targets in .module or .module.init. */
static inline int fast_code(const struct fast *f, const struct modelf *m,
			    int sp, uint32_t t)
{
	const struct modelf_part *in = &m->part[MODELF_INIT];

	if (!f->exec[sp])
		return 0;
	if (t < m->part[MODELF_MODULE].size)
		return t >= MODHDR_SIZE && f->exec[MODELF_MODULE];
	return t - in->addr < in->size && f->exec[MODELF_INIT];
}

/* Relocation r of part pi against symbol symi, not defined in the image:
 * an import (any supported type) or, in .module, an absolute R_386_32. */
static inline int fast_other(struct fast *f, int pi, uint32_t symi,
			     uint32_t type)
{
	uint32_t sh = f->sym[symi].st_shndx;

	if (symi && sh == SHN_UNDEF)
		return 1;
	if ((!symi || sh == SHN_ABS) && type == R_386_32 &&
	    pi == MODELF_MODULE) {
		f->nabs++;
		return 1;
	}
	return 0;
}

/* What a run of part pi's relocations needs, through one pointer. */
struct run {
	const Elf32_Rel *end;		/* the part's relocations end here */
	const Elf32_Sym *sym;
	const uint8_t *bytes;		/* the part's */
	uint32_t lim;			/* the part's size - 4 */
	uint32_t nsym8;			/* nsym << 8: a relocation's r_info is
					 * below it iff its symbol index is in
					 * range (UINT32_MAX if nsym >= 2^24) */
	uint32_t mod_sh;		/* .module's index */
	uint32_t bss_sh, bss_addr;	/* .module.bss's (UINT32_MAX: none) */
	uint32_t bss_vlim;		/* its symbols' values taken: below */
	uint32_t tlim;			/* R_386_32 targets (S + A) taken in
					 * the run: at most this */
	uint32_t code_sh;		/* .module's index if it is executable,
					 * else UINT32_MAX: calls and jumps */
	uint32_t code_span;		/* to [MODHDR_SIZE, .module's size) */
	uint32_t next;			/* the next offset may not be below */
	uint32_t core_max;		/* fast_one's highest .module target */
};

/* The symbol of r_info info, whose type is below 16: info >> 4 is then
 * the symbol index times sizeof(Elf32_Sym). */
static inline const Elf32_Sym *sym_of(const struct run *k, uint32_t info)
{
	return (const Elf32_Sym *)((const uint8_t *)k->sym + (info >> 4));
}

/* Checks relocations r..k->end of a part while they are the common kinds:
 * R_386_32 against a symbol in .module or .module.bss with the target at
 * most k->tlim, a call or jump from a symbol in executable .module to its
 * code after the header, or an import (any supported type). Returns the
 * first one it did not check (k->end: all). The rules are fast_one's,
 * narrowed. Its state stays in *k (memory operands), so that i386's six
 * registers hold the relocation's own values. */
static __attribute__((__noinline__)) const Elf32_Rel *
check_run(const Elf32_Rel *r, struct run *k)
{
	for (uint32_t n = k->end - r; n; n--, r++) {
		uint32_t off = r->r_offset, info = r->r_info, t;
		uint8_t type = *(const uint8_t *)&r->r_info;	/* low byte */
		const Elf32_Sym *e;

		if (off < k->next || off > k->lim || info >= k->nsym8)
			break;
		if (type == R_386_32) {
			e = sym_of(k, info);
			if (e->st_shndx == k->mod_sh)
				t = e->st_value;
			else if (e->st_shndx == k->bss_sh &&
				 e->st_value < k->bss_vlim)
				t = e->st_value + k->bss_addr;
			else
				goto other;
			if (t + ld32(k->bytes + off) > k->tlim)
				break;
		} else if (type == R_386_PC32 || type == R_386_PLT32) {
			e = sym_of(k, info);
			if (e->st_shndx != k->code_sh)
				goto other;
			t = e->st_value + ld32(k->bytes + off);
			if (t + 4 - MODHDR_SIZE >= k->code_span)
				break;
		} else {
			break;
		}
		k->next = off + 4;
		continue;
other:		/* an import: undefined, and not symbol 0 */
		if (e->st_shndx != SHN_UNDEF || info < 256)
			break;
		k->next = off + 4;
	}
	return r;
}

/* Checks relocation r of part pi (any kind) as check_run does; 0 if it
 * is not sure. */
static int fast_one(struct fast *f, const struct modelf *m, int pi,
		    const Elf32_Rel *r, struct run *k)
{
	uint32_t off = r->r_offset, symi = ELF32_R_SYM(r->r_info);
	uint32_t type = ELF32_R_TYPE(r->r_info), v, t;
	const Elf32_Sym *e;
	int sp;

	if (off > k->lim || off < k->next || symi >= f->nsym ||
	    (type != R_386_32 && type != R_386_PC32 && type != R_386_PLT32))
		return 0;
	k->next = off + 4;
	e = &k->sym[symi];
	if ((sp = fast_part(f, e)) < 0)
		return fast_other(f, pi, symi, type);
	v = m->part[sp].addr + e->st_value;
	t = v + ld32(k->bytes + off);	/* S + A, for base 0 */
	if (type == R_386_32 ? t > f->image_size :	/* v <= size < 2^31 */
	    !fast_code(f, m, sp, t += 4))
		return 0;
	if (ELF32_ST_TYPE(e->st_info) != STT_SECTION)
		t = v;	/* target_of: a named symbol is its own target */
	if (t > k->core_max && t < f->image_size && off != MODHDR_OFF_INIT)
		k->core_max = t;
	return 1;
}

/* The highest target check_run may accept in part pi: for .module, below
 * .module.init (none of its relocations then refers to init: what
 * modreloc_check_targets wants to know); else the image's end. */
static uint32_t run_tlim(const struct modelf *m, int pi)
{
	const struct modelf_part *in = &m->part[MODELF_INIT];

	if (pi == MODELF_MODULE && in->size)
		return in->addr - 1;
	return m->image_size;
}

/* Every relocation of part pi passes the fast path: runs of the common
 * kinds (check_run), the others one by one (fast_one). */
static int fast_check_part(struct fast *f, const struct modelf *m, int pi)
{
	const struct modelf_part *p = &m->part[pi];
	const Elf32_Rel *r = p->rel;
	struct run k = {
		.end = p->rel ? p->rel + p->nrel : NULL, .sym = f->sym,
		.bytes = p->bytes,
		.lim = p->size - 4,
		.nsym8 = f->nsym < (1u << 24) ? f->nsym << 8 : UINT32_MAX,
		.mod_sh = f->shndx[MODELF_MODULE],
		.bss_sh = f->shndx[MODELF_BSS], .bss_addr = m->part[MODELF_BSS].addr,
		.bss_vlim = run_tlim(m, pi) - m->part[MODELF_BSS].addr + 1,
		.tlim = run_tlim(m, pi),
		.code_sh = f->exec[MODELF_MODULE] ? f->shndx[MODELF_MODULE] :
			   UINT32_MAX,
		.code_span = m->part[MODELF_MODULE].size - MODHDR_SIZE,
		.core_max = f->core_max,
	};

	if (!p->nrel)
		return 1;
	if (p->size < 4 || f->image_size >= 0x80000000u ||
	    m->part[MODELF_MODULE].size < MODHDR_SIZE)
		return 0;
	while ((r = check_run(r, &k)) < k.end) {
		if (!fast_one(f, m, pi, r, &k))
			return 0;
		r++;
	}
	if (pi != MODELF_MODULE)
		return 1;
	/* core: the highest target below the image's end (the targets that
	 * matter), at most: check_run's bound, or a named .module symbol's
	 * value (its own target, whatever the addend; a .module.bss one's is
	 * below bss_vlim) */
	if (k.core_max < k.tlim)
		k.core_max = k.tlim;
	if (k.core_max < f->vmax)
		k.core_max = f->vmax;
	if (k.core_max >= f->image_size)
		k.core_max = f->image_size - 1;
	f->core_max = k.core_max;
	return 1;
}

/* The fast path over every relocation; fills m's summary. 0: not all
 * passed. */
static int fast_check(struct modelf *m)
{
	struct fast f;

	fast_init(m, &f);
	for (uint32_t i = 1; i < m->nsym; i++) {
		const Elf32_Sym *e = &m->sym[i];
		int sp = fast_part(&f, e);

		if (sp == MODELF_MODULE && e->st_value > f.vmax)
			f.vmax = e->st_value;
	}
	for (int p = 0; p < MODELF_NPARTS; p++)
		if (!fast_check_part(&f, m, p))
			return 0;
	m->rel_core_max = f.core_max;
	m->rel_nabs = f.nabs;
	return 1;
}

int modreloc_check(struct modelf *m)
{
	int err;

	m->rel_fast = fast_check(m);
	if (m->rel_fast)
		return 0;
	for (int p = 0; p < MODELF_NPARTS; p++)
		for (uint32_t i = 0; i < m->part[p].nrel; i++)
			if ((err = check_place(m, &m->part[p], i)))
				return err;
	for (int p = 0; p < MODELF_NPARTS; p++)
		for (uint32_t i = 0; i < m->part[p].nrel; i++)
			if ((err = check_one(m, &m->part[p], i)))
				return err;
	return 0;
}

/*
 * Image offset a relocation to symbol s, defined in the image, points at:
 * the symbol itself for a named one; for a section symbol, the section
 * plus the addend (+4 for PC-relative ones: on i386 the field ends its
 * instruction).
 */
static uint32_t target_of(const struct modelf_sym *s, uint32_t type, uint32_t A)
{
	if (s->type != STT_SECTION)
		return s->value;
	return s->value + A + (type == R_386_32 ? 0 : 4);
}

/* Built with KBUILD_MODPOST_WARN=1: modpost wrote section_mismatch=warn
 * into the modinfo, and the module is loaded anyway (modules/initbug.c). */
static int mismatch_allowed(const struct modelf *m)
{
	const char *v = modelf_modinfo(m, "section_mismatch");

	return v && strcmp(v, "warn") == 0;
}

static int check_core_to_init_one(struct modelf *m, const struct modelf_part *p,
				  const Elf32_Rel *r)
{
	uint32_t core = m->hdr.core_size, off = p->addr + r->r_offset;
	uint32_t type = ELF32_R_TYPE(r->r_info), target;
	struct modelf_sym s;
	char from[80], to[80];

	modelf_symbol(m, ELF32_R_SYM(r->r_info), &s);
	if (off >= core || s.kind != MODSYM_IMAGE ||
	    off == MODHDR_OFF_INIT)	/* the header's init: used, then gone */
		return 0;
	target = target_of(&s, type, rd32(p->bytes + r->r_offset));
	if (target < core || target >= m->image_size)
		return 0;
	describe(m, off, from, sizeof(from));
	if (s.type == STT_SECTION)
		describe(m, target, to, sizeof(to));
	else
		snprintf(to, sizeof(to), "symbol %s", s.name);
	if (mismatch_allowed(m)) {
		if (!m->warn[0])	/* the first one is reported */
			snprintf(m->warn, sizeof(m->warn), "core %.78s refers "
				 "to init %.78s, discarded after init", from, to);
		return 0;
	}
	return refuse(m, "core %s refers to init %s, which is "
		      "discarded after init", from, to);
}

/* Relocation i of .module: an absolute symbol only where absolute_allowed. */
static int check_absolute_one(struct modelf *m, uint32_t i)
{
	const struct modelf_part *p = &m->part[MODELF_MODULE];
	const Elf32_Rel *r = &p->rel[i];
	uint32_t symi = ELF32_R_SYM(r->r_info);
	struct rel_at a = { .p = p, .off = r->r_offset };
	struct modelf_sym s;

	modelf_symbol(m, symi, &s);
	if ((s.kind != MODSYM_NULL && s.kind != MODSYM_ABS) ||
	    absolute_allowed(m, r->r_offset))
		return 0;
	return refuse_absolute(m, &a, i, ELF32_R_TYPE(r->r_info), symi);
}

/* A relocation of .module at offset off against an absolute symbol. */
static int abs_rel_at(const struct modelf *m, uint32_t off)
{
	const Elf32_Rel *r = modelf_rel_at(&m->part[MODELF_MODULE], off);
	uint32_t symi = r ? ELF32_R_SYM(r->r_info) : 0;

	return r && (!symi || m->sym[symi].st_shndx == SHN_ABS);
}

/* modreloc_check_targets from modreloc_check's summary: the absolute
 * relocations are all where absolute_allowed lets them be (counted by
 * looking each allowed place up: relocations never share an offset), and
 * no .module target lies in [core_size, image_size). 0: not sure. */
static int fast_targets(const struct modelf *m)
{
	static const uint32_t sizes[] = {
		MODHDR_OFF_CORE_SIZE, MODHDR_OFF_INIT_SIZE, MODHDR_OFF_NUM_SYMS,
		MODHDR_OFF_MODINFO_SIZE, MODHDR_OFF_NUM_PARAMS,
	};
	const struct modelf_header *h = &m->hdr;
	uint32_t allowed = 0;

	if (!m->rel_fast || h->core_size < m->part[MODELF_MODULE].size ||
	    h->core_size > m->part[MODELF_INIT].addr ||
	    m->rel_core_max >= h->core_size ||
	    h->num_syms > m->part[MODELF_MODULE].size / KSYM_SIZE)
		return 0;
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		allowed += abs_rel_at(m, sizes[i]);
	for (uint32_t i = 0; i < h->num_syms; i++) {
		uint32_t off = h->syms + i * KSYM_SIZE + KSYM_OFF_CRC;

		allowed += off >= MODHDR_SIZE && abs_rel_at(m, off);
	}
	return allowed == m->rel_nabs;
}

int modreloc_check_targets(struct modelf *m)
{
	int err;

	if (fast_targets(m))
		return 0;
	for (uint32_t i = 0; i < m->part[MODELF_MODULE].nrel; i++)
		if ((err = check_absolute_one(m, i)))
			return err;
	for (int p = 0; p < MODELF_NPARTS; p++)
		for (uint32_t i = 0; i < m->part[p].nrel; i++) {
			err = check_core_to_init_one(m, &m->part[p],
						     &m->part[p].rel[i]);
			if (err)
				return err;
		}
	return 0;
}

/* S: the address of relocation r's symbol once loaded at base. */
static int symbol_value(struct modelf *m, const Elf32_Rel *r, uint32_t base,
			modreloc_resolve_fn resolve, void *arg, uint32_t *S)
{
	uint32_t symi = ELF32_R_SYM(r->r_info);
	struct modelf_label l;
	struct modelf_sym s;
	int err;

	modelf_symbol(m, symi, &s);
	switch (s.kind) {
	case MODSYM_NULL: case MODSYM_ABS:
		*S = s.value;
		return 0;
	case MODSYM_IMAGE:
		*S = base + s.value +
		     (s.part == &m->part[MODELF_INIT] ? m->init_delta : 0);
		return 0;
	case MODSYM_UNDEF:
		break;
	default:	/* refused by modreloc_check */
		return refuse(m, "symbol %s: not in the image",
			      modelf_sym_label(m, symi, &l));
	}
	err = resolve ? resolve(arg, s.name, S) : -ENOKEY;
	if (err && s.bind == STB_WEAK) {
		*S = 0;
		return 0;
	}
	if (err == -ENOKEY)
		return refuse(m, "unknown symbol %s", s.name), -ENOKEY;
	if (err)
		return refuse(m, "symbol %s: error %d", s.name, err), err;
	return 0;
}

/* S of each symbol, once. Every import is looked up first; one that is
 * not known (and not weak: that one is 0) stays MODRELOC_UNSET, and then
 * the relocations are applied one by one, each import looked up again at
 * its first use, so that the unknown one is reported by the first
 * relocation that needs it, as before. */
#define MODRELOC_UNSET	0xffffffffu

/* Fills values[]; returns 1 if every import is known (0: one is not). */
static int values_init(const struct modelf *m, uint32_t base,
		       modreloc_resolve_fn resolve, void *arg,
		       uint32_t *values)
{
	struct fast f;
	int known = 1;

	fast_init(m, &f);
	values[0] = 0;
	for (uint32_t i = 1; i < m->nsym; i++) {
		const Elf32_Sym *e = &m->sym[i];
		int sp = fast_part(&f, e);

		values[i] = sp >= 0 ? base + m->part[sp].addr + e->st_value +
				      (sp == MODELF_INIT ? m->init_delta : 0) :
			    e->st_shndx == SHN_ABS ? e->st_value : MODRELOC_UNSET;
		if (e->st_shndx != SHN_UNDEF)
			continue;
		if (!resolve || resolve(arg, modelf_sym_name(m, i), &values[i])) {
			values[i] = MODRELOC_UNSET;
			if (ELF32_ST_BIND(e->st_info) == STB_WEAK)
				values[i] = 0;
			else
				known = 0;
		}
	}
	return known;
}

/* S of relocation r's symbol when values[] does not hold it yet (an
 * import, or a symbol outside the image, which is refused). */
static int first_value(struct modelf *m, const Elf32_Rel *r, uint32_t base,
		       modreloc_resolve_fn resolve, void *arg,
		       uint32_t *values, uint32_t *S)
{
	uint32_t symi = ELF32_R_SYM(r->r_info);
	int err = symbol_value(m, r, base, resolve, arg, S);

	if (!err && m->sym[symi].st_shndx == SHN_UNDEF)
		values[symi] = *S;
	return err;
}

/* Applies relocations r..end to the part's bytes already copied to at
 * (the addend is the word in place), P = at's address + k: S + A for
 * R_386_32, S + A - P for PC32 and PLT32, S from values[], which holds
 * every symbol a relocation uses. Stops at the first one whose type is
 * another, and returns it (end: all done). Few variables, so that i386
 * keeps them in registers. */
static __attribute__((__noinline__)) const Elf32_Rel *
apply_run(const Elf32_Rel *r, const Elf32_Rel *end, uint8_t *at,
	  const uint32_t *values, uint32_t k)
{
	for (uint32_t n = end - r; n; n--, r++) {
		uint8_t *w = at + r->r_offset;
		uint32_t val = values[ELF32_R_SYM(r->r_info)] + ld32(w);
		uint8_t type = *(const uint8_t *)&r->r_info;	/* low byte */

		if (type != R_386_32) {
			if (type != R_386_PC32 && type != R_386_PLT32)
				break;
			val -= (uint32_t)(uintptr_t)w + k;
		}
		__builtin_memcpy(w, &val, 4);
	}
	return r;
}

/* Applies the relocations of part p (checked) to its bytes at img + its
 * image offset, loaded at base; the arithmetic is modreloc_compute's.
 * known: values[] holds every import (apply_run takes the relocations);
 * else each is applied here, an import looked up at its first use. */
static int apply_part(struct modelf *m, const struct modelf_part *p,
		      uint8_t *img, uint32_t base, uint32_t *values, int known,
		      modreloc_resolve_fn resolve, void *arg)
{
	const Elf32_Rel *r = p->rel, *end;
	uint8_t *at = img + p->addr;
	uint32_t load = base + p->addr + (p == &m->part[MODELF_INIT] ? m->init_delta : 0);
	uint32_t k = load - (uint32_t)(uintptr_t)at, S, val;
	int err;

	if (!p->nrel)
		return 0;
	end = r + p->nrel;
	for (; r < end; r++) {
		uint32_t type, off;

		if (known && (r = apply_run(r, end, at, values, k)) == end)
			break;
		type = ELF32_R_TYPE(r->r_info);
		off = r->r_offset;
		S = values[ELF32_R_SYM(r->r_info)];
		if (S == MODRELOC_UNSET &&
		    (err = first_value(m, r, base, resolve, arg, values, &S)))
			return err;
		if (modreloc_compute(type, S, ld32(at + off), load + off, &val))
			return refuse(m, "relocation %u: type %u",
				      (unsigned)(r - p->rel), type);
		__builtin_memcpy(at + off, &val, 4);
	}
	return 0;
}

int modreloc_apply(struct modelf *m, void *image, uint32_t base,
		   modreloc_resolve_fn resolve, void *arg, uint32_t *values)
{
	return modreloc_apply_split(m, image, base, base + m->hdr.core_size, resolve,
				    arg, values);
}

int modreloc_apply_split(struct modelf *m, void *image, uint32_t base,
			 uint32_t init_base, modreloc_resolve_fn resolve, void *arg,
			 uint32_t *values)
{
	const struct modelf_part *bss = &m->part[MODELF_BSS];
	uint8_t *img = image;
	int err = 0, known;

	for (int p = 0; p < MODELF_NPARTS; p++)
		if (m->part[p].bytes)
			memcpy(img + m->part[p].addr, m->part[p].bytes,
			       m->part[p].size);
	memset(img + bss->addr, 0, bss->size);	/* .module.bss: the zero-fill */
	m->init_delta = init_base - (base + m->hdr.core_size);
	known = values_init(m, base, resolve, arg, values);
	for (int p = 0; p < MODELF_NPARTS && !err; p++)
		err = apply_part(m, &m->part[p], img, base, values, known,
				 resolve, arg);
	m->init_delta = 0;
	return err;
}


/*
 * One pass: check and apply (modreloc_apply_lazy).
 *
 * .module's relocations go through lazy_run, on two rows of bounds per
 * symbol made once (lazy_rows): for an R_386_32, the row holds S and a
 * span, the addend A must be below the span (unsigned), and S + A is the
 * word; for a call or jump, x = SLpc + A (SLpc: S - (base + MODHDR_SIZE -
 * 4)) below its span, and the word is S + A - P. The bounds are the
 * checks' rules, narrowed: an R_386_32 target (S + A) in the core (a
 * symbol's span: the core's bytes from it on, core_size - its offset; so
 * no reference into init, and none before the symbol, which a negative A
 * could make: lazy_one takes those; a named .module.bss symbol at or past
 * core_size gets span 0), a call or
 * jump from a symbol of executable .module to its code after the header,
 * an import anywhere. A symbol nothing may be taken for sure against
 * (symbol 0, absolute, in init, outside the image, an import not known)
 * has span 0. What lazy_run does not take, and every relocation of
 * .module.init (a few per module), lazy_one checks as check_one and
 * modreloc_check_targets would, on the symbol read whole; what lazy_one is
 * not sure of (every refusal) sends the module to the checks one by one.
 */

/* Just before the rows: what lazy_run needs, beside the rows, through
 * one register. */
struct lazy {
	const Elf32_Rel *end;	/* .module's relocations end here */
	const Elf32_Rel *end2;	/* lazy_run's pairs end here (i386) */
	const Elf32_Rel *end4;	/* lazy_run's fours end here (i386) */
	const Elf32_Rel *end8;	/* lazy_run's eights end here (i386) */
	uintptr_t at;		/* .module's bytes in the image */
	uintptr_t at4;		/* at - 4 */
	uintptr_t at8, at12;	/* at - 8, at - 12 */
#if defined(__i386__)
	uintptr_t at16, at20, at24, at28;	/* at - 16 .. at - 28 (eights) */
#endif
	uintptr_t wlim;		/* at + its size - 4: the last word */
	uintptr_t wlim4;	/* wlim - 4 */
	uintptr_t wlim12;	/* wlim - 12 */
#if defined(__i386__)
	uintptr_t wlim20, wlim28;	/* wlim - 20, wlim - 28 (eights) */
#endif
	uintptr_t wnext;	/* the next word may not start below */
	uint32_t nsym;		/* < 2^24 */
	uint32_t base;
	const uint32_t *pc;	/* the call rows: SLpc, span (rows: S, span) */
	uint32_t cpc;		/* base + MODHDR_SIZE - 4 - (base - at) */
	uint32_t cpc4;		/* cpc - 4 */
	uint32_t cpc8, cpc12;	/* cpc - 8, cpc - 12 */
#if defined(__i386__)
	uint32_t cpc16, cpc20, cpc24, cpc28;	/* cpc - 16 .. cpc - 28 (eights) */
	const Elf32_Sym *sym;	/* the symbols (header_rows) */
	uint32_t init_sh;	/* .module.init's section (UINT32_MAX: none) */
	uint32_t init_addr;	/* .module.init's image offset */
	uint32_t image_size;	/* (header_rows: the init field) */
	uint32_t abs_offs[MODHDR_SIZE / 32];	/* header_rows: ABS_WORDS, a bit
						 * for each byte offset */
#endif
};
_Static_assert(sizeof(struct lazy) <= 48 * sizeof(uint32_t),
	       "struct lazy: more than MODRELOC_LAZY_WORDS leaves before the rows");

/* What rows_run needs beside the symbols and the rows. */
struct rows_k {
	const Elf32_Sym *end;	/* the symbols end here */
	uint32_t bss_sh, bss_addr;	/* .module.bss's (UINT32_MAX: none) */
	uint32_t core;		/* the core's size */
	uint32_t cspan;		/* .module's code after the header, or 0 */
	const Elf32_Sym *fg;	/* the first global: the locals end here */
	uint32_t cbase;		/* base + MODHDR_SIZE - 4: S less a
				 * .module symbol's call row value */
};

/* The two rows of a .module symbol (esi: the symbol, edi: its row, ecx:
 * the distance to its call row, eax: core, ebp: cspan, 20(%esp): cbase)
 * and of a .module.bss one (16(%esp): bss_addr), as rows_run's locals
 * and globals both make them: rows_run's C version below says the same. */
#define ROWS_MODULE							\
		"movl 4(%%esi), %%ebx\n\t"	/* .module's v */	\
		"movl %%eax, 4(%%edi)\n\t"	/* span: core - v */	\
		"subl %%ebx, 4(%%edi)\n\t"				\
		"subl $0x7c, %%ebx\n\t"	/* - MODHDR_SIZE + 4 */		\
		"movl %%ebx, (%%edi,%%ecx)\n\t"				\
		"movl %%ebp, 4(%%edi,%%ecx)\n\t"			\
		"addl 20(%%esp), %%ebx\n\t"	/* S: + cbase */	\
		"movl %%ebx, (%%edi)"
#define ROWS_BSS							\
		"movl 4(%%esi), %%ebx\n\t"	/* .module.bss's */	\
		"addl 16(%%esp), %%ebx\n\t"	/* v: bss_addr + value */ \
		"movl %%eax, 4(%%edi)\n\t"	/* span: core - v, */	\
		"subl %%ebx, 4(%%edi)\n\t"				\
		"jae 16f\n\t"						\
		"movl $0, 4(%%edi)\n"		/* 0 if v is past it */	\
		"16:\n\t"						\
		"subl $0x7c, %%ebx\n\t"	/* S: + cbase */		\
		"addl 20(%%esp), %%ebx\n\t"				\
		"movl %%ebx, (%%edi)\n\t"

/*
 * The rows of symbols e.. (rows at row, the call rows d words after):
 * a symbol of .module (section sh) at offset v has target S = base + v
 * and span core - v, call span k->cspan; one of .module.bss likewise if it
 * is in the core, else span 0; any other span 0; stops at the first
 * import (undefined: it is looked up), returns it or k->end. A row of
 * span 0 takes nothing whatever its value, so its value is not written.
 *
 * Of the locals, only the section symbols of .module and .module.bss
 * before the first other local get rows; that local (a named one: a
 * static function or object, a file name; or another section's symbol:
 * .module.init's, a debug section's) and every local after it gets span
 * 0. The assembler refers to a local as its section symbol plus an
 * offset, so relocations do not name them (none of Tessera's modules
 * does); ld -r puts the section symbols first, in section order, and
 * module.lds makes .module section 1 and .module.bss the next allocated
 * one (in every one of Tessera's modules: 1 and 3, then .module.init's
 * and the debug sections'). A relocation that named one of them would go
 * to lazy_one, which decides it as before (slower, the same answer; a
 * span of 0 is always safe). So those locals need no kind looked at:
 * their spans are zeroed in a run.
 *
 * By hand for i386: fourteen instructions a .module symbol (the compiler's
 * version, short of registers, takes sixteen), 2.375 a named local (eight
 * a turn: two stores each; then four, then one at a time).
 */
static const Elf32_Sym *rows_run(const Elf32_Sym *e, uint32_t *row, size_t d,
				 uint32_t sh, const struct rows_k *k)
{
#if defined(__i386__)
	__asm__ volatile(
		"pushl %%ebp\n\t"
		"pushl 24(%%eax)\n\t"		/* 20(%esp): cbase */
		"pushl 8(%%eax)\n\t"		/* 16(%esp): bss_addr */
		"pushl 4(%%eax)\n\t"		/* 12(%esp): bss_sh */
		"pushl (%%eax)\n\t"		/* 8(%esp): end */
		"pushl 20(%%eax)\n\t"		/* 4(%esp): fg */
		"subl $4, %%esp\n\t"		/* (%esp): the named locals' */
		"movl 16(%%eax), %%ebp\n\t"	/* cspan */
		"movl 12(%%eax), %%eax\n\t"	/* core */
		"jmp 18f\n"
		"12:\n\t"
		"addl $16, %%esi\n\t"
		"addl $8, %%edi\n"
		"18:\n\t"
		"cmpl 4(%%esp), %%esi\n\t"	/* no locals left? */
		"jae 10f\n\t"
		"cmpb $3, 12(%%esi)\n\t"	/* STB_LOCAL, STT_SECTION */
		"je 13f\n\t"
		/* the first named local (or another section's symbol, 15:
		 * below): from here to the globals, span 0 in both rows, no
		 * kind looked at */
		"11:\n\t"
		"movl 4(%%esp), %%ebx\n\t"
		"subl %%esi, %%ebx\n\t"	/* 16 bytes a symbol */
		"movl 4(%%esp), %%esi\n\t"	/* e: the first global */
		"shrl $1, %%ebx\n\t"		/* 8 bytes a row */
		"addl %%edi, %%ebx\n\t"	/* ebx: the locals' rows end */
		"subl $56, %%ebx\n\t"
		"movl %%ebx, (%%esp)\n\t"	/* (%esp): eight rows left below */
		"addl $56, %%ebx\n\t"
		"jmp 20f\n"
		"17:\n\t"			/* eight named locals a turn */
		"movl $0, 4(%%edi)\n\t"
		"movl $0, 4(%%edi,%%ecx)\n\t"
		"movl $0, 12(%%edi)\n\t"
		"movl $0, 12(%%edi,%%ecx)\n\t"
		"movl $0, 20(%%edi)\n\t"
		"movl $0, 20(%%edi,%%ecx)\n\t"
		"movl $0, 28(%%edi)\n\t"
		"movl $0, 28(%%edi,%%ecx)\n\t"
		"movl $0, 36(%%edi)\n\t"
		"movl $0, 36(%%edi,%%ecx)\n\t"
		"movl $0, 44(%%edi)\n\t"
		"movl $0, 44(%%edi,%%ecx)\n\t"
		"movl $0, 52(%%edi)\n\t"
		"movl $0, 52(%%edi,%%ecx)\n\t"
		"movl $0, 60(%%edi)\n\t"
		"movl $0, 60(%%edi,%%ecx)\n\t"
		"addl $64, %%edi\n"
		"20:\n\t"
		"cmpl (%%esp), %%edi\n\t"
		"jb 17b\n\t"
		"addl $32, (%%esp)\n\t"	/* four rows left below? */
		"cmpl (%%esp), %%edi\n\t"
		"jae 19f\n\t"
		"movl $0, 4(%%edi)\n\t"
		"movl $0, 4(%%edi,%%ecx)\n\t"
		"movl $0, 12(%%edi)\n\t"
		"movl $0, 12(%%edi,%%ecx)\n\t"
		"movl $0, 20(%%edi)\n\t"
		"movl $0, 20(%%edi,%%ecx)\n\t"
		"movl $0, 28(%%edi)\n\t"
		"movl $0, 28(%%edi,%%ecx)\n\t"
		"addl $32, %%edi\n"
		"19:\n\t"			/* the last one to three */
		"cmpl %%ebx, %%edi\n\t"
		"jae 10f\n\t"
		"movl $0, 4(%%edi)\n\t"
		"movl $0, 4(%%edi,%%ecx)\n\t"
		"addl $8, %%edi\n\t"
		"jmp 19b\n"
		"13:\n\t"			/* a section symbol */
		"movzwl 14(%%esi), %%ebx\n\t"
		"cmpl %%edx, %%ebx\n\t"
		"jne 14f\n\t"
		ROWS_MODULE "\n\t"
		"jmp 12b\n"
		"14:\n\t"
		"movl $0, 4(%%edi,%%ecx)\n\t"
		"cmpl 12(%%esp), %%ebx\n\t"
		"jne 15f\n\t"
		ROWS_BSS
		"jmp 12b\n"
		"15:\n\t"			/* another section's: the run */
		"jmp 11b\n"
		"10:\n\t"			/* the globals */
		"cmpl 8(%%esp), %%esi\n\t"
		"je 9f\n"
		"1:\n\t"
		"cmpw %%dx, 14(%%esi)\n\t"
		"jne 3f\n\t"
		ROWS_MODULE "\n"
		"2:\n\t"
		"addl $16, %%esi\n\t"
		"addl $8, %%edi\n\t"
		"cmpl 8(%%esp), %%esi\n\t"
		"jne 1b\n\t"
		"jmp 9f\n"
		"3:\n\t"
		"movzwl 14(%%esi), %%ebx\n\t"
		"testl %%ebx, %%ebx\n\t"
		"je 9f\n\t"			/* an import: the caller's */
		"movl $0, 4(%%edi,%%ecx)\n\t"
		"cmpl 12(%%esp), %%ebx\n\t"
		"jne 4f\n\t"
		ROWS_BSS
		"jmp 2b\n"
		"4:\n\t"			/* absolute, init, outside */
		"movl $0, 4(%%edi)\n\t"
		"jmp 2b\n"
		"9:\n\t"
		"addl $24, %%esp\n\t"
		"popl %%ebp"
		: "+S"(e), "+D"(row), "+a"(k)
		: "c"(d * 4), "d"(sh)
		: "ebx", "memory", "cc");
	_Static_assert(MODHDR_SIZE - 4 == 0x7c, "rows_run: the header");
	_Static_assert(offsetof(struct rows_k, cspan) == 16, "rows_run: k");
	_Static_assert(offsetof(struct rows_k, fg) == 20, "rows_run: k");
	_Static_assert(offsetof(struct rows_k, cbase) == 24, "rows_run: k");
	_Static_assert((STB_LOCAL << 4 | STT_SECTION) == 3, "rows_run: locals");
#else
	int named = 0;		/* a local without a row seen: the locals after it too */

	for (; e != k->end; e++, row += 2) {
		uint32_t v = e->st_value;

		if (e < k->fg && (named || e->st_info != (STB_LOCAL << 4 | STT_SECTION) ||
				  (e->st_shndx != sh && e->st_shndx != k->bss_sh))) {
			row[1] = row[d + 1] = 0;	/* span 0 */
			named = 1;
			continue;
		}
		if (e->st_shndx == sh) {
			row[1] = k->core - v;	/* v <= .module's size <= core */
			row[d] = v - MODHDR_SIZE + 4;
			row[0] = row[d] + k->cbase;	/* S */
			row[d + 1] = k->cspan;
			continue;
		}
		if (e->st_shndx == SHN_UNDEF && e >= k->fg)
			break;
		row[d + 1] = 0;
		if (e->st_shndx == k->bss_sh) {
			v += k->bss_addr;
			row[1] = v < k->core ? k->core - v : 0;
			row[0] = v - MODHDR_SIZE + 4 + k->cbase;	/* S */
		} else {
			row[1] = 0;
		}
	}
#endif
	return e;
}

/* Fills the rows of every symbol (rows[2i], rows[2i + 1]; the call rows
 * pc likewise); imports are looked up here, each once. */
static void lazy_rows(const struct modelf *m, const struct lazy *z,
		      uint32_t *rows, uint32_t *pc,
		      modreloc_resolve_fn resolve, void *arg)
{
	const struct modelf_part *mod = &m->part[MODELF_MODULE];
	const Elf32_Sym *e = m->sym + 1;
	struct rows_k k = {
		.end = m->sym + m->nsym, .bss_addr = m->part[MODELF_BSS].addr,
		.bss_sh = m->part[MODELF_BSS].shndx ? m->part[MODELF_BSS].shndx
						    : UINT32_MAX,
		.core = m->hdr.core_size, .fg = m->sym + m->first_global,
		.cbase = z->base + MODHDR_SIZE - 4,
	};
	uint32_t S;

	/* .module exists (its size is at least the header's) */
	if (m->sh[mod->shndx].sh_flags & SHF_EXECINSTR)
		k.cspan = mod->size - MODHDR_SIZE;
	rows[0] = rows[1] = pc[0] = pc[1] = 0;
	while ((e = rows_run(e, rows + 2 * (e - m->sym), pc - rows,
			     mod->shndx, &k)) != k.end) {
		/* an import */
		uint32_t i = e - m->sym;

		rows[2 * i] = rows[2 * i + 1] = pc[2 * i] = pc[2 * i + 1] = 0;
		e++;
		if (!resolve || resolve(arg, modelf_sym_name(m, i), &S)) {
			if (ELF32_ST_BIND(m->sym[i].st_info) != STB_WEAK)
				continue;	/* not known: span 0 */
			S = 0;
		}
		rows[2 * i] = S;
		pc[2 * i] = S - z->base - MODHDR_SIZE + 4;
		rows[2 * i + 1] = pc[2 * i + 1] = UINT32_MAX;
	}
}

/* The word at w is the 4 bytes at (uint8_t *)w. */
static inline uint32_t wld(uintptr_t w)
{
	return ld32((const uint8_t *)w);
}

/* Checks and applies .module's relocations r.. one at a time while the
 * rows take them; returns the first one they do not (z->end: all). The
 * loop the hand-written ones below follow: the host's lazy_run, and on
 * i386 the last one of a run (one call here, not lazy_one's symbol read
 * whole). */
static __attribute__((__noinline__)) const Elf32_Rel *
lazy_ones(const Elf32_Rel *r, uint32_t *rows)
{
	struct lazy *z = (struct lazy *)rows - 1;
	uintptr_t wnext = z->wnext;

	while (r != z->end) {
		uintptr_t w = z->at + r->r_offset;
		uint32_t t = r->r_info - R_386_32, x;

		if (w < wnext || w > z->wlim)
			break;
		/* t: the symbol index if the type is R_386_32, else at
		 * least 2^24 */
		t = t >> 8 | t << 24;
		if (t < z->nsym) {
			x = wld(w);		/* A below the span */
			if (x >= rows[2 * t + 1])
				break;
			x += rows[2 * t];	/* S + A */
		} else {
			/* PC32 or PLT32: the low byte of t is 0 or 2 */
			t = r->r_info - R_386_PC32;
			if (t & 0xfd || (t >>= 8) >= z->nsym)
				break;
			x = z->pc[2 * t] + wld(w);
			if (x >= z->pc[2 * t + 1])
				break;
			x += z->cpc - (uint32_t)w;
		}
		__builtin_memcpy((void *)w, &x, 4);
		wnext = w + 4;
		r++;
	}
	z->wnext = wnext;
	return r;
}

#if defined(__i386__)
/* The field f of struct lazy as an offset from the rows (operand %c). */
#define LZ(f)	"i"((int)offsetof(struct lazy, f) - (int)sizeof(struct lazy))

/*
 * lazy_run's loop by hand, for i386 (seven registers; the compiler's
 * version keeps less of it in them): two relocations, A and B, a turn
 * (the last two or three of .module; lazy_fours takes the rest by four).
 * Their places are checked together: at + A's offset at least wnext, B's
 * word (held as its address - 4) at least A's and at most the last word
 * - 4; then each is an R_386_32 (t = (r_info - 1) ror 8 is the symbol
 * index, below nsym: any other type puts type - 1 in t's top byte), or a
 * PC32 (t - 2^24 is) or PLT32 (t - 3 * 2^24 is), taken on its row: the
 * call rows are held in %ebp, so a call costs five instructions more than
 * an R_386_32 (its type found, its bias added, P subtracted); each way through a pair runs
 * straight on (the code after a call is a copy of what follows it). Stops
 * at the pairs' end (z->end2) or at the first relocation not taken;
 * returns it. A relocation is applied only once all before it are.
 */
/* the top of a turn, shared by lazy_pairs and lazy_fours: the places of
 * A and B checked together (see above), then relocation A: an R_386_32
 * applied, else to `call` (a PC32 or PLT32) or 9f (not taken) */
#define LAZY_A(call)						\
		"1:\n\t"					\
		"movl (%%esi), %%edx\n\t"	/* A's word */	\
		"addl %c[at](%%ebx), %%edx\n\t"		\
		"cmpl %%ecx, %%edx\n\t"			\
		"jb 9f\n\t"					\
		"movl 8(%%esi), %%ecx\n\t"	/* B's word - 4 */ \
		"addl %c[at4](%%ebx), %%ecx\n\t"		\
		"cmpl %%edx, %%ecx\n\t"			\
		"jb 9f\n\t"					\
		"cmpl %c[wlim4](%%ebx), %%ecx\n\t"		\
		"ja 9f\n\t"					\
		"movl 4(%%esi), %%eax\n\t"			\
		"decl %%eax\n\t"				\
		"rorl $8, %%eax\n\t"				\
		"cmpl %c[nsym](%%ebx), %%eax\n\t"		\
		"jae " call "\n\t"				\
		"movl (%%edx), %%edi\n\t"			\
		"cmpl 4(%%ebx,%%eax,8), %%edi\n\t"		\
		"jae 9f\n\t"					\
		"addl (%%ebx,%%eax,8), %%edi\n\t"		\
		"movl %%edi, (%%edx)\n\t"
/* relocation B of the pair: an R_386_32 applied, else to 6f (a call) or
 * 8f (not taken) */
#define LAZY_B							\
		"movl 12(%%esi), %%eax\n\t"			\
		"decl %%eax\n\t"				\
		"rorl $8, %%eax\n\t"				\
		"cmpl %c[nsym](%%ebx), %%eax\n\t"		\
		"jae 6f\n\t"					\
		"movl 4(%%ecx), %%edi\n\t"			\
		"cmpl 4(%%ebx,%%eax,8), %%edi\n\t"		\
		"jae 8f\n\t"					\
		"addl (%%ebx,%%eax,8), %%edi\n\t"		\
		"movl %%edi, 4(%%ecx)\n\t"
/* the pair done: the next one, or out */
#define LAZY_NEXT						\
		"addl $8, %%ecx\n\t"	/* wnext: B's word + 4 */	\
		"addl $16, %%esi\n\t"				\
		"cmpl %c[end2](%%ebx), %%esi\n\t"		\
		"jne 1b\n\t"					\
		"jmp 9f\n"

static const Elf32_Rel *lazy_pairs(const Elf32_Rel *r, uint32_t *rows,
				   uintptr_t wnext)
{
	__asm__ volatile(
		"pushl %%ebp\n\t"
		"movl %c[pc](%%ebx), %%ebp\n\t"		/* the call rows */
		"cmpl %c[end2](%%ebx), %%esi\n\t"
		"je 9f\n"
		LAZY_A("5f")
		LAZY_B
		LAZY_NEXT
		"5:\n\t"		/* A: PC32 (t = index + 2^24)? PLT32 (+ 3 * 2^24)? */
		"subl $0x1000000, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jb 4f\n\t"
		"subl $0x2000000, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jae 9f\n"
		"4:\n\t"
		"movl (%%ebp,%%eax,8), %%edi\n\t"
		"addl (%%edx), %%edi\n\t"
		"cmpl 4(%%ebp,%%eax,8), %%edi\n\t"
		"jae 9f\n\t"
		"addl %c[cpc](%%ebx), %%edi\n\t"
		"subl %%edx, %%edi\n\t"
		"movl %%edi, (%%edx)\n\t"
		LAZY_B
		LAZY_NEXT
		"6:\n\t"				/* B: PC32? PLT32? */
		"subl $0x1000000, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jb 7f\n\t"
		"subl $0x2000000, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jae 8f\n"
		"7:\n\t"
		"movl (%%ebp,%%eax,8), %%edi\n\t"
		"addl 4(%%ecx), %%edi\n\t"
		"cmpl 4(%%ebp,%%eax,8), %%edi\n\t"
		"jae 8f\n\t"
		"addl %c[cpc4](%%ebx), %%edi\n\t"
		"subl %%ecx, %%edi\n\t"
		"movl %%edi, 4(%%ecx)\n\t"
		LAZY_NEXT
		"8:\n\t"				/* A applied, B not */
		"addl $8, %%esi\n"
		"9:\n\t"
		"popl %%ebp"
		: "+S"(r), "+c"(wnext)
		: "b"(rows), [end2] LZ(end2), [at] LZ(at), [at4] LZ(at4),
		  [wlim4] LZ(wlim4), [nsym] LZ(nsym),
		  [pc] LZ(pc), [cpc] LZ(cpc), [cpc4] LZ(cpc4)
		: "eax", "edx", "edi", "memory", "cc");
	return r;
}
#undef LAZY_B
#undef LAZY_NEXT

/*
 * The same by four (lazy_fours): A and B checked as a pair, then C (held
 * as its address - 8) at least B's word + 4, D (its address - 12) at
 * least C's + 4 and at most the last word: five compares for four places,
 * one loop test for four relocations. A call's way out of line jumps back.
 * Stops at z->end4 or at the first relocation not taken; returns it.
 */
static const Elf32_Rel *lazy_fours(const Elf32_Rel *r, uint32_t *rows,
				   uintptr_t wnext)
{
	__asm__ volatile(
		"pushl %%ebp\n\t"
		"movl %c[pc](%%ebx), %%ebp\n\t"		/* the call rows */
		"cmpl %c[end4](%%ebx), %%esi\n\t"
		"je 9f\n"
		LAZY_A("50f")
		"20:\n\t"
		"movl 12(%%esi), %%eax\n\t"
		"decl %%eax\n\t"
		"rorl $8, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jae 51f\n\t"
		"movl 4(%%ecx), %%edi\n\t"
		"cmpl 4(%%ebx,%%eax,8), %%edi\n\t"
		"jae 81f\n\t"
		"addl (%%ebx,%%eax,8), %%edi\n\t"
		"movl %%edi, 4(%%ecx)\n"
		"21:\n\t"
		"movl 16(%%esi), %%edx\n\t"		/* C's word - 8 */
		"addl %c[at8](%%ebx), %%edx\n\t"
		"cmpl %%ecx, %%edx\n\t"
		"jb 82f\n\t"
		"movl 24(%%esi), %%ecx\n\t"		/* D's word - 12 */
		"addl %c[at12](%%ebx), %%ecx\n\t"
		"cmpl %%edx, %%ecx\n\t"
		"jb 82f\n\t"
		"cmpl %c[wlim12](%%ebx), %%ecx\n\t"
		"ja 82f\n\t"
		"movl 20(%%esi), %%eax\n\t"
		"decl %%eax\n\t"
		"rorl $8, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jae 52f\n\t"
		"movl 8(%%edx), %%edi\n\t"
		"cmpl 4(%%ebx,%%eax,8), %%edi\n\t"
		"jae 82f\n\t"
		"addl (%%ebx,%%eax,8), %%edi\n\t"
		"movl %%edi, 8(%%edx)\n"
		"22:\n\t"
		"movl 28(%%esi), %%eax\n\t"
		"decl %%eax\n\t"
		"rorl $8, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jae 53f\n\t"
		"movl 12(%%ecx), %%edi\n\t"
		"cmpl 4(%%ebx,%%eax,8), %%edi\n\t"
		"jae 83f\n\t"
		"addl (%%ebx,%%eax,8), %%edi\n\t"
		"movl %%edi, 12(%%ecx)\n"
		"23:\n\t"
		"addl $16, %%ecx\n\t"		/* wnext - 12: D's word + 4 - 12 + 12 */
		"addl $32, %%esi\n\t"
		"cmpl %c[end4](%%ebx), %%esi\n\t"
		"jne 1b\n\t"
		"jmp 9f\n"
		"50:\n\t"
		"subl $0x1000000, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jb 501f\n\t"
		"subl $0x2000000, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jae 9f\n"
		"501:\n\t"
		"movl (%%ebp,%%eax,8), %%edi\n\t"
		"addl (%%edx), %%edi\n\t"
		"cmpl 4(%%ebp,%%eax,8), %%edi\n\t"
		"jae 9f\n\t"
		"addl %c[cpc](%%ebx), %%edi\n\t"
		"subl %%edx, %%edi\n\t"
		"movl %%edi, (%%edx)\n\t"
		"jmp 20b\n"
		"51:\n\t"
		"subl $0x1000000, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jb 511f\n\t"
		"subl $0x2000000, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jae 81f\n"
		"511:\n\t"
		"movl (%%ebp,%%eax,8), %%edi\n\t"
		"addl 4(%%ecx), %%edi\n\t"
		"cmpl 4(%%ebp,%%eax,8), %%edi\n\t"
		"jae 81f\n\t"
		"addl %c[cpc4](%%ebx), %%edi\n\t"
		"subl %%ecx, %%edi\n\t"
		"movl %%edi, 4(%%ecx)\n\t"
		"jmp 21b\n"
		"52:\n\t"
		"subl $0x1000000, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jb 521f\n\t"
		"subl $0x2000000, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jae 82f\n"
		"521:\n\t"
		"movl (%%ebp,%%eax,8), %%edi\n\t"
		"addl 8(%%edx), %%edi\n\t"
		"cmpl 4(%%ebp,%%eax,8), %%edi\n\t"
		"jae 82f\n\t"
		"addl %c[cpc8](%%ebx), %%edi\n\t"
		"subl %%edx, %%edi\n\t"
		"movl %%edi, 8(%%edx)\n\t"
		"jmp 22b\n"
		"53:\n\t"
		"subl $0x1000000, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jb 531f\n\t"
		"subl $0x2000000, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jae 83f\n"
		"531:\n\t"
		"movl (%%ebp,%%eax,8), %%edi\n\t"
		"addl 12(%%ecx), %%edi\n\t"
		"cmpl 4(%%ebp,%%eax,8), %%edi\n\t"
		"jae 83f\n\t"
		"addl %c[cpc12](%%ebx), %%edi\n\t"
		"subl %%ecx, %%edi\n\t"
		"movl %%edi, 12(%%ecx)\n\t"
		"jmp 23b\n"
		"83:\n\t"
		"addl $8, %%esi\n"
		"82:\n\t"
		"addl $8, %%esi\n"
		"81:\n\t"
		"addl $8, %%esi\n"
		"9:\n\t"
		"popl %%ebp"
		: "+S"(r), "+c"(wnext)
		: "b"(rows), [end4] LZ(end4), [at] LZ(at), [at4] LZ(at4),
		  [at8] LZ(at8), [at12] LZ(at12), [wlim4] LZ(wlim4),
		  [wlim12] LZ(wlim12), [nsym] LZ(nsym),
		  [pc] LZ(pc), [cpc] LZ(cpc), [cpc4] LZ(cpc4), [cpc8] LZ(cpc8),
		  [cpc12] LZ(cpc12)
		: "eax", "edx", "edi", "memory", "cc");
	return r;
}
#undef LAZY_A

/*
 * By eight (lazy_eights), for the long runs: slot k of a turn (k = 0..7,
 * its relocation at 8k(%esi)) is held in %edx (k even) or %ecx (k odd) as
 * its word's address - 4k (z->at - 4k added: the field 4k bytes after
 * z->at), so each place is one compare with the slot before it (slot 0
 * with %ecx, the last turn's slot 7 held as its address - 28, plus 32:
 * the word after it); each odd slot is also at most the last word (wlim -
 * 4k: then its pair may be applied). Each relocation then as in
 * lazy_fours: an R_386_32 on its row, a call's way out of line, but
 * running on into a copy of the rest of the turn rather than jumping
 * back (the copies' calls go to the same ways out: one jump less a call).
 * One loop test for eight relocations (lazy_fours: one for four).
 * Stops at z->end8 or at the first relocation not taken; returns it.
 */
/* slot k's place, into reg, at least the word after slot k - 1 (in prev) */
#define EIGHT_PLACE(k, reg, prev, bad)					\
		"movl 8*" #k "(%%esi), %%" reg "\n\t"			\
		"addl %c[at]+4*" #k "(%%ebx), %%" reg "\n\t"		\
		"cmpl %%" prev ", %%" reg "\n\t"			\
		"jb " bad "\n\t"
/* slot 2j + 1 (in %ecx) at most the last word: z->wlim4 + 4j's field */
#define EIGHT_LAST(j, bad)						\
		"cmpl %c[wlim4]+4*" #j "(%%ebx), %%ecx\n\t"		\
		"ja " bad "\n\t"
/* slot k (in reg): an R_386_32 applied, else to call or bad */
#define EIGHT_R32(k, reg, call, bad)					\
		"movl 8*" #k "+4(%%esi), %%eax\n\t"			\
		"decl %%eax\n\t"					\
		"rorl $8, %%eax\n\t"					\
		"cmpl %c[nsym](%%ebx), %%eax\n\t"			\
		"jae " call "\n\t"					\
		"movl 4*" #k "(%%" reg "), %%edi\n\t"			\
		"cmpl 4(%%ebx,%%eax,8), %%edi\n\t"			\
		"jae " bad "\n\t"					\
		"addl (%%ebx,%%eax,8), %%edi\n\t"			\
		"movl %%edi, 4*" #k "(%%" reg ")\n"
/* slot k (in reg), not an R_386_32: a PC32 or PLT32 applied and on to
 * what follows (a copy of the rest of the turn), else to bad */
#define EIGHT_CALL_ON(k, reg, bad)					\
		"subl $0x1000000, %%eax\n\t"				\
		"cmpl %c[nsym](%%ebx), %%eax\n\t"			\
		"jb 1" #k "f\n\t"					\
		"subl $0x2000000, %%eax\n\t"				\
		"cmpl %c[nsym](%%ebx), %%eax\n\t"			\
		"jae " bad "\n"						\
		"1" #k ":\n\t"						\
		"movl (%%ebp,%%eax,8), %%edi\n\t"			\
		"addl 4*" #k "(%%" reg "), %%edi\n\t"			\
		"cmpl 4(%%ebp,%%eax,8), %%edi\n\t"			\
		"jae " bad "\n\t"					\
		"addl %c[cpc]+4*" #k "(%%ebx), %%edi\n\t"		\
		"subl %%" reg ", %%edi\n\t"				\
		"movl %%edi, 4*" #k "(%%" reg ")\n"
/* the end of a turn: the next eight, or out */
#define EIGHT_NEXT							\
		"addl $32, %%ecx\n\t"	/* slot 7's word + 4, held as - 0 */ \
		"addl $64, %%esi\n\t"					\
		"cmpl %c[end8](%%ebx), %%esi\n\t"			\
		"jne 1b\n\t"						\
		"jmp 9f\n"
/* the rest of a turn from slot k on: slots k to 7 and the turn's end (the
 * turn itself, and after a call in slot k - 1, a copy of it) */
#define EIGHT_REST7							\
		EIGHT_R32(7, "ecx", "37f", "97f")			\
		EIGHT_NEXT
#define EIGHT_REST6							\
		EIGHT_PLACE(6, "edx", "ecx", "96f")			\
		EIGHT_PLACE(7, "ecx", "edx", "96f")			\
		EIGHT_LAST(3, "96f")					\
		EIGHT_R32(6, "edx", "36f", "96f")			\
		EIGHT_REST7
#define EIGHT_REST5							\
		EIGHT_R32(5, "ecx", "35f", "95f")			\
		EIGHT_REST6
#define EIGHT_REST4							\
		EIGHT_PLACE(4, "edx", "ecx", "94f")			\
		EIGHT_PLACE(5, "ecx", "edx", "94f")			\
		EIGHT_LAST(2, "94f")					\
		EIGHT_R32(4, "edx", "34f", "94f")			\
		EIGHT_REST5
#define EIGHT_REST3							\
		EIGHT_R32(3, "ecx", "33f", "93f")			\
		EIGHT_REST4
#define EIGHT_REST2							\
		EIGHT_PLACE(2, "edx", "ecx", "92f")			\
		EIGHT_PLACE(3, "ecx", "edx", "92f")			\
		EIGHT_LAST(1, "92f")					\
		EIGHT_R32(2, "edx", "32f", "92f")			\
		EIGHT_REST3
#define EIGHT_REST1							\
		EIGHT_R32(1, "ecx", "31f", "91f")			\
		EIGHT_REST2
static const Elf32_Rel *lazy_eights(const Elf32_Rel *r, uint32_t *rows,
				    uintptr_t wnext)
{
	__asm__ volatile(
		"pushl %%ebp\n\t"
		"movl %c[pc](%%ebx), %%ebp\n\t"		/* the call rows */
		"cmpl %c[end8](%%ebx), %%esi\n\t"
		"je 9f\n"
		"1:\n\t"
		EIGHT_PLACE(0, "edx", "ecx", "9f")
		EIGHT_PLACE(1, "ecx", "edx", "9f")
		EIGHT_LAST(0, "9f")
		EIGHT_R32(0, "edx", "30f", "9f")
		EIGHT_REST1
		/* a call in slot k runs on into a copy of the rest of the
		 * turn (slots k + 1 to 7, the turn's end): no jump back */
		"30:\n\t"
		EIGHT_CALL_ON(0, "edx", "9f")
		EIGHT_REST1
		"31:\n\t"
		EIGHT_CALL_ON(1, "ecx", "91f")
		EIGHT_REST2
		"32:\n\t"
		EIGHT_CALL_ON(2, "edx", "92f")
		EIGHT_REST3
		"33:\n\t"
		EIGHT_CALL_ON(3, "ecx", "93f")
		EIGHT_REST4
		"34:\n\t"
		EIGHT_CALL_ON(4, "edx", "94f")
		EIGHT_REST5
		"35:\n\t"
		EIGHT_CALL_ON(5, "ecx", "95f")
		EIGHT_REST6
		"36:\n\t"
		EIGHT_CALL_ON(6, "edx", "96f")
		EIGHT_REST7
		"37:\n\t"
		EIGHT_CALL_ON(7, "ecx", "97f")
		EIGHT_NEXT
		"97:\n\t"		/* slot k not taken: esi += 8k */
		"addl $8, %%esi\n"
		"96:\n\t"
		"addl $8, %%esi\n"
		"95:\n\t"
		"addl $8, %%esi\n"
		"94:\n\t"
		"addl $8, %%esi\n"
		"93:\n\t"
		"addl $8, %%esi\n"
		"92:\n\t"
		"addl $8, %%esi\n"
		"91:\n\t"
		"addl $8, %%esi\n"
		"9:\n\t"
		"popl %%ebp"
		: "+S"(r), "+c"(wnext)
		: "b"(rows), [end8] LZ(end8), [at] LZ(at), [wlim4] LZ(wlim4),
		  [nsym] LZ(nsym), [pc] LZ(pc), [cpc] LZ(cpc)
		: "eax", "edx", "edi", "memory", "cc");
	_Static_assert(offsetof(struct lazy, at28) - offsetof(struct lazy, at) == 28 &&
		       offsetof(struct lazy, wlim28) - offsetof(struct lazy, wlim4) == 12 &&
		       offsetof(struct lazy, cpc28) - offsetof(struct lazy, cpc) == 28,
		       "lazy_eights: slot k's fields 4k bytes apart");
	return r;
}
#undef EIGHT_PLACE
#undef EIGHT_LAST
#undef EIGHT_R32
#undef EIGHT_CALL_ON
#undef EIGHT_NEXT
#undef EIGHT_REST1
#undef EIGHT_REST2
#undef EIGHT_REST3
#undef EIGHT_REST4
#undef EIGHT_REST5
#undef EIGHT_REST6
#undef EIGHT_REST7

/* Checks and applies .module's relocations r.. while the rows take them;
 * returns the first one they do not (z->end: all). */
static const Elf32_Rel *lazy_run(const Elf32_Rel *r, uint32_t *rows)
{
	struct lazy *z = (struct lazy *)rows - 1;
	const Elf32_Rel *r0 = r;
	uintptr_t w = z->wnext;

	if (z->end - r >= 8) {		/* by eight, four, two */
		z->end8 = r + ((z->end - r) & ~7);
		z->at16 = z->at - 16;
		z->at20 = z->at - 20;
		z->at24 = z->at - 24;
		z->at28 = z->at - 28;
		z->wlim20 = z->wlim - 20;
		z->wlim28 = z->wlim - 28;
		z->cpc16 = z->cpc - 16;
		z->cpc20 = z->cpc - 20;
		z->cpc24 = z->cpc - 24;
		z->cpc28 = z->cpc - 28;
		r = lazy_eights(r, rows, w);
		if (r != z->end8)
			goto out;
		if (r != r0)
			w = z->at + r[-1].r_offset + 4;
	}
	if (z->end - r >= 4) {		/* by four, then the last one to three */
		z->end4 = r + ((z->end - r) & ~3);
		r = lazy_fours(r, rows, w);
		if (r != z->end4)
			goto out;
		if (r != r0)
			w = z->at + r[-1].r_offset + 4;
	}
	if (z->end - r >= 2) {
		z->end2 = r + ((z->end - r) & ~1);
		r = lazy_pairs(r, rows, w);
	}
out:
	if (r != r0)
		z->wnext = z->at + r[-1].r_offset + 4;
	if (z->end - r == 1)		/* the last one */
		r = lazy_ones(r, rows);
	return r;
}
#else
/* Checks and applies .module's relocations r.. while the rows take them;
 * returns the first one they do not (z->end: all). */
static const Elf32_Rel *lazy_run(const Elf32_Rel *r, uint32_t *rows)
{
	return lazy_ones(r, rows);
}
#endif

/* A call or jump from symbol s to image offset t lands on code:
 * check_pc_target's rule. */
static int lazy_code(const struct modelf *m, const struct modelf_sym *s,
		     uint32_t t)
{
	const struct modelf_part *tp = part_at(m, t);

	return tp && t >= MODHDR_SIZE &&
	       (m->sh[tp->shndx].sh_flags & m->sh[s->part->shndx].sh_flags &
		SHF_EXECINSTR);
}

#ifdef HOST_TEST
unsigned int modreloc_lazy_one_taken;	/* contract in loader/elf.h */
#endif

/* Relocation r of part pi, which lazy_run did not take: checked (as
 * check_place, check_one and modreloc_check_targets do) and applied, 1;
 * 0 if not sure. z: the part's (at, wlim, wnext); rows as lazy_rows made
 * them (an import's S). */
static int lazy_one(struct modelf *m, int pi, const Elf32_Rel *r,
		    struct lazy *z, const uint32_t *rows)
{
	const struct modelf_part *p = &m->part[pi];
	uint32_t off = r->r_offset, symi = ELF32_R_SYM(r->r_info);
	uint32_t type = ELF32_R_TYPE(r->r_info), A, val, t;
	uintptr_t w = z->at + off;
	struct modelf_sym s;

	if (w < z->wnext || w > z->wlim || symi >= m->nsym ||
	    (type != R_386_32 && type != R_386_PC32 && type != R_386_PLT32))
		return 0;
	modelf_symbol(m, symi, &s);
	A = wld(w);
	switch (s.kind) {
	case MODSYM_NULL: case MODSYM_ABS:
		if (type != R_386_32 || pi != MODELF_MODULE ||
		    !absolute_allowed(m, off))
			return 0;
		val = s.value + A;
		break;
	case MODSYM_UNDEF:
		if (rows[2 * symi + 1] != UINT32_MAX)
			return 0;	/* not known */
		val = rows[2 * symi] + A;	/* S + A */
		if (type != R_386_32)
			val -= z->base + p->addr + off;
		break;
	case MODSYM_IMAGE:
		if (type == R_386_32 &&
		    ((uint64_t)s.value + (int32_t)A > m->image_size ||
		     (int64_t)s.value + (int32_t)A < 0))
			return 0;
		if (type != R_386_32 && !lazy_code(m, &s, s.value + A + 4))
			return 0;
		t = target_of(&s, type, A);
		if (pi == MODELF_MODULE && off != MODHDR_OFF_INIT &&
		    t >= m->hdr.core_size && t < m->image_size)
			return 0;	/* core to init */
		val = z->base + s.value + A;
		if (type != R_386_32)
			val -= z->base + p->addr + off;
		break;
	default:
		return 0;
	}
	__builtin_memcpy((void *)w, &val, 4);
	z->wnext = w + 4;
#ifdef HOST_TEST
	modreloc_lazy_one_taken++;
#endif
	return 1;
}

/* The header's words an absolute symbol may fill (absolute_allowed's
 * size fields), a bit for each word: bit off / 4. */
#define ABS_WORDS (1u << MODHDR_OFF_CORE_SIZE / 4 | 1u << MODHDR_OFF_INIT_SIZE / 4 | \
		   1u << MODHDR_OFF_NUM_SYMS / 4 | 1u << MODHDR_OFF_MODINFO_SIZE / 4 | \
		   1u << MODHDR_OFF_NUM_PARAMS / 4)
_Static_assert(MODHDR_SIZE / 4 <= 32, "ABS_WORDS: a bit for each header word");

/* The word of the header at offset off (below MODHDR_SIZE, a multiple of
 * 4) for symbol e and addend A, where its row did not take it: an
 * absolute symbol in a size field (lazy_one's MODSYM_ABS where
 * absolute_allowed: ABS_WORDS lists the header's), or init_module, in
 * .module.init, in the init field (lazy_one's MODSYM_IMAGE R_386_32: S +
 * A inside the image; the init field may refer to init). 1 and *x: the
 * word; 0: not sure. */
static int header_word(const struct modelf *m, uint32_t off, const Elf32_Sym *e,
		       uint32_t A, uint32_t base, uint32_t *x)
{
	const struct modelf_part *in = &m->part[MODELF_INIT];

	if (e->st_shndx == SHN_ABS && (ABS_WORDS >> off / 4 & 1)) {
		*x = e->st_value + A;
		return 1;
	}
	/* image offsets: S + A <= image_size < 2^31 tested in 32 bits is
	 * lazy_one's test in 64 */
	*x = in->addr + e->st_value + A;
	if (off == MODHDR_OFF_INIT && in->shndx && e->st_shndx == in->shndx &&
	    *x <= m->image_size) {
		*x += base;
		return 1;
	}
	return 0;
}

#if defined(__i386__)
/* ABS_WORDS as a bit for each header byte offset (bit off: the word at
 * off may hold an absolute symbol; z->abs_offs), for one bt on the
 * offset itself. */
#define ABS_BIT(o, w)	((o) / 32 == (w) ? 1u << (o) % 32 : 0)
#define ABS_OFFS(w)	(ABS_BIT(MODHDR_OFF_CORE_SIZE, w) | ABS_BIT(MODHDR_OFF_INIT_SIZE, w) | \
			 ABS_BIT(MODHDR_OFF_NUM_SYMS, w) | ABS_BIT(MODHDR_OFF_MODINFO_SIZE, w) | \
			 ABS_BIT(MODHDR_OFF_NUM_PARAMS, w))
_Static_assert(MODHDR_SIZE == 128, "abs_offs: four words");

/*
 * lazy_header's loop by hand, for i386, for its three common kinds (the
 * compiler's version, short of registers, spends about 45 instructions a
 * relocation; this one 20 an R_386_32 on its row, 28 an absolute size,
 * 34 the init field): from r on, while the place is at least *next and
 * at most MODHDR_SIZE - 4, an R_386_32 taken on its row (A below the
 * span: S + A) or, where the row does not take it, header_word's two
 * kinds: an absolute symbol (section index SHN_ABS; symbol 0 is not: it
 * is all zero) at a byte offset abs_offs marks (one of ABS_WORDS: a
 * multiple of 4), whose word is st_value + A; or, at the init field, a
 * symbol of .module.init with x = init's offset + st_value + A at most
 * the image's size, whose word is base + x. Stops at z->end or at the
 * first relocation it does not take (lazy_header's C body decides that
 * one); *next: the last one's offset + 4.
 */
static const Elf32_Rel *header_rows(const Elf32_Rel *r, uint32_t *rows,
				    uint8_t *at, uint32_t *next)
{
	uint32_t n = *next;

	__asm__ volatile(
		"pushl %%ebp\n\t"
		"cmpl %c[end](%%ebx), %%esi\n\t"
		"je 9f\n"
		"1:\n\t"
		"movl (%%esi), %%edx\n\t"		/* the place: off */
		"cmpl %%ecx, %%edx\n\t"
		"jb 9f\n\t"
		"cmpl $0x7c, %%edx\n\t"		/* MODHDR_SIZE - 4 */
		"ja 9f\n\t"
		"movl 4(%%esi), %%eax\n\t"		/* t: the symbol if R_386_32 */
		"decl %%eax\n\t"
		"rorl $8, %%eax\n\t"
		"cmpl %c[nsym](%%ebx), %%eax\n\t"
		"jae 9f\n\t"
		"movl (%%edi,%%edx), %%ebp\n\t"	/* A below the span */
		"cmpl 4(%%ebx,%%eax,8), %%ebp\n\t"
		"jae 5f\n\t"
		"addl (%%ebx,%%eax,8), %%ebp\n"	/* S + A */
		"2:\n\t"
		"movl %%ebp, (%%edi,%%edx)\n\t"
		"leal 4(%%edx), %%ecx\n\t"
		"addl $8, %%esi\n\t"
		"cmpl %c[end](%%ebx), %%esi\n\t"
		"jne 1b\n\t"
		"jmp 9f\n"
		"5:\n\t"				/* an absolute size? */
		"btl %%edx, %c[abs](%%ebx)\n\t"
		"jnc 6f\n\t"
		"shll $4, %%eax\n\t"
		"addl %c[sym](%%ebx), %%eax\n\t"
		"cmpw $0xfff1, 14(%%eax)\n\t"	/* SHN_ABS */
		"jne 9f\n\t"
		"movl 4(%%eax), %%ebp\n\t"		/* st_value + A */
		"addl (%%edi,%%edx), %%ebp\n\t"
		"jmp 2b\n"
		"6:\n\t"				/* the init field? */
		"cmpl $72, %%edx\n\t"		/* MODHDR_OFF_INIT */
		"jne 9f\n\t"
		"shll $4, %%eax\n\t"
		"addl %c[sym](%%ebx), %%eax\n\t"
		"movzwl 14(%%eax), %%ebp\n\t"	/* in .module.init */
		"cmpl %c[insh](%%ebx), %%ebp\n\t"
		"jne 9f\n\t"
		"movl 4(%%eax), %%ebp\n\t"		/* x: init's address + */
		"addl (%%edi,%%edx), %%ebp\n\t"	/* st_value + A */
		"addl %c[inaddr](%%ebx), %%ebp\n\t"
		"cmpl %c[isize](%%ebx), %%ebp\n\t"	/* x <= image_size */
		"ja 9f\n\t"
		"addl %c[base](%%ebx), %%ebp\n\t"	/* base + x */
		"jmp 2b\n"
		"9:\n\t"
		"popl %%ebp"
		: "+S"(r), "+c"(n)
		: "b"(rows), "D"(at), [abs] LZ(abs_offs),
		  [end] LZ(end), [nsym] LZ(nsym), [sym] LZ(sym),
		  [insh] LZ(init_sh), [inaddr] LZ(init_addr),
		  [isize] LZ(image_size), [base] LZ(base)
		: "eax", "edx", "memory", "cc");
	_Static_assert(SHN_ABS == 0xfff1, "header_rows: SHN_ABS");
	_Static_assert(MODHDR_OFF_INIT == 72, "header_rows: the init field");
	_Static_assert(MODHDR_SIZE - 4 == 0x7c, "header_rows: the header");
	*next = n;
	return r;
}
#endif

/*
 * .module's relocations in the header (offsets up to MODHDR_SIZE - 4: the
 * first ones, places ascending), checked and applied: an R_386_32 on its
 * row as lazy_run takes it, else header_word's two kinds, which every
 * header has (its size fields, its init field) and the rows refuse. In
 * C, one at a time: there are about a dozen. The header's words lie in
 * .module (at least MODHDR_SIZE bytes): the place needs only to be after
 * the previous one. Returns the first relocation past the header, or
 * the first one it is not sure of (lazy_one decides that one).
 */
static const Elf32_Rel *lazy_header(const struct modelf *m, const Elf32_Rel *r,
				    struct lazy *z, const uint32_t *rows)
{
	uint8_t *at = (uint8_t *)z->at;
	uint32_t next = 0;		/* the next offset may not be below */

	for (; r != z->end; r++) {
		uint32_t off, t, x;

#if defined(__i386__)
		/* the common kinds by hand; the C below is for the rest */
		if ((r = header_rows(r, (uint32_t *)rows, at, &next)) == z->end)
			break;
#endif
		off = r->r_offset;
		t = r->r_info - R_386_32;
		t = t >> 8 | t << 24;	/* the symbol if an R_386_32 (lazy_run) */
		if (off < next || off > MODHDR_SIZE - 4 || t >= z->nsym)
			break;
		x = ld32(at + off);	/* A */
		if (x < rows[2 * t + 1])
			x += rows[2 * t];	/* S + A */
		else if (off % 4 || !t ||
			 !header_word(m, off, &m->sym[t], ld32(at + off), z->base, &x))
			break;
		__builtin_memcpy(at + off, &x, 4);
		next = off + 4;
	}
	z->wnext = (uintptr_t)at + next;
	return r;
}

/* Part pi's relocations, all checked and applied: 1; 0 if one is not
 * sure. .module.init's go through lazy_run too, on the same rows: their
 * rules are wider than .module's (an R_386_32 may point anywhere in the
 * image, init included), so what the rows take is allowed there too,
 * and the rest (a reference to init's own symbols) goes to lazy_one. */
static int lazy_part(struct modelf *m, int pi, uint8_t *img, uint32_t *rows)
{
	const struct modelf_part *p = &m->part[pi];
	const Elf32_Rel *r = p->rel;
	struct lazy *z = (struct lazy *)rows - 1;	/* the part's fields set here */

	if (!p->nrel)
		return 1;
	if (pi == MODELF_BSS || p->size < 4)
		return 0;
	z->end = r + p->nrel;
	z->at = (uintptr_t)(img + p->addr);
	z->at4 = z->at - 4;
	z->at8 = z->at - 8;
	z->at12 = z->at - 12;
	z->wlim = z->at + p->size - 4;
	z->wlim4 = z->wlim - 4;
	z->wlim12 = z->wlim - 12;
	z->wnext = z->at;
	if (pi == MODELF_MODULE)
		r = lazy_header(m, r, z, rows);
	while ((r = lazy_run(r, rows)) != z->end)
		if (!lazy_one(m, pi, r++, z, rows))
			return 0;
	return 1;
}

int modreloc_apply_lazy(struct modelf *m, void *image, uint32_t base,
			modreloc_resolve_fn resolve, void *arg,
			uint32_t *table)
{
	const struct modelf_part *mod = &m->part[MODELF_MODULE];
	const struct modelf_part *bss = &m->part[MODELF_BSS];
	struct lazy *z = (struct lazy *)table;
	uint32_t *rows = (uint32_t *)(z + 1);
	uint8_t *img = image;
	int err;

	if (m->rel_lazy && m->image_size < 0x80000000u &&
	    mod->size >= MODHDR_SIZE && m->nsym < (1u << 24)) {
		for (int p = 0; p < MODELF_NPARTS; p++)
			if (m->part[p].bytes)
				memcpy(img + m->part[p].addr, m->part[p].bytes,
				       m->part[p].size);
		memset(img + bss->addr, 0, bss->size);
		/* the fields every part shares; lazy_part and lazy_run set
		 * the others before they are read */
		z->nsym = m->nsym;
		z->base = base;
		z->pc = rows + 2 * m->nsym;
		z->cpc = (uint32_t)(uintptr_t)img + MODHDR_SIZE - 4;
		z->cpc4 = z->cpc - 4;
		z->cpc8 = z->cpc - 8;
		z->cpc12 = z->cpc - 12;
#if defined(__i386__)
		z->sym = m->sym;
		z->init_sh = m->part[MODELF_INIT].shndx ? m->part[MODELF_INIT].shndx
							: UINT32_MAX;
		z->init_addr = m->part[MODELF_INIT].addr;
		z->image_size = m->image_size;
		z->abs_offs[0] = ABS_OFFS(0);
		z->abs_offs[1] = ABS_OFFS(1);
		z->abs_offs[2] = ABS_OFFS(2);
		z->abs_offs[3] = ABS_OFFS(3);
#endif
		lazy_rows(m, z, rows, rows + 2 * m->nsym, resolve, arg);
		if (lazy_part(m, MODELF_MODULE, img, rows) &&
		    lazy_part(m, MODELF_BSS, img, rows) &&
		    lazy_part(m, MODELF_INIT, img, rows))
			return 0;
	}
	/* not sure: the checks one by one, then the relocator */
	if (m->rel_lazy && (err = modelf_parse(m->buf, m->len, m)))
		return err;
	return modreloc_apply(m, image, base, resolve, arg, table);
}
