/*
 * hx_sched: edge cases of the scheduler a review found, one per mode=
 * (scenario linux_sched_edges):
 *  0  init starts a thread with kthread_run and exit forgets it: unloaded
 *     before the thread first ran, the unload check must still name it
 *     (its function would run from unmapped memory);
 *  1  a timer function calls msleep(30): reported once, not sleeping, and
 *     it returns at once (no busy loop of reports);
 *  2  mutex_unlock wakes waiter B, then B gets a signal before it runs:
 *     B takes the free mutex (as Linux), and C, the next waiter, gets it
 *     after B, nobody sleeps on a free mutex;
 *  3  a read sleeps 5.2 s, then busy-loops 0.3 s in module code: not a
 *     soft lockup (the call slept; /proc/hx_sched is the file).
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/timer.h>
#include <linux/delay.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/sched/signal.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Scheduler edge cases: never-ran thread, msleep in a timer, mutex and signal");

static int mode;
module_param(mode, int, 0444);

static struct timer_list hx_timer;
static DEFINE_MUTEX(hx_mutex);
static struct task_struct *hx_b, *hx_c;
static int hx_rb = 99, hx_rc = 99;
static volatile unsigned long hx_sink;

static int hx_norun(void *unused)
{
	pr_info("hx_sched: thread runs\n");
	return 0;
}

static void hx_timer_fn(struct timer_list *t)
{
	msleep(30);
	pr_info("hx_sched: timer function returned\n");
}

/* Takes the mutex interruptibly, notes the result, waits to be stopped. */
static int hx_locker(void *result)
{
	int *r = result;

	*r = mutex_lock_interruptible(&hx_mutex);
	if (!*r)
		mutex_unlock(&hx_mutex);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static int hx_mutex_case(void)
{
	mutex_lock(&hx_mutex);
	hx_b = kthread_run(hx_locker, &hx_rb, "hx_b");
	msleep(20);
	hx_c = kthread_run(hx_locker, &hx_rc, "hx_c");
	msleep(20);
	mutex_unlock(&hx_mutex);	/* wakes B, which has not run yet */
	send_sig(SIGINT, hx_b, 1);
	msleep(50);
	pr_info("hx_sched: B %d, C %d, mutex %s\n", hx_rb, hx_rc,
		mutex_is_locked(&hx_mutex) ? "locked" : "free");
	return 0;
}

static ssize_t hx_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	unsigned long end;

	msleep(5200);
	end = jiffies + HZ * 3 / 10;
	while (time_before(jiffies, end))
		hx_sink++;
	pr_info("hx_sched: read returns after its sleep and loop\n");
	return 0;
}

static const struct proc_ops hx_fops = {
	.proc_read = hx_read,
};

static int __init hx_init(void)
{
	switch (mode) {
	case 0:
		return PTR_ERR_OR_ZERO(kthread_run(hx_norun, NULL, "hx_norun"));
	case 1:
		timer_setup(&hx_timer, hx_timer_fn, 0);
		mod_timer(&hx_timer, jiffies + 1);
		return 0;
	case 2:
		return hx_mutex_case();
	case 3:
		return proc_create("hx_sched", 0444, NULL, &hx_fops) ? 0 : -ENOMEM;
	}
	return -EINVAL;
}

static void __exit hx_exit(void)
{
	switch (mode) {
	case 1:
		del_timer_sync(&hx_timer);
		break;
	case 2:
		kthread_stop(hx_b);
		kthread_stop(hx_c);
		break;
	case 3:
		remove_proc_entry("hx_sched", NULL);
		break;
	}
}

module_init(hx_init);
module_exit(hx_exit);
