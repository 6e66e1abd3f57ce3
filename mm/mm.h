/*
 * Memory management, the public interface (mm/):
 *   page_alloc.c  buddy allocator of physical pages, orders 0..MAX_ORDER
 *   kmalloc.c     size classes 16..2048 bytes carved from pages; larger
 *                 sizes go straight to the page allocator
 *   vmalloc.c     the vmalloc area: ranges with a guard page after each,
 *                 vmalloc/vfree, vmap/vunmap, and vshrink (drop tail pages)
 *   stats.c       the counters of all three, for /proc/meminfo and tests
 *   charge.c      what each module's code allocated and still holds (its
 *                 callers are told apart by return address); also the
 *                 page_alloc/page_free entry points over the buddy allocator
 * Physical memory below DIRECT_MAP_LIMIT is mapped at KERNEL_BASE + phys,
 * so page_address() of any allocated page is a usable kernel pointer.
 */
#ifndef MM_MM_H
#define MM_MM_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include <asm/page.h>		/* PAGE_SIZE, PAGE_SHIFT... */
#include <linux/gfp.h>		/* page_alloc, page_free, page_address, __get_free_pages */
#include <linux/slab.h>		/* kmalloc, kzalloc, kfree, kcalloc, kmem_cache_* */
#include <linux/vmalloc.h>	/* vmalloc, vzalloc, vfree */

#define PAGES_FOR(bytes) (((bytes) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define MAX_ORDER	10

/* Virtual memory map (see docs/memory.md):
 *   0xC0000000 .. 0xF0000000  direct map of physical 0 .. 768 MiB
 *   0xF0000000 .. 0xF4000000  vmalloc area, 64 MiB (page tables preallocated)
 */
#define KERNEL_BASE		0xC0000000u
#define DIRECT_MAP_LIMIT	0x30000000u	/* physical bytes mapped */
#define VMALLOC_START		0xF0000000u
#define VMALLOC_END		0xF4000000u

#define phys_to_virt(pa)	((void *)((uintptr_t)(pa) + KERNEL_BASE))
#define virt_to_phys(va)	((uintptr_t)(va) - KERNEL_BASE)

/* Page descriptor flags. */
#define PG_RESERVED	(1u << 0)	/* never given out (kernel, holes, boot data) */
#define PG_FREE		(1u << 1)	/* head of a free buddy block */
#define PG_HEAD		(1u << 2)	/* head of an allocated block (order valid) */
#define PG_SLAB		(1u << 3)	/* holds kmalloc objects of one size class */
#define PG_KMALLOC_BIG	(1u << 4)	/* head of a large kmalloc allocation */
#define PG_CHARGED	(1u << 5)	/* a kmalloc page holding, or having held,
					 * an object charged to a module */

/* One per physical page frame: 24 bytes in the kernel (refcount is only
 * ever 0 or 1, so 16 of its bits hold slab_fresh without growing it). */
struct page {
	uint32_t flags;		/* PG_* */
	int16_t refcount;	/* 1 while allocated; 0 while free */
	uint8_t order;		/* block order, valid on PG_FREE and PG_HEAD pages */
	uint8_t slab_class;	/* size-class index on PG_SLAB pages */
	uint16_t slab_inuse;	/* objects handed out from this slab page */
	uint16_t slab_fresh;	/* index in a PG_SLAB page of the first object
				 * not yet on its free list (never handed out);
				 * the page's object count once all have been */
	void *slab_free;	/* first free object on a PG_SLAB page */
	struct page *next, *prev;	/* free list or slab list links */
};

/* A range of physical memory the boot code found usable. */
struct mem_range {
	uint64_t start, end;	/* bytes, [start, end) */
};

/* --- page allocator (mm/page_alloc.c) --- */

/* Sets up the allocator over the usable ranges, minus the reserved ones
 * (kernel image, boot modules, multiboot data, below 1 MiB). Memory above
 * DIRECT_MAP_LIMIT is ignored. Returns 0, or -ENOMEM if too little memory
 * is left to run the kernel (the caller stops with a clear message). */
