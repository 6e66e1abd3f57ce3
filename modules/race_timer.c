/*
 * race_timer: the race laboratory's second race (docs/unload-races.md): a
 * timer that re-arms itself, and a function slower than its period.
 *
 * Timer functions run in the kernel thread ksoftirqd/0, which can be
 * preempted in the middle of one. Each run re-arms the timer for the next
 * tick, then busy-waits 15 ms (mdelay): longer than the 10 ms period, so
 * the function is running, preempted, nearly all the time. At rmmod:
 *
 *   safe=1 (default)  exit calls del_timer_sync: it removes the pending
 *                     timer and waits until the running function returns
 *   safe=0            exit calls del_timer: it removes the pending timer
 *                     but returns while the function still runs; the
 *                     kernel's unload check finds ksoftirqd/0 in it and
 *                     stops the unload (the module stays, marked D) until
 *                     the function has returned: then rmmod -f takes it out
 */
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/delay.h>
#include <linux/jiffies.h>

static bool safe = true;
module_param(safe, bool, 0444);
MODULE_PARM_DESC(safe, "stop the timer with del_timer_sync (1) or del_timer (0)");

static struct timer_list race_timer;

static void race_timer_fn(struct timer_list *t)
{
	mod_timer(t, jiffies + 1);	/* again at the next tick */
	mdelay(15);			/* the slow part: ksoftirqd is preempted here */
}

static int __init race_timer_init(void)
{
	timer_setup(&race_timer, race_timer_fn, 0);
	mod_timer(&race_timer, jiffies + 1);
	pr_info("race_timer: armed; exit will use %s\n", safe ? "del_timer_sync" : "del_timer");
	return 0;
}

static void __exit race_timer_exit(void)
{
	if (safe)	/* removes it, and waits for a running function */
		pr_info("race_timer: del_timer_sync returned %d\n", del_timer_sync(&race_timer));
	else		/* the bug: removes it, but does not wait */
		pr_info("race_timer: del_timer returned %d\n", del_timer(&race_timer));
}

module_init(race_timer_init);
module_exit(race_timer_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Race laboratory: a self-arming timer, del_timer_sync vs del_timer");
