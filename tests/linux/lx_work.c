/*
 * lx_work: deferred work as Linux drivers use it, for scenario linux_work.
 * A timer function (interrupt context) hands work to kworker/0, where it
 * may sleep; schedule_work and flush_work; an item re-queueing itself
 * stopped by cancel_work_sync; delayed work measured in jiffies,
 * cancelled and modified; a private workqueue with its own thread,
 * flushed, destroyed at exit; tasklets scheduled from a timer, disabled
 * and enabled, killed at exit. Every fact is gathered by the functions
 * and printed by init, in order.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/workqueue.h>
#include <linux/interrupt.h>
#include <linux/preempt.h>
#include <linux/completion.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/delay.h>

static DEFINE_SPINLOCK(lx_lock);
static struct completion lx_done;

/* --- a timer hands work to a thread --- */

static struct timer_list lx_timer;
static int lx_timer_irq, lx_timer_queued, lx_work_irq, lx_work_slept;
static char lx_work_comm[TASK_COMM_LEN];

static void lx_from_timer(struct work_struct *work)
{
	unsigned long j = jiffies;

	lx_work_irq = in_interrupt();
	strscpy(lx_work_comm, current->comm, sizeof(lx_work_comm));
	msleep(20);
	lx_work_slept = jiffies - j >= 2;
	complete(&lx_done);
}
static DECLARE_WORK(lx_timer_work, lx_from_timer);

static void lx_timer_fn(struct timer_list *t)
{
	lx_timer_irq = in_interrupt();
	lx_timer_queued = schedule_work(&lx_timer_work);
}

static void lx_timer_part(void)
{
	init_completion(&lx_done);
	timer_setup(&lx_timer, lx_timer_fn, 0);
	mod_timer(&lx_timer, jiffies + 1);
	wait_for_completion(&lx_done);
	pr_info("lx_work: timer function: in_interrupt %d, schedule_work returned %d\n",
		lx_timer_irq, lx_timer_queued);
	pr_info("lx_work: the work ran in %s, in_interrupt %d, msleep(20) slept 2+ "
		"jiffies: %s\n", lx_work_comm, lx_work_irq, lx_work_slept ? "yes" : "no");
}

/* --- schedule_work and flush_work --- */

static int lx_slow_runs;

static void lx_slow(struct work_struct *work)
{
	msleep(30);
	lx_slow_runs++;
}
static DECLARE_WORK(lx_slow_work, lx_slow);

static void lx_flush_part(void)
{
	int first, second, pending;
	bool flushed;

	spin_lock(&lx_lock);	/* no preemption: kworker/0 cannot start it yet */
	first = schedule_work(&lx_slow_work);
	second = schedule_work(&lx_slow_work);
	pending = work_pending(&lx_slow_work);
	spin_unlock(&lx_lock);
	pr_info("lx_work: schedule_work %d, again while pending %d, work_pending %d\n",
		first, second, pending);
	flushed = flush_work(&lx_slow_work);
	pr_info("lx_work: flush_work returned %d: runs %d, work_pending %d; "
		"flush_work when idle returned %d\n", flushed, lx_slow_runs,
		work_pending(&lx_slow_work), flush_work(&lx_slow_work));
}

/* --- an item that queues itself again --- */

static volatile int lx_again_runs;

static void lx_again(struct work_struct *work)
{
	lx_again_runs++;
	msleep(1);
	schedule_work(work);
}
static DECLARE_WORK(lx_again_work, lx_again);

static void lx_cancel_part(void)
{
	int at_cancel, later;

	schedule_work(&lx_again_work);
	msleep(200);
	cancel_work_sync(&lx_again_work);
	at_cancel = lx_again_runs;
	msleep(100);
	later = lx_again_runs;
	pr_info("lx_work: re-queueing item ran 5+ times in 200 ms: %s; after "
		"cancel_work_sync: pending %d, 100 ms later %s\n",
		at_cancel >= 5 ? "yes" : "no", work_pending(&lx_again_work),
		later == at_cancel ? "no more runs" : "STILL RUNNING");
}

/* --- delayed work --- */

static unsigned long lx_delay_start, lx_delay_took;
static int lx_late_runs;

static void lx_delayed(struct work_struct *work)
{
	lx_delay_took = jiffies - lx_delay_start;
	complete(&lx_done);
}
static DECLARE_DELAYED_WORK(lx_delay_work, lx_delayed);

static void lx_late(struct work_struct *work)
{
	struct delayed_work *dw = to_delayed_work(work);

	lx_late_runs++;
	(void)dw;
	complete(&lx_done);
}
static struct delayed_work lx_late_work;

