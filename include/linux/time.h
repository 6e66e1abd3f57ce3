/*
 * <linux/time.h>: reading the clocks into a struct timespec64
 * (kernel/pit.c). Tessera's clocks all count from boot: there is no wall
 * clock yet (the CMOS clock is read by the rtc driver of issue 10), so the
 * "real" time is the time since boot, said here so no one is surprised.
 * ktime_get_ts64 and ktime_get_real_ts64 read the timer chip (about a
 * microsecond); the _coarse forms stop at the last tick, as Linux's.
 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/time64.h>
#include <linux/ktime.h>

void ktime_get_ts64(struct timespec64 *ts);
void ktime_get_real_ts64(struct timespec64 *ts);
void ktime_get_coarse_real_ts64(struct timespec64 *ts);
#define ktime_get_raw_ts64(ts)		ktime_get_ts64(ts)
#define ktime_get_coarse_ts64(ts)	ktime_get_coarse_real_ts64(ts)

/* Seconds since boot ("since the epoch" in Linux). */
time64_t ktime_get_real_seconds(void);
time64_t ktime_get_seconds(void);

static inline struct timespec64 ns_to_timespec64(s64 nsec)
{
	struct timespec64 ts = { nsec / NSEC_PER_SEC, (long)(nsec % NSEC_PER_SEC) };

	return ts;
}

static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

#endif
