/*
 * Host tests of page-backed file storage (fs/pagefile.c): growing,
 * shrinking, holes, writes past the end, truncation to mid-page, the exact
 * page count after each step, and running out of memory mid-write.
 */
// sources: fs/vfs.c fs/path.c fs/namei.c fs/file.c fs/fop_guard.c fs/ramfs.c fs/pagefile.c tests/host/fs_stubs.c lib/strlcpy.c
#include <string.h>
#include "tests/host/fs_stubs.h"
#include "tests/host/ktest.h"
#include "fs/vfs.h"
#include "mm/mm.h"
#include <tessera/errno.h>

static unsigned char buf[4 * PAGE_SIZE];

static bool all_bytes(const void *p, int c, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i] != c)
			return false;
	return true;
}

static void pf_reset(struct pagefile *pf)
{
	pagefile_truncate(pf, 0);
}

KTEST(write_then_read_back)
{
	struct pagefile pf = { 0 };

	KT_EXPECT(pagefile_write(&pf, "hello", 5, 0) == 5);
	KT_EXPECT(pf.size == 5);
	KT_EXPECT(pf.held == 1);
	KT_EXPECT(stub_pages_used == 1);
	memset(buf, 0, sizeof(buf));
	KT_EXPECT(pagefile_read(&pf, buf, 100, 0) == 5);
	KT_EXPECT(memcmp(buf, "hello", 5) == 0);
	KT_EXPECT(pagefile_read(&pf, buf, 100, 3) == 2);
	KT_EXPECT(memcmp(buf, "lo", 2) == 0);
	KT_EXPECT(pagefile_read(&pf, buf, 100, 5) == 0);
	KT_EXPECT(pagefile_read(&pf, buf, 100, 9999) == 0);
	pf_reset(&pf);
	KT_EXPECT(stub_pages_used == 0);
	KT_EXPECT(pf.pages == NULL && pf.cap == 0 && pf.held == 0);
	KT_EXPECT(stub_kmallocs_live == 0);
}

KTEST(grow_across_pages_exact_count)
{
	struct pagefile pf = { 0 };

	memset(buf, 'x', sizeof(buf));
	KT_EXPECT(pagefile_write(&pf, buf, PAGE_SIZE + 1, 0) == PAGE_SIZE + 1);
	KT_EXPECT(pf.held == 2 && stub_pages_used == 2);
	KT_EXPECT(pagefile_write(&pf, buf, 2 * PAGE_SIZE, PAGE_SIZE + 1) == 2 * PAGE_SIZE);
	KT_EXPECT(pf.size == 3 * PAGE_SIZE + 1);
	KT_EXPECT(pf.held == 4 && stub_pages_used == 4);
	pf_reset(&pf);
	KT_EXPECT(stub_pages_used == 0);
}

KTEST(write_beyond_eof_leaves_hole_of_zeros)
{
	struct pagefile pf = { 0 };

	KT_EXPECT(pagefile_write(&pf, "end", 3, 3 * PAGE_SIZE + 10) == 3);
	KT_EXPECT(pf.size == 3 * PAGE_SIZE + 13);
	KT_EXPECT(pf.held == 1);	/* only the last page */
	KT_EXPECT(pagefile_page(&pf, 0) == NULL);
	KT_EXPECT(pagefile_page(&pf, 2) == NULL);
	KT_EXPECT(pagefile_page(&pf, 3) != NULL);
	memset(buf, 0x77, sizeof(buf));
	KT_EXPECT(pagefile_read(&pf, buf, sizeof(buf), 0) == 3 * PAGE_SIZE + 13);
	KT_EXPECT(all_bytes(buf, 0, 3 * PAGE_SIZE + 10));
	KT_EXPECT(memcmp(buf + 3 * PAGE_SIZE + 10, "end", 3) == 0);
	pf_reset(&pf);
}

