/*
 * kb_parts_main: module kb_parts, three files listed with kb_parts-y (one
 * `:=` line and one `+=`). Its init calls into the other two files and
 * prints what they return; every file names the same KBUILD_MODNAME.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include "kb_parts.h"

static int __init kb_parts_init(void)
{
	pr_info("%s: 's' occurs %d times in \"mississippi\"; %s\n", KBUILD_MODNAME,
		kb_parts_count("mississippi", 's'), kb_parts_name());
	return 0;
}

static void __exit kb_parts_exit(void)
{
	pr_info("%s: exit\n", KBUILD_MODNAME);
}

module_init(kb_parts_init);
module_exit(kb_parts_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kbuild test: a module of three files (NAME-y)");
