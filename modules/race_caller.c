/*
 * race_caller: the user of the race laboratory's first race (an ops table
 * called from another module's thread; docs/unload-races.md). Its thread
 * calls the driver registered in race_subsys (race_ops) over and over.
 *
 *   insmod race_caller.ko          safe=1: race_subsys_call, which holds a
 *                                  reference on the driver during the call:
 *                                  `rmmod race_ops` says "in use"
 *   insmod race_caller.ko safe=0   race_subsys_call_unsafe, no reference:
 *                                  `rmmod race_ops` runs while the thread
 *                                  is inside the driver, and the kernel's
 *                                  unload check stops it, naming the thread
 *
 * gap_us=N busy-waits N microseconds between calls (the stress scenario
 * race_ops_stress uses it so that rmmod finds the driver sometimes in
 * use, sometimes not). With no driver registered the thread waits a tick.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include "modules/race_subsys.h"

static bool safe = true;
module_param(safe, bool, 0444);
MODULE_PARM_DESC(safe, "call with a reference on the driver (1) or without (0)");
static int gap_us;
module_param(gap_us, int, 0444);
MODULE_PARM_DESC(gap_us, "busy-wait between calls, in microseconds");

static struct {
	struct task_struct *thread;
	unsigned long calls;		/* calls that reached the driver */
	unsigned long none;		/* tries that found no driver */
} race_caller;

static int race_caller_loop(void *unused)
{
	while (!kthread_should_stop()) {
		int ret = safe ? race_subsys_call(1) : race_subsys_call_unsafe(1);

		if (ret == -ENODEV) {
			race_caller.none++;
			schedule_timeout_uninterruptible(1);
			continue;
		}
		race_caller.calls++;
		if (gap_us)
			udelay(gap_us);
	}
	return 0;
}

static int __init race_caller_init(void)
{
	race_caller.thread = kthread_run(race_caller_loop, NULL, "race_caller");
	if (IS_ERR(race_caller.thread))
		return PTR_ERR(race_caller.thread);
	pr_info("race_caller: calling %s a reference\n", safe ? "with" : "WITHOUT");
	return 0;
}

static void __exit race_caller_exit(void)
{
	kthread_stop(race_caller.thread);
	pr_info("race_caller: stopped after %lu calls (%lu tries found no driver)\n",
		race_caller.calls, race_caller.none);
}

module_init(race_caller_init);
module_exit(race_caller_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Race laboratory: a thread calling a driver through race_subsys");
