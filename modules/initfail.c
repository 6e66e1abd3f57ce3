/*
 * initfail: a module whose init fails with -ENODEV ("no such device"), as
 * a driver does when its hardware is missing. Loading it must fail with
 * that error and leave nothing behind.
 */
#include <module.h>

static int __init initfail_init(void)
{
	pr_err("initfail: no device found\n");
	return -ENODEV;
}

static void __exit initfail_exit(void)
{
	pr_info("initfail: exit (never called)\n");
}

module_init(initfail_init);
module_exit(initfail_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Init returns -ENODEV");