static void lx_delayed_part(void)
{
	int queued, pending, was;

	reinit_completion(&lx_done);
	lx_delay_start = jiffies;
	queued = schedule_delayed_work(&lx_delay_work, 10);
	pending = delayed_work_pending(&lx_delay_work);
	wait_for_completion(&lx_done);
	pr_info("lx_work: schedule_delayed_work(10) %d, pending %d; ran after 10 to 12 "
		"jiffies: %s\n", queued, pending,
		lx_delay_took >= 10 && lx_delay_took <= 12 ? "yes" : "no");

	INIT_DELAYED_WORK(&lx_late_work, lx_late);
	schedule_delayed_work(&lx_late_work, HZ);
	was = cancel_delayed_work_sync(&lx_late_work);
	pr_info("lx_work: cancel_delayed_work_sync of a pending one %d, pending %d; "
		"cancel_delayed_work of an idle one %d\n", was,
		delayed_work_pending(&lx_late_work), cancel_delayed_work(&lx_late_work));

	reinit_completion(&lx_done);
	schedule_delayed_work(&lx_late_work, 10 * HZ);
	was = mod_delayed_work(system_wq, &lx_late_work, 1);
	wait_for_completion(&lx_done);
	pr_info("lx_work: mod_delayed_work from 10 s to 1 jiffy %d; runs %d\n", was,
		lx_late_runs);
}

/* --- a private workqueue --- */

static struct workqueue_struct *lx_wq;
static struct lx_item {
	struct work_struct work;
	int n;
} lx_items[3];
static char lx_order[16], lx_item_comm[TASK_COMM_LEN];

static void lx_item_fn(struct work_struct *work)
{
	struct lx_item *it = container_of(work, struct lx_item, work);
	size_t len = strlen(lx_order);

	msleep(10);
	lx_order[len] = '0' + it->n;
	lx_order[len + 1] = '\0';
	strscpy(lx_item_comm, current->comm, sizeof(lx_item_comm));
}

static int lx_wq_part(void)
{
	lx_wq = create_singlethread_workqueue("lx_work");
	if (!lx_wq)
		return -ENOMEM;
	for (int i = 0; i < 3; i++) {
		INIT_WORK(&lx_items[i].work, lx_item_fn);
		lx_items[i].n = i;
		queue_work(lx_wq, &lx_items[i].work);
	}
	flush_workqueue(lx_wq);
	pr_info("lx_work: 3 items on workqueue lx_work ran in order %s, in thread %s, "
		"before flush_workqueue returned\n", lx_order, lx_item_comm);
	return 0;
}

/* --- tasklets --- */

static int lx_tl_runs, lx_tl_softirq, lx_tl_task;
static unsigned long lx_old_data;
static struct timer_list lx_tl_timer;

static void lx_tl_fn(struct tasklet_struct *t)
{
	lx_tl_runs++;
	lx_tl_softirq = in_softirq();
	lx_tl_task = in_task();
}
static DECLARE_TASKLET(lx_tasklet, lx_tl_fn);

static void lx_old_fn(unsigned long data)
{
	lx_old_data = data;
}
static struct tasklet_struct lx_old;

static void lx_tl_timer_fn(struct timer_list *t)
{
	tasklet_schedule(&lx_tasklet);
	tasklet_schedule(&lx_tasklet);	/* already scheduled: no second run */
}

static void lx_tasklet_part(void)
{
	int disabled_runs;

	timer_setup(&lx_tl_timer, lx_tl_timer_fn, 0);
	mod_timer(&lx_tl_timer, jiffies + 1);
	msleep(50);
	pr_info("lx_work: tasklet scheduled twice from a timer ran %d time(s), "
		"in_softirq %d, in_task %d\n", lx_tl_runs, lx_tl_softirq, lx_tl_task);
	tasklet_init(&lx_old, lx_old_fn, 42);
	tasklet_disable(&lx_old);
	tasklet_schedule(&lx_old);
	msleep(30);
	disabled_runs = lx_old_data != 0;
	tasklet_enable(&lx_old);
	msleep(30);
	pr_info("lx_work: old-style tasklet disabled: ran %d; enabled: ran with data %lu\n",
		disabled_runs, lx_old_data);
	tasklet_schedule(&lx_tasklet);
}

static int __init lx_work_init(void)
{
	lx_timer_part();
	lx_flush_part();
	lx_cancel_part();
	lx_delayed_part();
	lx_tasklet_part();
	return lx_wq_part();
}

static void lx_last(struct work_struct *work)
{
	msleep(20);
	pr_info("lx_work: last item on lx_work ran (20 ms sleep)\n");
}
static DECLARE_WORK(lx_last_work, lx_last);

static void __exit lx_work_exit(void)
{
	queue_work(lx_wq, &lx_last_work);
	destroy_workqueue(lx_wq);
	pr_info("lx_work: destroy_workqueue returned\n");
	tasklet_kill(&lx_tasklet);
	tasklet_kill(&lx_old);
	pr_info("lx_work: tasklet_kill: %d runs in all\n", lx_tl_runs);
}

module_init(lx_work_init);
module_exit(lx_work_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Workqueues, delayed work and tasklets");
