/*
 * <linux/delay.h>: waiting. udelay/ndelay/mdelay busy-wait on the timer
 * chip's counter (exact to a microsecond, usable with interrupts off;
 * other threads may preempt the wait); msleep sleeps in the scheduler
 * (at jiffy resolution: at least the time asked, up to one tick more),
 * while other threads run or the CPU idles.
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/jiffies.h>

/* Busy-waits at least usecs microseconds (nsecs nanoseconds, rounded up
 * to a microsecond). Any context, interrupts on or off. */
void udelay(unsigned long usecs);
void ndelay(unsigned long nsecs);

/* Busy-waits at least msecs milliseconds. */
static inline void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}

/* Sleeps at least msecs milliseconds. Process context only. */
void msleep(unsigned int msecs);
/* msleep; ends early when a signal (Ctrl-C) arrives and returns the
 * milliseconds that were left, else 0. */
unsigned long msleep_interruptible(unsigned int msecs);

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

/* Linux sleeps somewhere in [min, max] (a high-resolution timer). With
 * 10 ms ticks, a wait shorter than a tick busy-waits min; a longer one
 * sleeps. */
static inline void usleep_range(unsigned long min, unsigned long max)
{
	(void)max;
	if (min < 1000000 / HZ)
		udelay(min);
	else
		msleep((unsigned int)((min + 999) / 1000));
}

#endif
