/*
 * __init / __exit / __initdata / __initconst, module_init / module_exit and
 * MODULE_INFO (<linux/init.h>). Modules are compiled with -DMODULE; kernel
 * code may include this too: there the init sections are not used and
 * module_init only keeps the function referenced (not run).
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler_types.h>
#include <linux/stringify.h>

#ifdef MODULE

/* Code and data only needed by init: placed after the core, dropped once
 * init has returned. Never point at them from the core. */
#define __init		__attribute__((section(".init.text")))
#define __initdata	__attribute__((section(".init.data")))
#define __initconst	__attribute__((section(".init.rodata")))
#define __exit		__attribute__((section(".exit.text")))
#define __exitdata	__attribute__((section(".exit.data")))

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
#define __init
#define __initdata
#define __initconst
#define __exit
#define __exitdata
#define module_init(fn)							\
	static int (*const __initcall_##fn)(void) __attribute__((used)) = fn
#define module_exit(fn)							\
	static void (*const __exitcall_##fn)(void) __attribute__((used)) = fn
#define MODULE_INFO(key, value)

#endif

#endif
