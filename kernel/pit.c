/*
 * The 8253/8254 timer, channel 0, programmed for HZ interrupts a second;
 * each one advances jiffies, drives the scheduler (time slices, timed
 * sleeps), wakes ksoftirqd when a kernel timer is due and ends a guarded
 * module call that has looped too long (kernel/oops.h). Its counter, read
 * between ticks, also times udelay to the microsecond and ktime_get_ns
 * below the tick; msleep sleeps in the scheduler.
 */
#include "kernel/timer.h"
#include "kernel/arch.h"
#include "kernel/cpu.h"
#include "kernel/oops.h"
#include "kernel/sync.h"
#include "kernel/sched.h"
#include <linux/time.h>

#define PIT_HZ 1193182u
#define PIT_DIVISOR ((PIT_HZ + HZ / 2) / HZ)	/* counts per tick: 11932 */

volatile unsigned long jiffies;

static struct {
	volatile uint32_t jiffies_high;	/* bits 32..63 of the 64-bit count */
} pit;

static void pit_tick(struct regs *r)
{
	if (++jiffies == 0)
		pit.jiffies_high++;
	sched_tick();
	timers_raise();
	oops_soft_lockup_check(r);
}

void pit_init(void)
{
	uint16_t divisor = PIT_DIVISOR;

	/* mode 2, the rate generator: the counter runs down by one from
	 * divisor to 1, then reloads with the interrupt, so it tells where
	 * in the tick we are (mode 3 counts by two, twice a tick) */
	outb(0x34, 0x43);	/* channel 0, lobyte/hibyte, mode 2 */
	outb(divisor & 0xff, 0x40);
	outb(divisor >> 8, 0x40);
	irq_register(0, pit_tick, "timer");
}

uint32_t uptime_ms(void)
{
	return jiffies * (1000 / HZ);
}

unsigned long long get_jiffies_64(void)
{
	uint32_t flags = irq_save();
	unsigned long long j = ((unsigned long long)pit.jiffies_high << 32) | jiffies;

	irq_restore(flags);
	return j;
}

/* The counter of channel 0: PIT_DIVISOR..1, falling at PIT_HZ. */
static uint32_t pit_count(void)
{
	uint32_t flags = irq_save();
	uint32_t lo, hi;

	outb(0x00, 0x43);	/* latch channel 0 */
	lo = inb(0x40);
	hi = inb(0x40);
	irq_restore(flags);
	return lo | hi << 8;
}

u64 ktime_get_ns(void)
{
	uint32_t flags = irq_save();
	unsigned long long j = ((unsigned long long)pit.jiffies_high << 32) | jiffies;
	uint32_t count;

	outb(0x00, 0x43);
	count = inb(0x40);
	count |= inb(0x40) << 8;
	/* a tick due but not yet taken (interrupts off) reads as a reload */
	if (pic_pending(0))
		j++, count = PIT_DIVISOR;
	irq_restore(flags);
	return j * (1000000000ull / HZ) +
	       (uint64_t)(PIT_DIVISOR - count) * 1000000000ull / PIT_HZ;
}

void udelay(unsigned long usecs)
{
	/* counts to wait, rounded up; 64 bits: usecs * PIT_HZ overflows 32 */
	uint64_t need = ((uint64_t)usecs * PIT_HZ + 999999) / 1000000;
	uint64_t done = 0;
	uint32_t prev = pit_count();

	kpreempt_begin();	/* a busy-wait: other threads may run meanwhile */
	while (done < need) {
		uint32_t now = pit_count();

		/* the counter falls and reloads at each tick; a tick missed
		 * while an interrupt ran is not counted: longer, never shorter */
		done += now <= prev ? prev - now : prev + PIT_DIVISOR - now;
		prev = now;
	}
	kpreempt_end();
}

void ndelay(unsigned long nsecs)
{
	udelay(nsecs / 1000 + (nsecs % 1000 != 0));
}

/* Linux's msleep: one tick more than asked, so the sleep is never short
 * however far into the current tick it starts. */
void msleep(unsigned int msecs)
{
	long timeout = (long)msecs_to_jiffies(msecs) + 1;

	while (timeout) {
		__set_current_state(TASK_UNINTERRUPTIBLE);
		timeout = sched_sleep_timeout(timeout, "msleep", __builtin_return_address(0));
	}
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	long timeout = (long)msecs_to_jiffies(msecs) + 1;

	while (timeout && !signal_pending(current)) {
		__set_current_state(TASK_INTERRUPTIBLE);
		timeout = sched_sleep_timeout(timeout, "msleep_interruptible",
					      __builtin_return_address(0));
	}
	return jiffies_to_msecs((unsigned long)timeout);
}

void ktime_get_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64((s64)ktime_get_ns());
}

void ktime_get_real_ts64(struct timespec64 *ts)
{
	ktime_get_ts64(ts);
}

void ktime_get_coarse_real_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64((s64)get_jiffies_64() * (NSEC_PER_SEC / HZ));
}

time64_t ktime_get_real_seconds(void)
{
	return (time64_t)(get_jiffies_64() / HZ);
}

time64_t ktime_get_seconds(void)
{
	return ktime_get_real_seconds();
}
