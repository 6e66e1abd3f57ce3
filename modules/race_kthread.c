/*
 * race_kthread: the race laboratory's thread race (docs/unload-races.md):
 * a module starts a kernel thread, and its exit must not return while
 * the thread still runs the module's code.
 *
 *   safe=1 (default)  exit calls kthread_stop: it wakes the thread, waits
 *                     until its function has returned, and collects its
 *                     result
 *   safe=0            exit only sets a flag the thread checks after its
 *                     sleep, and returns at once: the thread is still in
 *                     rk_loop. The kernel's unload check finds it and
 *                     stops the unload (the module stays, marked D); once
 *                     the thread has seen the flag and ended, rmmod -f
 *                     takes the module out
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/delay.h>

static bool safe = true;
module_param(safe, bool, 0444);
MODULE_PARM_DESC(safe, "stop the thread with kthread_stop (1) or a flag (0)");

static struct {
	struct task_struct *thread;
	bool stop;			/* the unsafe variant's request to stop */
	unsigned long rounds;
} rk;

static int rk_loop(void *unused)
{
	while (!kthread_should_stop() && !READ_ONCE(rk.stop)) {
		rk.rounds++;
		msleep(50);
	}
	return 7;
}

static int __init rk_init(void)
{
	rk.thread = kthread_run(rk_loop, NULL, "rk_worker");
	if (IS_ERR(rk.thread))
		return PTR_ERR(rk.thread);
	pr_info("race_kthread: rk_worker started; exit will use %s\n",
		safe ? "kthread_stop" : "a flag, without waiting");
	return 0;
}

static void __exit rk_exit(void)
{
	if (safe)
		pr_info("race_kthread: kthread_stop returned %d\n", kthread_stop(rk.thread));
	else
		WRITE_ONCE(rk.stop, true);	/* the bug: nobody waits for the thread */
}

module_init(rk_init);
module_exit(rk_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Race laboratory: a module thread, kthread_stop vs a flag");
