/*
 * Checking and describing module objects (loader/elf.c) and relocating
 * their images (loader/reloc.c). Pure code on a buffer: no allocation, no
 * printing, no kernel calls; used by insmod in the kernel and by modpost and
 * the tests on the host. Every refusal is -ENOEXEC plus a reason in words,
 * naming the thing at fault (the field, and the section or symbol it belongs
 * to), written into the context's why[] buffer (struct modelf).
 * The rules are listed in docs/modules.md ("What the checker refuses").
 *
 * Image offsets: a module image is .module's bytes, .module.bss's zeros and
 * .module.init's bytes, in that order (include/tessera/modformat.h); "image
 * offset" is a byte offset in it (the address once loaded at base 0). A
 * section's image offset is its address, sh_addr; a symbol's is its
 * section's plus st_value; a relocation's, its section's plus r_offset.
 */
#ifndef LOADER_ELF_H
#define LOADER_ELF_H

#include <stddef.h>
#include <stdint.h>
#include <tessera/modformat.h>

/* --- ELF32 as the System V ABI defines it (only what modules use) --- */
typedef struct {
	uint8_t e_ident[16];
	uint16_t e_type, e_machine;
	uint32_t e_version, e_entry, e_phoff, e_shoff, e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum;
	uint16_t e_shentsize, e_shnum, e_shstrndx;
} Elf32_Ehdr;				/* 52 bytes */

typedef struct {
	uint32_t sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size;
	uint32_t sh_link, sh_info, sh_addralign, sh_entsize;
} Elf32_Shdr;				/* 40 bytes */

typedef struct {
	uint32_t st_name, st_value, st_size;
	uint8_t st_info, st_other;
	uint16_t st_shndx;
} Elf32_Sym;				/* 16 bytes */

typedef struct {
	uint32_t r_offset, r_info;
} Elf32_Rel;				/* 8 bytes */

#define EI_CLASS	4
#define EI_DATA		5
#define ELFCLASS32	1
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define ELFDATA2MSB	2
#define ET_REL		1
#define ET_EXEC		2
#define ET_DYN		3
#define EM_386		3
#define EM_X86_64	62
#define SHT_PROGBITS	1
#define SHT_SYMTAB	2
#define SHT_STRTAB	3
#define SHT_RELA	4
#define SHT_NOBITS	8
#define SHT_REL		9
#define SHT_GROUP	17
#define SHF_ALLOC	0x2
#define SHF_EXECINSTR	0x4
#define SHN_UNDEF	0
#define SHN_LORESERVE	0xff00
#define SHN_ABS		0xfff1
#define SHN_COMMON	0xfff2
#define STB_LOCAL	0
#define STT_NOTYPE	0
#define STB_GLOBAL	1
#define STB_WEAK	2
#define STT_OBJECT	1
#define STT_FUNC	2
#define STT_SECTION	3
#define STT_FILE	4
#define EV_CURRENT	1
#define EI_VERSION	6
#define ELF32_ST_BIND(i)	((i) >> 4)
#define ELF32_ST_TYPE(i)	((i) & 0xf)
#define ELF32_R_SYM(i)		((i) >> 8)
#define ELF32_R_TYPE(i)		((i) & 0xff)
#define ELF32_R_INFO(s, t)	(((s) << 8) + ((t) & 0xff))

/* i386 relocation types (the ones reloc.c names) */
#define R_386_NONE	0
#define R_386_32	1
#define R_386_PC32	2
#define R_386_GOT32	3
#define R_386_PLT32	4
#define R_386_GOTOFF	9
#define R_386_GOTPC	10
#define R_386_GOT32X	43

/* The module header, read from the file before relocation: every field
 * evaluated for base address 0, so pointers are image offsets (0 = NULL). */
struct modelf_header {
	const char *name;		/* points into the buffer, NUL-terminated */
	uint32_t core_size, init_size;	/* bytes */
	uint32_t init, exit;		/* image offsets of the functions, or 0 */
	uint32_t syms, num_syms;	/* export table offset, entries */
	uint32_t versions, num_versions;	/* version table offset, entries */
	uint32_t modinfo, modinfo_size;	/* modinfo offset, bytes */
	uint32_t params, num_params;	/* parameter table offset, entries */
};

