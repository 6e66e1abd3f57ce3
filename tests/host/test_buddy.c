/*
 * Host tests of the buddy page allocator (mm/page_alloc.c, linked alone: it
 * needs nothing of mm/ above it, so the tests call buddy_alloc/buddy_free,
 * which page_alloc/page_free wrap) over a 16 MiB fake physical memory:
 * exact counts after init, every page out and back,
 * merging, random mixed orders, bad frees reported, odd memory maps.
 *
 * The standard map (host_stubs.h): usable [0, 0x9F000) and [1M, 16M),
 * reserved [0, 1M) and the "kernel" [1M, 0x140000). 16 MiB = 4096 pfns, so
 * the struct page array is 4096 * 40 bytes = 40 pages at 0x140000, and the
 * free pages are pfns 360..4095 = 3736 pages, as blocks of order
 * 3 (360), 4 (368), 7 (384), 9 (512), 10 (1024, 2048, 3072).
 */
// sources: mm/page_alloc.c tests/host/host_stubs.c
#include <stdlib.h>
#include <string.h>
#include "tests/host/ktest.h"
#include "tests/host/host_stubs.h"
#include <tessera/errno.h>

#define FREE_PAGES	3736u
#define FIRST_FREE_PFN	360u

static const uint32_t std_buddyinfo[MAX_ORDER + 1] = {
	0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 3
};

/* The buddy allocator's own counters: this test links mm/page_alloc.c
 * alone, without mm/stats.c, kmalloc or vmalloc. */
static struct mm_stats stats(void)
{
	struct mm_stats st = { 0 };

	buddy_counts(&st.pages_total, &st.pages_free, NULL);
	return st;
}

static bool buddyinfo_is(const uint32_t want[MAX_ORDER + 1])
{
	uint32_t got[MAX_ORDER + 1];

	buddy_counts(NULL, NULL, got);
	return memcmp(got, want, sizeof(got)) == 0;
}

static uint32_t lcg_state;
static uint32_t lcg(void)
{
	lcg_state = lcg_state * 1103515245u + 12345u;
	return lcg_state >> 8;
}

KTEST(init_counts_exact)
{
	KT_EXPECT(sizeof(struct page) == 40);
	KT_EXPECT(host_mm_init() == 0);
	KT_EXPECT(stats().pages_total == FREE_PAGES);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
	KT_EXPECT(buddyinfo_is(std_buddyinfo));
	/* The array sits in the first usable, unreserved spot. */
	KT_EXPECT((char *)pfn_to_page(0) - mm_host_base == 0x140000);
	KT_EXPECT(pfn_to_page(0)->flags == PG_RESERVED);	  /* < 1 MiB */
	KT_EXPECT(pfn_to_page(0x100)->flags == PG_RESERVED);	  /* kernel */
	KT_EXPECT(pfn_to_page(0x140)->flags == PG_RESERVED);	  /* array */
	KT_EXPECT(pfn_to_page(FIRST_FREE_PFN - 1)->flags == PG_RESERVED);
	KT_EXPECT(pfn_to_page(FIRST_FREE_PFN)->flags == PG_FREE);
	KT_EXPECT(pfn_to_page(FIRST_FREE_PFN)->order == 3);
	KT_EXPECT(pfn_to_page(4095) != NULL);
	KT_EXPECT(pfn_to_page(4096) == NULL);
}

KTEST(init_marks_every_page)
{
	/* Init puts whole blocks on the lists: every page below the first
	 * free one is reserved, each free block has a PG_FREE head and tail
	 * pages with no flags, refcount 0. */
	unsigned heads = 0, reserved = 0, tails = 0, other = 0;

	KT_EXPECT(host_mm_init() == 0);
	for (uint32_t pfn = 0; pfn < 4096; pfn++) {
		const struct page *p = pfn_to_page(pfn);

		if (p->flags == PG_RESERVED && pfn < FIRST_FREE_PFN)
			reserved++;
		else if (p->flags == PG_FREE && p->refcount == 0)
			heads++;
		else if (p->flags == 0 && p->refcount == 0)
			tails++;
		else
			other++;
	}
	KT_EXPECT(reserved == FIRST_FREE_PFN);
	KT_EXPECT(heads == 1 + 1 + 1 + 1 + 3);	/* std_buddyinfo's blocks */
	KT_EXPECT(tails == FREE_PAGES - heads);
	KT_EXPECT(other == 0);
}

