/*
 * leak_kinds: for scenario modfs_leak_report, built by `make M=tests/oot`.
 * Its init allocates one of each kind a module can hold and frees some:
 * kzalloc from two call sites (one of them three times, from a core
 * helper), a big kmalloc, a vmalloc area and a page_alloc block. It frees
 * one object; the rest stays. The unload report must group them by call
 * site and kind, and `status` show the totals while it is loaded.
 */
#include <module.h>

/* In the core: a site outside init, called three times. */
static __attribute__((__noinline__)) void *leak_small(void)
{
	return kzalloc(40, GFP_KERNEL);
}

static int __init leak_kinds_init(void)
{
	void *freed = kmalloc(100, GFP_KERNEL);

	for (int i = 0; i < 3; i++)
		if (!leak_small())
			return -ENOMEM;
	if (!freed || !kmalloc(5000, GFP_KERNEL) || !vmalloc(6000) ||
	    !page_alloc(1))
		return -ENOMEM;
	kfree(freed);		/* this one is not reported */
	pr_info("leak_kinds: holding 3 + 1 objects, a vmalloc area, 2 pages\n");
	return 0;
}

static void __exit leak_kinds_exit(void)
{
}

module_init(leak_kinds_init);
module_exit(leak_kinds_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Leaks every kind of allocation: the leak report's groups");
