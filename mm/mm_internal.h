/*
 * What the parts of mm/ share with each other and with nobody else: the
 * one spot where physical addresses become pointers (a real direct map in
 * the kernel, a malloc'ed arena in host tests), how a module caller is
 * told apart and charged (charge.c), the bare buddy allocator, and the
 * counters that mm_get_stats() (stats.c) gathers from page_alloc.c,
 * kmalloc.c and vmalloc.c.
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

/* Module code lives in the vmalloc area, so a caller outside it is the
 * kernel's own code: one compare decides that no charge is due. Host
 * tests put their pretend module images in a malloc'ed area instead. */
#ifdef HOST_TEST
extern uintptr_t mm_host_modarea, mm_host_modarea_size;
#define MODULE_AREA_START	mm_host_modarea
#define MODULE_AREA_SIZE	mm_host_modarea_size
#else
#define MODULE_AREA_START	((uintptr_t)VMALLOC_START)
#define MODULE_AREA_SIZE	((uintptr_t)(VMALLOC_END - VMALLOC_START))
#endif

static inline bool caller_may_be_module(uintptr_t caller)
{
	return caller - MODULE_AREA_START < MODULE_AREA_SIZE;
}

/* The return address of the function this appears in: who called it. The
 * entry points that take it are noinline, so it is their caller's. */
#define _RET_IP_	((uintptr_t)__builtin_return_address(0))

/* The bare buddy allocator (page_alloc.c), for mm/ itself: page_alloc and
 * page_free (charge.c) are these plus the module charge. */
struct page *buddy_alloc(unsigned order);
void buddy_free(struct page *page, unsigned order);

/* kmalloc, vmalloc and page_alloc with the caller given: a module's call
 * site, or any kernel address for no charge. The exported entry points
 * pass their own return address; host tests pass pretend module sites. */
void *kmalloc_track_caller(size_t size, uintptr_t caller);
void *vmalloc_track_caller(size_t size, uintptr_t caller);
struct page *page_alloc_track_caller(unsigned order, uintptr_t caller);

/* Charges the allocation known by key (object address, vmalloc address or
 * page descriptor) of amount bytes or pages to the module whose code holds
 * caller, remembering the call site. Returns 0 (also when caller is no
 * module's) or -ENOMEM, and then the caller undoes the allocation. */
int mm_charge(unsigned kind, uintptr_t key, uint32_t amount,
	      uintptr_t caller);
/* Drops the charge of key, if there is one; true if there was. */
bool mm_uncharge(unsigned kind, uintptr_t key);

/* The buddy allocator's counters (page_alloc.c); any pointer may be NULL:
 * pages handed to it, pages free, and free blocks on each order's list. */
void buddy_counts(uint32_t *pages_total, uint32_t *pages_free,
		  uint32_t free_blocks[MAX_ORDER + 1]);
/* Pages kmalloc holds right now: slab pages plus big allocations. */
uint32_t kmalloc_pages_held(void);
/* Live vmalloc/vmap ranges and the pages mapped in them. */
void vmalloc_counts(uint32_t *ranges, uint32_t *pages);

#endif
