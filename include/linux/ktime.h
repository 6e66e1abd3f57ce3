/*
 * <linux/ktime.h>: time since boot in nanoseconds, from jiffies and the
 * timer chip's counter within the tick (kernel/pit.c): exact to about a
 * microsecond. ktime_t is a count of nanoseconds, as Linux's.
 */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H

#include <linux/types.h>

typedef s64 ktime_t;

/* Nanoseconds since boot. Any context. */
u64 ktime_get_ns(void);

static inline ktime_t ktime_get(void)
{
	return (ktime_t)ktime_get_ns();
}

#define ktime_sub(a, b)		((a) - (b))
#define ktime_add(a, b)		((a) + (b))
#define ktime_to_ns(kt)		((s64)(kt))
#define ktime_to_us(kt)		((s64)(kt) / 1000)
#define ktime_to_ms(kt)		((s64)(kt) / 1000000)
#define ms_to_ktime(ms)		((ktime_t)(ms) * 1000000)
#define ns_to_ktime(ns)		((ktime_t)(ns))

static inline u64 ktime_get_boottime_ns(void)
{
	return ktime_get_ns();
}

#endif
