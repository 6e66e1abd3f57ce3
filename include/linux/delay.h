/*
 * <linux/delay.h>: waiting. udelay/ndelay/mdelay busy-wait on the timer
 * chip's counter (exact to a microsecond, usable with interrupts off);
 * msleep halts the CPU between timer ticks (at jiffy resolution: at least
 * the time asked, up to one tick more). Nothing else runs meanwhile but
 * interrupt handlers: there is one flow of control.
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

/* Waits at least msecs milliseconds, halting between ticks. Process
 * context only. */
void msleep(unsigned int msecs);
/* msleep; returns the milliseconds left when a signal ends the wait:
 * there are no signals yet, so always 0. */
unsigned long msleep_interruptible(unsigned int msecs);

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

/* Linux sleeps somewhere in [min, max]; here: busy-waits min. */
static inline void usleep_range(unsigned long min, unsigned long max)
{
	(void)max;
	udelay(min);
}

#endif
