/*
 * The kernel's side of the driver I/O family (ports, MMIO, PCI, DMA):
 * boot set-up and the reaping of what a module left behind. The API a
 * driver sees is in include/linux/{ioport,io,pci,dma-mapping}.h.
 *   kernel/resource.c  the port and memory trees, /proc/ioports, /proc/iomem
 *   mm/ioremap.c       ioremap / iounmap over the vmalloc area
 *   kernel/dma.c       dma_alloc_coherent and the masks
 *   drivers/pci/       enumeration, drivers, /proc/bus/pci
 */
#ifndef KERNEL_IO_H
#define KERNEL_IO_H

#include <stdint.h>
#include <linux/ioport.h>

struct bootinfo;

/* Claims the kernel's own ports (PIC, PIT, keyboard, CMOS, COM1, VGA,
 * isa-debug-exit, PCI configuration) and the RAM ranges of the memory
 * map, and makes /proc/ioports and /proc/iomem. After fs_init. */
void resource_init(const struct bootinfo *bi);
/* Puts res (not busy, not yet in a tree) into the tree under parent, where
 * it fits, adopting nothing. Returns 0 or -EBUSY on any overlap that is
 * not a containment. For PCI BARs. */
int resource_insert(struct resource *parent, struct resource *res);

/* Finds the PCI devices and makes /proc/bus/pci. After resource_init. */
void pci_init(void);

/* Reaping, once a module's exit has run (or its init failed), before its
 * image [start, start + len) is unmapped: each removes what a call from
 * that image made and still holds, printing one line naming module mod
 * and the call site. Each returns the number of leftovers. */
unsigned pci_reap(const char *mod, uintptr_t start, uintptr_t len);
unsigned ioremap_reap(const char *mod, uintptr_t start, uintptr_t len);
unsigned resource_reap(const char *mod, uintptr_t start, uintptr_t len);
unsigned dma_reap(const char *mod, uintptr_t start, uintptr_t len);
/* All four, in that order (drivers first: a driver's devices stop
 * before their regions and mappings go). */
void io_reap_module(const char *mod, uintptr_t start, uintptr_t len);

/* ioremap, pci_iomap and region claims on behalf of a caller (the
 * address that counts as "who asked", for reaping). */
void *ioremap_caller(uint32_t phys, uint32_t size, uintptr_t caller);
struct resource *resource_request_caller(struct resource *parent, uint32_t start,
					 uint32_t n, const char *name,
					 uintptr_t caller);

#endif