/* The parts of a module image, in image order: the three sections that
 * linker/module.lds makes. */
enum { MODELF_MODULE, MODELF_BSS, MODELF_INIT, MODELF_NPARTS };

/* One part of the image: a section and where it lies in the image. */
struct modelf_part {
	uint32_t shndx;			/* section index; 0: the object has none */
	uint32_t addr, size;		/* image offset, bytes */
	const uint8_t *bytes;		/* in the file; NULL for .module.bss */
	const Elf32_Rel *rel;		/* .rel.module or .rel.module.init */
	uint32_t nrel;			/* entries in rel[] (0: rel is NULL) */
	uint32_t rel_shndx;		/* section index of rel[]; 0: none */
};

#define MODELF_WHY_LEN		200	/* bytes of a refusal's reason */
#define MODELF_MAX_SECTIONS	256	/* more: not made by module.lds */

/* A checked object. All pointers point into the caller's buffer, which must
 * stay alive and unchanged while this is used. Read-only for callers. */
struct modelf {
	const uint8_t *buf;
	size_t len;
	const Elf32_Ehdr *eh;
	const Elf32_Shdr *sh;		/* section header table */
	uint32_t shnum;
	const char *shstr;		/* section names */
	uint32_t shstr_size;
	const Elf32_Sym *sym;		/* .symtab */
	uint32_t nsym, symtab_shndx;
	uint32_t first_global;		/* .symtab's sh_info: locals first */
	const char *str;		/* .strtab */
	uint32_t str_size;
	/* modelf_parse() only: */
	struct modelf_part part[MODELF_NPARTS];	/* .module, .bss, .init */
	uint32_t image_size;		/* = core_size + init_size */
	uint32_t nrel;			/* relocations of all parts */
	struct modelf_header hdr;
	/* modreloc_check's summary for modreloc_check_targets, when every
	 * relocation passed its fast path (rel_fast 1; else 0 and the
	 * targets are checked one by one): a bound, never below the highest
	 * in-image target of a .module relocation (the header's init field
	 * excepted), and how many .module relocations use an absolute
	 * symbol. */
	uint32_t rel_fast, rel_core_max, rel_nabs;
	/* modreloc_apply_split's, while it runs: where the init part is
	 * loaded minus where it would be after the core (0: one image). */
	uint32_t init_delta;
	/* modelf_parse_lazy: the relocations are not checked yet
	 * (modreloc_apply_lazy checks them as it applies them). */
	uint32_t rel_lazy;
	/* Why the last call that takes this context refused ("" if none).
	 * The only field the functions below write after a parse. */
	char why[MODELF_WHY_LEN];
	/* modelf_parse: a section mismatch let through because the module
	 * says section_mismatch=warn in its modinfo (built with
	 * KBUILD_MODPOST_WARN=1, docs/modules.md); "" if none. */
	char warn[MODELF_WHY_LEN];
};

/* A symbol as every phase reads it (modelf_symbol): the import check, the
 * relocator, the header reader and the messages all see the same thing. */
enum modelf_sym_kind {
	MODSYM_NULL,		/* symbol 0: the value 0 */
	MODSYM_ABS,		/* SHN_ABS: value is the value itself */
	MODSYM_UNDEF,		/* an import, resolved by name at load */
	MODSYM_IMAGE,		/* defined in a part: value is an image offset */
	MODSYM_OTHER,		/* defined in a section outside the image */
};

struct modelf_sym {
	const char *name;	/* .strtab name; a section symbol's section's
				 * name; "" if none */
	enum modelf_sym_kind kind;
	uint32_t value;		/* ABS: the value; IMAGE: image offset; else 0 */
	const struct modelf_part *part;	/* IMAGE: the part; else NULL */
	uint8_t bind, type;	/* STB_*, STT_* */
};

