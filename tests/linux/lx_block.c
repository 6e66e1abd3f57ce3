/*
 * lx_block: a misc device whose read never gets data, for scenario
 * linux_ctrl_c. A read sleeps in wait_event_interruptible on a queue
 * nobody wakes; only a signal (Ctrl-C) ends it, and the read returns
 * -ERESTARTSYS as a Linux driver does (the kernel turns it into -EINTR,
 * the shell into status 130). Each read says how it ended.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/wait.h>
#include <linux/sched.h>

static DECLARE_WAIT_QUEUE_HEAD(lx_block_wq);
static int lx_block_data;		/* never set: the read never ends by itself */

static ssize_t lx_block_read(struct file *file, char __user *buf, size_t count,
			     loff_t *pos)
{
	int err = wait_event_interruptible(lx_block_wq, lx_block_data);

	pr_info("lx_block: %s: read ended by %s (%d)\n", current->comm,
		err == -ERESTARTSYS ? "a signal" : "data", err);
	return err ? -ERESTARTSYS : 0;
}

static const struct file_operations lx_block_fops = {
	.owner = THIS_MODULE,
	.read = lx_block_read,
};

static struct miscdevice lx_block_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "lx_block",
	.fops = &lx_block_fops,
	.mode = 0444,
};

static int __init lx_block_init(void)
{
	return misc_register(&lx_block_dev);
}

static void __exit lx_block_exit(void)
{
	misc_deregister(&lx_block_dev);
}

module_init(lx_block_init);
module_exit(lx_block_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A device whose read blocks until a signal");
