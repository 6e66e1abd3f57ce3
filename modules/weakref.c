/*
 * weakref: a module with a weak reference. Its init calls an optional
 * function only if some module or the kernel exports it; when nobody does,
 * the loader resolves the weak symbol to 0 (as Linux does) instead of
 * refusing the module.
 */
#include <module.h>

extern int optional_feature(void) __attribute__((weak));

static int __init weakref_init(void)
{
	if (optional_feature)
		pr_info("weakref: optional_feature() = %d\n", optional_feature());
	else
		pr_info("weakref: optional_feature is absent; carrying on\n");
	return 0;
}

static void __exit weakref_exit(void)
{
	pr_info("weakref: unloaded\n");
}

module_init(weakref_init);
module_exit(weakref_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Resolves an absent weak symbol to 0");
