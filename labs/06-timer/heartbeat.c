/*
 * heartbeat: lab 06's starting file. A kernel timer beats every period_ms
 * milliseconds (a module parameter, 50 by default); each beat re-arms the
 * timer for the next one. /proc/heartbeat shows how many beats there were.
 * Its exit forgets the timer: after rmmod it would fire into freed code
 * (Tessera removes it and says so; Linux would crash). Make exit stop it,
 * correctly (labs/06-timer/README.md).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 06: a self-rearming timer that must be stopped at exit");

static unsigned int period_ms = 50;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "milliseconds between beats (10..1000)");

static struct timer_list heartbeat_timer;
static unsigned int heartbeat_beats;
static struct proc_dir_entry *heartbeat_entry;

/* Runs in ksoftirqd (softirq context): counts, then re-arms itself. */
static void heartbeat_fn(struct timer_list *t)
{
	heartbeat_beats++;
	mod_timer(&heartbeat_timer, jiffies + msecs_to_jiffies(period_ms));
}

static int heartbeat_show(struct seq_file *m, void *v)
{
	seq_printf(m, "beats: %u\n", READ_ONCE(heartbeat_beats));
	return 0;
}

static int heartbeat_open(struct inode *inode, struct file *file)
{
	return single_open(file, heartbeat_show, NULL);
}

static const struct proc_ops heartbeat_ops = {
	.proc_open = heartbeat_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init heartbeat_init(void)
{
	if (period_ms < 10 || period_ms > 1000)
		return -EINVAL;
	heartbeat_entry = proc_create("heartbeat", 0444, NULL, &heartbeat_ops);
	if (!heartbeat_entry)
		return -ENOMEM;
	timer_setup(&heartbeat_timer, heartbeat_fn, 0);
	mod_timer(&heartbeat_timer, jiffies + msecs_to_jiffies(period_ms));
	pr_info("heartbeat: a beat every %u ms\n", period_ms);
	return 0;
}

static void __exit heartbeat_exit(void)
{
	proc_remove(heartbeat_entry);
	/* TODO: the timer */
	pr_info("heartbeat: stopped after %u beats\n", heartbeat_beats);
}

module_init(heartbeat_init);
module_exit(heartbeat_exit);
