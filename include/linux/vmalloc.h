/*
 * Virtually contiguous memory (mm/vmalloc.c, <linux/vmalloc.h>): pages
 * mapped in the vmalloc area with an unmapped guard page after each range;
 * charged to the calling module like kmalloc.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <stddef.h>

/* Maps size bytes (rounded up to pages) of fresh pages in the vmalloc area,
 * followed by an unmapped guard page. Returns the address or NULL. */
void *vmalloc(size_t size);
/* vmalloc with the bytes zeroed. */
void *vzalloc(size_t size);
/* Unmaps and frees a vmalloc() range; vfree(NULL) does nothing. */
void vfree(const void *addr);

#endif
