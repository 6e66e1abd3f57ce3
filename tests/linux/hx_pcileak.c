/*
 * hx_pcileak: registers a PCI driver for edu (1234:11e8) whose probe only
 * enables the device and turns on bus mastering, and forgets to
 * unregister it in exit. The kernel unregisters it at unload, without
 * calling remove, and stops the device.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/pci.h>

static int leak_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err = pci_enable_device(pdev);

	if (!err)
		pci_set_master(pdev);
	return err;
}

static void leak_remove(struct pci_dev *pdev)
{
	pr_info("hx_pcileak: remove called\n");
}

static const struct pci_device_id leak_ids[] = {
	{ PCI_DEVICE(0x1234, 0x11e8) },
	{ 0 }
};

static struct pci_driver leak_driver = {
	.name = "hx_pcileak",
	.id_table = leak_ids,
	.probe = leak_probe,
	.remove = leak_remove,
};

static int __init leak_init(void)
{
	return pci_register_driver(&leak_driver);
}

static void __exit leak_exit(void)
{
}

module_init(leak_init);
module_exit(leak_exit);
MODULE_LICENSE("GPL");
