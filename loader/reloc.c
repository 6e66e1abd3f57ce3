/*
 * i386 relocation of module images (API in loader/elf.h): the arithmetic
 * in one small function, the per-relocation checks (bounds, order, type,
 * what each symbol may be used for, no core reference into the init part)
 * and making the image for a base address:
 * copy the stored parts, zero-fill .module.bss, apply .rel.module and
 * .rel.module.init. Pure code: no allocation, no printing.
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

static void wr32(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

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

int modreloc_check(struct modelf *m)
{
	int err;

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

int modreloc_check_targets(struct modelf *m)
{
	int err;

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
		*S = base + s.value;
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

/* Applies relocation i of part p (checked) to img, loaded at base. */
static int apply_one(struct modelf *m, const struct modelf_part *p,
		     uint32_t i, uint8_t *img, uint32_t base,
		     modreloc_resolve_fn resolve, void *arg)
{
	const Elf32_Rel *r = &p->rel[i];
	uint32_t type = ELF32_R_TYPE(r->r_info), at = p->addr + r->r_offset;
	uint32_t S, val;
	int err = symbol_value(m, r, base, resolve, arg, &S);

	if (err)
		return err;
	err = modreloc_compute(type, S, rd32(p->bytes + r->r_offset),
			       base + at, &val);
	if (err)	/* modreloc_check let only known types through */
		return refuse(m, "relocation %u: type %u", i, type);
	wr32(img + at, val);
	return 0;
}

int modreloc_apply(struct modelf *m, void *image, uint32_t base,
		   modreloc_resolve_fn resolve, void *arg)
{
	uint8_t *img = image;
	int err;

	memset(img, 0, m->image_size);	/* .module.bss: the zero-fill */
	for (int p = 0; p < MODELF_NPARTS; p++)
		if (m->part[p].bytes)
			memcpy(img + m->part[p].addr, m->part[p].bytes,
			       m->part[p].size);
	for (int p = 0; p < MODELF_NPARTS; p++)
		for (uint32_t i = 0; i < m->part[p].nrel; i++) {
			err = apply_one(m, &m->part[p], i, img, base, resolve,
					arg);
			if (err)
				return err;
		}
	return 0;
}
