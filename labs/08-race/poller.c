/*
 * poller: lab 08's starting file. A kernel thread, "poller", wakes every
 * 20 ms and counts; /proc/poller shows the count. Exit asks the thread to
 * stop with a flag and returns at once: the thread may still be asleep
 * inside the module's code when rmmod frees it. That is a race in unload;
 * Tessera catches it and refuses to free the module. Fix it
 * (labs/08-race/README.md, docs/unload-races.md).
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
static bool poller_stop;		/* set by exit: "please stop" */
static unsigned int poller_polls;
static struct proc_dir_entry *poller_entry;

static int poller_fn(void *unused)
{
	while (!READ_ONCE(poller_stop)) {
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
	WRITE_ONCE(poller_stop, true);	/* and nobody waits for the thread */
	pr_info("poller: exit\n");
}

module_init(poller_init);
module_exit(poller_exit);
