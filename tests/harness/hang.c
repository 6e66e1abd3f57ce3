/*
 * hang: a module whose init never returns, with interrupts off, so that
 * nothing (no timer, no key) can wake the kernel: the test of
 * tools/qemu-run's TIMEOUT verdict (tests/boot/harness_tests.py; built by
 * `make M=tests/harness`, which make check runs).
 */
#include <module.h>

static int __init hang_init(void)
{
	pr_info("hang: halting with interrupts off\n");
	for (;;)
		asm volatile("cli; hlt");
	return 0;
}

module_init(hang_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Hangs the machine in its init: a harness test");