/*
 * Checks buf[0..len) as an ELF32 little-endian i386 ET_REL object: header,
 * section table (every link, name and alignment), the file's layout (every
 * byte belongs to the ELF header, the section table or one section, apart
 * from alignment padding; nothing overlaps), the one symbol table and its
 * string table (every symbol's name, binding, type, section index and
 * extent). buf must be 4-byte aligned. Fills *m and returns 0; otherwise
 * returns -ENOEXEC (or -EINVAL for a misaligned buffer) with the reason in
 * m->why. Used by modpost on NAME.o.
 */
int modelf_parse_object(const void *buf, size_t len, struct modelf *m);

/*
 * modelf_parse_object() plus everything that makes a module: a .module
 * section, optionally .module.bss (NOBITS) and .module.init, each at the
 * address where the previous one ends (and no other allocated section);
 * every relocation section (a valid target; if the target is allocated, it
 * is .module or .module.init; relocations of non-allocated sections, debug
 * information, are ignored); the relocations of the parts (modreloc_check);
 * the module header (magic, format version, name; exactly one relocation on
 * each size field, none on the fields that are never relocated, one on each
 * pointer that is not NULL; sizes adding up to the image size; tables inside
 * .module and agreeing with linker/module.lds's symbols). Returns 0 with
 * m->part[] and m->hdr filled, or -ENOEXEC with the reason in m->why. The
 * bytes of .module.bss are never read, whatever the file holds there.
 */
int modelf_parse(const void *buf, size_t len, struct modelf *m);

/*
 * modelf_parse() without its checks of each relocation (modreloc_check and
 * modreloc_check_targets), which modreloc_apply_lazy() makes as it applies
 * them: for a loader that relocates in one pass. Everything else is
 * checked here: first in about one pass over the section table, for an
 * object laid out as ld -r lays a .ko out; on any doubt in modelf_parse()'s
 * order; on any refusal modelf_parse()
 * is run instead, so a refusal and its reason are exactly modelf_parse()'s;
 * so it is for a module whose modinfo has section_mismatch (its warning,
 * m->warn, is then made here). Returns 0 with m->rel_lazy set (m->hdr and
 * m->part[] as modelf_parse() fills them, provided the relocations pass;
 * m->rel_lazy 0: modelf_parse() ran), or -ENOEXEC with m->why.
 */
int modelf_parse_lazy(const void *buf, size_t len, struct modelf *m);
#ifdef HOST_TEST
/* Host tests only: how many calls of modelf_parse_lazy its fast path
 * accepted (m->rel_lazy is 1 after the full chain too, so it cannot
 * tell). Never reset; a test reads it before and after a call. */
extern unsigned int modelf_lazy_fast_taken;
#endif

/*
 * Whether modelf_parse() reads the bytes of section i (< shnum) of an
 * object whose section table is sh and section names shstr (shstr_size
 * bytes; NULL if not known): 0 for a non-allocated PROGBITS section that
 * is not named like a part (debug information, .comment) and for the
 * relocation sections of those, 1 for every other (when in doubt, 1).
 * A loader may leave the bytes of the others unread: modelf_parse() then
 * decides exactly as on the whole file. Needs no parse. insmod restates
 * this rule in one pass (loader/section_needed.h): change both;
 * tests/host/test_section_needed.c compares them on every sample, the
 * badko set and made-up tables.
 */
int modelf_section_needed(const Elf32_Shdr *sh, uint32_t shnum,
			  const char *shstr, uint32_t shstr_size, uint32_t i);

/* Name of section idx ("" for a bad index). Valid after a parse. */
const char *modelf_section_name(const struct modelf *m, uint32_t idx);
/* Index of the section named name, or 0 (the null section) if none. */
uint32_t modelf_find_section(const struct modelf *m, const char *name);
/* The image part that section shndx is, or NULL (not a part, or 0). Valid
 * after modelf_parse(). */
const struct modelf_part *modelf_part_of(const struct modelf *m,
					 uint32_t shndx);
/* Name of symbol idx ("" for a bad index); a section symbol's is its
 * section's. The name modelf_symbol() gives. */
