/*
 * What the three parts of mm/ share with each other and with nobody else:
 * the one spot where physical addresses become pointers (a real direct map
 * in the kernel, a malloc'ed arena in host tests), and the counters that
 * mm_get_stats() (stats.c) gathers from page_alloc.c, kmalloc.c and
 * vmalloc.c.
 */
#ifndef MM_MM_INTERNAL_H
#define MM_MM_INTERNAL_H

#include "mm/mm.h"

#ifdef HOST_TEST
/* Host tests: "physical" address pa lives at mm_host_base + pa. */
extern char *mm_host_base;
#define mm_phys_to_virt(pa)	((void *)(mm_host_base + (uintptr_t)(pa)))
#define mm_virt_to_phys(va)	((uintptr_t)(va) - (uintptr_t)mm_host_base)
#else
#define mm_phys_to_virt(pa)	phys_to_virt(pa)
#define mm_virt_to_phys(va)	virt_to_phys(va)
#endif

/* The buddy allocator's counters (page_alloc.c); any pointer may be NULL:
 * pages handed to it, pages free, and free blocks on each order's list. */
void buddy_counts(uint32_t *pages_total, uint32_t *pages_free,
		  uint32_t free_blocks[MAX_ORDER + 1]);
/* Pages kmalloc holds right now: slab pages plus big allocations. */
uint32_t kmalloc_pages_held(void);
/* Live vmalloc/vmap ranges and the pages mapped in them. */
void vmalloc_counts(uint32_t *ranges, uint32_t *pages);

#endif
