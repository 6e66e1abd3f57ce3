/*
 * hx_ioleak: claims ports 0x300-0x31f and a memory region inside edu's
 * BAR 0, ioremaps that BAR, and allocates a DMA buffer, and gives none of
 * them back in exit. Also shows the refusals: the kernel's own ports
 * (the PIC at 0x20) and a region already claimed are NULL.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>

static int __init ioleak_init(void)
{
	struct pci_dev *pdev = pci_get_device(0x1234, 0x11e8, NULL);
	dma_addr_t handle;
	void __iomem *bar;

	if (!pdev)
		return -ENODEV;
	pr_info("hx_ioleak: ports 0x20: %s\n",
		request_region(0x20, 2, "hx_ioleak") ? "claimed" : "busy");
	pr_info("hx_ioleak: ports 0x300: %s\n",
		request_region(0x300, 0x20, "hx_ioleak") ? "claimed" : "busy");
	pr_info("hx_ioleak: ports 0x310 again: %s\n",
		request_region(0x310, 4, "hx_ioleak") ? "claimed" : "busy");
	pr_info("hx_ioleak: BAR 0: %s\n",
		request_mem_region(pci_resource_start(pdev, 0), 0x1000, "hx_ioleak") ?
		"claimed" : "busy");
	bar = ioremap(pci_resource_start(pdev, 0), pci_resource_len(pdev, 0));
	pr_info("hx_ioleak: edu id 0x%08x\n", bar ? readl(bar) : 0);
	pr_info("hx_ioleak: DMA buffer: %s\n",
		dma_alloc_coherent(&pdev->dev, 8192, &handle, GFP_KERNEL) ?
		"allocated" : "none");
	pci_dev_put(pdev);
	return 0;
}

static void __exit ioleak_exit(void)
{
}

module_init(ioleak_init);
module_exit(ioleak_exit);
MODULE_LICENSE("GPL");
