/*
 * Everything a module author needs, under Linux's names: module_init /
 * module_exit, __init / __exit / __initdata / __initconst, EXPORT_SYMBOL,
 * MODULE_LICENSE and friends, module_param (linux/moduleparam.h), THIS_MODULE, printk, kmalloc, vmalloc,
 * try_module_get / module_put, register_chrdev, kernel timers (timer_setup,
 * mod_timer, del_timer: kernel/timer.h) and errno values; for
 * modules, also the Linux compatibility layer (GFP flags, copy_to_user...,
 * see "Linux compatibility" below and docs/modules.md).
 * A Linux hello world or classic character driver builds with its #include
 * lines replaced by
 *   #include <module.h>
 * Modules are compiled with -DMODULE (see docs/modules.md); kernel code may
 * include this header too, for EXPORT_SYMBOL: it sees none of the
 * compatibility macros.
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
#include <linux/moduleparam.h>	/* module_param and friends */

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

/* ---- Linux compatibility (modules only) ---------------------------------
 * Linux's names and meanings where that costs a macro, so that a Linux
 * driver compiles with only its #include lines changed. What does not
 * carry over is listed in docs/modules.md.
 */
#ifdef MODULE

/* Allocation flags: accepted and ignored (Tessera's kmalloc never sleeps
 * and memory is always kernel memory). */
typedef unsigned int gfp_t;
#define GFP_KERNEL	((gfp_t)0x01)
#define GFP_ATOMIC	((gfp_t)0x02)
#define GFP_NOWAIT	((gfp_t)0x04)

/* kmalloc(size, flags) and kzalloc(size, flags) as in Linux, over the
 * kernel's one-argument functions (mm/mm.h, declared above, so the
 * version CRCs still come from those declarations). The one-argument
 * Tessera form keeps working: kmalloc(32). Flags are not evaluated. */
#define __tessera_first_arg(a, ...)	a
#define kmalloc(...)	(kmalloc)(__tessera_first_arg(__VA_ARGS__, 0))
#define kzalloc(...)	(kzalloc)(__tessera_first_arg(__VA_ARGS__, 0))

/*
 * User memory. There is no user space yet: every buffer a file operation
 * receives is a kernel pointer (the shell runs in the kernel), so these
 * copy with memcpy and cannot fault. Like Linux's they return the number
 * of bytes NOT copied (always 0), and put_user/get_user return 0 or
 * -EFAULT (always 0). access_ok takes Linux's 2 or older 3 arguments.
 */
static inline unsigned long copy_to_user(void __user *to, const void *from,
					 unsigned long n)
{
	memcpy((void *)to, from, n);
	return 0;
}

static inline unsigned long copy_from_user(void *to, const void __user *from,
					   unsigned long n)
{
	memcpy(to, (const void *)from, n);
	return 0;
}

#define put_user(x, ptr)	({ *(ptr) = (x); 0; })
#define get_user(x, ptr)	({ (x) = *(ptr); 0; })
#define access_ok(...)		1

/* sprintf has no bound, as in Linux: prefer snprintf. */
#define sprintf(buf, ...)	snprintf((buf), 0x7fffffff, __VA_ARGS__)

/* Log levels Linux has and kernel/printk.h lacks (pr_warning: 2.6's name). */
#ifndef pr_alert
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#endif
#ifndef pr_crit
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#endif
#ifndef pr_warning
#define pr_warning(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#endif

/* Device numbers of an inode (MAJOR/MINOR/MKDEV are in fs/vfs.h). */
static inline unsigned imajor(const struct inode *inode)
{
	return MAJOR(inode->rdev);
}

static inline unsigned iminor(const struct inode *inode)
{
	return MINOR(inode->rdev);
}

/* Small helpers every driver uses. min/max refuse (a compiler warning,
 * an error under -Werror) to compare different types, as Linux's do. */
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define min(x, y) ({ typeof(x) __min1 = (x); typeof(y) __min2 = (y);	\
		     (void)(&__min1 == &__min2); __min1 < __min2 ? __min1 : __min2; })
#define max(x, y) ({ typeof(x) __max1 = (x); typeof(y) __max2 = (y);	\
		     (void)(&__max1 == &__max2); __max1 > __max2 ? __max1 : __max2; })
#define min_t(type, x, y)	({ type __x = (x); type __y = (y); __x < __y ? __x : __y; })
#define max_t(type, x, y)	({ type __x = (x); type __y = (y); __x > __y ? __x : __y; })

/* Permission bits, for module_param's perm and file modes. */
#ifndef S_IRUSR
#define S_IRWXU	00700
#define S_IRUSR	00400
#define S_IWUSR	00200
#define S_IXUSR	00100
#define S_IRGRP	00040
#define S_IWGRP	00020
#define S_IROTH	00004
#define S_IWOTH	00002
#endif
#ifndef S_IRUGO
#define S_IRUGO	(S_IRUSR | S_IRGRP | S_IROTH)
#define S_IWUGO	(S_IWUSR | S_IWGRP | S_IWOTH)
#endif

#define MODULE_ALIAS(name)		MODULE_INFO(alias, name)
/* Linux 2.6 had it and ignored it too. */
#define MODULE_SUPPORTED_DEVICE(name)

#endif /* MODULE: Linux compatibility */

#endif
