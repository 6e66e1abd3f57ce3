/*
 * lx_oldclass: the older driver shape LKMPG's chardev uses: register_chrdev
 * with a dynamic major (which makes /dev/lx_oldclass at once on Tessera),
 * then class_create in its pre-6.4 form (THIS_MODULE first) and
 * device_create of the same name and number, which uses that node.
 * device_destroy leaves it to unregister_chrdev.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/device.h>

static int lx_major;
static struct class *lx_cls;

static ssize_t lx_read(struct file *file, char __user *buf, size_t count,
		       loff_t *pos)
{
	static const char text[] = "lx_oldclass\n";

	if (*pos >= (loff_t)sizeof(text) - 1)
		return 0;
	if (count > sizeof(text) - 1 - *pos)
		count = sizeof(text) - 1 - *pos;
	memcpy(buf, text + *pos, count);
	*pos += count;
	return count;
}

static const struct file_operations lx_fops = {
	.owner = THIS_MODULE,
	.read = lx_read,
};

static int __init lx_oldclass_init(void)
{
	struct device *d;

	lx_major = register_chrdev(0, "lx_oldclass", &lx_fops);
	if (lx_major < 0)
		return lx_major;
	lx_cls = class_create(THIS_MODULE, "lx_oldclass");
	if (IS_ERR(lx_cls)) {
		unregister_chrdev(lx_major, "lx_oldclass");
		return PTR_ERR(lx_cls);
	}
	d = device_create(lx_cls, NULL, MKDEV(lx_major, 0), NULL, "lx_oldclass");
	pr_info("lx_oldclass: major %d, device_create %s\n", lx_major,
		IS_ERR(d) ? "failed" : "used the node");
	return 0;
}

static void __exit lx_oldclass_exit(void)
{
	device_destroy(lx_cls, MKDEV(lx_major, 0));
	class_destroy(lx_cls);
	unregister_chrdev(lx_major, "lx_oldclass");
}

module_init(lx_oldclass_init);
module_exit(lx_oldclass_exit);
MODULE_LICENSE("GPL");
