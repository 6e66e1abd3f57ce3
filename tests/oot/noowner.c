/*
 * noowner: a driver written the careless way, built out of tree by
 * `make M=tests/oot` for scenario modfs_noowner. It registers the fixed
 * major 60 (Linux's "local/experimental" range) with the old idiom
 * `if (register_chrdev(...))`, which needs 0 on success, and its
 * file_operations have no .owner: devfs must still pin the module while
 * /dev/noowner is open, or rmmod would unmap the release hook that the
 * last close calls.
 */
#include <module.h>

#define NOOWNER_MAJOR 60
#define DEVICE_NAME "noowner"

static const char message[] = "noowner: read without .owner\n";
static unsigned opens;

static int noowner_open(struct inode *inode, struct file *file)
{
	opens++;
	return 0;
}

/* Copies the part of the message at *pos; 0 at its end. */
static ssize_t noowner_read(struct file *file, char __user *buf, size_t count,
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

static int noowner_release(struct inode *inode, struct file *file)
{
	pr_info("noowner: released, minor %u\n", iminor(inode));
	return 0;
}

static const struct file_operations noowner_fops = {	/* no .owner */
	.open = noowner_open,
	.read = noowner_read,
	.release = noowner_release,
};

static int __init noowner_init(void)
{
	int err = register_chrdev(NOOWNER_MAJOR, DEVICE_NAME, &noowner_fops);

	if (err) {
		pr_err("noowner: register_chrdev(%d) gave %d\n", NOOWNER_MAJOR,
		       err);
		return err < 0 ? err : -EINVAL;
	}
	pr_info("noowner: /dev/%s registered, major %d\n", DEVICE_NAME,
		NOOWNER_MAJOR);
	return 0;
}

static void __exit noowner_exit(void)
{
	unregister_chrdev(NOOWNER_MAJOR, DEVICE_NAME);
	pr_info("noowner: unregistered after %u opens\n", opens);
}

module_init(noowner_init);
module_exit(noowner_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Tessera");
MODULE_DESCRIPTION("A driver with a fixed major and no .owner in its fops");
