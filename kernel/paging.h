/*
 * i386 paging, the machine side of mm/ (kernel/paging.c): the kernel page
 * directory, the direct map in 4 MiB pages, and 4 KiB mappings in the
 * vmalloc area, whose page tables are all allocated at boot so that mapping
 * a page there never needs memory.
 */
#ifndef KERNEL_PAGING_H
#define KERNEL_PAGING_H

#include <stdint.h>

/* Trims the direct map to RAM below ram_top (bytes) and builds the vmalloc
 * page tables. Needs the page allocator. Returns 0 or -ENOMEM. */
int paging_init(uint64_t ram_top);
/* Maps one 4 KiB page at va (in the vmalloc area) to physical pa. */
void paging_map(uintptr_t va, uintptr_t pa);
/* Maps one 4 KiB page at va (in the vmalloc area) to physical pa, a
 * device's memory, uncached (PCD and PWT): every access reaches the
 * device, in program order. */
void paging_map_io(uintptr_t va, uintptr_t pa);
/* Removes the mapping at va and flushes its TLB entry. */
void paging_unmap(uintptr_t va);
/* Unmaps the 4 KiB page at va in the direct map (a guard page), first
 * splitting its 4 MiB page into a page table of 4 KiB entries. Returns 0,
 * -EINVAL (va not in the direct map) or -ENOMEM (no page for the table). */
int paging_unmap_direct(uintptr_t va);
/* Physical address mapped at va, or 0 if none (vmalloc area only). */
uintptr_t paging_lookup(uintptr_t va);

#endif