KTEST(truncate_grow_adds_holes_no_pages)
{
	struct pagefile pf = { 0 };

	KT_EXPECT(pagefile_truncate(&pf, 2 * PAGE_SIZE) == 0);
	KT_EXPECT(pf.size == 2 * PAGE_SIZE);
	KT_EXPECT(pf.held == 0 && stub_pages_used == 0);
	memset(buf, 0x77, sizeof(buf));
	KT_EXPECT(pagefile_read(&pf, buf, sizeof(buf), 0) == 2 * PAGE_SIZE);
	KT_EXPECT(all_bytes(buf, 0, 2 * PAGE_SIZE));
	KT_EXPECT(pagefile_page(&pf, 0) == NULL);
	pf_reset(&pf);
	KT_EXPECT(stub_kmallocs_live == 0);
}

KTEST(truncate_mid_page_zeroes_tail)
{
	struct pagefile pf = { 0 };

	memset(buf, 'y', sizeof(buf));
	KT_EXPECT(pagefile_write(&pf, buf, 3 * PAGE_SIZE, 0) == 3 * PAGE_SIZE);
	KT_EXPECT(pf.held == 3);
	KT_EXPECT(pagefile_truncate(&pf, PAGE_SIZE + 100) == 0);
	KT_EXPECT(pf.size == PAGE_SIZE + 100);
	KT_EXPECT(pf.held == 2 && stub_pages_used == 2);
	KT_EXPECT(pagefile_page(&pf, 2) == NULL);
	/* the tail of page 1 is zero in the page itself ... */
	KT_EXPECT(all_bytes((char *)page_address(pagefile_page(&pf, 1)) + 100, 0,
			    PAGE_SIZE - 100));
	KT_EXPECT(all_bytes(page_address(pagefile_page(&pf, 1)), 'y', 100));
	/* ... so growing again shows zeros, not the old bytes */
	KT_EXPECT(pagefile_truncate(&pf, 3 * PAGE_SIZE) == 0);
	KT_EXPECT(pf.held == 2);
	KT_EXPECT(pagefile_read(&pf, buf, sizeof(buf), 0) == 3 * PAGE_SIZE);
	KT_EXPECT(all_bytes(buf, 'y', PAGE_SIZE + 100));
	KT_EXPECT(all_bytes(buf + PAGE_SIZE + 100, 0, 2 * PAGE_SIZE - 100));
	pf_reset(&pf);
	KT_EXPECT(stub_pages_used == 0);
}

KTEST(shrink_to_page_boundary_and_zero)
{
	struct pagefile pf = { 0 };

	memset(buf, 'z', sizeof(buf));
	KT_EXPECT(pagefile_write(&pf, buf, 4 * PAGE_SIZE, 0) == 4 * PAGE_SIZE);
	KT_EXPECT(pf.held == 4);
	KT_EXPECT(pagefile_truncate(&pf, 2 * PAGE_SIZE) == 0);
	KT_EXPECT(pf.held == 2 && stub_pages_used == 2);
	KT_EXPECT(pagefile_truncate(&pf, 1) == 0);
	KT_EXPECT(pf.held == 1 && stub_pages_used == 1);
	KT_EXPECT(pagefile_truncate(&pf, 0) == 0);
	KT_EXPECT(pf.held == 0 && stub_pages_used == 0);
	KT_EXPECT(pf.size == 0 && pf.pages == NULL);
	KT_EXPECT(stub_kmallocs_live == 0);
}

KTEST(overwrite_in_place_keeps_count)
{
	struct pagefile pf = { 0 };

	memset(buf, 'a', PAGE_SIZE);
	KT_EXPECT(pagefile_write(&pf, buf, PAGE_SIZE, 0) == PAGE_SIZE);
	KT_EXPECT(pagefile_write(&pf, "BB", 2, 10) == 2);
	KT_EXPECT(pf.size == PAGE_SIZE && pf.held == 1);
	KT_EXPECT(pagefile_read(&pf, buf, 4, 9) == 4);
	KT_EXPECT(memcmp(buf, "aBBa", 4) == 0);
	pf_reset(&pf);
}

KTEST(out_of_memory_mid_write_returns_written)
{
	struct pagefile pf = { 0 };

	memset(buf, 'm', sizeof(buf));
	stub_page_fail_after = 2;
	KT_EXPECT(pagefile_write(&pf, buf, 4 * PAGE_SIZE, 100) == 2 * PAGE_SIZE - 100);
	stub_page_fail_after = -1;
	KT_EXPECT(pf.size == 2 * PAGE_SIZE);
	KT_EXPECT(pf.held == 2 && stub_pages_used == 2);
	pf_reset(&pf);
	KT_EXPECT(stub_pages_used == 0 && stub_kmallocs_live == 0);
}

