/*
 * Symbols for people (kernel/symbols.c): the kernel's own table, made at
 * build time (tools/kallsyms, section .kallsyms), and each loaded module's,
 * handed over by the loader through /mod/NAME/symbols. Only the oops
 * printer and reports like it need them: modules are linked by the loader
 * against /proc/ksyms, never against these.
 */
#ifndef KERNEL_SYMBOLS_H
#define KERNEL_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct module_record;
struct seq_buf;

/* What a code or data address is. */
struct sym_info {
	const char *name;	/* the symbol, or NULL: none covers the address */
	uint32_t start, size;	/* its address and size in bytes */
	char type;		/* nm's letter: T t (code), D d, B b, R r (data) */
	const char *module;	/* the module holding the address, NULL: kernel */
};

/* Fills *info for addr; returns true if a symbol covers it (info->module
 * may be set even when false: an address in a module without a symbol
 * there). Safe in an exception handler: no allocation, no locks. */
bool sym_lookup(uintptr_t addr, struct sym_info *info);

/* Writes addr as "function+0xoff/0xsize [module]" (kernel symbols without
 * the bracket), "0x%08x [module]" for an address in a module outside its
 * symbols, "0x%08x [module: its init part, discarded]" for an address in
 * a module's dropped init part, "0x%08x" when nothing is known; always
 * NUL-terminated when size is not 0. Returns the length written (snprintf's, capped at size - 1). */
size_t sym_format(uintptr_t addr, char *buf, size_t size);

/*
 * Module symbols. Text format of /mod/NAME/symbols (docs/modfs.md), one
 * symbol a line:  OFFSET SIZE TYPE NAME   e.g. "00000080 8 t hx_oops_poke"
 * with OFFSET and SIZE in hex (image offset from the module's base, bytes)
 * and TYPE nm's letter (T t functions, D d data, B b .module.bss). A write
 * may also be the same table packed, as insmod writes it: MODSYMS_MAGIC
 * then binary entries (<tessera/modformat.h>), which need no parsing of
 * numbers. Reading the file gives text.
 */

/* Replaces rec's table by the len bytes of text (whole lines, or a packed
 * table). Only while the module is mapped and not started. Returns 0, or
 * -EBUSY (wrong state), -EINVAL (a line or entry that does not parse or
 * lies outside the image; the reason recorded with module_fail) or
 * -ENOMEM. */
int modsyms_set(struct module_record *rec, const char *text, size_t len);
/* Whether the len bytes at buf start with MODSYMS_MAGIC: a packed table
 * (the control file takes one as `symbols` does). */
bool modsyms_packed(const char *buf, size_t len);
/* Forgets the symbols of the init part (offsets from the core size on):
 * called when the init part is truncated away. Frees nothing. */
void modsyms_drop_init(struct module_record *rec);
/* Frees rec's table (unmap). */
void modsyms_free(struct module_record *rec);
/* Appends rec's table, sorted by offset, in the format above. Returns 0
 * or -ENOMEM. */
int modsyms_show(struct seq_buf *m, const struct module_record *rec);

/* /proc/kallsyms, Linux's format: "c0101020 T kmain" for the kernel,
 * "f0003000 t hello_init\t[hello]" for modules. */
int kallsyms_show(struct seq_buf *m, void *arg);

#endif
