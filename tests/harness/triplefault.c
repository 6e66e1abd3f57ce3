/*
 * triplefault: a module whose init resets the machine with a triple
 * fault, for the test of tools/qemu-run's RESET verdict
 * (tests/boot/harness_tests.py; built by `make M=tests/harness`, which
 * make check runs). Never load it where you care about the machine.
 */
#include <module.h>

/* The operand of lidt: an interrupt table of limit 0 holds no entry. */
static const struct {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed)) no_idt = { 0, 0 };

/*
 * With an empty interrupt table the CPU cannot deliver int3, nor the
 * general protection fault that follows, nor the double fault after it:
 * it shuts down, which QEMU under -no-reboot ends with exit status 0.
 */
static int __init triplefault_init(void)
{
	pr_info("triplefault: loading an empty IDT, then int3\n");
	asm volatile("cli; lidt %0; int3" : : "m"(no_idt));
	return -EIO;	/* not reached */
}

module_init(triplefault_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Resets the machine (triple fault): a harness test");
