/*
 * lx_pipe: the pieces a pipe-like driver uses, LDD3-style, in Tessera's
 * single flow of control: a fixed device number claimed with
 * register_chrdev_region and served by a cdev (no node: `mknod` makes one,
 * as on Linux), an open that is nonseekable and checks f_mode, a read that
 * waits with DEFINE_WAIT / prepare_to_wait / schedule / finish_wait until a
 * timer "writes" (the condition becomes true in interrupt context),
 * signal_pending (never, yet), fasync_helper / kill_fasync, current_uid.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/wait.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/cred.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/uaccess.h>

#define LX_PIPE_MAJOR	240

static struct cdev lx_pipe_cdev;
static DECLARE_WAIT_QUEUE_HEAD(lx_pipe_q);
static struct timer_list lx_pipe_timer;
static struct fasync_struct *lx_pipe_async;
static volatile int lx_pipe_ready;

static void lx_pipe_fire(struct timer_list *t)
{
	lx_pipe_ready = 1;
	kill_fasync(&lx_pipe_async, SIGIO, POLL_IN);
	wake_up_interruptible(&lx_pipe_q);
}

static int lx_pipe_open(struct inode *inode, struct file *file)
{
	pr_info("lx_pipe: open by %s (pid %d, root %s): read %s, write %s\n",
		current->comm, current->pid,
		uid_eq(current_uid(), GLOBAL_ROOT_UID) ? "yes" : "no",
		file->f_mode & FMODE_READ ? "yes" : "no",
		file->f_mode & FMODE_WRITE ? "yes" : "no");
	return nonseekable_open(inode, file);
}

static ssize_t lx_pipe_read(struct file *file, char __user *buf, size_t count,
			    loff_t *pos)
{
	static const char msg[] = "data from the timer\n";
	DEFINE_WAIT(wait);
	int rounds = 0;

	if (*pos)
		return 0;
	lx_pipe_ready = 0;
	mod_timer(&lx_pipe_timer, jiffies + msecs_to_jiffies(50));
	while (!lx_pipe_ready) {
		prepare_to_wait(&lx_pipe_q, &wait, TASK_INTERRUPTIBLE);
		if (!lx_pipe_ready)
			schedule();
		finish_wait(&lx_pipe_q, &wait);
		if (signal_pending(current))
			return -ERESTARTSYS;
		rounds++;
	}
	pr_info("lx_pipe: woken after %d round%s of schedule()\n", rounds,
		rounds == 1 ? "" : "s");
	if (count > sizeof(msg) - 1)
		count = sizeof(msg) - 1;
	if (copy_to_user(buf, msg, count))
		return -EFAULT;
	*pos += count;
	return count;
}

static int lx_pipe_fasync(int fd, struct file *file, int on)
{
	return fasync_helper(fd, file, on, &lx_pipe_async);
}

static int lx_pipe_release(struct inode *inode, struct file *file)
{
	return lx_pipe_fasync(-1, file, 0);
}

static const struct file_operations lx_pipe_fops = {
	.owner = THIS_MODULE,
	.open = lx_pipe_open,
	.read = lx_pipe_read,
	.release = lx_pipe_release,
	.fasync = lx_pipe_fasync,
	.llseek = no_llseek,
};

static int __init lx_pipe_init(void)
{
	dev_t dev = MKDEV(LX_PIPE_MAJOR, 0);
	int err = register_chrdev_region(dev, 1, "lx_pipe");

	if (err)
		return err;
	timer_setup(&lx_pipe_timer, lx_pipe_fire, 0);
	cdev_init(&lx_pipe_cdev, &lx_pipe_fops);
	lx_pipe_cdev.owner = THIS_MODULE;
	kobject_set_name(&lx_pipe_cdev.kobj, "lx_pipe%d", 0);
	err = cdev_add(&lx_pipe_cdev, dev, 1);
	if (err) {
		unregister_chrdev_region(dev, 1);
		return err;
	}
	pr_info("lx_pipe: major %d, no node: mknod /dev/lx_pipe c %d 0\n",
		LX_PIPE_MAJOR, LX_PIPE_MAJOR);
	return 0;
}

static void __exit lx_pipe_exit(void)
{
	del_timer_sync(&lx_pipe_timer);
	cdev_del(&lx_pipe_cdev);
	unregister_chrdev_region(MKDEV(LX_PIPE_MAJOR, 0), 1);
	pr_info("lx_pipe: exit\n");
}

module_init(lx_pipe_init);
module_exit(lx_pipe_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A read that waits for a timer with prepare_to_wait/schedule");
