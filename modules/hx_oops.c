/*
 * hx_oops: a module whose init dereferences a NULL pointer, in the function
 * hx_oops_poke, to show what a fault in a module does (docs/debugging.md):
 * the oops names hx_oops_poke+0x.../0x... [hx_oops], insmod fails with
 * "init faulted: NULL pointer dereference at ...", the shell lives on and
 * the module stays loaded, marked (D), until `rmmod -f hx_oops`.
 */
#include <module.h>

/* NULL, but the compiler cannot know it: it must emit the store. */
static int *volatile hx_oops_target;

static __attribute__((__noinline__)) void hx_oops_poke(int *p)
{
	*p = 1;
}

static int __init hx_oops_init(void)
{
	pr_info("hx_oops: about to write through a NULL pointer\n");
	hx_oops_poke(hx_oops_target);
	pr_info("hx_oops: still here? (never printed)\n");
	return 0;
}

static void __exit hx_oops_exit(void)
{
	pr_info("hx_oops: exit (never called: init never finished)\n");
}

module_init(hx_oops_init);
module_exit(hx_oops_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Faults in init: a NULL pointer dereference in hx_oops_poke");
