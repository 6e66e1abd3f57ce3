/*
 * ticker: a timer and a work item, the two halves of deferred work.
 *
 * The timer fires every `period_ms` (a parameter, 100 by default) in
 * softirq context, where sleeping is forbidden: it only counts and queues
 * the work item. The work item runs later in a kernel thread (kworker/0),
 * where sleeping is allowed: it sleeps `work_ms` (5) and counts. Both
 * counters read in /proc/ticker.
 *
 * The lesson is in ticker_exit: stop the timer first (del_timer_sync),
 * then the work (cancel_work_sync). The other order leaves a window in
 * which the still running timer queues the work again after it was
 * cancelled, and that work would run after the module's code is gone.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static unsigned int period_ms = 100;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "timer period in milliseconds");

static unsigned int work_ms = 5;
module_param(work_ms, uint, 0444);
MODULE_PARM_DESC(work_ms, "how long each work item sleeps, milliseconds");

static struct {
	struct timer_list timer;
	struct work_struct work;
	struct proc_dir_entry *proc;
	unsigned int timer_runs;	/* written by the timer only */
	unsigned int work_runs;		/* written by the work only */
	unsigned int queued_twice;	/* timer found the work still queued */
} ticker;

/* Process context (kworker/0): may sleep. */
static void ticker_work(struct work_struct *work)
{
	msleep(work_ms);
	ticker.work_runs++;
}

/* Softirq context: must not sleep. Counts, hands the rest to the work
 * item, and re-arms itself. */
static void ticker_timer(struct timer_list *t)
{
	ticker.timer_runs++;
	if (!schedule_work(&ticker.work))
		ticker.queued_twice++;	/* still pending: runs once for both */
	mod_timer(&ticker.timer, jiffies + msecs_to_jiffies(period_ms));
}

static int ticker_show(struct seq_file *m, void *v)
{
	seq_printf(m, "timer %u work %u (already queued %u)\n",
		   ticker.timer_runs, ticker.work_runs, ticker.queued_twice);
	return 0;
}

static int ticker_open(struct inode *inode, struct file *file)
{
	return single_open(file, ticker_show, NULL);
}

static const struct proc_ops ticker_proc_ops = {
	.proc_open = ticker_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init ticker_init(void)
{
	if (!period_ms)
		return -EINVAL;
	ticker.proc = proc_create("ticker", 0444, NULL, &ticker_proc_ops);
	if (!ticker.proc)
		return -ENOMEM;
	INIT_WORK(&ticker.work, ticker_work);
	timer_setup(&ticker.timer, ticker_timer, 0);
	mod_timer(&ticker.timer, jiffies + msecs_to_jiffies(period_ms));
	pr_info("ticker: every %u ms, work sleeps %u ms\n", period_ms, work_ms);
	return 0;
}

static void __exit ticker_exit(void)
{
	/* 1. The timer: after del_timer_sync it is neither pending nor
	 *    running, so nothing can queue the work any more. */
	del_timer_sync(&ticker.timer);
	/* 2. The work: cancel_work_sync removes it if queued and waits for
	 *    it if running. Done before step 1, the timer could queue it
	 *    again right after: work left on kworker/0 with no module. */
	cancel_work_sync(&ticker.work);
	proc_remove(ticker.proc);
	pr_info("ticker: stopped after %u timer runs, %u work runs\n",
		ticker.timer_runs, ticker.work_runs);
}

module_init(ticker_init);
module_exit(ticker_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A timer queues a work item; exit stops them in order");
