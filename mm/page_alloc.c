/*
 * Physical page allocator: a binary buddy system over orders 0..MAX_ORDER.
 * One struct page per page frame from pfn 0 up; a free block is listed,
 * by its head page, on the free list of its order. Freeing merges a block
 * with its buddy (pfn ^ 2^order) while the buddy is a free block of the
 * same order. It calls nothing else of mm/ (host tests link it alone):
 * buddy_alloc/buddy_free are the allocator, and page_alloc/page_free
 * (charge.c) add the module charge; mm/stats.c reads buddy_counts().
 */
#include "mm/mm.h"
#include "mm/mm_internal.h"
#include "kernel/printk.h"
#include "lib/string.h"
#include <tessera/errno.h>

/* Fewer free pages than this after init and the kernel cannot run. */
#define MIN_FREE_PAGES	256
/* Reserved ranges page_alloc_init takes (the caller passes 3 + modules). */
#define MAX_RESERVED	32
#define MAX_USABLE	64	/* usable ranges it takes (the map has 32) */

static struct {
	struct page *pages;		/* the struct page array, one per pfn */
	uint32_t npages;		/* pfns 0 .. npages-1 are described */
	struct page *free_list[MAX_ORDER + 1];	/* heads of free blocks */
	uint32_t free_blocks[MAX_ORDER + 1];	/* blocks on each list */
	uint32_t pages_total;		/* pages handed to the allocator */
	uint32_t pages_free;		/* pages on the free lists */
	uint32_t init_next;		/* init: pfns below are classified */
} buddy;

static void list_push(struct page *p, unsigned order)
{
	p->prev = NULL;
	p->next = buddy.free_list[order];
	if (p->next)
		p->next->prev = p;
	buddy.free_list[order] = p;
	p->flags = PG_FREE;
	p->order = order;
	p->refcount = 0;
	buddy.free_blocks[order]++;
	buddy.pages_free += 1u << order;
}

static void list_remove(struct page *p, unsigned order)
{
	if (p->prev)
		p->prev->next = p->next;
	else
		buddy.free_list[order] = p->next;
	if (p->next)
		p->next->prev = p->prev;
	p->next = p->prev = NULL;
	p->flags = 0;
	buddy.free_blocks[order]--;
	buddy.pages_free -= 1u << order;
}

/* Puts the block at pfn on the free lists, merging with free buddies. */
static void free_block(uint32_t pfn, unsigned order)
{
	while (order < MAX_ORDER) {
		uint32_t buddy_pfn = pfn ^ (1u << order);
		struct page *b;

		if (buddy_pfn >= buddy.npages)
			break;
		b = &buddy.pages[buddy_pfn];
		if (!(b->flags & PG_FREE) || b->order != order)
			break;
		list_remove(b, order);
		pfn &= ~(1u << order);
		order++;
	}
	list_push(&buddy.pages[pfn], order);
}

