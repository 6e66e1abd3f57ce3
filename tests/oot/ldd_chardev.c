/*
 * ldd_chardev: a character driver written the way Linux 2.6 drivers were
 * (the Linux Device Drivers / Module Programming Guide style), built out
 * of tree by `make M=tests/oot` to show that include/module.h takes such a
 * driver with only its #include lines changed. Writing to /dev/ldd_chardev
 * stores up to 80 bytes in a static buffer, reading gives them back; one
 * opener at a time (-EBUSY for the next).
 *
 * The Linux includes that <module.h> replaces:
 *   #include <linux/module.h>
 *   #include <linux/moduleparam.h>
 *   #include <linux/kernel.h>
 *   #include <linux/init.h>
 *   #include <linux/fs.h>
 *   #include <linux/slab.h>
 *   #include <asm/uaccess.h>
 */
#include <module.h>

#define DEVICE_NAME "ldd_chardev"
#define BUF_LEN 80

static int major;		/* 0: let register_chrdev choose */
module_param(major, int, S_IRUGO);
MODULE_PARM_DESC(major, "major device number (0: dynamic)");

static int device_open_count;	/* one opener at a time */
static int times_opened;
static char msg[BUF_LEN];	/* what was last written */
static int msg_len;

/* What each open file keeps: its own byte count, in file->private_data. */
struct ldd_session {
	size_t bytes_read;
};

static int device_open(struct inode *inode, struct file *file);
static int device_release(struct inode *inode, struct file *file);
static ssize_t device_read(struct file *filp, char __user *buffer,
			   size_t length, loff_t *offset);
static ssize_t device_write(struct file *filp, const char __user *buffer,
			    size_t length, loff_t *offset);

static struct file_operations fops = {
	.owner = THIS_MODULE,
	.read = device_read,
	.write = device_write,
	.open = device_open,
	.release = device_release,
};

static int device_open(struct inode *inode, struct file *file)
{
	struct ldd_session *s;

	if (device_open_count)
		return -EBUSY;
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	device_open_count++;
	times_opened++;
	file->private_data = s;
	return 0;
}

static int device_release(struct inode *inode, struct file *file)
{
	struct ldd_session *s = file->private_data;

	printk(KERN_INFO "ldd_chardev: minor %u closed after reading %zu bytes\n",
	       iminor(inode), s->bytes_read);
	kfree(s);
	device_open_count--;
	return 0;
}

static ssize_t device_read(struct file *filp, char __user *buffer,
			   size_t length, loff_t *offset)
{
	struct ldd_session *s = filp->private_data;

	if (*offset >= msg_len)
		return 0;
	length = min_t(size_t, length, msg_len - *offset);
	if (copy_to_user(buffer, msg + *offset, length))
		return -EFAULT;
	*offset += length;
	s->bytes_read += length;
	return length;
}

/* Each open starts a new message at offset 0; past BUF_LEN: -ENOSPC. */
static ssize_t device_write(struct file *filp, const char __user *buffer,
			    size_t length, loff_t *offset)
{
	if (*offset >= BUF_LEN)
		return -ENOSPC;
	if (length > (size_t)(BUF_LEN - *offset))
		length = BUF_LEN - *offset;
	if (copy_from_user(msg + *offset, buffer, length))
		return -EFAULT;
	*offset += length;
	msg_len = *offset;
	return length;
}

static int __init ldd_chardev_init(void)
{
	int ret = register_chrdev(major, DEVICE_NAME, &fops);

	if (ret < 0) {
		printk(KERN_ALERT "ldd_chardev: register_chrdev failed with %d\n",
		       ret);
		return ret;
	}
	if (major == 0)
		major = ret;
	msg_len = sprintf(msg, "nothing written yet\n");
	printk(KERN_INFO "ldd_chardev: registered /dev/%s, major %d\n",
	       DEVICE_NAME, major);
	return 0;
}

static void __exit ldd_chardev_exit(void)
{
	unregister_chrdev(major, DEVICE_NAME);
	printk(KERN_INFO "ldd_chardev: unregistered after %d opens\n",
	       times_opened);
}

module_init(ldd_chardev_init);
module_exit(ldd_chardev_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Tessera");
MODULE_DESCRIPTION("A Linux 2.6-style character driver, includes changed only");
