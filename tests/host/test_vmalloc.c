/*
 * Host tests of the vmalloc area (mm/vmalloc.c) against the fake page table
 * in host_stubs.c: exact page and range counts, guard pages left unmapped,
 * next-fit placement (first fit once the end is reached) without overlap, vmap, vshrink, and running out of
 * memory or address space with nothing leaked.
 * Memory map as in test_buddy.c: 3736 free pages after init. A range
 * descriptor is a 32-byte kmalloc object, so the first range also costs
 * one slab page.
 */
// sources: mm/page_alloc.c mm/kmalloc.c mm/vmalloc.c mm/stats.c mm/charge.c tests/host/host_stubs.c
#include <stdlib.h>
#include <string.h>
#include "tests/host/ktest.h"
#include "tests/host/host_stubs.h"
#include "kernel/paging.h"
#include <tessera/errno.h>

#define FREE_PAGES	3736u
#define VA(n)		((uintptr_t)VMALLOC_START + (uintptr_t)(n) * PAGE_SIZE)

static struct mm_stats stats(void)
{
	struct mm_stats st;

	mm_get_stats(&st);
	return st;
}

static void fresh(void)
{
	KT_EXPECT(host_mm_init() == 0);
	KT_EXPECT(stats().vmalloc_ranges == 0 && stats().pages_kmalloc == 0);
	KT_EXPECT(host_pt_mapped() == 0);
	host_pt_errors = 0;
}

/* Everything back: pages, ranges, mappings, no mapping errors. */
static bool all_back(void)
{
	struct mm_stats st = stats();

	return st.pages_free == FREE_PAGES && st.pages_kmalloc == 0 &&
	       st.vmalloc_ranges == 0 && st.vmalloc_pages == 0 &&
	       host_pt_mapped() == 0 && host_pt_errors == 0;
}

struct seen {
	unsigned n;
	struct vm_range_info r[16];
};

static void collect(const struct vm_range_info *r, void *arg)
{
	struct seen *s = arg;

	if (s->n < 16)
		s->r[s->n] = *r;
	s->n++;
}

KTEST(vmalloc_maps_fresh_zeroed_pages_and_a_guard)
{
	uint8_t *p;
	unsigned ok = 1;

	fresh();
	p = vmalloc(3 * PAGE_SIZE + 1);
	KT_EXPECT((uintptr_t)p == VA(0));
	KT_EXPECT(stats().vmalloc_ranges == 1);
	KT_EXPECT(stats().vmalloc_pages == 4);
	KT_EXPECT(stats().pages_free == FREE_PAGES - 4 - 1);
	KT_EXPECT(host_pt_mapped() == 4);
	for (int i = 0; i < 4; i++)
		KT_EXPECT(paging_lookup(VA(i)) != 0);
	KT_EXPECT(paging_lookup(VA(4)) == 0);	/* the guard page */
	for (uintptr_t off = 0; off < 4 * PAGE_SIZE; off++)
		ok &= *(uint8_t *)host_vptr((uintptr_t)p + off) == 0;
	KT_EXPECT(ok);
	for (uintptr_t off = 0; off < 4 * PAGE_SIZE; off++)
		*(uint8_t *)host_vptr((uintptr_t)p + off) = (uint8_t)(off / 7);
	for (uintptr_t off = 0; off < 4 * PAGE_SIZE; off++)
		ok &= *(uint8_t *)host_vptr((uintptr_t)p + off) == (uint8_t)(off / 7);
	KT_EXPECT(ok);
	vfree(p);
	KT_EXPECT(all_back());
}

KTEST(ranges_next_fit_and_never_overlap)
{
	void *a, *b, *c, *d, *e;
	struct seen s = { 0 };
	unsigned bad = 0;

	fresh();
	a = vmalloc(PAGE_SIZE);		/* pages 0, guard 1 */
	b = vmalloc(2 * PAGE_SIZE);	/* 2-3, guard 4 */
	c = vmalloc(PAGE_SIZE);		/* 5, guard 6 */
	KT_EXPECT((uintptr_t)a == VA(0) && (uintptr_t)b == VA(2) &&
		  (uintptr_t)c == VA(5));
	vfree(b);			/* hole 2..4 */
	d = vmalloc(PAGE_SIZE);		/* next fit: after c, 7, guard 8 */
	e = vmalloc(2 * PAGE_SIZE);	/* 9-10, guard 11 */
	KT_EXPECT((uintptr_t)d == VA(7));
	KT_EXPECT((uintptr_t)e == VA(9));
	vm_for_each(collect, &s);
	KT_EXPECT(s.n == 4);
	for (unsigned i = 0; i + 1 < s.n; i++)
		bad += s.r[i].end + PAGE_SIZE > s.r[i + 1].start;
	KT_EXPECT(bad == 0);
	KT_EXPECT(s.r[0].start == VA(0) && s.r[1].start == VA(5) &&
		  s.r[2].start == VA(7) && s.r[3].start == VA(9));
	KT_EXPECT(s.r[3].end == VA(11) && s.r[3].pages == 2);
	vfree(a);
	vfree(c);
	vfree(d);
	vfree(e);
	KT_EXPECT(all_back());
}

