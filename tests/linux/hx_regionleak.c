/*
 * hx_regionleak: its init claims a fixed region (241:0, 4 minors) and then
 * fails without giving it back. The kernel removes the region when the
 * failed init is undone; loading again finds 241 free.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>

static int __init hx_regionleak_init(void)
{
	int err = register_chrdev_region(MKDEV(241, 0), 4, "hx_regionleak");

	if (err)
		return err;
	return -ENODEV;		/* forgot: unregister_chrdev_region */
}

module_init(hx_regionleak_init);
MODULE_LICENSE("GPL");
