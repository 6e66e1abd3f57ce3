/*
 * lx_misc: a misc device the Linux way. /dev/lx_misc (major 10, a dynamic
 * minor) reads as a fixed 32-byte table; its llseek is fixed_size_llseek,
 * so positions past 32 are refused. file->private_data is the struct
 * miscdevice at open, as Linux sets it.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>

static const char lx_table[32] = "0123456789abcdefghijklmnopqrstuv";

static int lx_misc_open(struct inode *inode, struct file *file)
{
	struct miscdevice *misc = file->private_data;

	pr_info("lx_misc: open of %s, minor %d\n", misc->name, iminor(inode));
	return 0;
}

static ssize_t lx_misc_read(struct file *file, char __user *buf, size_t count,
			    loff_t *pos)
{
	if (*pos >= (loff_t)sizeof(lx_table))
		return 0;
	if (count > sizeof(lx_table) - *pos)
		count = sizeof(lx_table) - *pos;
	if (copy_to_user(buf, lx_table + *pos, count))
		return -EFAULT;
	*pos += count;
	return count;
}

static loff_t lx_misc_llseek(struct file *file, loff_t offset, int whence)
{
	return fixed_size_llseek(file, offset, whence, sizeof(lx_table));
}

static const struct file_operations lx_misc_fops = {
	.owner = THIS_MODULE,
	.open = lx_misc_open,
	.read = lx_misc_read,
	.llseek = lx_misc_llseek,
};

static struct miscdevice lx_misc_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "lx_misc",
	.fops = &lx_misc_fops,
	.mode = 0444,
};

static int __init lx_misc_init(void)
{
	int err = misc_register(&lx_misc_dev);

	if (err)
		return err;
	pr_info("lx_misc: /dev/%s is 10:%d\n", lx_misc_dev.name, lx_misc_dev.minor);
	return 0;
}

static void __exit lx_misc_exit(void)
{
	misc_deregister(&lx_misc_dev);
}

module_init(lx_misc_init);
module_exit(lx_misc_exit);
MODULE_LICENSE("GPL");
