/*
 * Host stand-ins for what mm/ takes from the rest of the kernel: printk
 * (error reports are counted, so a test can assert a bad kfree WAS reported),
 * panic, and a fake page table behind paging_map/unmap/lookup. Plus the
 * "physical memory" arena that mm_host_base points at, and pretend modules
 * (module_of_addr, sym_format) for mm/charge.c.
 */
#ifndef TESTS_HOST_HOST_STUBS_H
#define TESTS_HOST_HOST_STUBS_H

#include <stdint.h>
#include "mm/mm.h"
#include "mm/mm_internal.h"	/* mm_host_base */

/* Size of the fake physical memory: physical address pa is at
 * mm_host_base + pa. */
#define HOST_MEM_SIZE	(16u << 20)

/* The standard host memory map: usable [0, 0x9F000) and [1 MiB, 16 MiB);
 * reserved below 1 MiB and a 256 KiB "kernel image" at 1 MiB. */
#define HOST_KERNEL_END	0x140000u

/* Allocates the arena once and (re)initializes the page allocator with the
 * standard map. Returns page_alloc_init's result. Only call it while mm
 * holds nothing (no live kmalloc object or vmalloc range). */
int host_mm_init(void);
/* Allocates the arena once (zeroed) without initializing anything. */
void host_mem_arena(void);

/* printk calls at KERN_ERR level so far. */
extern unsigned host_err_reports;
/* Mapping errors seen by the fake page table (map over a mapping, unmap or
 * map outside the vmalloc area, unmap of nothing). Should stay 0. */
extern unsigned host_pt_errors;
/* Pages mapped in the fake page table right now. */
unsigned host_pt_mapped(void);
/* Host pointer for vmalloc-area address va (through the fake page table),
 * or NULL if va's page is not mapped. */
void *host_vptr(uintptr_t va);

/* Pretend modules: slot 0..HOST_MODULES-1 is a HOST_MODULE_SIZE-byte
 * "image" in the malloc'ed module area (mm_host_modarea), its header at
 * its start, as a mapped module's is. host_module_map fills the header
 * (name "hostmodN", core and init sizes) and makes module_of_addr find
 * it; host_module_unmap undoes that. sym_format names an address of a
 * mapped image "core_fn+0xOFF/0x100 [hostmodN]" below core_size and
 * "init_fn+0xOFF/0x40 [hostmodN]" past it (OFF from the part's start);
 * host_module_forget_init makes it forget the init part (0x%08x), as the
 * kernel does when init is dropped. HOST_SITE(mod, off) is a call site. */
#define HOST_MODULES		4
#define HOST_MODULE_SIZE	0x10000u
struct module;
struct module *host_module_map(unsigned slot, uint32_t core_size,
			       uint32_t init_size);
void host_module_unmap(unsigned slot);
void host_module_forget_init(unsigned slot);
#define HOST_SITE(mod, off)	((uintptr_t)(mod) + (off))

#endif
