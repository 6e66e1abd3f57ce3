/*
 * race_work: the race laboratory's work-item race (docs/unload-races.md):
 * a work item that queues itself again, run by the kernel thread
 * kworker/0, and an exit that must not return while it runs or is queued.
 * Each run sleeps 20 ms (a work function may sleep), then queues the item
 * again unless the module is stopping.
 *
 *   safe=1 (default)  exit sets the flag, then cancel_work_sync: it takes
 *                     the item off the queue and waits for a running
 *                     function to return
 *   safe=0            exit only sets the flag and returns while kworker/0
 *                     still sleeps in the function: the kernel's unload
 *                     check finds it and stops the unload (the module
 *                     stays, marked D); once the function has returned,
 *                     rmmod -f takes the module out
 */
#include <linux/module.h>
#include <linux/workqueue.h>
#include <linux/delay.h>

static bool safe = true;
module_param(safe, bool, 0444);
MODULE_PARM_DESC(safe, "stop the work with cancel_work_sync (1) or a flag only (0)");

static struct {
	struct work_struct work;
	bool stopping;
} rw;

static void race_work_fn(struct work_struct *work)
{
	msleep(20);				/* the slow part */
	if (!READ_ONCE(rw.stopping))
		schedule_work(work);		/* run again */
}

static int __init race_work_init(void)
{
	INIT_WORK(&rw.work, race_work_fn);
	schedule_work(&rw.work);
	pr_info("race_work: queued; exit will use %s\n",
		safe ? "cancel_work_sync" : "a flag, without waiting");
	return 0;
}

static void __exit race_work_exit(void)
{
	WRITE_ONCE(rw.stopping, true);
	if (safe)	/* off the queue, and waits for a running function */
		pr_info("race_work: cancel_work_sync returned %d\n", cancel_work_sync(&rw.work));
}

module_init(race_work_init);
module_exit(race_work_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Race laboratory: a self-queueing work item, cancel_work_sync vs a flag");
