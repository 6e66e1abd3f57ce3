/*
 * <linux/jiffies.h>: the tick count and its conversions. jiffies counts
 * timer interrupts since boot, HZ a second; it wraps (32 bits), so compare
 * two tick counts with time_after/time_before, never with < or >.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#define HZ		100
#define MAX_JIFFY_OFFSET	((long)(~0UL >> 2) - 1)

/* Ticks since boot, advanced by the timer interrupt (kernel/pit.c). */
extern volatile unsigned long jiffies;

/* Ticks since boot in 64 bits: does not wrap for 5.8 billion years. */
unsigned long long get_jiffies_64(void);

/* Is tick count a later than b (a before b...)? Correct across a wrap
 * while the two are less than 2^31 ticks apart. */
#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)
#define time_in_range(a, b, c)	(time_after_eq(a, b) && time_before_eq(a, c))
#define time_is_before_jiffies(a)	time_after(jiffies, a)
#define time_is_after_jiffies(a)	time_before(jiffies, a)

/* Conversions. To ticks they round up (a wait is never shorter than
 * asked); a negative or huge count gives MAX_JIFFY_OFFSET, as Linux. */
static inline unsigned int jiffies_to_msecs(const unsigned long j)
{
	return j * (1000 / HZ);
}

static inline unsigned int jiffies_to_usecs(const unsigned long j)
{
	return j * (1000000 / HZ);
}

static inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	if ((int)m < 0)
		return MAX_JIFFY_OFFSET;
	return (m + (1000 / HZ) - 1) / (1000 / HZ);
}

static inline unsigned long usecs_to_jiffies(const unsigned int u)
{
	if ((int)u < 0)
		return MAX_JIFFY_OFFSET;
	return (u + (1000000 / HZ) - 1) / (1000000 / HZ);
}

#endif
