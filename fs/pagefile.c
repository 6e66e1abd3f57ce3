/*
 * Page-backed file data (see fs/vfs.h): a growable array of order-0 pages
 * indexed by page number. Holes are NULL and read as zeros. Only the last
 * page can reach past the end of the file, and its bytes there are not
 * kept zero (a page populate fills is zeroed only up to the end: for a
 * small module image that is 456 bytes, not 4,096): whatever makes the file
 * longer zeroes them first (zero_past_end), so growing never shows stale
 * data, and a read never goes past the end. A shrink wipes the bytes it
 * cuts from the last page, so cut data (a module's dropped init) does not
 * linger in a page that stays mapped.
 */
#include "fs/vfs.h"
#include "mm/mm.h"
#include "lib/string.h"
#include "fs/pagefile_read.h"
#include <tessera/errno.h>

#define PAGE_OFFSET_OF(pos)	((pos) & (PAGE_SIZE - 1))

static uint32_t min_u32(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
}

/* Is pf's slot array its inline one (pf->one)? That one is never freed. */
static inline bool slots_inline(const struct pagefile *pf)
{
	return pf->pages == &pf->one;
}

/* Frees pf's slot array unless it is the inline one. */
static void free_slots(struct pagefile *pf)
{
	if (!slots_inline(pf))
		kfree(pf->pages);
}

/* grow_slots' allocation and copy, out of line: most calls find room. A
 * file with no slots that needs one (a small module's image at map) takes
 * its inline slot, pf->one (grow_slots): the same one slot a kzalloc'd
 * array would give, a hole, with nothing allocated. Past one slot the
 * array is kzalloc'd as before (at least 4 slots, doubling). */
static __attribute__((__noinline__)) int grow_slots_alloc(struct pagefile *pf, uint32_t need)
{
	uint32_t cap = pf->cap > 1 ? pf->cap : 4;
	struct page **pages;

	while (cap < need)
		cap *= 2;
	pages = kzalloc(cap * sizeof(*pages));
	if (!pages)
		return -ENOMEM;
	if (pf->pages)
		memcpy(pages, pf->pages, pf->cap * sizeof(*pages));
	free_slots(pf);
	pf->pages = pages;
	pf->cap = cap;
	return 0;
}

/* Makes room for at least need slots, doubling. Returns 0 or -ENOMEM.
 * A file with no slots that needs one takes its inline slot here. */
static inline int grow_slots(struct pagefile *pf, uint32_t need)
{
	if (need <= pf->cap)
		return 0;
	if (need == 1) {	/* cap is 0: no array yet */
		pf->one = NULL;
		pf->pages = &pf->one;
		pf->cap = 1;
		return 0;
	}
	return grow_slots_alloc(pf, need);
}

/* The file is about to grow from pf->size to new_size (larger): zeroes
 * the bytes of the last page between the old end and the new one (its
 * bytes past the end are not kept zero). Pages past the last are never
 * held. */
static inline void zero_past_end(struct pagefile *pf, uint32_t new_size)
{
	uint32_t off = PAGE_OFFSET_OF(pf->size);
	struct page *last;

	if (!off)
		return;
	last = pagefile_page(pf, pf->size >> PAGE_SHIFT);
	if (last)
		memset((char *)page_address(last) + off, 0,
		       min_u32(PAGE_SIZE - off, new_size - pf->size));
}

/* pagefile_read's bytes, count of them (cut to the size) from page index
 * at offset off on: page by page; after the first, each piece starts at
 * its page's first byte. Every page read lies below the size, so a slot
 * past cap or NULL is a hole (pagefile_page's answer for an index below
 * the size). */
static __attribute__((__noinline__)) ssize_t
read_pages(const struct pagefile *pf, char *dst, size_t count, uint32_t index,
	   uint32_t off)
{
	size_t left = count;

	while (left) {
		uint32_t n = min_u32(PAGE_SIZE - off, left);
		struct page *p = index < pf->cap ? pf->pages[index] : NULL;

		if (p)
			memcpy(dst, (char *)page_address(p) + off, n);
		else
			memset(dst, 0, n);
		dst += n;
		left -= n;
		index++;
		off = 0;
	}
	return count;
}

/* Fast path: bytes that lie in one held page (every read of a small file
 * and most of a large one's) are one copy (pagefile_read_in_page, fs/vfs.h),
 * read_pages' first and only turn. */
ssize_t pagefile_read(const struct pagefile *pf, void *buf, size_t count,
		      uint32_t pos)
{
	if (pos >= pf->size)
		return 0;
	count = min_u32(count, pf->size - pos);
	if (pagefile_read_in_page(pf, buf, count, pos))
		return count;
	return read_pages(pf, buf, count, pos >> PAGE_SHIFT, PAGE_OFFSET_OF(pos));
}

ssize_t pagefile_write(struct pagefile *pf, const void *buf, size_t count,
		       uint32_t pos)
{
	size_t done = 0;
	int err;

	if (count == 0)
		return 0;
	if (pos > PAGEFILE_MAX_SIZE || count > PAGEFILE_MAX_SIZE - pos)
		return -EFBIG;
	err = grow_slots(pf, PAGES_FOR(pos + count));
	if (err)
		return err;
	if (pos > pf->size)	/* the gap between the end and pos reads as zeros */
		zero_past_end(pf, pos);
	while (done < count) {
		uint32_t at = pos + done;
		uint32_t off = PAGE_OFFSET_OF(at);
		uint32_t n = min_u32(PAGE_SIZE - off, count - done);
		struct page **slot = &pf->pages[at >> PAGE_SHIFT];

		if (!*slot) {	/* zero only what the file shows and this write leaves */
			uint32_t start = at - off, end = pf->size > at + n ? pf->size : at + n;

			*slot = page_alloc(0);
			if (!*slot)
				break;
			pf->held++;
			memset(page_address(*slot), 0, off);
			memset((char *)page_address(*slot) + off + n, 0,
			       min_u32(PAGE_SIZE, end - start) - off - n);
		}
		memcpy((char *)page_address(*slot) + off, (const char *)buf + done, n);
		done += n;
	}
	if (done && pos + done > pf->size)
		pf->size = pos + done;
	return done ? (ssize_t)done : -ENOMEM;
}

