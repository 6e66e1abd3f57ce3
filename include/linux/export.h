/*
 * EXPORT_SYMBOL (<linux/export.h>): makes a symbol of the kernel or of a
 * module available to modules loaded later.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <stdint.h>
#include <tessera/modformat.h>	/* struct kernel_symbol */

/*
 * EXPORT_SYMBOL(sym): puts { &sym, "sym", crc } into section __ksymtab.
 * The CRC is the address of the absolute symbol __crc_sym, defined at
 * build time from sym's declaration: by NAME.mod.c (modpost) in a module,
 * by build/kernel-crcs.lds in the kernel.
 */
#define EXPORT_SYMBOL(sym)						\
	extern const char __crc_##sym[];				\
	static const struct kernel_symbol __ksymtab_##sym		\
		__attribute__((used, section("__ksymtab"), aligned(4))) = { \
		(unsigned long)&sym, #sym,				\
		(uint32_t)(unsigned long)__crc_##sym }
#define EXPORT_SYMBOL_GPL(sym)		EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_NS(sym, ns)	EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	EXPORT_SYMBOL(sym)

#endif
