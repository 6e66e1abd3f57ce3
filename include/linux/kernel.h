/*
 * The grab bag every driver includes (<linux/kernel.h>): types, printk,
 * panic, BUG/WARN, container_of, ARRAY_SIZE, min/max, rounding, limits,
 * the sprintf family and kstrto*.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <stdarg.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/container_of.h>
#include <linux/stringify.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/bug.h>
#include <linux/minmax.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/errno.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define DIV_ROUND_CLOSEST(x, d)	(((x) + ((d) / 2)) / (d))
#define roundup(x, y)		((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y)		((x) - ((x) % (y)))
#define ALIGN(x, a)		(((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define abs(x) ({ __typeof__(x) __abs = (x); __abs < 0 ? -__abs : __abs; })
#define upper_32_bits(n)	((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n)	((u32)((n) & 0xffffffff))
/* A reminder in code that may sleep; schedule() itself reports a sleep
 * where none is allowed. cond_resched() is <linux/sched.h>'s. */
#define might_sleep()		do { } while (0)

#endif
