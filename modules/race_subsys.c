/*
 * race_subsys: the "subsystem" of the race laboratory (docs/unload-races.md,
 * race 1: a call through an ops table). Drivers register an ops table with
 * .owner = THIS_MODULE (race_ops.c); users call through the subsystem
 * (race_caller.c), as the VFS calls a driver's file_operations.
 *
 * What it teaches: the reference that keeps a driver loaded during a call
 * is taken HERE, by code outside the driver, while the subsystem's lock
 * guarantees the driver is still registered. race_subsys_call does it;
 * race_subsys_call_unsafe is the same call without it, the bug.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include "modules/race_subsys.h"

static struct {
	spinlock_t lock;		/* guards ops; no preemption while held */
	struct race_ops *ops;		/* the registered driver, or NULL */
	unsigned long refused;		/* calls turned away: the driver was going */
} race_subsys = {
	.lock = __SPIN_LOCK_UNLOCKED(race_subsys.lock),
};

int race_subsys_register(struct race_ops *ops)
{
	int err = 0;

	spin_lock(&race_subsys.lock);
	if (race_subsys.ops)
		err = -EBUSY;
	else
		race_subsys.ops = ops;
	spin_unlock(&race_subsys.lock);
	return err;
}
EXPORT_SYMBOL(race_subsys_register);

void race_subsys_unregister(struct race_ops *ops)
{
	spin_lock(&race_subsys.lock);
	if (race_subsys.ops == ops)
		race_subsys.ops = NULL;
	spin_unlock(&race_subsys.lock);
}
EXPORT_SYMBOL(race_subsys_unregister);

/* The cure. Under the lock the driver is registered, so its module is
 * loaded; try_module_get fails once its rmmod has begun (the module is
 * going), and while we hold the reference its rmmod says "in use". */
int race_subsys_call(int arg)
{
	struct race_ops *ops;
	int ret;

	spin_lock(&race_subsys.lock);
	ops = race_subsys.ops;
	if (ops && !try_module_get(ops->owner)) {
		race_subsys.refused++;
		ops = NULL;
	}
	spin_unlock(&race_subsys.lock);
	if (!ops)
		return -ENODEV;
	ret = ops->work(arg);		/* the driver cannot go now */
	module_put(ops->owner);		/* after the last use of ops */
	return ret;
}
EXPORT_SYMBOL(race_subsys_call);

/* The bug: once the lock is dropped nothing keeps the driver loaded, so
 * its rmmod may run while work runs (or before the call starts). */
int race_subsys_call_unsafe(int arg)
{
	struct race_ops *ops;

	spin_lock(&race_subsys.lock);
	ops = race_subsys.ops;
	spin_unlock(&race_subsys.lock);
	return ops ? ops->work(arg) : -ENODEV;
}
EXPORT_SYMBOL(race_subsys_call_unsafe);

static int __init race_subsys_init(void)
{
	pr_info("race_subsys: ready\n");
	return 0;
}

static void __exit race_subsys_exit(void)
{
	pr_info("race_subsys: unloaded; %lu calls found their driver going\n",
		race_subsys.refused);
}

module_init(race_subsys_init);
module_exit(race_subsys_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Race laboratory: a subsystem holding one driver's ops table");