KTEST(vmap_maps_caller_pages_in_order_and_keeps_them)
{
	struct page *pg[3], *order[3];
	void *v;
	unsigned before;

	fresh();
	for (int i = 0; i < 3; i++) {
		pg[i] = page_alloc(0);
		memset(page_address(pg[i]), 'A' + i, PAGE_SIZE);
	}
	order[0] = pg[2];
	order[1] = pg[0];
	order[2] = pg[1];
	v = vmap(order, 3);
	KT_EXPECT(v != NULL);
	for (int i = 0; i < 3; i++)
		KT_EXPECT(host_vptr((uintptr_t)v + i * PAGE_SIZE) ==
			  page_address(order[i]));
	KT_EXPECT(*(char *)host_vptr((uintptr_t)v + 10) == 'C');
	KT_EXPECT(paging_lookup((uintptr_t)v + 3 * PAGE_SIZE) == 0);
	KT_EXPECT(stats().vmalloc_pages == 3 && stats().vmalloc_ranges == 1);
	before = host_err_reports;
	vfree(v);			/* wrong opposite: reported, ignored */
	KT_EXPECT(host_err_reports == before + 1);
	KT_EXPECT(stats().vmalloc_ranges == 1);
	vunmap(v);
	KT_EXPECT(stats().vmalloc_ranges == 0 && host_pt_mapped() == 0);
	KT_EXPECT(stats().pages_free == FREE_PAGES - 3);	/* slab gone too */
	KT_EXPECT(pg[0]->flags == PG_HEAD && pg[0]->refcount == 1);
	KT_EXPECT(vmap(order, 0) == NULL && vmap(NULL, 1) == NULL);
	for (int i = 0; i < 3; i++)
		page_free(pg[i], 0);
	KT_EXPECT(all_back());
}

KTEST(vshrink_frees_tail_and_moves_guard_down)
{
	uint8_t *p, *q;
	struct seen s = { 0 };

	fresh();
	p = vmalloc(5 * PAGE_SIZE);
	KT_EXPECT(stats().pages_free == FREE_PAGES - 5 - 1);
	KT_EXPECT(vshrink(p, 2 * PAGE_SIZE - 10) == 0);	/* rounds up to 2 */
	KT_EXPECT(stats().vmalloc_pages == 2);
	KT_EXPECT(stats().pages_free == FREE_PAGES - 2 - 1);
	KT_EXPECT(host_pt_mapped() == 2);
	KT_EXPECT(paging_lookup(VA(1)) != 0);
	KT_EXPECT(paging_lookup(VA(2)) == 0);		/* new guard */
	KT_EXPECT(paging_lookup(VA(3)) == 0 && paging_lookup(VA(4)) == 0);
	vm_for_each(collect, &s);
	KT_EXPECT(s.n == 1 && s.r[0].end == VA(2) && s.r[0].pages == 2);
	q = vmalloc(PAGE_SIZE);		/* the freed space is reused */
	KT_EXPECT((uintptr_t)q == VA(3));
	KT_EXPECT(vshrink(p, 3 * PAGE_SIZE) == -EINVAL);	/* larger */
	KT_EXPECT(vshrink(p + PAGE_SIZE, 0) == -EINVAL);	/* not a start */
	KT_EXPECT(vshrink((void *)VA(100), 0) == -EINVAL);
	KT_EXPECT(vshrink(p, 2 * PAGE_SIZE) == 0);		/* same size */
	KT_EXPECT(vshrink(p, 0) == 0);		/* only the guard is left */
	KT_EXPECT(stats().vmalloc_ranges == 2 && stats().vmalloc_pages == 1);
	vfree(p);
	vfree(q);
	KT_EXPECT(all_back());
}

KTEST(vshrink_of_vmap_leaves_pages_to_caller)
{
	struct page *pg[4];
	void *v;

	fresh();
	for (int i = 0; i < 4; i++)
		pg[i] = page_alloc(0);
	v = vmap(pg, 4);
	KT_EXPECT(vshrink(v, PAGE_SIZE) == 0);
	KT_EXPECT(stats().vmalloc_pages == 1 && host_pt_mapped() == 1);
	KT_EXPECT(stats().pages_free == FREE_PAGES - 4 - 1);
	KT_EXPECT(pg[3]->flags == PG_HEAD && pg[3]->refcount == 1);
	vunmap(v);
	for (int i = 0; i < 4; i++)
		page_free(pg[i], 0);
	KT_EXPECT(all_back());
}

