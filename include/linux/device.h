/*
 * STUB (replaced by the chardev branch): the part of struct device the
 * pci family uses: a driver's private pointer and the DMA masks.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>

struct device {
	void *driver_data;		/* dev_set_drvdata / dev_get_drvdata */
	u64 *dma_mask;			/* streaming DMA mask (dma_set_mask) */
	u64 coherent_dma_mask;		/* dma_alloc_coherent's limit */
};

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

#endif
