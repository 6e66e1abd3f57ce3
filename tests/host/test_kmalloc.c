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

/* A new slab puts its objects on its free list a batch at a time (objects
 * 1 to 16 first; the next batch, from slab_fresh, when the list runs
 * empty), so they come out in address order, objects freed first; the
 * list is empty only when the slab is full, which takes it off the partial
 * list (the next allocation takes a new page) until a free. */
KTEST(fresh_slab_hands_out_in_address_order)
{
	static char *obj[64];
	char *base, *extra, *again;
	struct page *pg;
	unsigned in_order = 1;

	fresh();
	obj[0] = kmalloc(64);
	base = obj[0];
	pg = virt_to_page(base);
	KT_EXPECT(base && ((uintptr_t)base & (PAGE_SIZE - 1)) == 0);
	KT_EXPECT(pg->slab_inuse == 1 && pg->slab_fresh == 17 &&
		  pg->slab_free == base + 64);
	for (int i = 1; i < 64; i++) {
		obj[i] = i % 2 ? kzalloc(64) : kmalloc(64);
		in_order &= obj[i] == base + 64 * i;
		if (i == 16)	/* the first batch's last: 16 more linked */
			in_order &= pg->slab_fresh == 33 &&
				    pg->slab_free == (void *)(base + 64 * 17);
	}
	KT_EXPECT(in_order);
	KT_EXPECT(pg->slab_inuse == 64 && pg->slab_fresh == 64 &&
		  !pg->slab_free);
	KT_EXPECT(stats().pages_kmalloc == 1);
	extra = kmalloc(64);		/* full: off the partial list */
	KT_EXPECT(virt_to_page(extra) != pg);
	KT_EXPECT(stats().pages_kmalloc == 2);
	kfree(extra);
	kfree(obj[5]);			/* back on the partial list */
	kfree(obj[9]);
	again = kmalloc(64);		/* the last freed first */
	KT_EXPECT(again == obj[9]);
	again = kmalloc(64);
	KT_EXPECT(again == obj[5]);
	KT_EXPECT(stats().pages_kmalloc == 1);

	/* a freed object before the next never handed out, on a new slab */
	extra = kmalloc(64);
	pg = virt_to_page(extra);
	KT_EXPECT(pg->slab_fresh == 17);
	again = kmalloc(64);
	KT_EXPECT(again == extra + 64);
	kfree(extra);
	KT_EXPECT(kmalloc(64) == extra);	/* the freed one, not object 2 */
	KT_EXPECT(kmalloc(64) == extra + 128);	/* then the next in order */
	KT_EXPECT(pg->slab_inuse == 3 && pg->slab_fresh == 17);
	kfree(extra + 128);
	kfree(again);
	kfree(extra);
	for (int i = 0; i < 64; i++)
		kfree(obj[i]);
	KT_EXPECT(stats().pages_kmalloc == 0);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
}

/* An object of a slab never handed out is as free as one freed: kfree
 * reports it as a double free and changes nothing, whether it is on the
 * free list already or past slab_fresh, by the slow path and where the
 * fast path's other conditions hold (a free object waiting, another in
 * use). A slab whose objects were not all handed out still goes back when
 * its last one is freed. */
KTEST(free_of_object_never_handed_out_is_refused)
{
	char *a, *b, *c;
	struct page *pg;
	unsigned before;

	fresh();
	before = host_err_reports;
	a = kmalloc(128);
	pg = virt_to_page(a);
	kfree(a + 128);			/* object 1: on the free list */
	kfree(a + PAGE_SIZE - 128);	/* the last: past slab_fresh */
	KT_EXPECT(host_err_reports == before + 2);
	KT_EXPECT(pg->slab_inuse == 1 && pg->slab_fresh == 17 &&
		  pg->slab_free == a + 128);
	b = kmalloc(128);
	c = kmalloc(128);
	KT_EXPECT(b == a + 128 && c == a + 256);
	kfree(b);			/* list b, a + 384 .. a + 2048; a, c used */
	kfree(a + 384);			/* never handed out, on the list */
	/* its magic word (after the next pointer) not the free magic; volatile:
	 * gcc drops a plain store just before a kfree */
	*(volatile uint32_t *)(a + 3072 + sizeof(void *)) = 0;
	kfree(a + 3072);		/* but past slab_fresh */
	KT_EXPECT(host_err_reports == before + 4);
	kfree(c + 64);			/* not object starts, before slab_fresh */
	kfree(c + 4);
	kfree(a + 2);
	KT_EXPECT(host_err_reports == before + 7);
	KT_EXPECT(pg->slab_inuse == 2 && pg->slab_free == b &&
		  pg->slab_fresh == 17);
	kfree(b);			/* a double free as before */
	KT_EXPECT(host_err_reports == before + 8);
	KT_EXPECT(kmalloc(128) == b);
	KT_EXPECT(kmalloc(128) == a + 384);
	kfree(a + 384);
	kfree(b);
	kfree(c);
	kfree(a);			/* empty: the page goes back */
	KT_EXPECT(host_err_reports == before + 8);
	KT_EXPECT(stats().pages_kmalloc == 0);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
	kfree(a);			/* no longer a slab page */
	KT_EXPECT(host_err_reports == before + 9);
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