KTEST(every_page_out_one_by_one_then_back)
{
	static struct page *got[4096];
	static bool seen[4096];
	unsigned n = 0, bad = 0;
	struct page *p;

	host_mm_init();
	memset(seen, 0, sizeof(seen));
	while ((p = buddy_alloc(0)) != NULL && n < 4096) {
		uint32_t pfn = page_to_pfn(p);

		if (pfn < FIRST_FREE_PFN || seen[pfn] || p->refcount != 1 ||
		    p->flags != PG_HEAD)
			bad++;
		seen[pfn] = true;
		got[n++] = p;
	}
	KT_EXPECT(n == FREE_PAGES);
	KT_EXPECT(bad == 0);
	KT_EXPECT(stats().pages_free == 0);
	KT_EXPECT(buddy_alloc(0) == NULL);
	/* Free in a shuffled order: merging must not depend on order. */
	lcg_state = 7;
	for (unsigned i = n - 1; i > 0; i--) {
		unsigned j = lcg() % (i + 1);
		struct page *t = got[i];

		got[i] = got[j];
		got[j] = t;
	}
	for (unsigned i = 0; i < n; i++)
		buddy_free(got[i], 0);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
	KT_EXPECT(buddyinfo_is(std_buddyinfo));
}

KTEST(buddies_merge_step_by_step)
{
	static const uint32_t split[MAX_ORDER + 1] = {1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 3};
	struct page *a, *b;

	host_mm_init();
	a = buddy_alloc(0);	/* splits the order-3 block at 360 */
	KT_EXPECT(page_to_pfn(a) == 360);
	KT_EXPECT(buddyinfo_is(split));
	b = buddy_alloc(0);	/* its buddy, 361 */
	KT_EXPECT(page_to_pfn(b) == 361);
	buddy_free(a, 0);	/* 361 still out: no merge */
	KT_EXPECT(buddyinfo_is(split));
	KT_EXPECT(pfn_to_page(360)->flags == PG_FREE);
	buddy_free(b, 0);	/* 360+361 -> 362.. -> 364.. -> order 3 */
	KT_EXPECT(buddyinfo_is(std_buddyinfo));
	KT_EXPECT(pfn_to_page(361)->flags == 0);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
}

KTEST(split_keeps_alignment_and_exhausts_largest)
{
	struct page *big[3];

	host_mm_init();
	for (int i = 0; i < 3; i++) {
		big[i] = buddy_alloc(MAX_ORDER);
		KT_EXPECT(big[i] && page_to_pfn(big[i]) % 1024 == 0);
	}
	KT_EXPECT(buddy_alloc(MAX_ORDER) == NULL);
	KT_EXPECT(buddy_alloc(MAX_ORDER + 1) == NULL);
	KT_EXPECT(stats().pages_free == FREE_PAGES - 3 * 1024);
	for (int i = 0; i < 3; i++)
		buddy_free(big[i], MAX_ORDER);
	KT_EXPECT(buddyinfo_is(std_buddyinfo));
}

KTEST(random_mixed_orders)
{
	struct { struct page *p; unsigned order; } live[64] = {{0}};
	static uint8_t owner[4096];
	unsigned overlaps = 0, misaligned = 0, corrupt = 0, allocs = 0;

	host_mm_init();
	memset(owner, 0, sizeof(owner));
	lcg_state = 12345;
	for (int op = 0; op < 5000; op++) {
		unsigned s = lcg() % 64;

		if (live[s].p) {
			uint32_t pfn = page_to_pfn(live[s].p);
			uint8_t *mem = page_address(live[s].p);

			for (uint32_t i = 0; i < (1u << live[s].order); i++) {
				if (owner[pfn + i] != s + 1 ||
				    mem[i * PAGE_SIZE] != s + 1)
					corrupt++;
				owner[pfn + i] = 0;
			}
			buddy_free(live[s].p, live[s].order);
			live[s].p = NULL;
			continue;
		}
		live[s].order = lcg() % 6;
		live[s].p = buddy_alloc(live[s].order);
		if (!live[s].p)
			continue;
		allocs++;
		uint32_t pfn = page_to_pfn(live[s].p);
		uint8_t *mem = page_address(live[s].p);

		misaligned += pfn % (1u << live[s].order) != 0;
		for (uint32_t i = 0; i < (1u << live[s].order); i++) {
			overlaps += owner[pfn + i] != 0;
			owner[pfn + i] = s + 1;
			mem[i * PAGE_SIZE] = s + 1;
		}
	}
	KT_EXPECT(allocs > 1000);
	KT_EXPECT(overlaps == 0 && misaligned == 0 && corrupt == 0);
	for (unsigned s = 0; s < 64; s++)
		if (live[s].p)
			buddy_free(live[s].p, live[s].order);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
	KT_EXPECT(buddyinfo_is(std_buddyinfo));
}

KTEST(bad_page_free_is_reported_and_ignored)
{
	struct page fake = { .flags = PG_HEAD, .refcount = 1 };
	struct page *p, *q;
	unsigned before;

	host_mm_init();
	p = buddy_alloc(1);
	q = buddy_alloc(0);
	before = host_err_reports;
	buddy_free(p, 0);		/* wrong order */
	KT_EXPECT(host_err_reports == before + 1);
	buddy_free(p + 1, 0);		/* tail page of a block */
	KT_EXPECT(host_err_reports == before + 2);
	buddy_free(&fake, 0);		/* not in the page array */
	KT_EXPECT(host_err_reports == before + 3);
	buddy_free(pfn_to_page(0), 0);	/* reserved */
	KT_EXPECT(host_err_reports == before + 4);
	buddy_free(NULL, 0);
	KT_EXPECT(host_err_reports == before + 5);
	buddy_free(q, 0);
	buddy_free(q, 0);		/* double free */
	KT_EXPECT(host_err_reports == before + 6);
	KT_EXPECT(stats().pages_free == FREE_PAGES - 2);
	buddy_free(p, 1);
	KT_EXPECT(host_err_reports == before + 6);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
	KT_EXPECT(buddyinfo_is(std_buddyinfo));
}

