/*
 * hx_irqstorm: a driver whose interrupt handler never recognizes its
 * device's interrupt (it returns IRQ_NONE and never acknowledges), on
 * QEMU's edu device, whose interrupt is level-triggered: once raised it
 * fires again as soon as the handler returns. Without a remedy the CPU
 * would never leave the interrupt path. As Linux, Tessera masks a line
 * whose interrupts went unhandled 99,900 times in 100,000 ("Disabling IRQ
 * #N"); the module's init then goes on, and remove acknowledges the
 * device before unloading.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/delay.h>
#include <linux/io.h>

#define EDU_IRQ_STATUS	0x24
#define EDU_IRQ_RAISE	0x60
#define EDU_IRQ_ACK	0x64

static void __iomem *hx_bar;
static unsigned long hx_calls;

static irqreturn_t hx_irqstorm_handler(int irq, void *dev_id)
{
	hx_calls++;
	return IRQ_NONE;	/* the bug: it is ours, and we say it is not */
}

static int hx_irqstorm_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err = pci_enable_device(pdev);

	if (err)
		return err;
	hx_bar = pci_iomap(pdev, 0, 0);
	if (!hx_bar) {
		pci_disable_device(pdev);
		return -ENOMEM;
	}
	err = request_irq(pdev->irq, hx_irqstorm_handler, IRQF_SHARED, "hx_irqstorm", pdev);
	if (err) {
		pci_iounmap(pdev, hx_bar);
		pci_disable_device(pdev);
		return err;
	}
	iowrite32(1, hx_bar + EDU_IRQ_RAISE);
	msleep(20);	/* goes on once the stuck line is masked */
	pr_info("hx_irqstorm: the handler ran %lu times; the kernel goes on\n", hx_calls);
	return 0;
}

static void hx_irqstorm_remove(struct pci_dev *pdev)
{
	iowrite32(ioread32(hx_bar + EDU_IRQ_STATUS), hx_bar + EDU_IRQ_ACK);
	free_irq(pdev->irq, pdev);
	pci_iounmap(pdev, hx_bar);
	pci_disable_device(pdev);
	pr_info("hx_irqstorm: removed\n");
}

static const struct pci_device_id hx_irqstorm_ids[] = {
	{ PCI_DEVICE(0x1234, 0x11e8) },
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, hx_irqstorm_ids);

static struct pci_driver hx_irqstorm_driver = {
	.name = "hx_irqstorm",
	.id_table = hx_irqstorm_ids,
	.probe = hx_irqstorm_probe,
	.remove = hx_irqstorm_remove,
};

static int __init hx_irqstorm_init(void)
{
	return pci_register_driver(&hx_irqstorm_driver);
}

static void __exit hx_irqstorm_exit(void)
{
	pci_unregister_driver(&hx_irqstorm_driver);
}

module_init(hx_irqstorm_init);
module_exit(hx_irqstorm_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("An interrupt handler that never claims its interrupt: the line is masked");
