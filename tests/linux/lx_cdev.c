/*
 * lx_cdev: the modern way to a character device: alloc_chrdev_region for
 * two minors, one cdev serving both, class_create and device_create making
 * /dev/lx_cdev0 and /dev/lx_cdev1, all undone in exit in reverse order.
 * Each node reads as a line naming its minor; the device cannot seek
 * (no_llseek).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/uaccess.h>

#define LX_MINORS	2

static dev_t lx_first;
static struct cdev lx_cdev;
static struct class *lx_class;

static int lx_cdev_open(struct inode *inode, struct file *file)
{
	file->private_data = (void *)(unsigned long)iminor(inode);
	return 0;
}

static ssize_t lx_cdev_read(struct file *file, char __user *buf, size_t count,
			    loff_t *pos)
{
	char line[48];
	int len = snprintf(line, sizeof(line), "lx_cdev minor %lu of major %u\n",
			   (unsigned long)file->private_data, MAJOR(lx_first));

	if (*pos >= len)
		return 0;
	if (count > (size_t)(len - *pos))
		count = len - *pos;
	if (copy_to_user(buf, line + *pos, count))
		return -EFAULT;
	*pos += count;
	return count;
}

static const struct file_operations lx_cdev_fops = {
	.owner = THIS_MODULE,
	.open = lx_cdev_open,
	.read = lx_cdev_read,
	.llseek = no_llseek,
};

static int __init lx_cdev_init(void)
{
	int err = alloc_chrdev_region(&lx_first, 0, LX_MINORS, "lx_cdev");

	if (err)
		return err;
	cdev_init(&lx_cdev, &lx_cdev_fops);
	lx_cdev.owner = THIS_MODULE;
	err = cdev_add(&lx_cdev, lx_first, LX_MINORS);
	if (err)
		goto out_region;
	lx_class = class_create("lx_class");
	if (IS_ERR(lx_class)) {
		err = PTR_ERR(lx_class);
		goto out_cdev;
	}
	for (int i = 0; i < LX_MINORS; i++) {
		struct device *d = device_create(lx_class, NULL,
						 MKDEV(MAJOR(lx_first), i), NULL,
						 "lx_cdev%d", i);
		if (IS_ERR(d)) {
			err = PTR_ERR(d);
			goto out_devices;
		}
	}
	pr_info("lx_cdev: major %d, minors 0..%d\n", MAJOR(lx_first), LX_MINORS - 1);
	return 0;

out_devices:
	for (int i = 0; i < LX_MINORS; i++)
		device_destroy(lx_class, MKDEV(MAJOR(lx_first), i));
	class_destroy(lx_class);
out_cdev:
	cdev_del(&lx_cdev);
out_region:
	unregister_chrdev_region(lx_first, LX_MINORS);
	return err;
}

static void __exit lx_cdev_exit(void)
{
	for (int i = 0; i < LX_MINORS; i++)
		device_destroy(lx_class, MKDEV(MAJOR(lx_first), i));
	class_destroy(lx_class);
	cdev_del(&lx_cdev);
	unregister_chrdev_region(lx_first, LX_MINORS);
	pr_info("lx_cdev: gone\n");
}

module_init(lx_cdev_init);
module_exit(lx_cdev_exit);
MODULE_LICENSE("GPL");
