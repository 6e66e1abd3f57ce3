/*
 * hello: the smallest module. A Linux hello-world with only its #include
 * lines changed: prints a line when loaded and one when unloaded.
 */
#include <module.h>

static int __init hello_init(void)
{
	pr_info("hello: hello, world\n");
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("hello: goodbye, world\n");
}

module_init(hello_init);
module_exit(hello_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Tessera");
MODULE_DESCRIPTION("Prints a greeting on load and unload");
MODULE_VERSION("1.0");