const char *modelf_sym_name(const struct modelf *m, uint32_t idx);

/* Reads symbol idx (< m->nsym) of an object checked by
 * modelf_parse_object() into *s; part and an IMAGE kind need
 * modelf_parse(). */
void modelf_symbol(const struct modelf *m, uint32_t idx,
		   struct modelf_sym *s);

/*
 * Iterates the undefined global symbols (what the module imports):
 *   uint32_t i = 0; const char *name;
 *   while ((name = modelf_next_undef(m, &i)) != NULL) ...
 * *pos must start at 0; returns NULL after the last one.
 */
const char *modelf_next_undef(const struct modelf *m, uint32_t *pos);

/* The name of the function or object symbol in the image whose extent
 * holds image offset off, or NULL; *start (if not NULL) gets its image
 * offset. */
const char *modelf_symbol_at(const struct modelf *m, uint32_t off,
			     uint32_t *start);

/*
 * The module's symbol table for /mod/NAME/symbols (loader/symbols.c): one
 * line "OFFSET SIZE TYPE NAME\n" (hex image offset, hex bytes, nm's letter
 * T/t function, D/d data, B/b .module.bss) for every named function and
 * object wholly inside its part but for the metadata (those in the
 * version table and the modinfo), in symbol-table order. Writes at most
 * size bytes (always terminated when size > 0) and *count gets the number
 * of lines; returns the length of the whole text, as snprintf does. Needs
 * modelf_parse(). Never fails.
 */
size_t modelf_symbols_format(const struct modelf *m, char *buf, size_t size,
			     uint32_t *count);

/*
 * The same table packed (<tessera/modformat.h>, MODSYMS_MAGIC): writes the
 * magic and each whole entry only while they fit in size bytes; returns
 * the length of the whole table (complete if it is <= size) and *count
 * gets the number of symbols. Needs modelf_parse(). Never fails.
 */
size_t modelf_symbols_pack(const struct modelf *m, uint8_t *buf, size_t size,
			   uint32_t *count);

/* Entry i (< hdr.num_versions) of the module's version table, from the
 * file: the CRC and name the module was built against. */
void modelf_version(const struct modelf *m, uint32_t i, uint32_t *crc,
		    const char **name);

/* The value of "key=value" in the module's modinfo (first match; points
 * into the buffer), or NULL if the key is absent. */
const char *modelf_modinfo(const struct modelf *m, const char *key);
/* The modinfo strings in file order: start with *pos = 0; each call gives
 * the next "key=value" string, NULL after the last. */
const char *modelf_modinfo_next(const struct modelf *m, uint32_t *pos);

/* The relocation of part p whose location is offset off of the part, or
 * NULL. Needs the part's relocations sorted (modreloc_check): O(log n),
 * n the relocations at offsets up to off. */
const Elf32_Rel *modelf_rel_at(const struct modelf_part *p, uint32_t off);

/* --- relocation (loader/reloc.c) --- */

/*
 * The i386 relocation arithmetic. type is R_386_32 (S + A), R_386_PC32 or
 * R_386_PLT32 (S + A - P); S the symbol's address, A the addend (the word in
 * place, REL), P the address of the word. Returns 0 and *out, or -ENOEXEC
 * for any other type (R_386_NONE is not handled here).
 */
int modreloc_compute(uint32_t type, uint32_t S, uint32_t A, uint32_t P,
		     uint32_t *out);

/* The name of relocation type t, "R_386_GOTPC"; NULL if unknown. */
const char *modreloc_type_name(uint32_t t);

