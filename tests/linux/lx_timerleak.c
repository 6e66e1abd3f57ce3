/*
 * lx_timerleak: for scenario linux_timers. Arms a timer 10 s ahead and
 * exits without deleting it: Linux would call into the freed module when
 * it fires. Tessera removes it at unload and says so.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/timer.h>

static struct timer_list lx_timerleak_timer;

static void lx_timerleak_fire(struct timer_list *t)
{
	pr_info("lx_timerleak: fired (never: the module is gone)\n");
}

static int __init lx_timerleak_init(void)
{
	timer_setup(&lx_timerleak_timer, lx_timerleak_fire, 0);
	mod_timer(&lx_timerleak_timer, jiffies + 10 * HZ);
	pr_info("lx_timerleak: timer armed for 10 s\n");
	return 0;
}

static void __exit lx_timerleak_exit(void)
{
	pr_info("lx_timerleak: exit, the timer still armed\n");
}

module_init(lx_timerleak_init);
module_exit(lx_timerleak_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Exits with a timer armed");