/* The part of r that is whole pages below DIRECT_MAP_LIMIT, as pfns. */
static bool range_pfns(const struct mem_range *r, uint32_t *first,
		       uint32_t *last)
{
	uint64_t start = (r->start + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
	uint64_t end = r->end & ~(uint64_t)(PAGE_SIZE - 1);

	if (end > DIRECT_MAP_LIMIT)
		end = DIRECT_MAP_LIMIT;
	if (start >= end)
		return false;
	*first = start >> PAGE_SHIFT;
	*last = end >> PAGE_SHIFT;	/* exclusive */
	return true;
}

/* Finds `bytes` of usable, unreserved memory (page aligned) for the
 * struct page array. Returns its physical address, or 0 if none. */
static uint64_t find_array_spot(uint64_t bytes, const struct mem_range *usable,
				unsigned n_usable,
				const struct mem_range *reserved,
				unsigned n_reserved)
{
	for (unsigned i = 0; i < n_usable; i++) {
		uint32_t first, last;
		uint64_t at, end;

		if (!range_pfns(&usable[i], &first, &last))
			continue;
		at = (uint64_t)(first ? first : 1) << PAGE_SHIFT; /* 0 = none */
		end = (uint64_t)last << PAGE_SHIFT;
		while (at + bytes <= end) {
			unsigned j;

			for (j = 0; j < n_reserved; j++)
				if (at < reserved[j].end &&
				    reserved[j].start < at + bytes)
					break;
			if (j == n_reserved)
				return at;
			at = PAGE_ALIGN(reserved[j].end);
		}
	}
	return 0;
}

/* The pfns [*first, *last) of range r rounded outward to whole pages: the
 * pages a reserved range touches. */
static void touched_pfns(const struct mem_range *r, uint32_t *first,
			 uint32_t *last)
{
	uint64_t end = PAGE_ALIGN(r->end);

	*first = r->start >> PAGE_SHIFT;
	*last = end > DIRECT_MAP_LIMIT ? DIRECT_MAP_LIMIT >> PAGE_SHIFT
				       : end >> PAGE_SHIFT;
}

/* Marks the pfns [pfn, end) reserved (the array starts zeroed). */
static void mark_reserved(uint32_t pfn, uint32_t end)
{
	for (; pfn < end; pfn++)
		buddy.pages[pfn].flags = PG_RESERVED;
}

/* Puts the free pfns [pfn, end) on the free lists as the largest aligned
 * blocks that fit, in address order: exactly the blocks (and list order)
 * that freeing the pages one by one with merging would leave, in
 * O(blocks) instead of O(pages). Blocks of the same order taken here are
 * never buddies: two buddies would have been taken as their parent. */
static void free_run(uint32_t pfn, uint32_t end)
{
	mark_reserved(buddy.init_next, pfn);
	buddy.init_next = end;
	buddy.pages_total += end - pfn;
	while (pfn < end) {
		unsigned order = 0;

		while (order < MAX_ORDER && !(pfn & (1u << order)) &&
		       pfn + (2u << order) <= end)
			order++;
		list_push(&buddy.pages[pfn], order);
		pfn += 1u << order;
	}
}

/* Frees the pages of [pfn, end) that touch no reserved range (nor the
 * array), run by run. */
static void free_unreserved(uint32_t pfn, uint32_t end,
			    const struct mem_range *reserved,
			    unsigned n_reserved)
{
	while (pfn < end) {
		uint32_t stop = end, next = end;

		for (unsigned i = 0; i < n_reserved; i++) {
			uint32_t rf, rl;

			touched_pfns(&reserved[i], &rf, &rl);
			if (rf <= pfn && pfn < rl) {	/* pfn is reserved */
				stop = pfn;
				next = rl < end ? rl : end;
				break;
			}
			if (pfn < rf && rf < stop)
				stop = next = rf;
		}
		if (stop > pfn) {
			free_run(pfn, stop);
			next = stop;
		}
		pfn = next;
	}
}

/* Frees every page of the usable ranges that is in no reserved range (the
 * array is one): the ranges' pfns are sorted and merged first, so
 * overlapping usable ranges free a page only once, and every page left
 * over is marked PG_RESERVED. Returns -EINVAL past MAX_USABLE ranges. */
static int free_usable(const struct mem_range *usable, unsigned n_usable,
		       const struct mem_range *reserved, unsigned n_reserved)
{
	uint32_t first[MAX_USABLE], last[MAX_USABLE];
	unsigned n = 0;

	if (n_usable > MAX_USABLE)
		return -EINVAL;
	for (unsigned i = 0; i < n_usable; i++) {	/* insertion sort */
		uint32_t f, l;
		unsigned j;

		if (!range_pfns(&usable[i], &f, &l))
			continue;
		for (j = n++; j > 0 && first[j - 1] > f; j--) {
			first[j] = first[j - 1];
			last[j] = last[j - 1];
		}
		first[j] = f;
		last[j] = l;
	}
	for (unsigned i = 0; i < n; i++) {
		uint32_t start = first[i], end = last[i];

		while (i + 1 < n && first[i + 1] <= end) {	/* merge */
			i++;
			end = last[i] > end ? last[i] : end;
		}
		if (start < buddy.init_next)
			start = buddy.init_next;
		free_unreserved(start, end, reserved, n_reserved);
	}
	mark_reserved(buddy.init_next, buddy.npages);
	return 0;
}

int page_alloc_init(const struct mem_range *usable, unsigned n_usable,
		    const struct mem_range *reserved, unsigned n_reserved)
{
	uint32_t max_pfn = 0, first, last;
	struct mem_range all[MAX_RESERVED + 1];
	uint64_t bytes, at;
	int err;

	if (n_reserved > MAX_RESERVED)
		return -EINVAL;
	for (unsigned i = 0; i < n_usable; i++)
		if (range_pfns(&usable[i], &first, &last) && last > max_pfn)
			max_pfn = last;
	memset(&buddy, 0, sizeof(buddy));
	bytes = PAGE_ALIGN((uint64_t)max_pfn * sizeof(struct page));
	at = find_array_spot(bytes, usable, n_usable, reserved, n_reserved);
	if (max_pfn == 0 || at == 0)
		return -ENOMEM;
	buddy.pages = mm_phys_to_virt(at);
	buddy.npages = max_pfn;
	memset(buddy.pages, 0, max_pfn * sizeof(struct page));
	memcpy(all, reserved, n_reserved * sizeof(*reserved));
	all[n_reserved] = (struct mem_range){ at, at + bytes };	/* the array */
	err = free_usable(usable, n_usable, all, n_reserved + 1);
	if (err)
		return err;
	return buddy.pages_free < MIN_FREE_PAGES ? -ENOMEM : 0;
}

uint32_t page_release_boot(uint64_t start, uint64_t end)
{
	struct mem_range r = { start, end };
	uint32_t first, last, n = 0;

	if (!range_pfns(&r, &first, &last))
		return 0;
	for (uint32_t pfn = first; pfn < last && pfn < buddy.npages; pfn++) {
		if (!(buddy.pages[pfn].flags & PG_RESERVED))
			continue;
		buddy.pages[pfn].flags = 0;
		buddy.pages_total++;
		free_block(pfn, 0);
		n++;
	}
	return n;
}

struct page *page_take_boot(const void *addr)
{
	struct page *p = virt_to_page(addr);

	if (!p || ((uintptr_t)addr & (PAGE_SIZE - 1)) || !(p->flags & PG_RESERVED))
		return NULL;
	p->flags = PG_HEAD;
	p->order = 0;
	p->refcount = 1;
	buddy.pages_total++;
	return p;
}

/*
 * The allocator behind page_alloc, which charges module callers.
 * Returns the head of 2^order free pages (PG_HEAD, refcount 1), splitting a
 * larger block if needed, or NULL if no block of that order or larger is
 * free. Contents are not cleared.
 */
struct page *buddy_alloc(unsigned order)
{
	unsigned o = order;
	struct page *p;

	/* The common case, a page when one is on the order-0 list: its head
	 * is taken. That is what the long way does then (the search stops
	 * at order 0, list_remove of a head, whose prev is NULL, nothing to
	 * split), with the same lists, counts and page fields after. */
	if (order == 0 && (p = buddy.free_list[0])) {
		buddy.free_list[0] = p->next;
		if (p->next)
			p->next->prev = NULL;
		p->next = NULL;
		buddy.free_blocks[0]--;
		buddy.pages_free--;
		p->flags = PG_HEAD;
		p->order = 0;
		p->refcount = 1;
		return p;
	}
	if (order > MAX_ORDER)
		return NULL;
	while (o <= MAX_ORDER && !buddy.free_list[o])
		o++;
	if (o > MAX_ORDER)
		return NULL;
	p = buddy.free_list[o];
	list_remove(p, o);
	while (o > order) {
		o--;
		list_push(p + (1u << o), o);
	}
	p->flags = PG_HEAD;
	p->order = order;
	p->refcount = 1;
	return p;
}

/* True if p points exactly at an element of the page array. */
static bool is_page(const struct page *p)
{
	uintptr_t off = (uintptr_t)p - (uintptr_t)buddy.pages;

	return buddy.pages && off < buddy.npages * sizeof(struct page) &&
	       off % sizeof(struct page) == 0;
}

/*
 * The allocator behind page_free, which drops module charges.
 * Returns a block from page_alloc(order). A pointer that is not the head of
 * an allocated block of that order (foreign, already free, a kmalloc page,
 * a wrong order) is reported with pr_err and left alone.
 */
void buddy_free(struct page *page, unsigned order)
{
	if (!page || !is_page(page)) {
		pr_err("page_free: %p is not a page descriptor\n", (void *)page);
		return;
	}
	if (!(page->flags & PG_HEAD) || (page->flags & ~PG_HEAD) ||
	    page->order != order || page->refcount != 1) {
		pr_err("page_free: pfn %u (order %u) is not an allocated block "
		       "(flags 0x%x, order %u, refcount %d)\n",
		       (unsigned)page_to_pfn(page), order,
		       (unsigned)page->flags, (unsigned)page->order,
		       (int)page->refcount);
		return;
	}
	page->flags = 0;
	page->refcount = 0;
	free_block(page_to_pfn(page), order);
}

void *page_address(const struct page *page)
{
	return mm_phys_to_virt((uintptr_t)page_to_pfn(page) << PAGE_SHIFT);
}

/* Returns the descriptor of the direct-map address addr, or NULL if addr
 * is not in the memory the allocator describes. */
struct page *virt_to_page(const void *addr)
{
	uintptr_t pfn = mm_virt_to_phys(addr) >> PAGE_SHIFT;

	return pfn < buddy.npages ? &buddy.pages[pfn] : NULL;
}

/* Returns the descriptor of pfn, or NULL past the described memory. */
struct page *pfn_to_page(uint32_t pfn)
{
	return pfn < buddy.npages ? &buddy.pages[pfn] : NULL;
}

uint32_t page_to_pfn(const struct page *page)
{
	return (uint32_t)(page - buddy.pages);
}

/* Returns the kernel address of one zero-filled page, or NULL. */
void *page_zalloc(void)
{
	struct page *p = buddy_alloc(0);

	if (!p)
		return NULL;
	memset(page_address(p), 0, PAGE_SIZE);
	return page_address(p);
}

/* Frees a page from page_zalloc(); anything else is reported. */
void page_zfree(void *addr)
{
	struct page *p = virt_to_page(addr);

	if (!p || ((uintptr_t)addr & (PAGE_SIZE - 1))) {
		pr_err("page_zfree: %p is not a page address\n", addr);
		return;
	}
	buddy_free(p, 0);
}

/* The allocator's own counters, exact at the moment of the call; any
 * pointer may be NULL. free_blocks gets the blocks on each order's list. */
void buddy_counts(uint32_t *pages_total, uint32_t *pages_free,
		  uint32_t free_blocks[MAX_ORDER + 1])
{
	if (pages_total)
		*pages_total = buddy.pages_total;
	if (pages_free)
		*pages_free = buddy.pages_free;
	if (free_blocks)
		for (unsigned o = 0; o <= MAX_ORDER; o++)
			free_blocks[o] = buddy.free_blocks[o];
}
