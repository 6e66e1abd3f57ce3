/*
 * libuser: uses libdemo's exports (a function and a variable), so it
 * loads only after libdemo, and libdemo cannot be unloaded while it is.
 */
#include <module.h>
#include "modules/libdemo.h"

static int __init libuser_init(void)
{
	int sum = libdemo_add(40, 2);

	pr_info("libuser: libdemo_add(40, 2) = %d, libdemo_calls = %d\n",
		sum, libdemo_calls);
	return 0;
}

static void __exit libuser_exit(void)
{
	pr_info("libuser: bye\n");
}

module_init(libuser_init);
module_exit(libuser_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Calls libdemo_add() and reads libdemo_calls");
