/*
 * revdev: lab 02's starting file. A misc character device, /dev/revdev,
 * that keeps the last line written to it and reads it back reversed.
 * The registration is done; the read and write are yours
 * (labs/02-chardev/README.md).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 02: a character device that reverses a line");

#define REVDEV_MAX 64		/* the longest text kept, in bytes */

static char revdev_text[REVDEV_MAX];	/* the last text written, not reversed */
static size_t revdev_len;		/* its length, without a newline */
static DEFINE_MUTEX(revdev_lock);	/* guards both */

/* TODO: give back revdev_text reversed, then "\n"; *pos says how much
 * the reader already has (0 at open), so cat ends when you return 0. */
static ssize_t revdev_read(struct file *file, char __user *buf, size_t count,
			   loff_t *pos)
{
	return 0;
}

/* TODO: keep the text written (one trailing "\n" dropped); more than
 * REVDEV_MAX bytes is refused with -ENOSPC and keeps the old text. */
static ssize_t revdev_write(struct file *file, const char __user *buf,
			    size_t count, loff_t *pos)
{
	return count;
}

static const struct file_operations revdev_fops = {
	.owner = THIS_MODULE,
	.read = revdev_read,
	.write = revdev_write,
};

static struct miscdevice revdev_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "revdev",
	.fops = &revdev_fops,
};

static int __init revdev_init(void)
{
	int err = misc_register(&revdev_misc);

	if (err)
		return err;
	pr_info("revdev: /dev/revdev ready\n");
	return 0;
}

static void __exit revdev_exit(void)
{
	misc_deregister(&revdev_misc);
}

module_init(revdev_init);
module_exit(revdev_exit);
