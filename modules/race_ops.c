/*
 * race_ops: the driver of the race laboratory's first race (an ops table
 * called from another module's thread; docs/unload-races.md). It
 * registers an ops table with .owner = THIS_MODULE in race_subsys; the
 * thread of race_caller calls its work() through it, over and over.
 *
 * work() takes a while (msleep(ms), or a busy udelay(us)), so the caller
 * is inside it when you type `rmmod race_ops`: with race_caller safe=1
 * rmmod says "in use"; with safe=0 the kernel's unload check finds the
 * caller's thread in work() and stops the unload. The driver is the same
 * both times: the cure is in the subsystem, not here.
 */
#include <linux/module.h>
#include <linux/delay.h>
#include "modules/race_subsys.h"

static int ms = 20;
module_param(ms, int, 0444);
MODULE_PARM_DESC(ms, "each call sleeps this long (msleep), in milliseconds");
static int us;
module_param(us, int, 0444);
MODULE_PARM_DESC(us, "each call busy-waits this long (udelay), in microseconds");

static int race_ops_work(int arg)
{
	if (us)
		udelay(us);
	else if (ms)
		msleep(ms);
	return arg + 1;
}

static struct race_ops race_ops = {
	.owner = THIS_MODULE,		/* what race_subsys_call pins */
	.name = "race_ops",
	.work = race_ops_work,
};

static int __init race_ops_init(void)
{
	return race_subsys_register(&race_ops);
}

static void __exit race_ops_exit(void)
{
	race_subsys_unregister(&race_ops);
}

module_init(race_ops_init);
module_exit(race_ops_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Race laboratory: a driver registering an ops table with .owner");
