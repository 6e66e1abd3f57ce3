/*
 * i386 paging (see kernel/paging.h). boot/entry.S built the page directory
 * with the direct map in 4 MiB pages; here we drop its identity entry, so
 * that a NULL pointer faults, and the entries past the end of RAM; map the
 * 4 MiB blocks holding the kernel image with 4 KiB pages instead, so that
 * its code and constants (.text, .rodata) are read-only (CR0.WP is set: a
 * stray write from kernel or module code faults, naming the place, instead
 * of silently changing the kernel's code); and give the vmalloc area its
 * page tables: one physically contiguous block of PTEs covering
 * VMALLOC_START..END, allocated once, so mapping a page there never
 * allocates.
 */
#include "kernel/paging.h"
#include "kernel/cpu.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

#define PTE_PRESENT 0x001
#define PTE_WRITE   0x002
#define PTE_PWT     0x008	/* write-through */
#define PTE_PCD     0x010	/* cache disabled */
#define PDE_4M      0x080
#define VMALLOC_PAGES ((VMALLOC_END - VMALLOC_START) / PAGE_SIZE)
#define PTES_PER_TABLE 1024
#define PT_ORDER 4	/* 2^4 page tables = 64 MiB of vmalloc area */
#define PDE_INDEX(va) ((uint32_t)(va) >> 22)	/* its page directory entry */

_Static_assert(VMALLOC_PAGES == (PTES_PER_TABLE << PT_ORDER), "vmalloc size vs PT_ORDER");

extern uint32_t boot_pgdir[1024];
extern char _text[], _erodata[], _kernel_end[];

static struct {
	uint32_t *pte;	/* VMALLOC_PAGES entries, one per vmalloc page */
} paging;

/* Replaces the 4 MiB direct-map entries that hold the kernel image by page
 * tables of 4 KiB pages, the same addresses, with .text and .rodata
 * read-only. Returns 0 or -ENOMEM. */
static int protect_kernel_image(void)
{
	uintptr_t ro_start = (uintptr_t)_text, ro_end = (uintptr_t)_erodata;
	uint32_t first = PDE_INDEX((uintptr_t)_text);
	uint32_t last = PDE_INDEX((uintptr_t)_kernel_end - 1);

	for (uint32_t pde = first; pde <= last; pde++) {
		struct page *pt = page_alloc(0);
		uint32_t *pte;

		if (!pt)
			return -ENOMEM;
		pte = page_address(pt);
		for (uint32_t i = 0; i < PTES_PER_TABLE; i++) {
			uintptr_t va = ((uintptr_t)pde << 22) + i * PAGE_SIZE;
			bool ro = va >= ro_start && va < ro_end;

			pte[i] = virt_to_phys(va) | PTE_PRESENT | (ro ? 0 : PTE_WRITE);
		}
		boot_pgdir[pde] = virt_to_phys(pte) | PTE_PRESENT | PTE_WRITE;
	}
	return 0;
}

int paging_init(uint64_t ram_top)
{
	struct page *pt = page_alloc(PT_ORDER);

	if (!pt)
		return -ENOMEM;
	paging.pte = page_address(pt);
	memset(paging.pte, 0, PAGE_SIZE << PT_ORDER);
	for (unsigned i = 0; i < (1u << PT_ORDER); i++) {
		uint32_t pde = (VMALLOC_START >> 22) + i;
		boot_pgdir[pde] = virt_to_phys(paging.pte + i * PTES_PER_TABLE) |
				  PTE_PRESENT | PTE_WRITE;
	}
	/* direct-map entries past the end of RAM would only hide wild pointers */
	for (uint32_t pde = 768; pde < (VMALLOC_START >> 22); pde++)
		if ((uint64_t)(pde - 768) << 22 >= ram_top)
			boot_pgdir[pde] = 0;
	boot_pgdir[0] = 0;	/* identity map of the first 4 MiB */
	if (protect_kernel_image() < 0)
		return -ENOMEM;
	write_cr3(read_cr3());	/* flush the whole TLB */
	return 0;
}

static uint32_t *pte_of(uintptr_t va)
{
	if (va < VMALLOC_START || va >= VMALLOC_END || (va & ~PAGE_MASK))
		return NULL;
	return &paging.pte[(va - VMALLOC_START) >> PAGE_SHIFT];
}

void paging_map(uintptr_t va, uintptr_t pa)
{
	uint32_t *pte = pte_of(va);

	if (pte) {
		*pte = (pa & PAGE_MASK) | PTE_PRESENT | PTE_WRITE;
		invlpg(va);
	}
}

void paging_map_io(uintptr_t va, uintptr_t pa)
{
	uint32_t *pte = pte_of(va);

	if (pte) {
		*pte = (pa & PAGE_MASK) | PTE_PRESENT | PTE_WRITE | PTE_PCD | PTE_PWT;
		invlpg(va);
	}
}

void paging_unmap(uintptr_t va)
{
	uint32_t *pte = pte_of(va);

	if (pte) {
		*pte = 0;
		invlpg(va);
	}
}

uintptr_t paging_lookup(uintptr_t va)
{
	uint32_t *pte = pte_of(va & PAGE_MASK);

	if (!pte || !(*pte & PTE_PRESENT))
		return 0;
	return (*pte & PAGE_MASK) | (va & ~PAGE_MASK);
}

int paging_unmap_direct(uintptr_t va)
{
	uint32_t pde = va >> 22, *pt;

	if (va < KERNEL_BASE || va >= VMALLOC_START || !(boot_pgdir[pde] & PTE_PRESENT))
		return -EINVAL;
	if (boot_pgdir[pde] & PDE_4M) {
		uint32_t frame = boot_pgdir[pde] & 0xffc00000u;

		pt = page_zalloc();
		if (!pt)
			return -ENOMEM;
		for (uint32_t i = 0; i < PTES_PER_TABLE; i++)
			pt[i] = (frame + i * PAGE_SIZE) | PTE_PRESENT | PTE_WRITE;
		boot_pgdir[pde] = virt_to_phys(pt) | PTE_PRESENT | PTE_WRITE;
	} else {
		pt = phys_to_virt(boot_pgdir[pde] & PAGE_MASK);
	}
	pt[(va >> PAGE_SHIFT) & (PTES_PER_TABLE - 1)] = 0;
	write_cr3(read_cr3());	/* the 4 MiB entry may be cached: flush all */
	return 0;
}
