/*
 * dm_user needs dm_lib_value from dm_lib (see dm_lib.c).
 */
#include <module.h>

int dm_lib_value(void);

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