KTEST(init_with_holes_overlaps_and_high_memory)
{
	/* [3M, 4M) is a hole; [1.5M, 2M) is listed twice; > 4 GiB ignored. */
	static const struct mem_range usable[] = {
		{ 0x100000, 0x200000 }, { 0x180000, 0x300000 },
		{ 0x400000, HOST_MEM_SIZE }, { 0x100000000ull, 0x200000000ull },
	};
	/* The 128 KiB gap between these is too small for the 40-page array. */
	static const struct mem_range reserved[] = {
		{ 0, 0x100000 }, { 0x100000, 0x110000 }, { 0x130000, 0x140000 },
	};

	host_mem_arena();
	KT_EXPECT(page_alloc_init(usable, 4, reserved, 3) == 0);
	KT_EXPECT((char *)pfn_to_page(0) - mm_host_base == 0x140000);
	/* 512 + 3072 usable pages - 32 reserved - 40 for the array */
	KT_EXPECT(stats().pages_total == 3512);
	KT_EXPECT(stats().pages_free == 3512);
	KT_EXPECT(pfn_to_page(0x110)->flags == PG_FREE);	/* in the gap */
	KT_EXPECT(pfn_to_page(0x300)->flags == PG_RESERVED);	/* hole */
	KT_EXPECT(pfn_to_page(0x3ff)->flags == PG_RESERVED);
	KT_EXPECT(pfn_to_page(0x400)->flags == PG_FREE);
	KT_EXPECT(host_mm_init() == 0);
}

KTEST(init_too_little_memory_is_enomem)
{
	static const struct mem_range tiny[] = { { 0x100000, 0x180000 } };
	static const struct mem_range low[] = { { 0, 0x100000 } };
	static const struct mem_range all[] = { { 0, HOST_MEM_SIZE } };

	host_mem_arena();
	/* 128 pages: room for the array, too few pages left to run. */
	KT_EXPECT(page_alloc_init(tiny, 1, low, 1) == -ENOMEM);
	/* Everything reserved: no spot for the array at all. */
	KT_EXPECT(page_alloc_init(all, 1, all, 1) == -ENOMEM);
	KT_EXPECT(page_alloc_init(NULL, 0, NULL, 0) == -ENOMEM);
	KT_EXPECT(host_mm_init() == 0);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
}

KTEST(zeroed_page_and_address_round_trip)
{
	uint8_t *a;
	unsigned zero = 1;

	host_mm_init();
	memset(mm_host_base + 0x200000, 0x5a, 0x100000);
	a = page_zalloc();
	KT_EXPECT(a != NULL);
	for (unsigned i = 0; i < PAGE_SIZE; i++)
		zero &= a[i] == 0;
	KT_EXPECT(zero);
	KT_EXPECT(page_address(virt_to_page(a)) == a);
	KT_EXPECT(virt_to_page(a + 100) == virt_to_page(a));
	KT_EXPECT(virt_to_page((char *)mm_host_base + HOST_MEM_SIZE) == NULL);
	page_zfree(a);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
}

/* The ramdisk's file pages: a reserved page taken as an allocated one,
 * then page_release_boot over its range gives back only the others. */
KTEST(take_boot_page_then_release_the_rest)
{
	struct page *p;
	char *kernel = (char *)mm_host_base + 0x100000;

	host_mm_init();
	KT_EXPECT(page_take_boot(kernel + PAGE_SIZE + 8) == NULL); /* unaligned */
	KT_EXPECT(page_take_boot(page_address(pfn_to_page(FIRST_FREE_PFN))) == NULL);
	p = page_take_boot(kernel + PAGE_SIZE);
	KT_EXPECT(p == pfn_to_page(0x101));
	KT_EXPECT(p->flags == PG_HEAD && p->order == 0 && p->refcount == 1);
	KT_EXPECT(page_take_boot(kernel + PAGE_SIZE) == NULL);	/* taken */
	KT_EXPECT(stats().pages_total == FREE_PAGES + 1);
	KT_EXPECT(stats().pages_free == FREE_PAGES);
	KT_EXPECT(page_release_boot(0x100000, 0x140000) == 63);
	KT_EXPECT(p->flags == PG_HEAD);
	KT_EXPECT(stats().pages_total == FREE_PAGES + 64);
	KT_EXPECT(stats().pages_free == FREE_PAGES + 63);
	buddy_free(p, 0);
	KT_EXPECT(stats().pages_free == FREE_PAGES + 64);
}

int main(void)
{
	return ktest_main();
}
