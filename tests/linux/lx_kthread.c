/*
 * lx_kthread: two busy kernel threads for scenario linux_kthreads. Init
 * starts spin_a and spin_b, each counting in a loop of module code that
 * never sleeps, until kthread_should_stop(); preemption at the tick lets
 * the shell (and each other) run meanwhile. /proc/lx_kthread reads as
 * whether each counter grew since the previous read; writing "stop" to
 * it stops spin_a with kthread_stop and prints what its function
 * returned. Exit stops spin_b the same way.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>
#include <linux/string.h>

struct spinner {
	const char *name;
	struct task_struct *task;	/* NULL once stopped */
	volatile unsigned long count;	/* laps of the loop */
	unsigned long seen;		/* count at the last read */
	int result;			/* what the function returns */
};

static struct spinner lx_spin[2] = {
	{ .name = "spin_a", .result = 101 },
	{ .name = "spin_b", .result = 102 },
};
static struct proc_dir_entry *lx_entry;

/* Counts until asked to stop; never sleeps. */
static int lx_spin_fn(void *data)
{
	struct spinner *s = data;

	while (!kthread_should_stop())
		s->count++;
	return s->result;
}

static const char *lx_grew(struct spinner *s)
{
	unsigned long now = s->count;
	bool grew = now != s->seen;

	s->seen = now;
	if (!s->task)
		return grew ? "grew after its stop (wrong)" : "stopped, unchanged";
	return grew ? "grew" : "did not grow";
}

static int lx_show(struct seq_file *m, void *v)
{
	seq_printf(m, "spin_a %s, spin_b %s\n", lx_grew(&lx_spin[0]), lx_grew(&lx_spin[1]));
	return 0;
}

static int lx_open(struct inode *inode, struct file *file)
{
	return single_open(file, lx_show, NULL);
}

static void lx_stop(struct spinner *s)
{
	int ret;

	if (!s->task)
		return;
	ret = kthread_stop(s->task);
	s->task = NULL;
	s->seen = s->count;	/* from now on it must not move */
	pr_info("lx_kthread: kthread_stop(%s) returned %d, after %s laps\n", s->name, ret,
		s->count > 1000 ? "more than 1000" : "1000 or fewer");
}

static ssize_t lx_write(struct file *file, const char __user *buf, size_t len,
			loff_t *pos)
{
	char cmd[8] = "";

	if (copy_from_user(cmd, buf, min(len, sizeof(cmd) - 1)))
		return -EFAULT;
	if (strncmp(cmd, "stop", 4))
		return -EINVAL;
	lx_stop(&lx_spin[0]);
	return len;
}

static const struct proc_ops lx_ops = {
	.proc_open = lx_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
	.proc_write = lx_write,
};

static int __init lx_kthread_init(void)
{
	for (int i = 0; i < 2; i++) {
		struct task_struct *t = kthread_run(lx_spin_fn, &lx_spin[i], "%s",
						    lx_spin[i].name);

		if (IS_ERR(t)) {
			while (i--)
				lx_stop(&lx_spin[i]);
			return PTR_ERR(t);
		}
		lx_spin[i].task = t;
	}
	lx_entry = proc_create("lx_kthread", 0644, NULL, &lx_ops);
	if (!lx_entry) {
		lx_stop(&lx_spin[0]);
		lx_stop(&lx_spin[1]);
		return -ENOMEM;
	}
	pr_info("lx_kthread: started spin_a (pid %d) and spin_b (pid %d)\n",
		lx_spin[0].task->pid, lx_spin[1].task->pid);
	return 0;
}

static void __exit lx_kthread_exit(void)
{
	proc_remove(lx_entry);
	lx_stop(&lx_spin[0]);
	lx_stop(&lx_spin[1]);
}

module_init(lx_kthread_init);
module_exit(lx_kthread_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Two busy kthreads: preemption, ps, kthread_stop");
