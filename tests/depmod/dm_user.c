/*
 * dm_user needs dm_lib_value from dm_lib (see dm_lib.c), and exports
 * dm_user_value, which dm_top needs: a chain two deep for depmod's order.
 */
#include <module.h>

int dm_lib_value(void);

int dm_user_value(void)
{
	return dm_lib_value() + 1;
}
EXPORT_SYMBOL(dm_user_value);

static int __init dm_user_init(void)
{
	pr_info("dm_user: dm_lib_value() is %d\n", dm_lib_value());
	return 0;
}

static void __exit dm_user_exit(void)
{
}

module_init(dm_user_init);
module_exit(dm_user_exit);
MODULE_LICENSE("GPL");
