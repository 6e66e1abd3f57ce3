/*
 * DMA for drivers: coherent buffers (dma_alloc_coherent: physically
 * contiguous pages in the direct map; the handle is the physical address,
 * the bus address on a PC without an IOMMU) and the masks saying which
 * addresses a device can reach. Memory is cached and x86 keeps DMA
 * coherent with the caches, so "coherent" costs nothing here and the
 * streaming calls (dma_map_single) only translate the address.
 */
#ifndef _LINUX_DMA_MAPPING_H
#define _LINUX_DMA_MAPPING_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/device.h>
#include <asm/io.h>

#define DMA_BIT_MASK(n)	(((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))

enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0,
	DMA_TO_DEVICE = 1,
	DMA_FROM_DEVICE = 2,
	DMA_NONE = 3,
};

/* Returns size bytes (rounded up to a power-of-two number of pages) of
 * zeroed, physically contiguous memory whose every byte the device can
 * reach (below dev's coherent mask), its kernel address, and in
 * *dma_handle the address to give the device. NULL (and *dma_handle
 * untouched) if size is 0 or too large, memory is short, or the block
 * found lies above the mask. gfp is accepted and ignored. A buffer a
 * module still holds at unload is reported and stays allocated (the
 * device may still write into it). */
void *dma_alloc_coherent(struct device *dev, size_t size,
			 dma_addr_t *dma_handle, gfp_t gfp);
/* Frees a buffer of dma_alloc_coherent; size, cpu_addr and dma_handle
 * must be what it gave. Anything else is reported and ignored. */
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr,
		       dma_addr_t dma_handle);
#define dma_zalloc_coherent(d, s, h, f)	dma_alloc_coherent(d, s, h, f)

/* Sets the device's streaming (dma_set_mask) or coherent mask. Returns 0,
 * or -EIO for a mask below 24 bits (no such device is supported), as
 * Linux does for a mask the platform cannot serve. */
int dma_set_mask(struct device *dev, u64 mask);
int dma_set_coherent_mask(struct device *dev, u64 mask);
static inline int dma_set_mask_and_coherent(struct device *dev, u64 mask)
{
	int err = dma_set_mask(dev, mask);

	return err ? err : dma_set_coherent_mask(dev, mask);
}

/* Streaming mappings of direct-map memory: the physical address. */
static inline dma_addr_t dma_map_single(struct device *dev, void *ptr,
					size_t size, enum dma_data_direction dir)
{
	return virt_to_phys(ptr);
}

static inline void dma_unmap_single(struct device *dev, dma_addr_t addr,
				    size_t size, enum dma_data_direction dir)
{
}

static inline int dma_mapping_error(struct device *dev, dma_addr_t addr)
{
	return 0;
}

#endif
