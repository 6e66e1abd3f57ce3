/*
 * Self tests that are meant to crash the kernel, run only by name
 * (selftest=NAME): the harness checks that each crash is reported the way
 * a person debugging it needs, and that it is called PANIC, never PASS.
 */
#include "kernel/selftest.h"
#include "kernel/printk.h"
#include <stdint.h>

/* Reads an address above the vmalloc area, where nothing is mapped. */
SELFTEST_CRASH(pagefault_report)
{
	volatile uint32_t *bad = (volatile uint32_t *)0xf8000000u;

	pr_info("pagefault_report: reading 0x%08x\n", (uint32_t)(uintptr_t)bad);
	(void)*bad;
	CHECK(!"the read of an unmapped address returned");
}

/* Follows a NULL pointer: the first page is unmapped after boot. */
SELFTEST_CRASH(null_deref_report)
{
	volatile uint32_t *null = (volatile uint32_t *)0;

	*null = 1;
	CHECK(!"the write through NULL returned");
}

/* Writes into the kernel's own code: .text and .rodata are mapped
 * read-only (kernel/paging.c), so this faults instead of silently changing
 * the instructions of printk. */
SELFTEST_CRASH(kernel_text_write_report)
{
	volatile uint8_t *code = (volatile uint8_t *)(uintptr_t)printk;

	pr_info("kernel_text_write_report: writing to printk at 0x%08x\n",
		(uint32_t)(uintptr_t)code);
	*code = 0xcc;
	CHECK(!"the write into kernel code returned");
}

/* Divides by a zero the compiler cannot see. */
SELFTEST_CRASH(divide_error_report)
{
	volatile uint32_t zero = 0, n = 1;

	n = n / zero;
	CHECK(!"the division by zero returned");
}

/* ud2, the instruction defined to be invalid. */
SELFTEST_CRASH(invalid_opcode_report)
{
	__asm__ volatile("ud2");
	CHECK(!"ud2 returned");
}

/* Loads a segment selector past the end of the GDT into DS. */
SELFTEST_CRASH(general_protection_report)
{
	__asm__ volatile("movw %w0, %%ds" : : "r"(0x38) : "memory");
	CHECK(!"loading selector 0x38 returned");
}

/* Recurses until the stack runs into its guard page: a double fault,
 * reported by the double-fault task. */
static __attribute__((__noinline__)) uint32_t stack_overflow_recurse(uint32_t depth)
{
	volatile uint32_t frame[16];

	frame[0] = depth;
	if (depth == 0xffffffffu)	/* never: keeps the recursion finite to gcc */
		return 0;
	return stack_overflow_recurse(depth + 1) + frame[0];
}

SELFTEST_CRASH(stack_overflow_report)
{
	pr_info("stack_overflow_report: recursing\n");
	CHECK(stack_overflow_recurse(0) == 0);
}
