/*
 * race_open: the race laboratory's open-device race (docs/unload-races.md).
 * /dev/race_open is a misc device; every read of an open file enters this
 * module's code, so the module must not go while a file is open.
 *
 *   safe=1 (default)  its file_operations have .owner = THIS_MODULE: the
 *                     open pins the module (as Linux's chrdev open does),
 *                     and rmmod says "in use: refcount is 1" until close
 *   safe=0            no .owner: in Linux nothing pins the module, rmmod
 *                     succeeds and the next read of the open file jumps
 *                     into freed memory. Tessera's devfs pins the module
 *                     whose image holds the table anyway (docs/vfs.md), so
 *                     the rmmod is refused the same way
 *
 * In the shell: `open /dev/race_open` keeps a file open (prints its
 * descriptor), `close 3` closes it.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>

static bool safe = true;
module_param(safe, bool, 0444);
MODULE_PARM_DESC(safe, "set .owner in the file_operations (1) or not (0)");

static ssize_t race_open_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	static const char msg[] = "race_open: read\n";
	size_t len = sizeof(msg) - 1;

	if (*pos < 0 || *pos >= (loff_t)len)
		return 0;
	if (count > len - *pos)
		count = len - *pos;
	if (copy_to_user(buf, msg + *pos, count))
		return -EFAULT;
	*pos += count;
	return count;
}

static struct file_operations race_open_fops = {
	.read = race_open_read,		/* .owner: set in init when safe */
};

static struct miscdevice race_open_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "race_open",
	.fops = &race_open_fops,
};

static int __init race_open_init(void)
{
	if (safe)
		race_open_fops.owner = THIS_MODULE;
	return misc_register(&race_open_dev);
}

static void __exit race_open_exit(void)
{
	misc_deregister(&race_open_dev);
}

module_init(race_open_init);
module_exit(race_open_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Race laboratory: an open device during rmmod, with and without .owner");