KTEST(out_of_memory_first_page_enomem)
{
	struct pagefile pf = { 0 };

	stub_page_fail_after = 0;
	KT_EXPECT(pagefile_write(&pf, "x", 1, 5 * PAGE_SIZE) == -ENOMEM);
	stub_page_fail_after = -1;
	KT_EXPECT(pf.size == 0 && pf.held == 0 && stub_pages_used == 0);
	pf_reset(&pf);		/* frees the slot array the write made */
	KT_EXPECT(pf.pages == NULL && stub_kmallocs_live == 0);
	stub_kmalloc_fail_after = 0;	/* page 1: two slots, an array */
	KT_EXPECT(pagefile_write(&pf, "x", 1, PAGE_SIZE) == -ENOMEM);
	stub_kmalloc_fail_after = -1;
	KT_EXPECT(pf.size == 0 && stub_pages_used == 0);
	pf_reset(&pf);
	KT_EXPECT(stub_kmallocs_live == 0);
}

KTEST(too_big_efbig)
{
	struct pagefile pf = { 0 };

	KT_EXPECT(pagefile_write(&pf, "x", 1, PAGEFILE_MAX_SIZE) == -EFBIG);
	KT_EXPECT(pagefile_truncate(&pf, PAGEFILE_MAX_SIZE + 1u) == -EFBIG);
	KT_EXPECT(pf.size == 0);
}

KTEST(populate_fills_holes_only)
{
	struct pagefile_fill fill;
	struct pagefile pf = { 0 };
	struct page *kept;

	KT_EXPECT(pagefile_write(&pf, "k", 1, PAGE_SIZE) == 1);
	kept = pagefile_page(&pf, 1);
	KT_EXPECT(pagefile_truncate(&pf, 3 * PAGE_SIZE) == 0);
	KT_EXPECT(pf.held == 1);
	KT_EXPECT(pagefile_populate(&pf, &fill) == 0);
	pagefile_fill_keep(&fill);
	KT_EXPECT(pf.held == 3 && stub_pages_used == 3);
	KT_EXPECT(pagefile_page(&pf, 1) == kept);
	KT_EXPECT(all_bytes(page_address(pagefile_page(&pf, 0)), 0, PAGE_SIZE));
	KT_EXPECT(all_bytes(page_address(pagefile_page(&pf, 2)), 0, PAGE_SIZE));
	KT_EXPECT(pagefile_page(&pf, 3) == NULL);
	pf_reset(&pf);
	KT_EXPECT(stub_pages_used == 0);
}

/* A populated page is zeroed up to the end of the file only (a module
 * image of 456 bytes: 456 bytes, not 4,096); every way of growing the
 * file over the rest zeroes it first, so no stale byte is ever read. */
KTEST(populate_zeroes_to_the_end_and_growing_shows_zeros)
{
	struct pagefile_fill fill;
	struct pagefile pf = { 0 };
	char *p;

	KT_EXPECT(pagefile_truncate(&pf, 456) == 0);
	KT_EXPECT(pagefile_populate(&pf, &fill) == 0);
	pagefile_fill_keep(&fill);
	p = page_address(pagefile_page(&pf, 0));
	KT_EXPECT(all_bytes(p, 0, 456));
	KT_EXPECT(all_bytes(p + 456, 0xa5, PAGE_SIZE - 456));	/* never zeroed */
	/* truncate up */
	KT_EXPECT(pagefile_truncate(&pf, 1000) == 0);
	KT_EXPECT(pagefile_read(&pf, buf, sizeof(buf), 0) == 1000);
	KT_EXPECT(all_bytes(buf, 0, 1000));
	KT_EXPECT(all_bytes(p + 1000, 0xa5, PAGE_SIZE - 1000));
	/* a write past the end: the gap reads as zeros */
	KT_EXPECT(pagefile_write(&pf, "z", 1, 2000) == 1);
	KT_EXPECT(pagefile_read(&pf, buf, sizeof(buf), 0) == 2001);
	KT_EXPECT(all_bytes(buf, 0, 2000) && buf[2000] == 'z');
	/* a page attached past the last one */
	KT_EXPECT(pagefile_attach(&pf, 1, page_alloc(0)) == 0);
	KT_EXPECT(pagefile_read(&pf, buf, PAGE_SIZE, 0) == PAGE_SIZE);
	KT_EXPECT(all_bytes(buf, 0, 2000) && buf[2000] == 'z' &&
		  all_bytes(buf + 2001, 0, PAGE_SIZE - 2001));
	pf_reset(&pf);
	KT_EXPECT(stub_pages_used == 0);
}

