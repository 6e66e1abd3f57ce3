/*
 * lx_hello: the smallest Linux-style module, using only <linux/module.h>,
 * <linux/init.h> and <linux/kernel.h>: module_init/module_exit with
 * __init/__exit functions, the MODULE_* tags and pr_info (scenario
 * linux_hello; LKMPG's hello-2 ... hello-4 use the same names).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>

static int lx_hello_data __initdata = 3;

static int __init lx_hello_init(void)
{
	pr_info("lx_hello: hello, world %d (KBUILD_MODNAME %s)\n", lx_hello_data,
		KBUILD_MODNAME);
	return 0;
}

static void __exit lx_hello_exit(void)
{
	pr_info("lx_hello: goodbye, world\n");
}

module_init(lx_hello_init);
module_exit(lx_hello_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Tessera");
MODULE_DESCRIPTION("A Linux-style hello world");
MODULE_VERSION("1.0");
