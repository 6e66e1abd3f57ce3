/*
 * leak_initfail: for scenario modfs_leak_report, built by `make M=tests/oot`.
 * Its init allocates, then fails without freeing: insmod's undo unmaps the
 * module, and the unmap reports the 64 bytes the failed init left behind.
 */
#include <module.h>

static int __init leak_initfail_init(void)
{
	if (!kmalloc(64, GFP_KERNEL))
		return -ENOMEM;
	return -ENODEV;
}

static void __exit leak_initfail_exit(void)
{
}

module_init(leak_initfail_init);
module_exit(leak_initfail_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Init fails after an allocation it does not free");
