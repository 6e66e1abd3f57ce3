/*
 * The loadable-module format, defined once for the kernel, the loader
 * (loader/), modpost and the host tests: the module header at offset 0 of a
 * module image, the export and version tables it points to, and the byte
 * offsets of every header field (so 64-bit host tools can read 32-bit images).
 *
 * A .ko is an ELF32 i386 relocatable object (ET_REL) made by
 * `ld -r -T linker/module.lds NAME.o NAME.mod.o`. All allocated content is
 * in THREE sections, in this fixed order, each at an address (sh_addr) that
 * is its offset in the module image, with no gaps between them:
 *   .module        PROGBITS  the header and the core's stored bytes
 *   .module.bss    NOBITS    the core's zeros: no bytes in the file
 *   .module.init   PROGBITS  the init part
 * The image is .module's bytes, then .module.bss's size in zeros, then
 * .module.init's bytes. Relocations are `.rel.module` and `.rel.module.init`
 * (REL: the addend is the 32-bit value already in place; offsets and symbol
 * values are relative to their section, as in any ET_REL object).
 *
 *   image offset
 *   0x0000            struct module  (__this_module, 128 bytes, NAME.mod.c)
 *   0x0080            .text .text.*            code, including __exit code
 *                     .rodata .rodata.*        constants, strings
 *                     .data .data.*            initialized data
 *                     __ksymtab                struct kernel_symbol[num_syms]
 *                     __param                  struct kernel_param[num_params]
 *                     __versions               struct modversion[num_versions]
 *                     .modinfo                 "key=value\0" strings
 *                     (end of .module)
 *                     .bss .bss.*              .module.bss: zeros, NOT stored
 *   core_size         (16-byte aligned)  == symbol __core_end
 *                     .init.text .init.rodata .init.data   .module.init
 *   core_size+init_size                  == symbol __init_end == image size
 *
 * The core stays while the module is loaded; the init part is dropped after
 * the init function returns (the kernel frees every page wholly past
 * core_size). Nothing in the core may point into the init part; the
 * relocator refuses such a module.
 *
 * Header values in the FILE: every pointer, and core_size, init_size,
 * num_syms, modinfo_size and num_params, are filled by relocation (the sizes are
 * absolute symbols the linker script computes at link time: R_386_32 against
 * an SHN_ABS symbol). So they are only right in a relocated image; before
 * relocation read them with modelf_parse() (loader/elf.h), which evaluates
 * each field for base address 0, giving image offsets.
 */
#ifndef TESSERA_MODFORMAT_H
#define TESSERA_MODFORMAT_H

#include <stdint.h>

#define MODULE_MAGIC		0x444f4d54u	/* "TMOD" in the file (LSB) */
#define MODULE_FORMAT_VERSION	1u
#define MODULE_NAME_LEN		56	/* bytes in name[], with the NUL */
#define MODVERSION_NAME_LEN	60	/* bytes in modversion.name[], with NUL */
#define MODULE_SECTION		".module"	/* header + core's stored bytes */
#define MODULE_BSS_SECTION	".module.bss"	/* core's zeros (NOBITS) */
#define MODULE_INIT_SECTION	".module.init"	/* init part */

/* One exported symbol (section __ksymtab; kernel: __start___ksymtab ..
 * __stop___ksymtab). 12 bytes on i386. */
struct kernel_symbol {
	unsigned long value;	/* the symbol's address */
	const char *name;	/* NUL-terminated */
	uint32_t crc;		/* CRC32 of its declaration (tools/symcrc.c) */
};

/* The version a module was built against for one symbol it imports
 * (section __versions, written by modpost). 64 bytes; no pointers, so
 * insmod reads it straight from the file. */
struct modversion {
	uint32_t crc;				/* CRC32 of the declaration */
	char name[MODVERSION_NAME_LEN];		/* symbol name, NUL-terminated */
};

/*
 * The module header: image offset 0, defined as `__this_module` by
 * NAME.mod.c (made by modpost), so THIS_MODULE is a link-time constant.
 * 128 bytes on i386. The kernel finds its bookkeeping through `priv`.
 */
