/*
 * Host tests of kmalloc/kfree (mm/kmalloc.c): size classes and alignment,
 * slab pages given back when empty, 10,000 random operations with content
 * checks, and bad frees (double, foreign, misaligned) reported without harm.
 * Memory map as in test_buddy.c: 3736 free pages after init.
 */
// sources: mm/page_alloc.c mm/kmalloc.c mm/vmalloc.c mm/stats.c mm/charge.c tests/host/host_stubs.c
#include <stdlib.h>
#include <string.h>
#include "tests/host/ktest.h"
#include "tests/host/host_stubs.h"

#define FREE_PAGES	3736u

static struct mm_stats stats(void)
{
	struct mm_stats st;

	mm_get_stats(&st);
	return st;
}

static uint32_t lcg_state;
static uint32_t lcg(void)
{
	lcg_state = lcg_state * 1103515245u + 12345u;
	return lcg_state >> 8;
}

static void fresh(void)
{
	KT_EXPECT(host_mm_init() == 0);
	KT_EXPECT(stats().pages_kmalloc == 0);
}

KTEST(kmalloc_zero_and_kfree_null)
{
	unsigned before;

	fresh();
	before = host_err_reports;
	KT_EXPECT(kmalloc(0) == NULL);
	kfree(NULL);
	KT_EXPECT(host_err_reports == before);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
}

KTEST(size_classes_and_alignment)
{
	static const struct { size_t size; unsigned cls; } cases[] = {
		{ 1, 0 }, { 16, 0 }, { 17, 1 }, { 33, 2 }, { 100, 3 },
		{ 129, 4 }, { 300, 5 }, { 1000, 6 }, { 2048, 7 },
	};
	void *p[9];

	fresh();
	for (int i = 0; i < 9; i++) {
		struct page *pg;

		p[i] = kmalloc(cases[i].size);
		pg = virt_to_page(p[i]);
		KT_EXPECT(p[i] && ((uintptr_t)p[i] & 15) == 0);
		KT_EXPECT(pg && (pg->flags & PG_SLAB));
		KT_EXPECT(pg && pg->slab_class == cases[i].cls);
	}
	/* Class 0 was used twice: one slab page for each of the 8 classes. */
	KT_EXPECT(stats().pages_kmalloc == 8);
	KT_EXPECT(stats().pages_free == FREE_PAGES - 8);
	for (int i = 0; i < 9; i++)
		kfree(p[i]);
	KT_EXPECT(stats().pages_kmalloc == 0);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
}

KTEST(big_allocations_take_whole_pages)
{
	void *a = NULL, *b = NULL, *c = NULL;

	fresh();
	a = kmalloc(2049);
	b = kmalloc(4097);
	c = kmalloc(4u << 20);
	KT_EXPECT(a && ((uintptr_t)a & (PAGE_SIZE - 1)) == 0);
	KT_EXPECT(b && virt_to_page(b)->order == 1);
	KT_EXPECT(c && virt_to_page(c)->order == MAX_ORDER);
	KT_EXPECT(a && (virt_to_page(a)->flags & PG_KMALLOC_BIG));
	KT_EXPECT(stats().pages_kmalloc == 1 + 2 + 1024);
	KT_EXPECT(kmalloc((4u << 20) + 1) == NULL);
	kfree(a);
	kfree(b);
	kfree(c);
	KT_EXPECT(stats().pages_kmalloc == 0);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
}

KTEST(slab_fills_then_empty_slab_goes_back)
{
	static void *obj[300];
	unsigned dup = 0;

	fresh();
	for (int i = 0; i < 256; i++)
		obj[i] = kmalloc(16);
	KT_EXPECT(stats().pages_kmalloc == 1);	/* 4096 / 16 = 256 per slab */
	obj[256] = kmalloc(16);
	KT_EXPECT(stats().pages_kmalloc == 2);
	for (int i = 0; i < 257; i++)
		for (int j = i + 1; j < 257; j++)
			dup += obj[i] == obj[j];
	KT_EXPECT(dup == 0);
	kfree(obj[256]);
	KT_EXPECT(stats().pages_kmalloc == 1);
	kfree(obj[0]);			/* full slab becomes partial again */
	KT_EXPECT(kmalloc(16) == obj[0]);
	for (int i = 0; i < 256; i++)
		kfree(obj[i]);
	KT_EXPECT(stats().pages_kmalloc == 0);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
}

#define SLOTS 512
static struct { uint8_t *p; size_t size; uint8_t tag; } slot[SLOTS];

static bool check_and_free(unsigned s)
{
	bool ok = true;

	for (size_t i = 0; i < slot[s].size; i++)
		ok &= slot[s].p[i] == (uint8_t)(slot[s].tag + i);
	kfree(slot[s].p);
	slot[s].p = NULL;
	return ok;
}

KTEST(ten_thousand_random_ops_keep_contents)
{
	unsigned corrupt = 0, failed = 0, before;

	fresh();
	before = host_err_reports;
	lcg_state = 2024;
	for (int op = 0; op < 10000; op++) {
		unsigned s = lcg() % SLOTS;

		if (slot[s].p) {
			corrupt += !check_and_free(s);
			continue;
		}
		slot[s].size = 1 + lcg() % 8192;
		slot[s].tag = lcg();
		slot[s].p = kmalloc(slot[s].size);
		if (!slot[s].p) {
			failed++;
			continue;
		}
		for (size_t i = 0; i < slot[s].size; i++)
			slot[s].p[i] = (uint8_t)(slot[s].tag + i);
	}
	for (unsigned s = 0; s < SLOTS; s++)
		if (slot[s].p)
			corrupt += !check_and_free(s);
	KT_EXPECT(corrupt == 0);
	KT_EXPECT(failed == 0);
	KT_EXPECT(host_err_reports == before);
	KT_EXPECT(stats().pages_kmalloc == 0);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
}

