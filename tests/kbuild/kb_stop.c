/*
 * kb_stop: the exit half of kb_startstop (see kb_start.c).
 */
#include <linux/kernel.h>
#include <linux/module.h>

void cleanup_module(void)
{
	pr_info("kb_stop.c: exit of module %s\n", KBUILD_MODNAME);
}
