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
