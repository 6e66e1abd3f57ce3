/*
 * lx_timer: a Linux-style timer module for scenario linux_timers. Its
 * timer re-arms itself every tick; init waits until it has run at least
 * 5 times, stops it with del_timer_sync and checks the count no longer
 * moves 100 ms later. It also checks the jiffies helpers (conversions,
 * time_after across a wrap, the 64-bit count) and that mdelay and udelay
 * take as long as asked, measured in ticks.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/delay.h>

#define LX_TICKS 5

static struct lx_timer {
	struct timer_list timer;
	volatile int count;
} lx;

static void lx_timer_fire(struct timer_list *t)
{
	struct lx_timer *me = from_timer(me, t, timer);

	me->count++;
	mod_timer(&me->timer, jiffies + 1);
}

static void lx_timer_helpers(void)
{
	unsigned long long j64 = get_jiffies_64();
	unsigned long j = jiffies;	/* read at once: a tick may fall between */

	pr_info("lx_timer: HZ %d; 20 ms = %lu jiffies, 1 ms = %lu, 3 jiffies = %u ms, "
		"10001 us = %lu jiffies\n", HZ, msecs_to_jiffies(20), msecs_to_jiffies(1),
		jiffies_to_msecs(3), usecs_to_jiffies(10001));
	pr_info("lx_timer: time_after(5, ULONG_MAX - 5) = %d, time_before = %d, "
		"time_after_eq(7, 7) = %d; 64-bit count agrees: %s\n",
		time_after(5UL, ~0UL - 5), time_before(5UL, ~0UL - 5),
		time_after_eq(7UL, 7UL), j - (unsigned long)j64 <= 1 ? "yes" : "no");
}

/* Busy-waits and says whether a tick passed meanwhile: the delays count
 * the timer chip's counter itself, while jiffies counts the interrupts
 * QEMU delivers, and on a loaded host QEMU may drop some (no catch-up in
 * its emulated PIT): so only "at least one tick" is certain, and no upper
 * bound is checked. A delay that returned at once would show 0. */
static void lx_timer_delays(void)
{
	unsigned long t0 = jiffies, d1, d2;

	mdelay(50);
	d1 = jiffies - t0;
	t0 = jiffies;
	for (int i = 0; i < 30; i++)
		udelay(1000);
	d2 = jiffies - t0;
	pr_info("lx_timer: mdelay(50) outlasted a tick: %s; 30 x udelay(1000) too: %s\n",
		d1 >= 1 ? "yes" : "no", d2 >= 1 ? "yes" : "no");
}

static int __init lx_timer_init(void)
{
	int before, after, was;

	lx_timer_helpers();
	lx_timer_delays();
	timer_setup(&lx.timer, lx_timer_fire, 0);
	lx.timer.expires = jiffies + msecs_to_jiffies(20);
	add_timer(&lx.timer);
	pr_info("lx_timer: armed, pending %d\n", timer_pending(&lx.timer));
	while (lx.count < LX_TICKS)
		msleep(10);
	was = del_timer_sync(&lx.timer);
	pr_info("lx_timer: del_timer_sync returned %d, pending %d\n", was,
		timer_pending(&lx.timer));
	before = lx.count;
	msleep(100);
	after = lx.count;
	pr_info("lx_timer: ran at least %d times: %s; 100 ms after del_timer_sync: %s\n",
		LX_TICKS, before >= LX_TICKS ? "yes" : "no",
		after == before ? "no more" : "STILL RUNNING");
	pr_info("lx_timer: del_timer of a stopped timer returned %d\n", del_timer(&lx.timer));
	return 0;
}

static void __exit lx_timer_exit(void)
{
	pr_info("lx_timer: exit\n");
}

module_init(lx_timer_init);
module_exit(lx_timer_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A timer ticking until del_timer_sync; jiffies helpers and delays");