/*
 * Checks every relocation of .rel.module and .rel.module.init without
 * applying it: offset + 4 inside its section; offsets in increasing order
 * with no two relocations sharing a byte (ld -r writes them sorted); symbol
 * index inside the symbol table; type R_386_32, PC32 or PLT32 (GOT types
 * are told to compile with -fno-pic; R_386_NONE is refused, as Linux
 * does); the symbol in the image or undefined, or absolute (symbol 0 or
 * SHN_ABS) only for R_386_32 in .module (modreloc_check_targets says
 * where); an
 * R_386_32 target (S + A) inside the image; a PC-relative target (S + A + 4)
 * in an executable part, not in the header. Needs m->part[] and
 * m->image_size. Returns 0 or -ENOEXEC with the reason in m->why, which
 * numbers a relocation within its own section, as readelf -r does. Sets
 * m->rel_fast and the summary modreloc_check_targets uses.
 */
int modreloc_check(struct modelf *m);

/*
 * The checks that need the header (m->hdr): a relocation against an
 * absolute symbol beyond the header fills an export entry's CRC; no
 * relocation in the core refers into the init part, which is discarded
 * after init (the header's init field excepted). Returns 0 or -ENOEXEC with
 * the reason in m->why.
 */
int modreloc_check_targets(struct modelf *m);

/* Gives the address of an undefined symbol: 0 and *value, -ENOKEY if the
 * symbol is unknown, another -errno otherwise. Version checks (CRCs) are
 * the caller's, done before relocating. */
typedef int (*modreloc_resolve_fn)(void *arg, const char *name,
				   uint32_t *value);

/*
 * Makes the loadable image for base address base in image (m->image_size
 * writable bytes): copies .module and .module.init of a module that
 * modelf_parse() accepted (it checked every relocation: they are not
 * checked again here) to their image offsets, zero-fills the rest
 * (.module.bss) and applies every relocation, calling resolve once for
 * each undefined symbol, before the first relocation (an unresolved weak
 * symbol becomes 0; an unknown one is asked about again, and reported, at
 * the first relocation that uses it: one no relocation uses is no
 * error). values: m->nsym words of scratch from the caller (each
 * symbol's address, worked out once; this code allocates nothing).
 * Returns 0, or
 * -ENOEXEC/-ENOKEY/the resolver's error with the reason in m->why
 * ("unknown symbol foo"); image contents are then undefined.
 */
int modreloc_apply(struct modelf *m, void *image, uint32_t base,
		   modreloc_resolve_fn resolve, void *arg, uint32_t *values);

/*
 * modreloc_apply for a module whose init part is loaded apart from its
 * core (insmod --init=split): the core at base, the init part's first
 * byte (image offset core_size) at init_base. image is still laid out as
 * one image (the caller writes its first core_size bytes to the core
 * image and the rest to the init image); every address in it, and every
 * PC-relative distance between core and init, is for the two bases.
 * modreloc_apply(m, image, base, ...) is this with init_base = base +
 * core_size. Same returns.
 */
int modreloc_apply_split(struct modelf *m, void *image, uint32_t base,
			 uint32_t init_base, modreloc_resolve_fn resolve, void *arg,
			 uint32_t *values);

/*
 * Checks and applies in one pass the relocations of a module that
 * modelf_parse_lazy() accepted: modreloc_apply() plus every check
 * modreloc_check() and modreloc_check_targets() make. Each relocation is
 * checked against bounds worked out once per symbol (the table); anything
 * the pass does not take for sure (a fault, or a rare case) makes it run
 * modelf_parse() on m->buf (m refilled) and then modreloc_apply(), so a
 * refusal and its reason are exactly theirs. With m->rel_lazy 0 it is
 * modreloc_apply().
 * table: MODRELOC_LAZY_WORDS(m->nsym) words of scratch from the caller,
 * aligned as malloc aligns. Returns as modreloc_apply() and modelf_parse()
 * do.
 */
#define MODRELOC_LAZY_WORDS(nsym)	(4 * (size_t)(nsym) + 48)
int modreloc_apply_lazy(struct modelf *m, void *image, uint32_t base,
			modreloc_resolve_fn resolve, void *arg,
			uint32_t *table);
#ifdef HOST_TEST
/* Host tests only: how many relocations modreloc_apply_lazy's rows did
 * not take but its lazy_one checked and applied one by one. Never reset;
 * a test reads it before and after a call. */
extern unsigned int modreloc_lazy_one_taken;
#endif

#endif
