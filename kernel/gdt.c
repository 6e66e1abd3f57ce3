/*
 * The global descriptor table: a null entry, then flat 4 GiB kernel code
 * and data segments, then two task state segments (the kernel's own task
 * and the double-fault task, set by kernel/doublefault.c). Later user mode
 * adds its own two segments here.
 */
#include "kernel/arch.h"

struct gdt_entry {
	uint16_t limit_lo, base_lo;
	uint8_t base_mid, access, gran, base_hi;
} __attribute__((packed));

struct table_ptr {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

static struct gdt_entry gdt[5] = {
	[0] = { 0 },
	[1] = { 0xffff, 0, 0, 0x9a, 0xcf, 0 },	/* ring 0 code, 4 KiB granular */
	[2] = { 0xffff, 0, 0, 0x92, 0xcf, 0 },	/* ring 0 data */
};

void gdt_init(void)
{
	struct table_ptr p = { sizeof(gdt) - 1, (uint32_t)gdt };

	__asm__ volatile("lgdt %0\n\t"
			 "ljmp %1, $1f\n"
			 "1:\n\t"
			 "movw %w2, %%ax\n\t"
			 "movw %%ax, %%ds\n\t"
			 "movw %%ax, %%es\n\t"
			 "movw %%ax, %%fs\n\t"
			 "movw %%ax, %%gs\n\t"
			 "movw %%ax, %%ss\n\t"
			 : : "m"(p), "i"(KERNEL_CS), "i"(KERNEL_DS) : "eax", "memory");
}

uint16_t gdt_set_tss(unsigned index, uint32_t base, uint32_t limit)
{
	gdt[index] = (struct gdt_entry){
		.limit_lo = limit & 0xffff, .base_lo = base & 0xffff,
		.base_mid = (base >> 16) & 0xff,
		.access = 0x89,		/* present, ring 0, 32-bit TSS, not busy */
		.gran = (limit >> 16) & 0x0f, .base_hi = base >> 24,
	};
	return index * 8;
}
