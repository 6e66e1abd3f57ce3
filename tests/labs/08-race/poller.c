/*
 * poller: the reference solution of lab 08 (labs/08-race): the thread
 * loops until kthread_should_stop(), and exit calls kthread_stop, which
 * wakes it and waits until it has returned: when exit returns, no code of
 * the module runs any more.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 08: a module thread that must be stopped before unload");

static struct task_struct *poller_thread;
static unsigned int poller_polls;
static struct proc_dir_entry *poller_entry;

static int poller_fn(void *unused)
{
	while (!kthread_should_stop()) {
		poller_polls++;
		msleep(20);
	}
	return 0;
}

static int poller_show(struct seq_file *m, void *v)
{
	seq_printf(m, "polls: %u\n", READ_ONCE(poller_polls));
	return 0;
}

static int poller_open(struct inode *inode, struct file *file)
{
	return single_open(file, poller_show, NULL);
}

static const struct proc_ops poller_ops = {
	.proc_open = poller_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init poller_init(void)
{
	poller_entry = proc_create("poller", 0444, NULL, &poller_ops);
	if (!poller_entry)
		return -ENOMEM;
	poller_thread = kthread_run(poller_fn, NULL, "poller");
	if (IS_ERR(poller_thread)) {
		proc_remove(poller_entry);
		return PTR_ERR(poller_thread);
	}
	pr_info("poller: thread started\n");
	return 0;
}

static void __exit poller_exit(void)
{
	proc_remove(poller_entry);
	pr_info("poller: exit, the thread returned %d\n",
		kthread_stop(poller_thread));
}

module_init(poller_init);
module_exit(poller_exit);
