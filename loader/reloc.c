/*
 * i386 relocation of module images (API in loader/elf.h): the arithmetic
 * in one small function, the per-relocation checks (bounds, type, no core
 * reference into the init part) and making the image for a base address:
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
			   at < m->hdr.core_size ? "core" : "init";

	if (sym)
		snprintf(buf, size, "%s+0x%x (%s+0x%x, %s)", sec, off, sym,
			 at - start, part);
	else
		snprintf(buf, size, "%s+0x%x (%s)", sec, off, part);
	return buf;
}

static int check_type(const struct modelf *m, const struct modelf_part *p,
		      uint32_t i, uint32_t off, uint32_t type, char *why,
		      size_t whylen)
{
	const char *name = modreloc_type_name(type);
	char at[96];

	switch (type) {
	case R_386_NONE: case R_386_32: case R_386_PC32: case R_386_PLT32:
		return 0;
	case R_386_GOT32: case R_386_GOTOFF: case R_386_GOTPC: case R_386_GOT32X:
		return refuse(why, whylen, "relocation %u at %s: %s needs a global "
			      "offset table; compile with -fno-pic", i,
			      where(m, p, off, at, sizeof(at)), name);
	}
	if (name)
		return refuse(why, whylen, "relocation %u at %s: type %s (%u) not "
			      "supported", i, where(m, p, off, at, sizeof(at)),
			      name, type);
	return refuse(why, whylen, "relocation %u at %s: unknown type %u", i,
		      where(m, p, off, at, sizeof(at)), type);
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

/*
 * Image offset a relocation to symbol s, defined in part sp, points at:
 * the symbol itself for a named one; for a section symbol, the section
 * plus the addend (+4 for PC-relative ones: on i386 the field ends its
 * instruction).
 */
static uint32_t target_of(const struct modelf_part *sp, const Elf32_Sym *s,
			  uint32_t type, uint32_t A)
{
	if (ELF32_ST_TYPE(s->st_info) != STT_SECTION)
		return sp->addr + s->st_value;
	return sp->addr + s->st_value + A + (type == R_386_32 ? 0 : 4);
}

static int check_core_to_init(const struct modelf *m, const struct modelf_part *p,
			      const Elf32_Rel *r, char *why, size_t whylen)
{
	uint32_t core = m->hdr.core_size, off = p->addr + r->r_offset;
	const Elf32_Sym *s = &m->sym[ELF32_R_SYM(r->r_info)];
	const struct modelf_part *sp = modelf_part_of(m, s->st_shndx);
	uint32_t type = ELF32_R_TYPE(r->r_info), target;
	char from[80], to[80];

	if (off >= core || !sp || type == R_386_NONE ||
	    off == MODHDR_OFF_INIT)	/* the header's init: used, then gone */
		return 0;
	target = target_of(sp, s, type, rd32(p->bytes + r->r_offset));
	if (target < core || target >= m->image_size)
		return 0;
	describe(m, off, from, sizeof(from));
	if (ELF32_ST_TYPE(s->st_info) == STT_SECTION)
		describe(m, target, to, sizeof(to));
	else
		snprintf(to, sizeof(to), "symbol %s", modelf_sym_name(m,
			 ELF32_R_SYM(r->r_info)));
	return refuse(why, whylen, "core %s refers to init %s, which is "
		      "discarded after init", from, to);
}

/* Checks relocation i of part p (see modreloc_check). */
static int check_one(const struct modelf *m, const struct modelf_part *p,
		     uint32_t i, char *why, size_t whylen)
{
	const Elf32_Rel *r = &p->rel[i];
	uint32_t off = r->r_offset, symi = ELF32_R_SYM(r->r_info);
	const Elf32_Sym *s;
	char at[96];
	int err;

	if (off > p->size || p->size - off < 4)
		return refuse(why, whylen, "relocation %u: offset 0x%x+4 runs "
			      "past the end of %s (0x%x bytes)", i, off,
			      modelf_section_name(m, p->shndx), p->size);
	if (symi >= m->nsym)
		return refuse(why, whylen, "relocation %u at %s: symbol index %u out "
			      "of range (%u symbols)", i, where(m, p, off, at, sizeof(at)),
			      symi, m->nsym);
	err = check_type(m, p, i, off, ELF32_R_TYPE(r->r_info), why, whylen);
	if (err)
		return err;
	s = &m->sym[symi];
	if (symi && s->st_shndx != SHN_UNDEF && s->st_shndx != SHN_ABS &&
	    !modelf_part_of(m, s->st_shndx))
		return refuse(why, whylen, "relocation %u at %s: symbol %s is in "
			      "section %s, outside the image", i,
			      where(m, p, off, at, sizeof(at)), modelf_sym_name(m, symi),
			      modelf_section_name(m, s->st_shndx));
	return check_core_to_init(m, p, r, why, whylen);
}

int modreloc_check(const struct modelf *m, char *why, size_t whylen)
{
	for (int p = 0; p < MODELF_NPARTS; p++)
		for (uint32_t i = 0; i < m->part[p].nrel; i++) {
			int err = check_one(m, &m->part[p], i, why, whylen);

			if (err)
				return err;
		}
	return 0;
}

/* S: the address of relocation r's symbol once loaded at base. */
static int symbol_value(const struct modelf *m, const Elf32_Rel *r,
			uint32_t base, modreloc_resolve_fn resolve, void *arg,
			uint32_t *S, char *why, size_t whylen)
{
	uint32_t symi = ELF32_R_SYM(r->r_info);
	const Elf32_Sym *s = &m->sym[symi];
	const struct modelf_part *sp = modelf_part_of(m, s->st_shndx);
	const char *name = modelf_sym_name(m, symi);
	int err;

	if (symi == 0 || s->st_shndx == SHN_ABS) {
		*S = symi ? s->st_value : 0;
		return 0;
	}
	if (sp) {
		*S = base + sp->addr + s->st_value;
		return 0;
	}
	err = resolve ? resolve(arg, name, S) : -ENOKEY;
	if (err && ELF32_ST_BIND(s->st_info) == STB_WEAK) {
		*S = 0;
		return 0;
	}
	if (err == -ENOKEY)
		return refuse(why, whylen, "unknown symbol %s", name), -ENOKEY;
	if (err)
		return refuse(why, whylen, "symbol %s: error %d", name, err), err;
	return 0;
}

/* Checks and applies relocation i of part p to img, loaded at base. */
static int apply_one(const struct modelf *m, const struct modelf_part *p,
		     uint32_t i, uint8_t *img, uint32_t base,
		     modreloc_resolve_fn resolve, void *arg, char *why,
		     size_t whylen)
{
	const Elf32_Rel *r = &p->rel[i];
	uint32_t type = ELF32_R_TYPE(r->r_info), at = p->addr + r->r_offset;
	uint32_t S, val;
	int err = check_one(m, p, i, why, whylen);

	if (err || type == R_386_NONE)
		return err;
	err = symbol_value(m, r, base, resolve, arg, &S, why, whylen);
	if (err)
		return err;
	err = modreloc_compute(type, S, rd32(p->bytes + r->r_offset),
			       base + at, &val);
	if (err)	/* check_one let only known types through */
		return refuse(why, whylen, "relocation %u: type %u", i, type);
	wr32(img + at, val);
	return 0;
}

int modreloc_apply(const struct modelf *m, void *image, uint32_t base,
		   modreloc_resolve_fn resolve, void *arg,
		   char *why, size_t whylen)
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
					arg, why, whylen);
			if (err)
				return err;
		}
	return 0;
}
