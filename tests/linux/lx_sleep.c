/*
 * lx_sleep: sleeping, for scenario linux_sleep. Init measures msleep(100)
 * in guest time (ktime_get_ns, jiffies) and how many of its ticks the
 * idle thread ran (get_cpu_idle_time_us); passes a semaphore between
 * itself and a consumer thread, which must be asleep in down() at each
 * up(); and starts a mutex contention that outlives init: "holder" locks
 * the mutex and sleeps LX_HOLD_MS with it, "waiter" sleeps in mutex_lock
 * until the unlock (ps shows both asleep meanwhile). /proc/lx_sleep
 * prints the contention's result and the idle ticks since its last read
 * (for the shell's own sleep).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/ktime.h>
#include <linux/tick.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/completion.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#define LX_HOLD_MS	1500
#define LX_UPS		3
#define TICK_US		(1000000 / HZ)

static DEFINE_MUTEX(lx_mutex);
static DECLARE_COMPLETION(lx_held);
static struct semaphore lx_sem;
static struct task_struct *lx_holder, *lx_waiter;
static u64 lx_unlock_ns, lx_locked_ns, lx_wait_start_ns;
static volatile int lx_downs;
static unsigned long lx_idle_seen, lx_jiffies_seen;
static struct proc_dir_entry *lx_entry;

static unsigned long idle_ticks(void)
{
	return (unsigned long)get_cpu_idle_time_us(0, NULL) / TICK_US;
}

/* msleep(100) from the middle of a tick: 100 ms to 110 ms, all idle. */
static void lx_msleep_check(void)
{
	unsigned long j = jiffies, j0, idle0;
	u64 t0, ns;

	while (jiffies == j)
		cpu_relax();
	udelay(5000);
	t0 = ktime_get_ns();
	j0 = jiffies;
	idle0 = idle_ticks();
	msleep(100);
	ns = ktime_get_ns() - t0;
	pr_info("lx_sleep: msleep(100) took 100 to 110 ms: %s; %lu jiffies, the idle thread "
		"ran %lu of them\n", ns >= 100000000 && ns <= 110000000 ?
		"yes" : "NO",
		jiffies - j0, idle_ticks() - idle0);
}

static int lx_consumer_fn(void *unused)
{
	while (lx_downs < LX_UPS) {
		down(&lx_sem);
		lx_downs++;
	}
	return 0;
}

/* Each up() finds the consumer asleep in down(): it did not spin. */
static int lx_semaphore_check(void)
{
	struct task_struct *t;
	int asleep = 0;

	sema_init(&lx_sem, 0);
	t = kthread_run(lx_consumer_fn, NULL, "lx_consumer");
	if (IS_ERR(t))
		return PTR_ERR(t);
	for (int i = 0; i < LX_UPS; i++) {
		msleep(20);
		asleep += t->__state == TASK_UNINTERRUPTIBLE;
		up(&lx_sem);
	}
	msleep(20);
	pr_info("lx_sleep: semaphore: the consumer was asleep in down() at %d of %d up()s "
		"and took %d; it returned %d\n", asleep, LX_UPS, lx_downs, kthread_stop(t));
	return 0;
}

static int lx_holder_fn(void *unused)
{
	mutex_lock(&lx_mutex);
	complete(&lx_held);
	msleep(LX_HOLD_MS);
	lx_unlock_ns = ktime_get_ns();
	mutex_unlock(&lx_mutex);
	return 1;
}

static int lx_waiter_fn(void *unused)
{
	lx_wait_start_ns = ktime_get_ns();
	mutex_lock(&lx_mutex);
	lx_locked_ns = ktime_get_ns();
	mutex_unlock(&lx_mutex);
	return 2;
}

static int lx_show(struct seq_file *m, void *v)
{
	unsigned long idle = idle_ticks(), j = jiffies;

	if (!lx_locked_ns)
		seq_puts(m, "mutex: the waiter has not got it yet\n");
	else
		seq_printf(m, "mutex: the waiter got it after the holder's unlock: %s; it "
			   "waited %s\n", lx_locked_ns >= lx_unlock_ns ? "yes" : "NO",
			   lx_locked_ns - lx_wait_start_ns >= (LX_HOLD_MS - 500) * 1000000ull ?
			   "over 1 s" : "under 1 s (WRONG)");
	if (!lx_jiffies_seen)
		seq_puts(m, "idle: counting from now\n");
	else
		seq_printf(m, "idle %lu of the %lu ticks since the last "
			   "read (all but at most 2: %s)\n",
			   idle - lx_idle_seen, j - lx_jiffies_seen,
			   idle - lx_idle_seen + 2 >= j - lx_jiffies_seen ? "yes" : "NO");
	lx_idle_seen = idle;
	lx_jiffies_seen = j;
	return 0;
}

static int lx_open(struct inode *inode, struct file *file)
{
	return single_open(file, lx_show, NULL);
}

static const struct proc_ops lx_ops = {
	.proc_open = lx_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int lx_contention_start(void)
{
	lx_holder = kthread_run(lx_holder_fn, NULL, "lx_holder");
	if (IS_ERR(lx_holder))
		return PTR_ERR(lx_holder);
	wait_for_completion(&lx_held);
	lx_waiter = kthread_run(lx_waiter_fn, NULL, "lx_waiter");
	if (IS_ERR(lx_waiter)) {
		kthread_stop(lx_holder);
		return PTR_ERR(lx_waiter);
	}
	return 0;
}

static int __init lx_sleep_init(void)
{
	int err;

	lx_msleep_check();
	err = lx_semaphore_check();
	if (err)
		return err;
	lx_entry = proc_create("lx_sleep", 0444, NULL, &lx_ops);
	if (!lx_entry)
		return -ENOMEM;
	err = lx_contention_start();
	if (err)
		proc_remove(lx_entry);
	return err;
}

static void __exit lx_sleep_exit(void)
{
	int h = kthread_stop(lx_holder), w = kthread_stop(lx_waiter);

	pr_info("lx_sleep: the holder returned %d, the waiter %d\n", h, w);
	proc_remove(lx_entry);
}

module_init(lx_sleep_init);
module_exit(lx_sleep_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("msleep in guest time, idle meanwhile; semaphore and mutex sleepers");
