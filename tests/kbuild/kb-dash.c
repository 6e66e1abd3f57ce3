/*
 * kb-dash: built from a file whose name has a '-' (as LKMPG's hello-1.c):
 * kbuild names the module kb_dash, as Linux does; it prints the name it
 * was given.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>

static int __init kb_dash_init(void)
{
	pr_info("kb-dash.c: KBUILD_MODNAME is %s\n", KBUILD_MODNAME);
	return 0;
}

static void __exit kb_dash_exit(void)
{
	pr_info("kb-dash.c: exit\n");
}

module_init(kb_dash_init);
module_exit(kb_dash_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A module file name with a dash");
