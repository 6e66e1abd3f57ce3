/*
 * revdev: the reference solution of lab 02 (labs/02-chardev): /dev/revdev
 * keeps the last line written and reads it back reversed.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 02: a character device that reverses a line");

#define REVDEV_MAX 64

static char revdev_text[REVDEV_MAX];
static size_t revdev_len;
static DEFINE_MUTEX(revdev_lock);

static ssize_t revdev_read(struct file *file, char __user *buf, size_t count,
			   loff_t *pos)
{
	char out[REVDEV_MAX + 1];
	size_t i, len;

	mutex_lock(&revdev_lock);
	for (i = 0; i < revdev_len; i++)
		out[i] = revdev_text[revdev_len - 1 - i];
	out[revdev_len] = '\n';
	len = revdev_len + 1;
	mutex_unlock(&revdev_lock);
	if (*pos >= len)
		return 0;
	if (count > len - *pos)
		count = len - *pos;
	if (copy_to_user(buf, out + *pos, count))
		return -EFAULT;
	*pos += count;
	return count;
}

static ssize_t revdev_write(struct file *file, const char __user *buf,
			    size_t count, loff_t *pos)
{
	char in[REVDEV_MAX + 1];
	size_t len = count;

	if (count > REVDEV_MAX + 1)
		return -ENOSPC;
	if (copy_from_user(in, buf, count))
		return -EFAULT;
	if (len && in[len - 1] == '\n')
		len--;
	if (len > REVDEV_MAX)
		return -ENOSPC;
	mutex_lock(&revdev_lock);
	memcpy(revdev_text, in, len);
	revdev_len = len;
	mutex_unlock(&revdev_lock);
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
