/*
 * chardev: a character device driver. Registers /dev/chardev; reading it
 * gives one line of text. .owner = THIS_MODULE pins the module while the
 * device is open, so rmmod is refused until the last close.
 */
#include <module.h>

#define DEVICE_NAME "chardev"

static const char message[] = "Hello from the chardev module!\n";
static int major;
static unsigned opens;

static int chardev_open(struct inode *inode, struct file *file)
{
	opens++;
	return 0;
}

/* Copies the part of the message at *pos; 0 at its end. */
static ssize_t chardev_read(struct file *file, char __user *buf, size_t count,
			    loff_t *pos)
{
	size_t len = sizeof(message) - 1;

	if (*pos < 0 || (size_t)*pos >= len)
		return 0;
	if (count > len - *pos)
		count = len - *pos;
	memcpy(buf, message + *pos, count);
	*pos += count;
	return count;
}

static const struct file_operations chardev_fops = {
	.owner = THIS_MODULE,
	.open = chardev_open,
	.read = chardev_read,
};

static int __init chardev_init(void)
{
	major = register_chrdev(0, DEVICE_NAME, &chardev_fops);
	if (major < 0) {
		pr_err("chardev: register_chrdev failed: %d\n", major);
		return major;
	}
	pr_info("chardev: /dev/%s registered, major %d\n", DEVICE_NAME, major);
	return 0;
}

static void __exit chardev_exit(void)
{
	unregister_chrdev(major, DEVICE_NAME);
	pr_info("chardev: unregistered after %u opens\n", opens);
}

module_init(chardev_init);
module_exit(chardev_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/dev/chardev: reading it gives a greeting");
