/*
 * BUG, BUG_ON, WARN, WARN_ON, WARN_ON_ONCE, BUILD_BUG_ON (<linux/bug.h>).
 * In a module, BUG() prints "kernel BUG at FILE:LINE!" then executes an
 * invalid instruction: the oops is contained like any fault in module code
 * (docs/debugging.md), only the calling command fails. In the kernel
 * itself BUG() panics. WARN_ON(cond) prints "WARNING: at FILE:LINE
 * FUNCTION" when cond is true and returns cond; it never stops anything.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <stdbool.h>
#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/panic.h>

#ifdef MODULE
#define BUG() do {							\
	printk(KERN_CRIT "kernel BUG at %s:%d!\n", __FILE__, __LINE__);	\
	__builtin_trap();						\
} while (0)
#else
#define BUG()	panic("kernel BUG at %s:%d!", __FILE__, __LINE__)
#endif
#define BUG_ON(cond)	do { if (unlikely(cond)) BUG(); } while (0)

#define __WARN_PRINT()							\
	printk(KERN_WARNING "WARNING: at %s:%d %s\n", __FILE__, __LINE__, __func__)
#define WARN_ON(cond) ({						\
	int __ret_warn_on = !!(cond);					\
	if (unlikely(__ret_warn_on))					\
		__WARN_PRINT();						\
	unlikely(__ret_warn_on); })
#define WARN(cond, fmt, ...) ({						\
	int __ret_warn = !!(cond);					\
	if (unlikely(__ret_warn)) {					\
		__WARN_PRINT();						\
		printk(KERN_WARNING fmt, ##__VA_ARGS__);		\
	}								\
	unlikely(__ret_warn); })
#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	int __ret_warn_once = !!(cond);					\
	if (unlikely(__ret_warn_once) && !__warned) {			\
		__warned = true;					\
		__WARN_PRINT();						\
	}								\
	unlikely(__ret_warn_once); })
#define WARN_ONCE(cond, fmt, ...) ({					\
	static bool __warned_once;					\
	int __ret_warn_o = !!(cond);					\
	if (unlikely(__ret_warn_o) && !__warned_once) {			\
		__warned_once = true;					\
		__WARN_PRINT();						\
		printk(KERN_WARNING fmt, ##__VA_ARGS__);		\
	}								\
	unlikely(__ret_warn_o); })

/* Fails the build when cond is true (a constant expression). */
#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")

#endif