KTEST(double_free_is_reported_and_harmless)
{
	void *p, *keep, *big, *alone, *a, *b;
	unsigned before;

	fresh();
	before = host_err_reports;
	p = kmalloc(32);
	keep = kmalloc(32);		/* keeps the slab alive */
	kfree(p);
	kfree(p);
	KT_EXPECT(host_err_reports == before + 1);
	a = kmalloc(32);
	b = kmalloc(32);
	KT_EXPECT(a == p && b != p && b != keep);	/* list not corrupted */
	big = kmalloc(5000);
	kfree(big);
	kfree(big);
	KT_EXPECT(host_err_reports == before + 2);
	alone = kmalloc(512);		/* its slab is released on free */
	kfree(alone);
	kfree(alone);
	KT_EXPECT(host_err_reports == before + 3);
	kfree(a);
	kfree(b);
	kfree(keep);
	KT_EXPECT(host_err_reports == before + 3);
	KT_EXPECT(stats().pages_kmalloc == 0);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
}

KTEST(foreign_pointers_are_reported_and_harmless)
{
	int on_stack;
	char *heap = malloc(64);
	char *obj, *big;
	struct page *pg;
	unsigned before;

	fresh();
	obj = kmalloc(64);
	big = kmalloc(8192);
	pg = page_alloc(0);
	before = host_err_reports;
	kfree(&on_stack);
	kfree(heap);
	kfree(obj + 16);		/* inside a slab, not an object start */
	kfree(obj + 8);			/* misaligned */
	kfree(big + 16);		/* inside a big block */
	kfree(big + PAGE_SIZE);		/* its tail page */
	kfree(page_address(pg));	/* a page, but not from kmalloc */
	kfree(mm_host_base);		/* reserved memory */
	KT_EXPECT(host_err_reports == before + 8);
	KT_EXPECT(stats().pages_kmalloc == 1 + 2);
	KT_EXPECT(stats().pages_free == FREE_PAGES - 4);
	kfree(obj);
	kfree(big);
	page_free(pg, 0);
	free(heap);
	KT_EXPECT(host_err_reports == before + 8);
	KT_EXPECT(stats().pages_kmalloc == 0);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
}

KTEST(live_object_holding_the_free_magic_frees_fine)
{
	uint32_t *p, *q;
	unsigned before;

	fresh();
	p = kmalloc(64);
	q = kmalloc(64);
	for (int i = 0; i < 16; i++)
		p[i] = 0x6b667265u;	/* FREE_MAGIC everywhere */
	before = host_err_reports;
	kfree(p);
	KT_EXPECT(host_err_reports == before);
	kfree(q);
	KT_EXPECT(stats().pages_kmalloc == 0);
}

KTEST(kzalloc_zeroes_reused_memory)
{
	uint8_t *p, *z;
	unsigned zero = 1;

	fresh();
	p = kmalloc(100);
	memset(p, 0xaa, 100);
	kfree(p);
	z = kzalloc(100);
	KT_EXPECT(z == p);
	for (int i = 0; i < 100; i++)
		zero &= z[i] == 0;
	KT_EXPECT(zero);
	kfree(z);
	KT_EXPECT(stats().pages_kmalloc == 0);
}

/* kzalloc's fast path (zero_cells up to 64 bytes, memset past it) clears
 * every byte asked for, at every size, in an object that held other
 * bytes; kfree's fast path (another object keeps the slab) reuses it. */
KTEST(kzalloc_zeroes_every_small_size)
{
	unsigned ok = 1;

	fresh();
	for (size_t size = 1; size <= 160 && ok; size++) {
		uint8_t *keep = kmalloc(size), *p = kmalloc(size), *z;

		memset(p, 0xaa, ksize(p));
		kfree(p);
		z = kzalloc(size);
		ok = z == p;
		for (size_t i = 0; i < size; i++)
			ok &= z[i] == 0;
		kfree(z);
		kfree(keep);
	}
	KT_EXPECT(ok);
	KT_EXPECT(stats().pages_kmalloc == 0);
}

KTEST(out_of_memory_returns_null_and_recovers)
{
	struct page *hog[8];
	void *p;

	fresh();
	/* Take every page: 3 x order 10, then the 664 pages left. */
	for (int i = 0; i < 3; i++)
		hog[i] = page_alloc(MAX_ORDER);
	hog[3] = page_alloc(9);
	hog[4] = page_alloc(7);
	hog[5] = page_alloc(4);
	hog[6] = page_alloc(3);
	KT_EXPECT(stats().pages_free == 0);
	KT_EXPECT(kmalloc(16) == NULL);
	KT_EXPECT(kmalloc(5000) == NULL);
	KT_EXPECT(stats().pages_kmalloc == 0);
	page_free(hog[6], 3);
	p = kmalloc(16);
	KT_EXPECT(p != NULL);
	kfree(p);
	for (int i = 0; i < 3; i++)
		page_free(hog[i], MAX_ORDER);
	page_free(hog[3], 9);
	page_free(hog[4], 7);
	page_free(hog[5], 4);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
}

int main(void)
{
	return ktest_main();
}
