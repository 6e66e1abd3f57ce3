/*
 * hx_recurse: init recurses without end until the kernel stack runs into
 * its guard page. The double fault is reported as an oops, "kernel stack
 * overflow at hx_recurse_down+0x.../0x... [hx_recurse]", and, since init
 * runs for insmod, insmod fails and the kernel goes on.
 */
#include <module.h>

static __attribute__((__noinline__)) unsigned hx_recurse_down(unsigned depth)
{
	volatile unsigned frame[16];

	frame[0] = depth;
	if (depth == 0xffffffffu)	/* never; keeps gcc from calling it endless */
		return 0;
	return hx_recurse_down(depth + 1) + frame[0];
}

static int __init hx_recurse_init(void)
{
	pr_info("hx_recurse: recursing until the stack runs out\n");
	return (int)hx_recurse_down(0);
}

static void __exit hx_recurse_exit(void)
{
}

module_init(hx_recurse_init);
module_exit(hx_recurse_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Overflows the kernel stack by recursion in init");
