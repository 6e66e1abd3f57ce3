/*
 * DMA: coherent buffers and the masks of <linux/dma-mapping.h>. A buffer
 * is a block of the buddy allocator (physically contiguous), used through
 * the direct map; its handle is the physical address (no IOMMU). Each
 * buffer is remembered with who asked, so one a module still holds at
 * unload is reported; it stays allocated, since the device may still
 * write into it.
 */
#include <linux/dma-mapping.h>
#include "kernel/io.h"
#include "kernel/printk.h"
#include "kernel/symbols.h"
#include "kernel/module.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

struct dma_buf {
	void *virt;
	uint32_t size;		/* bytes asked for */
	unsigned order;		/* of the page block */
	uintptr_t caller;	/* return address of the allocation */
	const struct module *owner;	/* module of caller; NULL: none or forgotten */
	struct dma_buf *next;
};

static struct {
	struct dma_buf *bufs;
} dma;

static unsigned order_for(size_t size)
{
	unsigned order = 0;

	while (((size_t)PAGE_SIZE << order) < size)
		order++;
	return order;
}

static void *dma_alloc_caller(struct device *dev, size_t size, dma_addr_t *handle,
			      uintptr_t caller)
{
	u64 mask = dev ? dev->coherent_dma_mask : DMA_BIT_MASK(32);
	unsigned order = order_for(size);
	struct dma_buf *b;
	struct page *p;

	if (size == 0 || order > MAX_ORDER)
		return NULL;
	b = kmalloc(sizeof(*b));
	p = b ? page_alloc(order) : NULL;
	if (!p) {
		kfree(b);
		return NULL;
	}
	b->virt = page_address(p);
	if (virt_to_phys(b->virt) + ((u64)PAGE_SIZE << order) - 1 > mask) {
		page_free(p, order);
		kfree(b);
		return NULL;
	}
	memset(b->virt, 0, PAGE_SIZE << order);
	b->size = size;
	b->order = order;
	b->caller = caller;
	b->owner = module_of_addr((const void *)caller);
	b->next = dma.bufs;
	dma.bufs = b;
	*handle = virt_to_phys(b->virt);
	return b->virt;
}

/* A zeroed, contiguous buffer below dev's coherent mask; see
 * <linux/dma-mapping.h>. */
__attribute__((__noinline__))
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle,
			 gfp_t gfp)
{
	return dma_alloc_caller(dev, size, dma_handle,
				(uintptr_t)__builtin_return_address(0));
}

/* Frees a dma_alloc_coherent buffer; a mismatch is reported. */
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr,
		       dma_addr_t dma_handle)
{
	struct dma_buf **link = &dma.bufs, *b;

	while (*link && (*link)->virt != cpu_addr)
		link = &(*link)->next;
	b = *link;
	if (!b || b->size != size || virt_to_phys(cpu_addr) != dma_handle) {
		pr_err("dma_free_coherent: %p (%zu bytes, handle 0x%x) is not a "
		       "buffer of dma_alloc_coherent\n", cpu_addr, size, dma_handle);
		return;
	}
	*link = b->next;
	page_free(virt_to_page(b->virt), b->order);
	kfree(b);
}

static int set_mask(u64 *where, u64 mask)
{
	if (mask < DMA_BIT_MASK(24))
		return -EIO;
	*where = mask;
	return 0;
}

/* Sets dev's streaming DMA mask; -EIO below 24 bits. */
int dma_set_mask(struct device *dev, u64 mask)
{
	if (!dev->dma_mask)
		return -EIO;
	return set_mask(dev->dma_mask, mask);
}

/* Sets dev's coherent DMA mask; -EIO below 24 bits. */
int dma_set_coherent_mask(struct device *dev, u64 mask)
{
	return set_mask(&dev->coherent_dma_mask, mask);
}

unsigned dma_reap(const char *mod, uintptr_t start, uintptr_t len)
{
	unsigned n = 0;

	for (struct dma_buf *b = dma.bufs; b; b = b->next) {
		char sym[96];

		if (!b->owner || (uintptr_t)b->owner - start >= len)
			continue;
		sym_format(b->caller, sym, sizeof(sym));
		pr_err("%s: the module left a DMA buffer of %u bytes allocated (%s); "
		       "it stays allocated\n", mod, b->size, sym);
		b->owner = NULL;
		n++;
	}
	return n;
}
