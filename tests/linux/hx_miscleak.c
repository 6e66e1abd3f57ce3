/*
 * hx_miscleak: registers a misc device and forgets misc_deregister in
 * exit. The kernel removes the device and its node at unload.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

static ssize_t hx_read(struct file *file, char __user *buf, size_t count,
		       loff_t *pos)
{
	return 0;
}

static const struct file_operations hx_miscleak_fops = {
	.owner = THIS_MODULE,
	.read = hx_read,
};

static struct miscdevice hx_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "hx_miscleak",
	.fops = &hx_miscleak_fops,
};

static int __init hx_miscleak_init(void)
{
	return misc_register(&hx_misc);
}

static void __exit hx_miscleak_exit(void)
{
	/* forgot: misc_deregister(&hx_misc) */
}

module_init(hx_miscleak_init);
module_exit(hx_miscleak_exit);
MODULE_LICENSE("GPL");
