/*
 * In-kernel self tests of mm/ on the real machine (boot with "selftest"):
 * every free page out and back, 10,000 random kmalloc/kfree, vmalloc with
 * writes through the real page tables, vshrink, and vmap of own pages.
 * Each test checks that every counter returns exactly to where it started.
 */
#include "mm/mm.h"
#include "kernel/paging.h"
#include "kernel/selftest.h"
#include "lib/string.h"

static struct mm_stats stats(void)
{
	struct mm_stats st;

	mm_get_stats(&st);
	return st;
}

/* Every counter is exactly where it was. */
static bool stats_back(const struct mm_stats *before)
{
	struct mm_stats now = stats();

	return memcmp(before, &now, sizeof(now)) == 0;
}

static uint32_t lcg_state;
static uint32_t lcg(void)
{
	lcg_state = lcg_state * 1103515245u + 12345u;
	return lcg_state >> 8;
}

SELFTEST(mm_all_pages_out_then_back)
{
	struct mm_stats before = stats();
	uint32_t shape[MAX_ORDER + 1], after[MAX_ORDER + 1];
	struct page *p, *chain = NULL;
	uint32_t n = 0;

	mm_get_buddyinfo(shape);
	/* Chain the pages through their own first word: no memory needed. */
	while ((p = page_alloc(0)) != NULL) {
		*(struct page **)page_address(p) = chain;
		chain = p;
		n++;
	}
	CHECK(n == before.pages_free);
	CHECK(stats().pages_free == 0);
	while (chain) {
		p = chain;
		chain = *(struct page **)page_address(p);
		page_free(p, 0);
	}
	mm_get_buddyinfo(after);
	CHECK(stats_back(&before));
	CHECK(memcmp(shape, after, sizeof(shape)) == 0);
}

#define SLOTS 256
static struct { uint8_t *p; uint32_t size; uint8_t tag; } slot[SLOTS];

static bool slot_intact(unsigned s)
{
	for (uint32_t i = 0; i < slot[s].size; i++)
		if (slot[s].p[i] != (uint8_t)(slot[s].tag + i))
			return false;
	return true;
}

SELFTEST(mm_kmalloc_10000_random)
{
	struct mm_stats before = stats();
	unsigned corrupt = 0, failed = 0;

	lcg_state = 1;
	for (int op = 0; op < 10000; op++) {
		unsigned s = lcg() % SLOTS;

		if (slot[s].p) {
			corrupt += !slot_intact(s);
			kfree(slot[s].p);
			slot[s].p = NULL;
			continue;
		}
		slot[s].size = 1 + lcg() % 8192;
		slot[s].tag = lcg();
		slot[s].p = kmalloc(slot[s].size);
		failed += !slot[s].p;
		for (uint32_t i = 0; slot[s].p && i < slot[s].size; i++)
			slot[s].p[i] = (uint8_t)(slot[s].tag + i);
	}
	for (unsigned s = 0; s < SLOTS; s++) {
		if (slot[s].p) {
			corrupt += !slot_intact(s);
			kfree(slot[s].p);
			slot[s].p = NULL;
		}
	}
	CHECK(corrupt == 0);
	CHECK(failed == 0);
	CHECK(stats().pages_kmalloc == before.pages_kmalloc);
	CHECK(stats_back(&before));
}

SELFTEST(mm_vmalloc_write_shrink_free)
{
	struct mm_stats before = stats(), mid;
	uint32_t *v = vmalloc(5 * PAGE_SIZE);
	unsigned bad = 0;

	CHECK(v != NULL);
	if (!v)
		return;
	for (uint32_t i = 0; i < 5 * PAGE_SIZE / 4; i++)
		v[i] = i * 2654435761u;
	for (uint32_t i = 0; i < 5 * PAGE_SIZE / 4; i++)
		bad += v[i] != i * 2654435761u;
	CHECK(bad == 0);
	CHECK(paging_lookup((uintptr_t)v + 5 * PAGE_SIZE) == 0);   /* guard */
	mid = stats();
	CHECK(mid.vmalloc_ranges == before.vmalloc_ranges + 1);
	CHECK(mid.vmalloc_pages == before.vmalloc_pages + 5);
	CHECK(vshrink(v, 2 * PAGE_SIZE) == 0);
	CHECK(stats().vmalloc_pages == before.vmalloc_pages + 2);
	CHECK(stats().pages_free == mid.pages_free + 3);
	CHECK(paging_lookup((uintptr_t)v + PAGE_SIZE) != 0);
	CHECK(paging_lookup((uintptr_t)v + 2 * PAGE_SIZE) == 0);
	CHECK(v[2 * PAGE_SIZE / 4 - 1] == (2 * PAGE_SIZE / 4 - 1) * 2654435761u);
	vfree(v);
	CHECK(stats().vmalloc_ranges == before.vmalloc_ranges);
	CHECK(stats_back(&before));
}

SELFTEST(mm_vmap_own_pages)
{
	struct mm_stats before = stats();
	struct page *pg[3] = { page_alloc(0), page_alloc(0), page_alloc(0) };
	struct page *order[3] = { pg[2], pg[0], pg[1] };
	char *v;

	CHECK(pg[0] && pg[1] && pg[2]);
	if (!pg[0] || !pg[1] || !pg[2])
		return;
	for (int i = 0; i < 3; i++)
		memset(page_address(pg[i]), 'A' + i, PAGE_SIZE);
	v = vmap(order, 3);
	CHECK(v != NULL);
	if (v) {
		CHECK(v[0] == 'C' && v[PAGE_SIZE] == 'A' &&
		      v[3 * PAGE_SIZE - 1] == 'B');
		v[PAGE_SIZE] = 'x';	/* the same memory as pg[0] */
		CHECK(*(char *)page_address(pg[0]) == 'x');
		CHECK(paging_lookup((uintptr_t)v + 3 * PAGE_SIZE) == 0);
		vunmap(v);
	}
	CHECK(stats().vmalloc_ranges == before.vmalloc_ranges);
	CHECK(stats().pages_free == before.pages_free - 3);
	for (int i = 0; i < 3; i++)
		page_free(pg[i], 0);
	CHECK(stats_back(&before));
}
