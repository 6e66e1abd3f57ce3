/*
 * libdemo: a library module. Exports a function and a variable that other
 * modules (libuser) link against; while they are loaded it cannot be
 * removed.
 */
#include <module.h>
#include "modules/libdemo.h"

int libdemo_calls;

int libdemo_add(int a, int b)
{
	libdemo_calls++;
	return a + b;
}
EXPORT_SYMBOL(libdemo_add);
EXPORT_SYMBOL(libdemo_calls);

static int __init libdemo_init(void)
{
	pr_info("libdemo: ready\n");
	return 0;
}

static void __exit libdemo_exit(void)
{
	pr_info("libdemo: unloaded after %d calls\n", libdemo_calls);
}

module_init(libdemo_init);
module_exit(libdemo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Exports libdemo_add() and libdemo_calls");
