/*
 * Allocation flags and whole pages (<linux/gfp.h>). Tessera's allocators
 * never sleep and all memory is kernel memory: the flags are accepted and
 * ignored, except __GFP_ZERO (zeroed memory) where Linux honours it too.
 *
 * Pages, Tessera's way: page_alloc(order) gives 2^order contiguous pages'
 * descriptor, page_address its kernel address, page_free gives them back.
 * Linux's way: __get_free_pages(gfp, order) and get_zeroed_page(gfp) give
 * the address as an unsigned long, free_pages(addr, order) takes it back.
 * Both charge the pages to the calling module (mm/charge.c).
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>
#include <asm/page.h>

#define __GFP_ZERO	((gfp_t)0x100)
#define __GFP_NOWARN	((gfp_t)0x200)
#define __GFP_DMA	((gfp_t)0x400)
#define __GFP_DMA32	((gfp_t)0x800)
#define GFP_KERNEL	((gfp_t)0x01)
#define GFP_ATOMIC	((gfp_t)0x02)
#define GFP_NOWAIT	((gfp_t)0x04)
#define GFP_NOIO	GFP_KERNEL
#define GFP_NOFS	GFP_KERNEL
#define GFP_USER	GFP_KERNEL
#define GFP_DMA		__GFP_DMA
#define GFP_DMA32	__GFP_DMA32

struct page;

/* Returns the first page of 2^order contiguous free pages, refcount 1,
 * or NULL when no block that large is free. Contents are not cleared.
 * Called from a module's code, the block is charged to that module. */
struct page *page_alloc(unsigned order);
/* Returns a block from page_alloc to the free lists, merging buddies, and
 * drops its charge if a module's code allocated it. Reports (pr_err, no
 * corruption) a page that is not an allocated head. */
void page_free(struct page *page, unsigned order);
/* The kernel address of an allocated page (it is in the direct map). */
void *page_address(const struct page *page);

/* The kernel address of 2^order contiguous pages (zeroed with __GFP_ZERO),
 * or 0 when memory is short or order > MAX_ORDER (10). */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
/* One zeroed page's address, or 0. */
unsigned long get_zeroed_page(gfp_t gfp);
/* Gives back what __get_free_pages(.., order) returned; free_pages(0, n)
 * does nothing; an address that is not such a block is reported. */
void free_pages(unsigned long addr, unsigned int order);

#define __get_free_page(gfp)	__get_free_pages((gfp), 0)
#define free_page(addr)		free_pages((addr), 0)
#define alloc_pages(gfp, order)	page_alloc(order)
#define alloc_page(gfp)		page_alloc(0)
#define __free_pages(page, order) page_free((page), (order))
#define __free_page(page)	page_free((page), 0)

#endif
