/*
 * lx_ioctl: a driver steered by ioctl, on a fixed device number claimed
 * with register_chrdev_region (240:0) and a node from device_create. It
 * keeps one message (the LKMPG chardev2 idea, our own code):
 *   LX_SET_MSG   _IOW('L', 0, char *)   arg points at a string: store it
 *   LX_GET_MSG   _IOR('L', 1, char *)   copy the message and a NUL to arg;
 *                                       returns its length
 *   LX_GET_BYTE  _IOWR('L', 2, int)     arg is an index: returns that byte
 *   LX_GET_LEN   _IOR('L', 3, int)      put_user the length into *arg
 *   LX_RESET     _IO('L', 4)            empty the message
 *   LX_CRASH     _IO('L', 5)            a bug: writes through NULL
 * Reading the device gives the message (default_llseek: dd skip works).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/ioctl.h>
#include <linux/uaccess.h>

#define LX_MAGIC	'L'
#define LX_SET_MSG	_IOW(LX_MAGIC, 0, char *)
#define LX_GET_MSG	_IOR(LX_MAGIC, 1, char *)
#define LX_GET_BYTE	_IOWR(LX_MAGIC, 2, int)
#define LX_GET_LEN	_IOR(LX_MAGIC, 3, int)
#define LX_RESET	_IO(LX_MAGIC, 4)
#define LX_CRASH	_IO(LX_MAGIC, 5)

#define LX_MSG_MAX	80

static dev_t lx_dev = MKDEV(240, 0);
static struct cdev lx_cdev;
static struct class *lx_class;
static char lx_msg[LX_MSG_MAX];
static int lx_len;

static long lx_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	char __user *user = (char __user *)arg;
	int i;

	switch (cmd) {
	case LX_SET_MSG:
		for (i = 0; i < LX_MSG_MAX - 1; i++) {
			get_user(lx_msg[i], user + i);
			if (!lx_msg[i])
				break;
		}
		lx_msg[i] = '\0';
		lx_len = i;
		return 0;
	case LX_GET_MSG:
		if (copy_to_user(user, lx_msg, lx_len + 1))
			return -EFAULT;
		return lx_len;
	case LX_GET_BYTE:
		if (arg >= (unsigned long)lx_len)
			return -EINVAL;
		return lx_msg[arg];
	case LX_GET_LEN:
		return put_user(lx_len, (int __user *)arg);
	case LX_RESET:
		lx_len = 0;
		lx_msg[0] = '\0';
		return 0;
	case LX_CRASH:
		*(volatile int *)arg = 1;
		return 0;
	default:
		return -ENOTTY;
	}
}

static ssize_t lx_read(struct file *file, char __user *buf, size_t count,
		       loff_t *pos)
{
	if (*pos >= lx_len)
		return 0;
	if (count > (size_t)(lx_len - *pos))
		count = lx_len - *pos;
	if (copy_to_user(buf, lx_msg + *pos, count))
		return -EFAULT;
	*pos += count;
	return count;
}

static const struct file_operations lx_fops = {
	.owner = THIS_MODULE,
	.read = lx_read,
	.unlocked_ioctl = lx_ioctl,
	.llseek = default_llseek,
};

static int __init lx_ioctl_init(void)
{
	struct device *d;
	int err = register_chrdev_region(lx_dev, 1, "lx_ioctl");

	if (err)
		return err;
	cdev_init(&lx_cdev, &lx_fops);
	err = cdev_add(&lx_cdev, lx_dev, 1);
	if (err)
		goto out_region;
	lx_class = class_create("lx_ioctl");
	if (IS_ERR(lx_class)) {
		err = PTR_ERR(lx_class);
		goto out_cdev;
	}
	d = device_create(lx_class, NULL, lx_dev, NULL, "lx_ioctl");
	if (IS_ERR(d)) {
		err = PTR_ERR(d);
		goto out_class;
	}
	pr_info("lx_ioctl: SET_MSG %08x GET_MSG %08x GET_BYTE %08x GET_LEN %08x RESET %08x\n",
		LX_SET_MSG, LX_GET_MSG, LX_GET_BYTE, LX_GET_LEN, LX_RESET);
	return 0;

out_class:
	class_destroy(lx_class);
out_cdev:
	cdev_del(&lx_cdev);
out_region:
	unregister_chrdev_region(lx_dev, 1);
	return err;
}

static void __exit lx_ioctl_exit(void)
{
	device_destroy(lx_class, lx_dev);
	class_destroy(lx_class);
	cdev_del(&lx_cdev);
	unregister_chrdev_region(lx_dev, 1);
}

module_init(lx_ioctl_init);
module_exit(lx_ioctl_exit);
MODULE_LICENSE("GPL");
