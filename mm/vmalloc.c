/*
 * The vmalloc area [VMALLOC_START, VMALLOC_END): a sorted list of ranges,
 * each followed by one unmapped guard page, placed first-fit. vmalloc()
 * fills a range with fresh pages, vmap() with the caller's pages; vshrink()
 * drops a range's tail pages and moves its guard page down (how a module's
 * init sections are dropped). Mapping goes through kernel/paging.h.
 * A range a module's code asks for is charged to it (charge.c).
 * With a thousand modules loaded there are thousands of ranges, so neither
 * finding a range by its address (a hash of the starts) nor placing one (a
 * search that starts past the packed beginning of the area) walks them all.
 */
#include "mm/mm.h"
#include "mm/mm_internal.h"
#include "kernel/paging.h"
#include "kernel/printk.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <linux/container_of.h>

struct vm_range {	/* range_reserve sets each field: a new one is set there */
	uintptr_t start;	/* first mapped page */
	uint32_t pages;		/* mapped pages; the guard page follows */
	bool is_vmap;		/* pages belong to the caller */
	bool is_io;		/* device memory (vmap_io): no struct page */
	const char *owner;	/* label for /proc/vmallocinfo, or NULL */
	struct vm_range *next;	/* next range up */
	struct vm_range *prev;	/* next range down */
	struct vm_range *hnext;	/* chain of its start's hash bucket */
};

#define VM_HASH 512

static struct {
	struct vm_range *ranges;	/* sorted by start */
	uint32_t nr_ranges;
	uint32_t nr_pages;		/* mapped in all ranges */
	struct vm_range *hash[VM_HASH];	/* by start */
	/* The ranges before *first_gap (NULL: &ranges) leave no hole: the
	 * first starts at VMALLOC_START, each other one page past the end
	 * of the one before. First fit searches from there. */
	struct vm_range **first_gap;
	struct vm_range **rover;	/* &last placed->next, or NULL */
} vmlist;

static struct vm_range **hash_bucket(uintptr_t start)
{
	return &vmlist.hash[(start >> PAGE_SHIFT) % VM_HASH];
}

/* The link that points at r: its predecessor's next, or the list head. */
static struct vm_range **link_of(struct vm_range *r)
{
	return r->prev ? &r->prev->next : &vmlist.ranges;
}

static struct vm_range **first_gap(void)
{
	return vmlist.first_gap ? vmlist.first_gap : &vmlist.ranges;
}

/* Does r lie before first_gap, where a new hole breaks its promise? */
static bool before_first_gap(const struct vm_range *r)
{
	struct vm_range *g = *first_gap();

	return r->start < (g ? g->start : VMALLOC_END);
}

static uintptr_t range_end(const struct vm_range *r)
{
	return r->start + (uintptr_t)r->pages * PAGE_SIZE;
}

/* The room for need bytes searching from link on: the link to insert
 * before (*link may be NULL: at the end) and the address, or NULL. */
static struct vm_range **find_room(struct vm_range **link, uintptr_t need,
				   uintptr_t *at_out, bool track_gap)
{
	struct vm_range *prev = link == &vmlist.ranges ? NULL :
				container_of(link, struct vm_range, next);
	uintptr_t at = prev ? range_end(prev) + PAGE_SIZE : VMALLOC_START;
	bool packed = track_gap;

	for (; *link; link = &(*link)->next) {
		if ((*link)->start - at >= need)
			break;
		packed = packed && (*link)->start == at;
		if (packed)
			vmlist.first_gap = &(*link)->next;
		at = range_end(*link) + PAGE_SIZE;
	}
	if (!*link && (at > VMALLOC_END || VMALLOC_END - at < need))
		return NULL;
	*at_out = at;
	return link;
}

/* Reserves room for `pages` pages plus a guard page: next fit, from where
 * the last range was placed (loading modules allocates and frees at the
 * end of the used area, so the search is short whatever the number of
 * ranges), then first fit from the first hole. Returns the new (still
 * unmapped, pages = 0) range, or NULL if no room or memory. */
static struct vm_range *range_reserve(uint32_t pages, bool is_vmap)
{
	struct vm_range **link = NULL, *r;
	uintptr_t need, at = 0;

