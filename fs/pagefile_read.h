/*
 * pagefile_read's fast path (fs/pagefile.c), shared with sys_pread's plain
 * read of a page-backed file (fs/syscalls.c), which does pagefile_read's
 * work itself to spare a call for each read of a file in memory. Only for
 * those two: it needs the kernel's memcpy (lib/string.h), which the host
 * tests' own <string.h> would clash with in fs/vfs.h.
 */
#ifndef FS_PAGEFILE_READ_H
#define FS_PAGEFILE_READ_H

#include "fs/vfs.h"
#include "lib/string.h"
#include <linux/gfp.h>		/* page_address */

/* pagefile_read's fast path, for it and for sys_pread's plain read: when
 * the count bytes at pos (inside the file: the caller cut count to the
 * size) lie in one held page, copies them into buf with one memcpy and
 * says true; false when they cross a page or lie in a hole, for
 * pagefile_read's page loop. The same copy the loop's first and only turn
 * would make. */
static inline bool pagefile_read_in_page(const struct pagefile *pf, void *buf,
					 uint32_t count, uint32_t pos)
{
	uint32_t off = pos & (PAGE_SIZE - 1), index = pos >> PAGE_SHIFT;
	struct page *p;

	if (off + count > PAGE_SIZE || index >= pf->cap || !(p = pf->pages[index]))
		return false;
	memcpy(buf, (char *)page_address(p) + off, count);
	return true;
}

#endif