/* A shrink wipes only what it cuts: the bytes past the old end stay as
 * they were (here 0xa5 from the allocator), and growing zeroes them. */
KTEST(shrink_wipes_only_the_cut_bytes)
{
	struct pagefile pf = { 0 };
	char *p;

	memset(buf, 'y', sizeof(buf));
	KT_EXPECT(pagefile_write(&pf, buf, 456, 0) == 456);
	p = page_address(pagefile_page(&pf, 0));
	KT_EXPECT(all_bytes(p + 456, 0xa5, PAGE_SIZE - 456));	/* past the end */
	KT_EXPECT(pagefile_truncate(&pf, 432) == 0);
	KT_EXPECT(all_bytes(p, 'y', 432) && all_bytes(p + 432, 0, 24));
	KT_EXPECT(all_bytes(p + 456, 0xa5, PAGE_SIZE - 456));
	KT_EXPECT(pagefile_truncate(&pf, PAGE_SIZE) == 0);
	KT_EXPECT(pagefile_read(&pf, buf, sizeof(buf), 0) == PAGE_SIZE);
	KT_EXPECT(all_bytes(buf, 'y', 432) && all_bytes(buf + 432, 0, PAGE_SIZE - 432));
	pf_reset(&pf);
	KT_EXPECT(stub_pages_used == 0);
}

/* A fresh page in a hole inside the file is zeroed around the write, up
 * to the end of the file. */
KTEST(write_into_a_hole_zeroes_around_it)
{
	struct pagefile pf = { 0 };

	KT_EXPECT(pagefile_truncate(&pf, 3000) == 0);
	KT_EXPECT(pagefile_write(&pf, "m", 1, 1000) == 1);
	KT_EXPECT(pagefile_read(&pf, buf, sizeof(buf), 0) == 3000);
	KT_EXPECT(all_bytes(buf, 0, 1000) && buf[1000] == 'm' &&
		  all_bytes(buf + 1001, 0, 1999));
	KT_EXPECT(pagefile_truncate(&pf, PAGE_SIZE) == 0);
	KT_EXPECT(pagefile_read(&pf, buf, sizeof(buf), 0) == PAGE_SIZE);
	KT_EXPECT(all_bytes(buf + 1001, 0, PAGE_SIZE - 1001));
	pf_reset(&pf);
	KT_EXPECT(stub_pages_used == 0);
}

KTEST(populate_out_of_memory_allocates_nothing)
{
	struct pagefile_fill fill;
	struct pagefile pf = { 0 };

	KT_EXPECT(pagefile_truncate(&pf, 4 * PAGE_SIZE) == 0);
	stub_page_fail_after = 3;
	KT_EXPECT(pagefile_populate(&pf, &fill) == -ENOMEM);
	stub_page_fail_after = -1;
	KT_EXPECT(pf.held == 0 && stub_pages_used == 0);
	KT_EXPECT(pf.cap == 0 && pf.pages == NULL && stub_kmallocs_live == 0);
	pf_reset(&pf);
	KT_EXPECT(stub_kmallocs_live == 0);
}

/* Regression: a map that failed after filling the holes of a sparse image
 * left those pages (and the slot array) in the file until rmdir. */
