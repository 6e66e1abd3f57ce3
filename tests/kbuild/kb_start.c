/*
 * kb_start: the init half of kb_startstop, a module made of two files
 * (Kbuild: kb_startstop-objs := kb_start.o kb_stop.o). Both files are
 * compiled with KBUILD_MODNAME "kb_startstop", which each prints.
 */
#include <linux/kernel.h>
#include <linux/module.h>

int init_module(void)
{
	pr_info("kb_start.c: init of module %s\n", KBUILD_MODNAME);
	return 0;
}

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kbuild test: a module of two files");