int pagefile_attach(struct pagefile *pf, uint32_t index, struct page *page)
{
	uint32_t end;
	int err;

	if (index >= PAGEFILE_MAX_SIZE / PAGE_SIZE)
		return -EFBIG;
	if (index < pf->cap && pf->pages[index])
		return -EEXIST;
	err = grow_slots(pf, index + 1);
	if (err)
		return err;
	end = (index + 1) * PAGE_SIZE;
	if (end > pf->size)
		zero_past_end(pf, end);
	pf->pages[index] = page;
	pf->held++;
	if (end > pf->size)
		pf->size = end;
	return 0;
}

/* Frees the pages from index first on. */
static void free_pages_from(struct pagefile *pf, uint32_t first)
{
	for (uint32_t i = first; i < pf->cap; i++) {
		if (pf->pages[i]) {
			page_free(pf->pages[i], 0);
			pf->pages[i] = NULL;
			pf->held--;
		}
	}
}

int pagefile_truncate(struct pagefile *pf, uint32_t size)
{
	if (size > PAGEFILE_MAX_SIZE)
		return -EFBIG;
	if (size < pf->size) {	/* wipe what is cut from the last page */
		uint32_t off = PAGE_OFFSET_OF(size);
		struct page *last;

		free_pages_from(pf, PAGES_FOR(size));
		last = pagefile_page(pf, size >> PAGE_SHIFT);
		if (off && last)
			memset((char *)page_address(last) + off, 0,
			       min_u32(PAGE_SIZE - off, pf->size - size));
	} else if (size > pf->size) {
		zero_past_end(pf, size);
	}
	pf->size = size;
	if (size == 0) {
		free_slots(pf);
		pf->pages = NULL;
		pf->cap = 0;
	}
	return 0;
}

struct page *pagefile_page(const struct pagefile *pf, uint32_t index)
{
	if (index >= pf->cap || index >= PAGES_FOR(pf->size))
		return NULL;
	return pf->pages[index];
}

/* Gives back the slots past old_cap when none of them holds a page: the
 * array goes back to old_cap entries (none at all for 0). */
static void shrink_slots(struct pagefile *pf, uint32_t old_cap)
{
	struct page **pages = NULL;

	if (old_cap >= pf->cap)
		return;
	for (uint32_t i = old_cap; i < pf->cap; i++)
		if (pf->pages[i])
			return;
	if (old_cap == 1) {	/* it was the inline slot: back to it */
		pf->one = pf->pages[0];
		pages = &pf->one;
	} else if (old_cap) {
		pages = kmalloc(old_cap * sizeof(*pages));
		if (!pages)
			return;	/* keep the bigger array: only holes past old_cap */
		memcpy(pages, pf->pages, old_cap * sizeof(*pages));
	}
	free_slots(pf);
	pf->pages = pages;
	pf->cap = old_cap;
}

int pagefile_populate(struct pagefile *pf, struct pagefile_fill *fill)
{
	uint32_t npages = PAGES_FOR(pf->size), holes = 0;
	int err;

	fill->filled = NULL;
	fill->n = 0;
	fill->old_cap = pf->cap;
	err = grow_slots(pf, npages);
	if (err)
		return err;
	/* a small image's few holes are listed in the record itself; a
	 * larger one's holes are counted for a list of their own */
	if (npages <= PAGEFILE_FILL_FEW) {
		fill->filled = fill->few;
	} else {
		for (uint32_t i = 0; i < npages; i++)
			holes += !pf->pages[i];
		if (!holes)
			return 0;
		fill->filled = holes <= PAGEFILE_FILL_FEW ? fill->few :
			       kmalloc(holes * sizeof(*fill->filled));
	}
	if (!fill->filled)
		goto out_undo;
	for (uint32_t i = 0; i < npages; i++) {
		if (pf->pages[i])
			continue;
		pf->pages[i] = page_alloc(0);
		if (!pf->pages[i])
			goto out_undo;
		/* zeroed up to the end of the file: the rest is past it */
		memset(page_address(pf->pages[i]), 0,
		       min_u32(PAGE_SIZE, pf->size - i * PAGE_SIZE));
		fill->filled[fill->n++] = i;
		pf->held++;
	}
	return 0;

out_undo:
	pagefile_unpopulate(pf, fill);
	return -ENOMEM;
}

void pagefile_unpopulate(struct pagefile *pf, struct pagefile_fill *fill)
{
	for (uint32_t k = 0; k < fill->n; k++) {
		uint32_t i = fill->filled[k];

		page_free(pf->pages[i], 0);
		pf->pages[i] = NULL;
		pf->held--;
	}
	shrink_slots(pf, fill->old_cap);
	pagefile_fill_keep(fill);
}

void pagefile_fill_keep(struct pagefile_fill *fill)
{
	if (fill->filled != fill->few)
		kfree(fill->filled);
	fill->filled = NULL;
	fill->n = 0;
}
