/*
 * hx_hung: a kernel thread that sleeps uninterruptibly on a semaphore
 * nobody ups until the module's exit does: after 10 s the kernel names it
 * (Linux's hung task warning, `INFO: task hx_hung:N blocked for more than
 * 10 seconds, in hx_hung_wait+... [hx_hung]`) and `ps` shows it in state D
 * with the same place; exit then ups the semaphore and collects the
 * thread's result with kthread_stop. Scenario linux_hung.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/semaphore.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A thread blocked for good until exit: the hung task warning");

static struct semaphore hx_sem;
static struct task_struct *hx_thread;

static int hx_hung_wait(void *unused)
{
	down(&hx_sem);		/* count 0: sleeps until exit ups it */
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 17;
}

static int __init hx_hung_init(void)
{
	sema_init(&hx_sem, 0);
	hx_thread = kthread_run(hx_hung_wait, NULL, "hx_hung");
	return IS_ERR(hx_thread) ? PTR_ERR(hx_thread) : 0;
}

static void __exit hx_hung_exit(void)
{
	up(&hx_sem);
	pr_info("hx_hung: kthread_stop returned %d\n", kthread_stop(hx_thread));
}

module_init(hx_hung_init);
module_exit(hx_hung_exit);
