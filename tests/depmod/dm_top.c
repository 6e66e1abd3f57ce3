/*
 * dm_top needs dm_user_value from dm_user, which needs dm_lib: modules.dep
 * lists both, direct need first (kmod's order), and modprobe dm_top loads
 * dm_lib, dm_user, dm_top.
 */
#include <module.h>

int dm_user_value(void);

static int __init dm_top_init(void)
{
	pr_info("dm_top: dm_user_value() is %d\n", dm_user_value());
	return 0;
}

static void __exit dm_top_exit(void)
{
}

module_init(dm_top_init);
module_exit(dm_top_exit);
MODULE_LICENSE("GPL");
