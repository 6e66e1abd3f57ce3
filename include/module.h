/*
 * Everything a module author needs, under Linux's names: module_init /
 * module_exit, __init / __exit / __initdata / __initconst, EXPORT_SYMBOL,
 * MODULE_LICENSE and friends, THIS_MODULE, printk, kmalloc, vmalloc,
 * try_module_get / module_put, register_chrdev and errno values.
 * A Linux hello-world builds with its #include lines replaced by
 *   #include <module.h>
 * Modules are compiled with -DMODULE (see docs/modules.md); kernel code may
 * include this header too, for EXPORT_SYMBOL.
 */
#ifndef TESSERA_MODULE_H
#define TESSERA_MODULE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <tessera/errno.h>
#include <tessera/modformat.h>
#include "kernel/printk.h"
#include "kernel/module.h"
#include "mm/mm.h"
#include "lib/string.h"
#include "kernel/timer.h"

#include "fs/vfs.h"	/* struct file_operations, register_chrdev */

#ifndef __used
#define __used		__attribute__((used))
#endif
#define __stringify_(x)	#x
#define __stringify(x)	__stringify_(x)

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
#define EXPORT_SYMBOL_GPL(sym)	EXPORT_SYMBOL(sym)

#ifdef MODULE

/* The header of this module (NAME.mod.c defines it): a constant address,
 * usable in static initializers such as `.owner = THIS_MODULE`. */
extern struct module __this_module;
#define THIS_MODULE	(&__this_module)

/* Code and data only needed by init: placed after the core, dropped once
 * init has returned. Never point at them from the core. */
#define __init		__attribute__((section(".init.text")))
#define __initdata	__attribute__((section(".init.data")))
#define __initconst	__attribute__((section(".init.rodata")))
#define __exit		__attribute__((section(".exit.text")))

/*
 * module_init(fn) makes the global name init_module an alias of fn (the
 * Linux convention); modpost sees the name in NAME.o and puts it into the
 * header's init field. Same for module_exit and cleanup_module. fn may be
 * static. Its type is checked.
 */
#define module_init(fn)							\
	static inline __attribute__((unused))				\
	int (*__inittest(void))(void) { return fn; }			\
	int init_module(void) __attribute__((alias(#fn)))
#define module_exit(fn)							\
	static inline __attribute__((unused))				\
	void (*__exittest(void))(void) { return fn; }			\
	void cleanup_module(void) __attribute__((alias(#fn)))

/* "key=value" strings in section .modinfo (the core), read by modinfo.
 * A key may repeat (two MODULE_AUTHOR lines). */
#define __modinfo_id_(key, n)	__modinfo_##key##_##n
#define __modinfo_id(key, n)	__modinfo_id_(key, n)
#define MODULE_INFO(key, value)						\
	static const char __modinfo_id(key, __COUNTER__)[]		\
		__attribute__((used, section(".modinfo"), aligned(1))) = \
		__stringify(key) "=" value

#else /* built into the kernel */

/* The kernel has no init sections and no initcalls: these only keep the
 * function referenced (module_init code is not run when built in). */
#define THIS_MODULE	((struct module *)0)
#define __init
#define __initdata
#define __initconst
#define __exit
#define module_init(fn)							\
	static int (*const __initcall_##fn)(void) __attribute__((used)) = fn
#define module_exit(fn)							\
	static void (*const __exitcall_##fn)(void) __attribute__((used)) = fn
#define MODULE_INFO(key, value)

#endif

#define MODULE_LICENSE(s)	MODULE_INFO(license, s)
#define MODULE_AUTHOR(s)	MODULE_INFO(author, s)
#define MODULE_DESCRIPTION(s)	MODULE_INFO(description, s)
#define MODULE_VERSION(s)	MODULE_INFO(version, s)

#endif