struct module {
	uint32_t magic;			/* MODULE_MAGIC */
	uint32_t version;		/* MODULE_FORMAT_VERSION */
	char name[MODULE_NAME_LEN];	/* "hello": the .ko name, NUL-terminated */
	uint32_t core_size;		/* bytes from offset 0 to the init part */
	uint32_t init_size;		/* bytes of init part after the core */
	int (*init)(void);		/* module_init() function, or NULL */
	void (*exit)(void);		/* module_exit() function, or NULL */
	const struct kernel_symbol *syms;	/* exports (in the core) */
	uint32_t num_syms;			/* entries in syms[] */
	const struct modversion *versions;	/* imports' CRCs, or NULL */
	uint32_t num_versions;			/* entries in versions[] */
	const char *modinfo;		/* "license=GPL\0author=...\0" */
	uint32_t modinfo_size;		/* bytes of modinfo, every NUL counted */
	/* Written only by the kernel; zero in the file. */
	void *priv;			/* kernel/module.c's record of this module */
	const struct kernel_param *params;	/* module_param()s (in the core) */
	uint32_t num_params;			/* entries in params[] */
	uint32_t reserved[3];
};

/*
 * One module parameter (section __param, include/linux/moduleparam.h):
 * what `name=value` at insmod and /mod/NAME/parameters/NAME set and show.
 * 20 bytes on i386. The kernel reads it at `init module` (kernel/params.c);
 * modinfo reads the .modinfo strings instead, as kmod does.
 */
struct kernel_param {
	const char *name;	/* "howmany", NUL-terminated, in the core */
	void *arg;		/* the variable; an array's first element; a
				 * module_param_string's buffer */
	uint16_t perm;		/* file mode bits of parameters/NAME; 0: no file */
	uint8_t type;		/* PARAM_T_*, | PARAM_T_ARRAY for an array */
	uint8_t flags;		/* 0 */
	uint32_t max;		/* array: elements; string: buffer bytes; else 0 */
	unsigned int *num;	/* array: where the count set goes, or NULL */
};

/* Parameter types: Linux's names (module_param(x, int, ...) is PARAM_T_int). */
enum {
	PARAM_T_byte = 1,	/* unsigned char */
	PARAM_T_short,		/* short */
	PARAM_T_ushort,		/* unsigned short */
	PARAM_T_int,		/* int */
	PARAM_T_uint,		/* unsigned int */
	PARAM_T_long,		/* long */
	PARAM_T_ulong,		/* unsigned long */
	PARAM_T_bool,		/* bool */
	PARAM_T_invbool,	/* bool, stored inverted */
	PARAM_T_charp,		/* char *: the kernel keeps the string */
	PARAM_T_string,		/* char[max]: module_param_string */
	PARAM_T_LAST = PARAM_T_string,
	PARAM_T_ARRAY = 0x80,	/* flag: max elements of the type above */
};

/* The rule for a module's name, the same in the kernel (mkdir /mod/NAME),
 * the loader (the header's name) and rmmod: 1 to MODULE_NAME_LEN-1 bytes of
 * letters, digits, '_' and '-', so a name is always one safe path
 * component. */
