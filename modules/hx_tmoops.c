/*
 * hx_tmoops: starts a kernel timer whose function follows a NULL pointer
 * on the next tick, and waits for it in init. Timer functions run in
 * softirq context (the ksoftirqd thread), where no command can be ended,
 * as in Linux: the oops is printed, symbolized (hx_tmoops_fire
 * [hx_tmoops]), and the kernel panics. Loading it ends the session.
 */
#include <module.h>

static struct {
	struct timer_list timer;
	int *volatile target;		/* never set: NULL */
} hx;

static void hx_tmoops_fire(struct timer_list *t)
{
	*hx.target = 1;
}

static int __init hx_tmoops_init(void)
{
	/* Said before the timer is set: printed after, the line could lose
	 * the race with the next tick when the host is busy (the oops first) */
	pr_info("hx_tmoops: setting a timer; it faults on the next tick, in interrupt context\n");
	timer_setup(&hx.timer, hx_tmoops_fire, 0);
	mod_timer(&hx.timer, jiffies + 1);
	msleep(100);
	pr_info("hx_tmoops: still here? (never printed)\n");
	return 0;
}

static void __exit hx_tmoops_exit(void)
{
	del_timer_sync(&hx.timer);
}

module_init(hx_tmoops_init);
module_exit(hx_tmoops_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A timer function that follows a NULL pointer (panics)");
