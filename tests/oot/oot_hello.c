/*
 * oot_hello: an out-of-tree module, built in place by `make M=tests/oot`
 * as a student builds their own (docs/modules.md). On load it keeps a
 * greeting in memory from kmalloc and prints it; on unload it prints it
 * again and frees it, so the page counts before and after must be equal.
 * Its messages get their "oot_hello: " prefix from KBUILD_MODNAME, which
 * the build defines as the module's base name, as kbuild does.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <module.h>

static char *greeting;

static int __init oot_hello_init(void)
{
	greeting = kmalloc(32);
	if (!greeting)
		return -ENOMEM;
	snprintf(greeting, 32, "built out of tree");
	pr_info("loaded, %s\n", greeting);
	return 0;
}

static void __exit oot_hello_exit(void)
{
	pr_info("unloading, %s\n", greeting);
	kfree(greeting);
}

module_init(oot_hello_init);
module_exit(oot_hello_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Tessera");
MODULE_DESCRIPTION("An out-of-tree module: make M=tests/oot");
MODULE_VERSION("1.0");