KTEST(unpopulate_gives_back_filled_holes_and_slots)
{
	struct pagefile_fill fill;
	struct pagefile pf = { 0 };
	struct page *kept;

	KT_EXPECT(pagefile_write(&pf, "k", 1, PAGE_SIZE) == 1);
	kept = pagefile_page(&pf, 1);
	KT_EXPECT(pagefile_truncate(&pf, 40 * PAGE_SIZE) == 0);
	uint32_t cap = pf.cap;
	int kmallocs = stub_kmallocs_live;
	KT_EXPECT(pagefile_populate(&pf, &fill) == 0);
	KT_EXPECT(pf.held == 40 && stub_pages_used == 40 && fill.n == 39);
	pagefile_unpopulate(&pf, &fill);
	KT_EXPECT(pf.held == 1 && stub_pages_used == 1);
	KT_EXPECT(pagefile_page(&pf, 1) == kept && pagefile_page(&pf, 0) == NULL);
	KT_EXPECT(pf.cap == cap && stub_kmallocs_live == kmallocs);
	KT_EXPECT(pf.size == 40 * PAGE_SIZE);
	pf_reset(&pf);
	KT_EXPECT(stub_kmallocs_live == 0);
}

/* A file of one page keeps its slot in the pagefile (pf->one): no slot
 * array is allocated for it; a second page moves the slot into an array
 * with the same page in it, and an undone populate or a truncate to 0
 * goes back without leaking either. */
KTEST(one_page_file_uses_the_inline_slot)
{
	struct pagefile_fill fill;
	struct pagefile pf = { 0 };
	struct page *first;
	char buf[8];

	stub_kmalloc_fail_after = 0;	/* no kmalloc may be needed */
	KT_EXPECT(pagefile_write(&pf, "abc", 3, 10) == 3);
	stub_kmalloc_fail_after = -1;
	KT_EXPECT(pf.pages == &pf.one && pf.cap == 1 && pf.held == 1);
	KT_EXPECT(stub_kmallocs_live == 0 && stub_pages_used == 1);
	first = pagefile_page(&pf, 0);
	KT_EXPECT(pagefile_write(&pf, "d", 1, PAGE_SIZE) == 1);	/* two pages */
	KT_EXPECT(pf.pages != &pf.one && pf.cap >= 2 && stub_kmallocs_live == 1);
	KT_EXPECT(pagefile_page(&pf, 0) == first);
	KT_EXPECT(pagefile_read(&pf, buf, 3, 10) == 3 && memcmp(buf, "abc", 3) == 0);
	KT_EXPECT(pagefile_truncate(&pf, 0) == 0);
	KT_EXPECT(pf.pages == NULL && pf.cap == 0 && stub_kmallocs_live == 0);
	KT_EXPECT(stub_pages_used == 0);

	/* map's way: a one-page image populated, then undone and redone */
	KT_EXPECT(pagefile_truncate(&pf, 456) == 0);
	KT_EXPECT(pagefile_populate(&pf, &fill) == 0);
	KT_EXPECT(pf.pages == &pf.one && pf.held == 1 && stub_kmallocs_live == 0);
	pagefile_unpopulate(&pf, &fill);
	KT_EXPECT(pf.pages == NULL && pf.cap == 0 && pf.held == 0);
	KT_EXPECT(pagefile_populate(&pf, &fill) == 0);
	pagefile_fill_keep(&fill);
	KT_EXPECT(pagefile_read(&pf, buf, 8, 448) == 8 && all_bytes(buf, 0, 8));
	/* a populate that grows the inline slot to an array and is undone
	 * goes back to the inline slot with its page */
	first = pagefile_page(&pf, 0);
	KT_EXPECT(pagefile_truncate(&pf, 3 * PAGE_SIZE) == 0);
	KT_EXPECT(pagefile_populate(&pf, &fill) == 0);
	KT_EXPECT(pf.held == 3 && stub_kmallocs_live == 1);
	pagefile_unpopulate(&pf, &fill);
	KT_EXPECT(pf.pages == &pf.one && pf.cap == 1 && pf.one == first);
	KT_EXPECT(pf.held == 1 && stub_pages_used == 1 && stub_kmallocs_live == 0);
	pf_reset(&pf);
	KT_EXPECT(stub_pages_used == 0 && stub_kmallocs_live == 0);
}

