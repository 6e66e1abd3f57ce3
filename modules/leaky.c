/*
 * leaky: a driver with the classic unload bug. Its exit function forgets
 * unregister_chrdev, so /dev/leaky would be left pointing into the unmapped
 * module. Tessera removes such leftovers when the module's exit returns
 * (and after a failed init) and says so in the kernel log; Linux would
 * oops at the next open. Compare with chardev.c, which does it right.
 */
#include <module.h>

static ssize_t leaky_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	return 0;
}

static const struct file_operations leaky_fops = {
	.owner = THIS_MODULE,
	.read = leaky_read,
};

static int __init leaky_init(void)
{
	int major = register_chrdev(0, "leaky", &leaky_fops);

	if (major < 0)
		return major;
	pr_info("leaky: /dev/leaky registered, major %d\n", major);
	return 0;
}

static void __exit leaky_exit(void)
{
	pr_info("leaky: exit (forgot unregister_chrdev)\n");
}

module_init(leaky_init);
module_exit(leaky_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Forgets to unregister its device: shows the leftover check");
