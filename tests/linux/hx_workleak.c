/*
 * hx_workleak: for scenario linux_workleak. Exits leaving deferred work
 * behind: delayed work armed 10 s ahead on system_wq, a workqueue it
 * created and never destroyed with an item just queued on it, and a
 * disabled tasklet still scheduled. In Linux each would run (or a thread
 * would wait) in freed module memory; Tessera takes each out at unload,
 * before the code is unmapped, and says so.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/workqueue.h>
#include <linux/interrupt.h>

static struct workqueue_struct *hx_wq;

static void hx_workleak_fn(struct work_struct *work)
{
	pr_info("hx_workleak: work ran (never: the module is gone)\n");
}
static DECLARE_WORK(hx_workleak_work, hx_workleak_fn);

static void hx_workleak_late(struct work_struct *work)
{
	pr_info("hx_workleak: delayed work ran (never)\n");
}
static DECLARE_DELAYED_WORK(hx_workleak_dwork, hx_workleak_late);

static void hx_workleak_tl(struct tasklet_struct *t)
{
	pr_info("hx_workleak: tasklet ran (never)\n");
}
static DECLARE_TASKLET_DISABLED(hx_workleak_tasklet, hx_workleak_tl);

static int __init hx_workleak_init(void)
{
	hx_wq = create_singlethread_workqueue("hx_workleak");
	if (!hx_wq)
		return -ENOMEM;
	schedule_delayed_work(&hx_workleak_dwork, 10 * HZ);
	tasklet_schedule(&hx_workleak_tasklet);
	pr_info("hx_workleak: delayed work armed for 10 s, a disabled tasklet "
		"scheduled, workqueue hx_workleak made\n");
	return 0;
}

static void __exit hx_workleak_exit(void)
{
	pr_info("hx_workleak: exit, queueing work on hx_workleak and leaving it all\n");
	/* last: the kernel's code after exit returns is not preemptible, so
	 * the item is still queued when the unload looks, unless a tick
	 * lands in the few instructions of ours after queue_work (module
	 * code is): scenario linux_workleak runs under icount, where that
	 * is one chance in millions */
	queue_work(hx_wq, &hx_workleak_work);
}

module_init(hx_workleak_init);
module_exit(hx_workleak_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Exits with work queued, delayed work armed, a workqueue and a tasklet");
