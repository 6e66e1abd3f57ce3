/*
 * /proc/bus/pci: `devices`, one line per device in Linux's layout (bus and
 * devfn, vendor and device, irq, the 7 BARs with their flag bits, their
 * sizes, each "\t%16llx" as Linux prints them, the driver's name), and
 * BB/DD.F, each device's 256 bytes of
 * configuration space, read live (what lspci reads).
 */
#include "drivers/pci/internal.h"
#include "kernel/printk.h"
#include "fs/vfs.h"
#include "lib/string.h"

static int show_devices(struct seq_buf *m, void *arg)
{
	for (struct pci_dev *d = pci_devices; d; d = d->next) {
		seq_buf_printf(m, "%02x%02x\t%04x%04x\t%x", d->bus->number, d->devfn,
			   d->vendor, d->device, d->irq);
		for (int i = 0; i < DEVICE_COUNT_RESOURCE; i++)
			seq_buf_printf(m, "\t%16llx", (unsigned long long)
				       (d->resource[i].start | (d->resource[i].flags & 0xf)));
		for (int i = 0; i < DEVICE_COUNT_RESOURCE; i++) {
			const struct resource *r = &d->resource[i];

			seq_buf_printf(m, "\t%16llx", (unsigned long long)
				       (r->start < r->end ? resource_size(r) : 0));
		}
		seq_buf_printf(m, "\t%s\n", d->driver ? d->driver->name : "");
	}
	return 0;
}

static int show_config(struct seq_buf *m, void *arg)
{
	const struct pci_dev *d = arg;
	unsigned char cfg[256];

	for (unsigned where = 0; where < 256; where += 4) {
		u32 v = pci_conf_read(d->bus->number, d->devfn, where, 4);

		for (int i = 0; i < 4; i++)
			cfg[where + i] = (unsigned char)(v >> (8 * i));
	}
	return seq_buf_write(m, cfg, sizeof(cfg));
}

void pci_proc_init(void)
{
	char path[32];

	if (proc_create_show("bus/pci/devices", show_devices, NULL))
		pr_err("pci: cannot make /proc/bus/pci/devices\n");
	for (struct pci_dev *d = pci_devices; d; d = d->next) {
		snprintf(path, sizeof(path), "bus/pci/%02x/%02x.%x", d->bus->number,
			 PCI_SLOT(d->devfn), PCI_FUNC(d->devfn));
		if (proc_create_show(path, show_config, d))
			pr_err("pci: cannot make /proc/%s\n", path);
	}
}
