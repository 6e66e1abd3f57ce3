/*
 * Host stand-ins for what mm/ takes from the rest of the kernel: printk
 * (error reports are counted, so a test can assert a bad kfree WAS reported),
 * panic, and a fake page table behind paging_map/unmap/lookup. Plus the
 * "physical memory" arena that mm_host_base points at.
 */
#ifndef TESTS_HOST_HOST_STUBS_H
#define TESTS_HOST_HOST_STUBS_H

#include <stdint.h>
#include "mm/mm.h"
#include "mm/mm_internal.h"	/* mm_host_base */

/* Size of the fake physical memory: physical address pa is at
 * mm_host_base + pa. */
#define HOST_MEM_SIZE	(16u << 20)

/* The standard host memory map: usable [0, 0x9F000) and [1 MiB, 16 MiB);
 * reserved below 1 MiB and a 256 KiB "kernel image" at 1 MiB. */
#define HOST_KERNEL_END	0x140000u

/* Allocates the arena once and (re)initializes the page allocator with the
 * standard map. Returns page_alloc_init's result. Only call it while mm
 * holds nothing (no live kmalloc object or vmalloc range). */
int host_mm_init(void);
/* Allocates the arena once (zeroed) without initializing anything. */
void host_mem_arena(void);

/* printk calls at KERN_ERR level so far. */
extern unsigned host_err_reports;
/* Mapping errors seen by the fake page table (map over a mapping, unmap or
 * map outside the vmalloc area, unmap of nothing). Should stay 0. */
extern unsigned host_pt_errors;
/* Pages mapped in the fake page table right now. */
unsigned host_pt_mapped(void);
/* Host pointer for vmalloc-area address va (through the fake page table),
 * or NULL if va's page is not mapped. */
void *host_vptr(uintptr_t va);

#endif
