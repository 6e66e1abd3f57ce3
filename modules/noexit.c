/*
 * noexit: a module with an init function and no exit function. As in
 * Linux, such a module cannot be unloaded: the kernel has no way to undo
 * what its init did. rmmod is refused with that reason.
 */
#include <module.h>

static int __init noexit_init(void)
{
	pr_info("noexit: loaded for good\n");
	return 0;
}

module_init(noexit_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Has no exit function, so it cannot be unloaded");
