/*
 * badret: an init function that returns INT_MIN, neither 0 nor a -errno.
 * The kernel must refuse the load with EINVAL and say why, not report the
 * value as a byte count ("Success"), and leave nothing behind.
 */
#include <module.h>

static int __init badret_init(void)
{
	return -2147483647 - 1;	/* INT_MIN */
}

static void __exit badret_exit(void)
{
}

module_init(badret_init);
module_exit(badret_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Init returns INT_MIN: not an errno");