	if (pages >= (VMALLOC_END - VMALLOC_START) / PAGE_SIZE)
		return NULL;
	need = ((uintptr_t)pages + 1) * PAGE_SIZE;
	if (vmlist.rover)
		link = find_room(vmlist.rover, need, &at, false);
	if (!link)
		link = find_room(first_gap(), need, &at, true);
	if (!link)
		return NULL;
	r = kmalloc(sizeof(*r));
	if (!r)
		return NULL;
	/* each field stored once (a compound literal is zeroed whole first) */
	r->start = at;
	r->pages = 0;
	r->is_vmap = is_vmap;
	r->is_io = false;
	r->owner = NULL;
	r->next = *link;
	r->prev = link == &vmlist.ranges ? NULL : container_of(link, struct vm_range, next);
	r->hnext = *hash_bucket(at);
	if (r->next)
		r->next->prev = r;
	if (vmlist.first_gap == link && at == (r->prev ? range_end(r->prev) + PAGE_SIZE
						      : VMALLOC_START))
		vmlist.first_gap = &r->next;	/* still no hole before it */
	*link = r;
	*hash_bucket(at) = r;
	vmlist.rover = &r->next;
	vmlist.nr_ranges++;
	return r;
}

static struct vm_range **range_find(const void *addr)
{
	struct vm_range *r = *hash_bucket((uintptr_t)addr);

	while (r && r->start != (uintptr_t)addr)
		r = r->hnext;
	return r ? link_of(r) : NULL;
}

/* Unmaps the range's pages from index `keep` on (freeing them unless it is
 * a vmap range) and shrinks it to `keep` pages. */
static void range_trim(struct vm_range *r, uint32_t keep)
{
	if (r->pages > keep && before_first_gap(r))
		vmlist.first_gap = &r->next;	/* a hole after r now */
	while (r->pages > keep) {
		uintptr_t va = r->start + (uintptr_t)(r->pages - 1) * PAGE_SIZE;
		uintptr_t pa = paging_lookup(va);

		paging_unmap(va);
		if (!r->is_vmap)
			buddy_free(pfn_to_page(pa >> PAGE_SHIFT), 0);
		r->pages--;
		vmlist.nr_pages--;
	}
}

static void range_release(struct vm_range **link)
{
	struct vm_range *r = *link, **h = hash_bucket(r->start);

	range_trim(r, 0);
	if (before_first_gap(r) || vmlist.first_gap == &r->next)
		vmlist.first_gap = link;	/* the hole is where r was */
	if (vmlist.rover == &r->next)
		vmlist.rover = link;
	*link = r->next;
	if (r->next)
		r->next->prev = r->prev;
	while (*h != r)
		h = &(*h)->hnext;
	*h = r->hnext;
	vmlist.nr_ranges--;
	kfree(r);
}

static void range_map(struct vm_range *r, struct page *p)
{
	paging_map(range_end(r), (uintptr_t)page_to_pfn(p) << PAGE_SHIFT);
	r->pages++;
	vmlist.nr_pages++;
}

/* A range of size bytes of fresh pages, zeroed if zero, charged to
 * caller's module if caller is in one. */
static void *vmalloc_pages(size_t size, uintptr_t caller, bool zero)
{
	struct vm_range *r;
	uint32_t pages;

	if (size == 0 || size > VMALLOC_END - VMALLOC_START)
		return NULL;
	pages = PAGES_FOR(size);
	r = range_reserve(pages, false);
	if (!r)
		return NULL;
	while (r->pages < pages) {
		struct page *p = buddy_alloc(0);

		if (!p)
			goto out_release_range;
		if (zero)
			memset(page_address(p), 0, PAGE_SIZE);
		range_map(r, p);
	}
	if (caller_may_be_module(caller) &&
	    mm_charge(MM_CHARGE_VMALLOC, r->start, size, caller))
		goto out_release_range;
	return (void *)r->start;

out_release_range:
	range_release(range_find((void *)r->start));
	return NULL;
}

/* vmalloc, the range charged to caller's module if caller is in one. */
void *vmalloc_track_caller(size_t size, uintptr_t caller)
{
	return vmalloc_pages(size, caller, true);
}