int page_alloc_init(const struct mem_range *usable, unsigned n_usable,
		    const struct mem_range *reserved, unsigned n_reserved);

/* Gives the reserved pages wholly inside physical [start, end) to the
 * allocator: boot data the kernel is done with (the ramdisk archive). The
 * caller guarantees that range is RAM nothing else uses. Returns the
 * number of pages released. */
uint32_t page_release_boot(uint64_t start, uint64_t end);
/* Takes the reserved boot page at direct-map address addr (page-aligned,
 * inside a range the caller would give to page_release_boot) as one
 * allocated page, as page_alloc(0) returns it, contents kept: the ramdisk's
 * file data stays where the boot loader put it. The caller owns it (freed
 * with page_free) and page_release_boot leaves it alone. NULL if addr is
 * not page-aligned or not a reserved page. */
struct page *page_take_boot(const void *addr);

/* page_alloc, page_free: <linux/gfp.h>. */

/* Converting between a page descriptor, its frame number and its address
 * in the direct map. page must be a descriptor of the allocator's array
 * (from page_alloc, virt_to_page or pfn_to_page): page_address gives its
 * kernel address, page_to_pfn its frame number. virt_to_page takes a
 * direct-map address (not a vmalloc one) and pfn_to_page a frame number;
 * both return NULL past the memory the allocator describes. None fails
 * otherwise or changes anything. */
struct page *virt_to_page(const void *addr);
struct page *pfn_to_page(uint32_t pfn);
uint32_t page_to_pfn(const struct page *page);

/* Convenience: one zeroed page's kernel address, or NULL when no page is
 * free. page_zfree gives it back; an address that is not a page from the
 * allocator is reported with pr_err and otherwise ignored. */
void *page_zalloc(void);
void page_zfree(void *addr);

/* --- kmalloc (mm/kmalloc.c) --- */

/* kmalloc, kzalloc, kfree and the rest: <linux/slab.h>. */

/* --- vmalloc area (mm/vmalloc.c) --- */
/* vmalloc and vfree charge a module's range to it like kmalloc and kfree. */

/* vmalloc, vzalloc, vfree: <linux/vmalloc.h>. */
/* As vmalloc, but the pages keep whatever they held (no 1,024 stores a
 * page): for a buffer its caller fills whole before reading. Freed with
 * vfree. Kernel code only (the loader's buffers): not exported. */
void *vmalloc_uninit(size_t size);
/* Maps the given pages, in order, at a new range (plus guard page). The
 * caller keeps owning the pages. Returns the address or NULL. */
void *vmap(struct page **pages, unsigned count);
/* vmap, the range labelled owner for /proc/vmallocinfo as vm_set_owner
 * would label it (the string must outlive the range), with no search. */
void *vmap_owned(struct page **pages, unsigned count, const char *owner);
/* Maps count pages of device memory from physical phys (page aligned),
 * uncached, at a new range (plus guard page); for ioremap. vunmap undoes
 * it. Returns the address or NULL. */
void *vmap_io(uintptr_t phys, unsigned count);
/* Unmaps a vmap() or vmap_io() range; the pages are not freed. */
void vunmap(const void *addr);
/* Shrinks the range at addr to new_size bytes (rounded up to pages): the
 * tail pages are unmapped and, for a vmalloc() range, freed; for a vmap()
 * range they go back to the caller, who frees them. Returns 0, or -EINVAL
 * if addr is not a range start or new_size is larger than the range. */
int vshrink(const void *addr, size_t new_size);
/* Labels a range for /proc/vmallocinfo (the string must outlive it). */
void vm_set_owner(const void *addr, const char *owner);

