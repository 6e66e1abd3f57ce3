/*
 * hx_spin: a module whose init never returns: it waits in a loop for a
 * flag nothing sets, the classic forgotten-wakeup bug. With one flow of
 * control this used to hang the shell for good; now the timer tick ends a
 * module call that has run SOFT_LOCKUP_SECONDS (5 s) in the module's own
 * code: an oops names hx_spin_wait+0x.. [hx_spin], insmod fails with
 * "init faulted: soft lockup: ...", and the module stays loaded, marked
 * (D), until `rmmod -f hx_spin` (docs/debugging.md).
 */
#include <module.h>

static volatile int hx_spin_ready;	/* nothing ever sets it */

static __attribute__((__noinline__)) void hx_spin_wait(void)
{
	while (!hx_spin_ready)
		;
}

static int __init hx_spin_init(void)
{
	pr_info("hx_spin: waiting for a flag nobody sets\n");
	hx_spin_wait();
	return 0;
}

static void __exit hx_spin_exit(void)
{
	pr_info("hx_spin: exit (never called: init never finished)\n");
}

module_init(hx_spin_init);
module_exit(hx_spin_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Init loops forever: the soft-lockup check ends it");