/* vmalloc without the zeroing (a page costs 1,024 stores): for a buffer
 * the caller fills whole before reading it. Not for modules. */
void *vmalloc_uninit(size_t size)
{
	return vmalloc_pages(size, 0, false);
}

/* Returns size bytes (rounded up to pages) of zero-filled fresh pages,
 * mapped in the vmalloc area with a guard page after; NULL if size is 0 or
 * address space or memory runs out (then nothing is left behind). Called
 * from a module's code, the range is charged to that module. */
__attribute__((__noinline__)) void *vmalloc(size_t size)
{
	return vmalloc_track_caller(size, _RET_IP_);
}

/* Unmaps and frees a vmalloc() range, dropping its module charge if any.
 * NULL does nothing; an address that is not the start of a vmalloc()
 * range is reported and ignored. */
void vfree(const void *addr)
{
	struct vm_range **link;

	if (!addr)
		return;
	link = range_find(addr);
	if (!link || (*link)->is_vmap) {
		pr_err("vfree: %p is not a vmalloc range\n", addr);
		return;
	}
	mm_uncharge(MM_CHARGE_VMALLOC, (uintptr_t)addr);
	range_release(link);
}

/* Maps count caller pages, in order, at a new range with a guard page.
 * Returns the address, or NULL if count is 0 or no room or memory. */
void *vmap_owned(struct page **pages, unsigned count, const char *owner)
{
	struct vm_range *r;

	if (!pages || count == 0)
		return NULL;
	r = range_reserve(count, true);
	if (!r)
		return NULL;
	r->owner = owner;
	for (unsigned i = 0; i < count; i++)
		range_map(r, pages[i]);
	return (void *)r->start;
}

void *vmap(struct page **pages, unsigned count)
{
	return vmap_owned(pages, count, NULL);
}

/* Maps count pages of physical address space from phys (page aligned),
 * uncached, at a new range with a guard page. Returns the address, or
 * NULL if count is 0 or no room or memory. */
void *vmap_io(uintptr_t phys, unsigned count)
{
	struct vm_range *r;

	if (count == 0)
		return NULL;
	r = range_reserve(count, true);
	if (!r)
		return NULL;
	r->is_io = true;
	for (unsigned i = 0; i < count; i++) {
		paging_map_io(range_end(r), phys + (uintptr_t)i * PAGE_SIZE);
		r->pages++;
		vmlist.nr_pages++;
	}
	return (void *)r->start;
}

/* Unmaps a vmap() range, leaving its pages to the caller. NULL does
 * nothing; anything else that is not a vmap() range is reported. */
void vunmap(const void *addr)
{
	struct vm_range **link;

	if (!addr)
		return;
	link = range_find(addr);
	if (!link || !(*link)->is_vmap) {
		pr_err("vunmap: %p is not a vmap range\n", addr);
		return;
	}
	range_release(link);
}

/* Shrinks the range at addr to new_size bytes (rounded up to pages; 0
 * keeps only the range's guard page). Returns 0 or -EINVAL. */
int vshrink(const void *addr, size_t new_size)
{
	struct vm_range **link = range_find(addr);

	if (!link || PAGES_FOR((uint64_t)new_size) > (*link)->pages)
		return -EINVAL;
	range_trim(*link, PAGES_FOR(new_size));
	return 0;
}

/* Labels the range at addr; an unknown address is ignored. */
void vm_set_owner(const void *addr, const char *owner)
{
	struct vm_range **link = range_find(addr);

	if (link)
		(*link)->owner = owner;
}

/* Calls fn for each range, lowest first; fn must not add or remove one. */
void vm_for_each(void (*fn)(const struct vm_range_info *r, void *arg),
		 void *arg)
{
	for (struct vm_range *r = vmlist.ranges; r; r = r->next) {
		struct vm_range_info info = {
			.start = r->start, .end = range_end(r),
			.pages = r->pages, .owner = r->owner,
			.is_vmap = r->is_vmap, .is_io = r->is_io,
		};

		fn(&info, arg);
	}
}

void vmalloc_counts(uint32_t *ranges, uint32_t *pages)
{
	*ranges = vmlist.nr_ranges;
	*pages = vmlist.nr_pages;
}