/* fs/initrd.c's way: a page full of data put at an index as it is. */
KTEST(attach_page_as_is)
{
	struct pagefile pf = { 0 };
	struct page *p = page_alloc(0);

	KT_EXPECT(p != NULL);
	memset(page_address(p), 'x', PAGE_SIZE);
	KT_EXPECT(pagefile_attach(&pf, 1, p) == 0);
	KT_EXPECT(pf.size == 2 * PAGE_SIZE);
	KT_EXPECT(pf.held == 1);
	KT_EXPECT(pagefile_page(&pf, 1) == p);
	KT_EXPECT(pagefile_attach(&pf, 1, p) == -EEXIST);
	KT_EXPECT(pagefile_read(&pf, buf, 2 * PAGE_SIZE, 0) == 2 * PAGE_SIZE);
	KT_EXPECT(all_bytes(buf, 0, PAGE_SIZE));	/* index 0: a hole */
	KT_EXPECT(all_bytes(buf + PAGE_SIZE, 'x', PAGE_SIZE));
	KT_EXPECT(pagefile_write(&pf, "ab", 2, 2 * PAGE_SIZE) == 2);
	KT_EXPECT(pf.size == 2 * PAGE_SIZE + 2 && pf.held == 2);
	pf_reset(&pf);
	KT_EXPECT(stub_pages_used == 0);
}

/* pagefile_read's one-page fast path (pagefile_read_in_page) and its
 * page loop (read_pages) give the bytes a plain model of the file holds:
 * every count from each position near a page boundary and across the
 * file, in a file of a held page, a hole, two held pages (the last one
 * partial) and a hole past cap after a shrink: reads inside one held page
 * (the fast path), across pages, inside and across the hole, cut at the
 * end and past it. */
KTEST(read_every_way_matches_model)
{
	static unsigned char model[4 * PAGE_SIZE], out[4 * PAGE_SIZE + 16];
	static const uint32_t counts[] = {
		0, 1, 2, 3, 15, 16, 100, PAGE_SIZE - 1, PAGE_SIZE, PAGE_SIZE + 1,
		2 * PAGE_SIZE + 3, 4 * PAGE_SIZE + 16,
	};
	struct pagefile pf = { 0 };
	uint32_t size = 3 * PAGE_SIZE + 200, pos, i, k, checked = 0;

	for (i = 0; i < size; i++)
		model[i] = (unsigned char)(i * 7 + i / PAGE_SIZE + 1);
	KT_EXPECT(pagefile_write(&pf, model, size, 0) == (ssize_t)size);
	memset(model + PAGE_SIZE, 0, PAGE_SIZE);	/* page 1 a hole */
	KT_EXPECT(pagefile_truncate(&pf, PAGE_SIZE) == 0);
	KT_EXPECT(pagefile_write(&pf, model + 2 * PAGE_SIZE, size - 2 * PAGE_SIZE,
				 2 * PAGE_SIZE) == (ssize_t)(size - 2 * PAGE_SIZE));
	KT_EXPECT(pf.size == size && pf.held == 3 && pagefile_page(&pf, 1) == NULL);
	for (pos = 0; pos < size + 10; pos += pos % PAGE_SIZE < 8 ||
	     pos % PAGE_SIZE > PAGE_SIZE - 8 ? 1 : 61) {
		for (k = 0; k < sizeof(counts) / sizeof(counts[0]); k++) {
			uint32_t want = pos >= size ? 0 :
					counts[k] < size - pos ? counts[k] : size - pos;

			memset(out, 0xa5, sizeof(out));
			KT_EXPECT(pagefile_read(&pf, out, counts[k], pos) == (ssize_t)want);
			KT_EXPECT(!memcmp(out, model + (pos < size ? pos : 0), want));
			KT_EXPECT(all_bytes(out + want, 0xa5, 16));
			checked++;
		}
	}
	KT_EXPECT(checked > 2000);	/* about 2,800 */
	/* a hole past cap: the slot array kept, the size grown past it */
	KT_EXPECT(pagefile_truncate(&pf, 40 * PAGE_SIZE) == 0);
	KT_EXPECT(pf.cap < 40);
	memset(out, 0xa5, sizeof(out));
	KT_EXPECT(pagefile_read(&pf, out, 100, 39 * PAGE_SIZE + 5) == 100);
	KT_EXPECT(all_bytes(out, 0, 100));
	pf_reset(&pf);
	KT_EXPECT(stub_pages_used == 0);
	KT_EXPECT(stub_kmallocs_live == 0);
}

int main(void)
{
	return ktest_main();
}