/* --- accounting, mm/stats.c (all counts exact) --- */
struct mm_stats {
	uint32_t pages_total;		/* pages the allocator manages */
	uint32_t pages_free;		/* pages on the free lists */
	uint32_t pages_kmalloc;		/* pages held by kmalloc (slabs + big) */
	uint32_t vmalloc_ranges;	/* live vmalloc/vmap ranges */
	uint32_t vmalloc_pages;		/* pages mapped in those ranges */
};
/* Fills *st; every counter is exact at the moment of the call. */
void mm_get_stats(struct mm_stats *st);
/* Number of free blocks on each order's free list (as /proc/buddyinfo). */
void mm_get_buddyinfo(uint32_t free_blocks[MAX_ORDER + 1]);

/* --- module accounting (mm/charge.c) ---
 * kmalloc, kzalloc, vmalloc and page_alloc called from a module's code (a
 * return address in the vmalloc area, inside a mapped module) charge the
 * allocation to that module and to the call site; freeing it, from any
 * code, drops the charge. When the module is unmapped, mm_module_release
 * says what it still holds and forgets the owner: the memory itself stays
 * allocated and counted, since something may still point at it.
 */
struct module;

/* Kinds of charge (macros, not an enum: an enum would add debug info to
 * every module that includes this header). */
#define MM_CHARGE_KMALLOC	0	/* amount in bytes asked for */
#define MM_CHARGE_VMALLOC	1	/* amount in bytes asked for */
#define MM_CHARGE_PAGES		2	/* amount in pages (2^order per block) */
#define MM_CHARGE_KINDS		3

/* What one module holds right now, by kind. */
struct mm_held {
	uint32_t count[MM_CHARGE_KINDS];	/* objects, areas, page blocks */
	uint32_t amount[MM_CHARGE_KINDS];	/* bytes, bytes, pages */
};
/* Fills *held with what mod's code allocated and nobody freed yet. */
void mm_module_held(const struct module *mod, struct mm_held *held);

/* What mod holds from one call site, for the unload report. */
struct mm_held_site {
	unsigned kind;			/* MM_CHARGE_* */
	uint32_t count, amount;		/* as in struct mm_held */
	const char *site;		/* "function+0xoff" (sym_format, taken
					 * at the first allocation), or 0x%08x */
};
/* Calls fn(site, arg) once per kind and call site that mod still holds
 * something from (kmalloc first, then vmalloc, then pages; sites in address
 * order), then forgets mod as their owner: the allocations stay allocated
 * and a later free still works. Call it once mod's code can no longer run.
 * Returns the number of allocations mod held. */
unsigned mm_module_release(const struct module *mod,
			   void (*fn)(const struct mm_held_site *site, void *arg),
			   void *arg);
/* Writes "1 kmalloc object (1000 bytes)", "2 vmalloc areas (8192 bytes)"
 * or "1 page block (4 pages)" into buf; returns the length as snprintf. */
int mm_held_format(char *buf, size_t size, unsigned kind,
		   uint32_t count, uint32_t amount);

/* Calls fn once per live vmalloc range, lowest address first. */
struct vm_range_info {
	uintptr_t start, end;	/* mapped part [start, end); guard page follows */
	uint32_t pages;
	const char *owner;
	bool is_vmap;
	bool is_io;		/* vmap_io: device memory */
};
void vm_for_each(void (*fn)(const struct vm_range_info *r, void *arg), void *arg);

/* --- kmem_cache leftovers (mm/linux_mem.c) --- */
/* Removes every kmem_cache created by the module whose image is [start,
 * start + len) (from its core or its __init code) or whose constructor
 * lies there (an image about to be unmapped), calling report(name, live
 * objects, the creating call site's name "f+0x1c", taken when the cache
 * was made, arg) for each first. Their objects stay allocated (and
 * charged). Returns the count. */
unsigned kmem_cache_remove_range(uintptr_t start, uintptr_t len,
				 void (*report)(const char *name, uint32_t live,
						const char *site, void *arg),
				 void *arg);

#endif
