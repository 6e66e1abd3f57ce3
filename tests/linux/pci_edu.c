/*
 * pci_edu: a Linux-style driver for QEMU's `edu` teaching device
 * (-device edu, 1234:11e8). probe enables the device, claims and maps
 * BAR 0, checks the id and liveness registers, computes 10! with the
 * completion interrupt, and makes a DMA round trip: a pattern in one
 * coherent buffer goes to the device's buffer at 0x40000 and comes back
 * into a second one. remove undoes everything.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/delay.h>
#include <linux/string.h>
#include <linux/slab.h>

#define EDU_ID		0x00	/* 0xRRrr00ed */
#define EDU_LIVENESS	0x04	/* reads back ~value */
#define EDU_FACT	0x08	/* n in, n! out */
#define EDU_STATUS	0x20
#define  EDU_STATUS_COMPUTING	0x01
#define  EDU_STATUS_IRQ_FACT	0x80
#define EDU_IRQ_STATUS	0x24
#define EDU_IRQ_ACK	0x64
#define EDU_DMA_SRC	0x80
#define EDU_DMA_DST	0x88
#define EDU_DMA_COUNT	0x90
#define EDU_DMA_CMD	0x98
#define  EDU_DMA_START		0x01
#define  EDU_DMA_TO_RAM		0x02
#define  EDU_DMA_IRQ		0x04
#define EDU_DMA_BUF	0x40000	/* the device's own 4 KiB buffer */
#define EDU_IRQ_DMA	0x100	/* irq status value of a finished DMA */

#define DMA_BUF_LEN	4096	/* each coherent buffer */
/* Bytes moved each way: less than the device's 4096, since QEMU before
 * 8.0 refuses (aborts on) a transfer ending exactly at the buffer's end. */
#define DMA_LEN		2048

struct edu {
	struct pci_dev *pdev;
	void __iomem *bar;
	volatile u32 irq_status;	/* what the handler acknowledged */
	volatile int irqs;
	void *src, *dst;
	dma_addr_t src_dma, dst_dma;
};

static irqreturn_t edu_irq(int irq, void *dev_id)
{
	struct edu *edu = dev_id;
	u32 status = ioread32(edu->bar + EDU_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	iowrite32(status, edu->bar + EDU_IRQ_ACK);
	edu->irq_status |= status;
	edu->irqs++;
	return IRQ_HANDLED;
}

/* Waits up to 2 s for the handler to have seen bit; 0 or -EIO (no ETIMEDOUT in errno.h yet). */
static int edu_wait_irq(struct edu *edu, u32 bit)
{
	for (int ms = 0; ms < 2000; ms += 10) {
		if (edu->irq_status & bit) {
			edu->irq_status &= ~bit;
			return 0;
		}
		msleep(10);
	}
	return -EIO;
}

static int edu_dma(struct edu *edu, u32 src, u32 dst, u32 cmd)
{
	iowrite32(src, edu->bar + EDU_DMA_SRC);
	iowrite32(dst, edu->bar + EDU_DMA_DST);
	iowrite32(DMA_LEN, edu->bar + EDU_DMA_COUNT);
	iowrite32(cmd | EDU_DMA_START | EDU_DMA_IRQ, edu->bar + EDU_DMA_CMD);
	return edu_wait_irq(edu, EDU_IRQ_DMA);
}

static int edu_factorial(struct edu *edu, u32 n, u32 *result)
{
	int err;

	iowrite32(EDU_STATUS_IRQ_FACT, edu->bar + EDU_STATUS);
	iowrite32(n, edu->bar + EDU_FACT);
	err = edu_wait_irq(edu, 0x1);	/* the factorial raises status 1 */
	*result = ioread32(edu->bar + EDU_FACT);
	return err;
}

static int edu_round_trip(struct edu *edu)
{
	u8 *p = edu->src;
	int err;

	for (int i = 0; i < DMA_LEN; i++)
		p[i] = (u8)(i * 7 + 3);
	err = edu_dma(edu, edu->src_dma, EDU_DMA_BUF, 0);
	if (!err)
		err = edu_dma(edu, EDU_DMA_BUF, edu->dst_dma, EDU_DMA_TO_RAM);
	if (err)
		return err;
	return memcmp(edu->src, edu->dst, DMA_LEN) ? -EIO : 0;
}

static int edu_test(struct edu *edu)
{
	u32 id = ioread32(edu->bar + EDU_ID), fact;
	int err;

	iowrite32(0x12345678, edu->bar + EDU_LIVENESS);
	dev_info(&edu->pdev->dev, "id 0x%08x, liveness: ~12345678 = %08x\n", id,
		ioread32(edu->bar + EDU_LIVENESS));
	err = edu_factorial(edu, 10, &fact);
	pr_info("pci_edu: 10! = %u (%s)\n", fact, err ? "no interrupt" : "interrupt");
	if (err)
		return err;
	err = edu_round_trip(edu);
	pr_info("pci_edu: DMA round trip of %d bytes: %s, %d interrupts\n", DMA_LEN,
		err ? "FAILED" : "same bytes back", edu->irqs);
	return err;
}

static int edu_dma_setup(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	int err = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(28));

	if (err)
		return err;
	edu->src = dma_alloc_coherent(dev, DMA_BUF_LEN, &edu->src_dma, GFP_KERNEL);
	edu->dst = dma_alloc_coherent(dev, DMA_BUF_LEN, &edu->dst_dma, GFP_KERNEL);
	return edu->src && edu->dst ? 0 : -ENOMEM;
}

static void edu_dma_free(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;

	if (edu->src)
		dma_free_coherent(dev, DMA_BUF_LEN, edu->src, edu->src_dma);
	if (edu->dst)
		dma_free_coherent(dev, DMA_BUF_LEN, edu->dst, edu->dst_dma);
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct edu *edu = kzalloc(sizeof(*edu), GFP_KERNEL);
	int err = -ENOMEM;

	if (!edu)
		return -ENOMEM;
	edu->pdev = pdev;
	err = pci_enable_device(pdev);
	if (err)
		goto out_free;
	err = pci_request_regions(pdev, "pci_edu");
	if (err)
		goto out_disable;
	edu->bar = pci_iomap(pdev, 0, 0);
	err = -ENOMEM;
	if (!edu->bar)
		goto out_release;
	err = edu_dma_setup(edu);
	if (err)
		goto out_dma;
	pci_set_master(pdev);
	err = request_irq(pdev->irq, edu_irq, IRQF_SHARED, "pci_edu", edu);
	if (err)
		goto out_dma;
	pci_set_drvdata(pdev, edu);
	err = edu_test(edu);
	if (err)
		goto out_irq;
	return 0;

out_irq:
	free_irq(pdev->irq, edu);
out_dma:
	edu_dma_free(edu);
	if (edu->bar)
		pci_iounmap(pdev, edu->bar);
out_release:
	pci_release_regions(pdev);
out_disable:
	pci_disable_device(pdev);
out_free:
	kfree(edu);
	return err;
}

static void edu_remove(struct pci_dev *pdev)
{
	struct edu *edu = pci_get_drvdata(pdev);

	free_irq(pdev->irq, edu);
	edu_dma_free(edu);
	pci_iounmap(pdev, edu->bar);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	kfree(edu);
	dev_info(&pdev->dev, "removed\n");
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(0x1234, 0x11e8) },
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, edu_ids);

static struct pci_driver edu_driver = {
	.name = "pci_edu",
	.id_table = edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};

module_pci_driver(edu_driver);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Driver for QEMU's edu device: MMIO, interrupt, DMA");