KTEST(vmalloc_out_of_memory_leaks_nothing)
{
	void *all;

	fresh();
	KT_EXPECT(vmalloc(0) == NULL);
	KT_EXPECT(vmalloc(VMALLOC_END - VMALLOC_START) == NULL);
	/* More pages than exist: fails midway, everything undone. */
	KT_EXPECT(vmalloc(HOST_MEM_SIZE) == NULL);
	KT_EXPECT(all_back());
	/* Exactly the free pages minus the descriptor's slab: fits. */
	all = vmalloc((FREE_PAGES - 1) * PAGE_SIZE);
	KT_EXPECT(all != NULL);
	KT_EXPECT(stats().pages_free == 0);
	/* Its descriptor fits the slab, but no page is left for data. */
	KT_EXPECT(vmalloc(PAGE_SIZE) == NULL);
	KT_EXPECT(stats().vmalloc_ranges == 1 && stats().vmalloc_pages == 3735);
	vfree(all);
	KT_EXPECT(all_back());
	/* No page at all: even the descriptor cannot be had. */
	while (page_alloc(0))
		;
	KT_EXPECT(vmalloc(PAGE_SIZE) == NULL);
	KT_EXPECT(stats().vmalloc_ranges == 0 && host_pt_mapped() == 0);
	KT_EXPECT(host_mm_init() == 0);		/* drop the hoarded pages */
}

/* Once the end of the area is reached, placing goes back to the first
 * hole big enough (first fit). */
KTEST(next_fit_wraps_to_the_first_hole)
{
	static struct page *same[4096];
	void *v[4], *w;
	struct page *pg;

	fresh();
	pg = page_alloc(0);
	for (int i = 0; i < 4096; i++)
		same[i] = pg;
	for (int i = 0; i < 3; i++)
		v[i] = vmap(same, 4096);
	v[3] = vmap(same, 4092);	/* up to the end */
	KT_EXPECT(v[3] != NULL && (uintptr_t)v[1] == VA(4097));
	vunmap(v[1]);
	w = vmap(same, 10);
	KT_EXPECT((uintptr_t)w == VA(4097));
	vunmap(w);
	vunmap(v[0]);
	vunmap(v[2]);
	vunmap(v[3]);
	page_free(pg, 0);
	KT_EXPECT(all_back());
}

KTEST(address_space_exhaustion_returns_null)
{
	/* The 64 MiB area is 16384 pages; a 4096-page vmap takes 4097 with
	 * its guard, so 3 fit and 16384 - 3 * 4097 = 4093 pages are left:
	 * exactly room for 4092 pages and a guard. */
	const unsigned area = (VMALLOC_END - VMALLOC_START) / PAGE_SIZE;
	const unsigned fit = area / 4097, left = area - fit * 4097;
	static struct page *same[4096];
	static void *v[64];
	struct page *pg;
	unsigned n = 0;

	fresh();
	KT_EXPECT(area == 16384 && fit == 3 && left == 4093);
	pg = page_alloc(0);
	for (int i = 0; i < 4096; i++)
		same[i] = pg;
	while (n < 63 && (v[n] = vmap(same, 4096)) != NULL)
		n++;
	KT_EXPECT(n == fit);
	v[n] = vmap(same, left - 1);
	KT_EXPECT(v[n] != NULL);
	KT_EXPECT(vmap(same, 1) == NULL);
	KT_EXPECT(stats().vmalloc_ranges == fit + 1);
	KT_EXPECT(stats().vmalloc_pages == fit * 4096 + left - 1);
	KT_EXPECT(stats().pages_free == FREE_PAGES - 1 - 1);
	for (unsigned i = 0; i <= n; i++)
		vunmap(v[i]);
	page_free(pg, 0);
	KT_EXPECT(all_back());
}

KTEST(owner_labels_and_bad_addresses)
{
	struct page *pg = NULL;
	void *a, *b;
	struct seen s = { 0 };
	unsigned before;

	fresh();
	pg = page_alloc(0);
	a = vmalloc(100);
	b = vmap(&pg, 1);
	vm_set_owner(a, "hello");
	vm_set_owner((void *)VA(1000), "nobody");	/* ignored */
	vm_for_each(collect, &s);
	KT_EXPECT(s.n == 2);
	KT_EXPECT(s.r[0].owner && strcmp(s.r[0].owner, "hello") == 0);
	KT_EXPECT(!s.r[0].is_vmap && s.r[1].is_vmap && !s.r[1].owner);
	before = host_err_reports;
	vfree(NULL);
	vunmap(NULL);
	KT_EXPECT(host_err_reports == before);
	vfree((char *)a + 1);
	vunmap(a);
	vfree((void *)VA(1000));
	KT_EXPECT(host_err_reports == before + 3);
	KT_EXPECT(stats().vmalloc_ranges == 2);
	vfree(a);
	vunmap(b);
	page_free(pg, 0);
	KT_EXPECT(all_back());
}

int main(void)
{
	return ktest_main();
}
