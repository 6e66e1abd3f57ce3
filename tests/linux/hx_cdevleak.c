/*
 * hx_cdevleak: claims a device-number region, adds a cdev, creates a class
 * and a device (/dev/hx_cdevleak), and its exit undoes none of it. The
 * kernel removes each at unload, newest kind first, and says so.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/err.h>

static dev_t hx_dev;
static struct cdev hx_cdev;

static ssize_t hx_read(struct file *file, char __user *buf, size_t count,
		       loff_t *pos)
{
	return 0;
}

static const struct file_operations hx_cdevleak_fops = {
	.owner = THIS_MODULE,
	.read = hx_read,
};

static int __init hx_cdevleak_init(void)
{
	struct class *cls;
	int err = alloc_chrdev_region(&hx_dev, 0, 1, "hx_cdevleak");

	if (err)
		return err;
	cdev_init(&hx_cdev, &hx_cdevleak_fops);
	err = cdev_add(&hx_cdev, hx_dev, 1);
	if (err)
		return err;	/* a failed init: the kernel removes the region */
	cls = class_create("hx_cdevleak_class");
	if (IS_ERR(cls))
		return PTR_ERR(cls);
	return PTR_ERR_OR_ZERO(device_create(cls, NULL, hx_dev, NULL, "hx_cdevleak"));
}

static void __exit hx_cdevleak_exit(void)
{
	/* forgot: device_destroy, class_destroy, cdev_del, unregister_chrdev_region */
}

module_init(hx_cdevleak_init);
module_exit(hx_cdevleak_exit);
MODULE_LICENSE("GPL");
