/*
 * hx_leak: the classic memory leak, kept to teach with. Its init kmallocs
 * 1000 bytes and loses the pointer; its exit cannot free what it no longer
 * knows. Tessera charges every allocation made by a module's code to that
 * module (the caller's address says which), so:
 *
 *   cat /mod/hx_leak/status   holds:  1 kmalloc object (1000 bytes), ...
 *   rmmod hx_leak             hx_leak: unloaded holding 1 kmalloc object
 *                             (1000 bytes) from hx_leak_init+0x12
 *
 * (the site is the return address of the kmalloc call, named by symbol).
 * The 1000 bytes stay allocated after the unload (something might still
 * point at them) and `memdiff` shows the page they took. The fix is the
 * skel pattern: keep the pointer in the driver's state and kfree it in
 * exit (modules/skel/skel.c). docs/memory.md, "Module allocation
 * accounting", explains the report.
 */
#include <module.h>

#define HX_LEAK_BYTES	1000

static int __init hx_leak_init(void)
{
	/* The bug: the pointer lives only in this local variable. */
	char *buf = kmalloc(HX_LEAK_BYTES, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	snprintf(buf, HX_LEAK_BYTES, "forgotten");
	pr_info("hx_leak: allocated %d bytes and forgot them\n", HX_LEAK_BYTES);
	return 0;
}

static void __exit hx_leak_exit(void)
{
	pr_info("hx_leak: exit (nothing freed)\n");
}

module_init(hx_leak_init);
module_exit(hx_leak_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Leaks 1000 bytes from init: shows the unload leak report");
