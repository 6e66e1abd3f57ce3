/*
 * mm's counters for the rest of the kernel (/proc/meminfo, /proc/buddyinfo,
 * memdiff, self-tests): gathered here from page_alloc.c, kmalloc.c and
 * vmalloc.c, so that the buddy allocator calls nothing above it.
 */
#include "mm/mm.h"
#include "mm/mm_internal.h"

/* Fills st with every mm counter; each is exact at the moment of the call. */
void mm_get_stats(struct mm_stats *st)
{
	buddy_counts(&st->pages_total, &st->pages_free, NULL);
	st->pages_kmalloc = kmalloc_pages_held();
	vmalloc_counts(&st->vmalloc_ranges, &st->vmalloc_pages);
}

/* Fills free_blocks[o] with the free blocks of order o (/proc/buddyinfo). */
void mm_get_buddyinfo(uint32_t free_blocks[MAX_ORDER + 1])
{
	buddy_counts(NULL, NULL, free_blocks);
}