static inline int module_name_valid(const char *name)
{
	int n = 0;

	for (; name[n]; n++) {
		char c = name[n];
		if (n == MODULE_NAME_LEN - 1 ||
		    !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return 0;
	}
	return n > 0;
}

/* Byte offsets and sizes in the 32-bit image, for tools on any host. */
#define MODHDR_SIZE			128
#define MODHDR_OFF_MAGIC		0
#define MODHDR_OFF_VERSION		4
#define MODHDR_OFF_NAME			8
#define MODHDR_OFF_CORE_SIZE		64
#define MODHDR_OFF_INIT_SIZE		68
#define MODHDR_OFF_INIT			72
#define MODHDR_OFF_EXIT			76
#define MODHDR_OFF_SYMS			80
#define MODHDR_OFF_NUM_SYMS		84
#define MODHDR_OFF_VERSIONS		88
#define MODHDR_OFF_NUM_VERSIONS		92
#define MODHDR_OFF_MODINFO		96
#define MODHDR_OFF_MODINFO_SIZE		100
#define MODHDR_OFF_PRIV			104
#define MODHDR_OFF_PARAMS		108
#define MODHDR_OFF_NUM_PARAMS		112
#define MODHDR_OFF_RESERVED		116
#define KSYM_SIZE			12	/* sizeof(struct kernel_symbol) */
#define KSYM_OFF_VALUE			0
#define KSYM_OFF_NAME			4
#define KSYM_OFF_CRC			8
#define MODVERSION_SIZE			64	/* sizeof(struct modversion) */
#define KPARAM_SIZE			20	/* sizeof(struct kernel_param) */
#define KPARAM_OFF_NAME			0
#define KPARAM_OFF_ARG			4
#define KPARAM_OFF_PERM			8
#define KPARAM_OFF_TYPE			10
#define KPARAM_OFF_MAX			12
#define KPARAM_OFF_NUM			16

/*
 * The packed table of a module's symbols that insmod writes to
 * /mod/NAME/symbols (docs/modfs.md; the kernel also takes text lines):
 * MODSYMS_MAGIC, then for each symbol its image offset and size (32-bit
 * little-endian), nm's letter, the name's length (1..127), the name's
 * bytes and a NUL; entries follow each other with no padding. (The NUL
 * lets the kernel keep one copy of the written entries as its table, each
 * name in place.)
 */
#define MODSYMS_MAGIC		"\x7fSYM"	/* no text line starts so */
#define MODSYMS_MAGIC_LEN	4
#define MODSYMS_ENTRY		10	/* bytes of an entry before its name */

/*
 * A look-up asked on /mod/NAME/control (docs/modfs.md, "Looking symbols
 * up"): MODASK_MAGIC, then the names, each ended by a NUL. A read on the
 * same open file answers what /proc/ksym_lookup answers, an answer per
 * name in order, packed: the owner's name ("kernel" or the module's) and
 * a NUL, then the symbol's address and CRC (32-bit little-endian each);
 * for a name nobody exports, a lone NUL (an empty owner). At most
 * MODASK_ANSWER_MAX bytes a name.
 */
#define MODASK_MAGIC		"\x7f" "ASK"	/* two literals: "\x7fA" is one escape */
#define MODASK_MAGIC_LEN	4
#define MODASK_ANSWER_MAX	(MODULE_NAME_LEN + 8)

#if defined(__i386__)
#include <stddef.h>
_Static_assert(sizeof(struct module) == MODHDR_SIZE, "module header size");
_Static_assert(offsetof(struct module, core_size) == MODHDR_OFF_CORE_SIZE, "");
_Static_assert(offsetof(struct module, init) == MODHDR_OFF_INIT, "");
_Static_assert(offsetof(struct module, modinfo_size) == MODHDR_OFF_MODINFO_SIZE, "");
_Static_assert(offsetof(struct module, priv) == MODHDR_OFF_PRIV, "");
_Static_assert(sizeof(struct kernel_symbol) == KSYM_SIZE, "kernel_symbol");
_Static_assert(sizeof(struct modversion) == MODVERSION_SIZE, "modversion");
_Static_assert(offsetof(struct module, params) == MODHDR_OFF_PARAMS, "");
_Static_assert(offsetof(struct module, num_params) == MODHDR_OFF_NUM_PARAMS, "");
_Static_assert(offsetof(struct module, reserved) == MODHDR_OFF_RESERVED, "");
_Static_assert(sizeof(struct kernel_param) == KPARAM_SIZE, "kernel_param");
_Static_assert(offsetof(struct kernel_param, type) == KPARAM_OFF_TYPE, "");
_Static_assert(offsetof(struct kernel_param, num) == KPARAM_OFF_NUM, "");
#endif

#endif
