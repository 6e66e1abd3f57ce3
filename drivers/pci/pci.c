/*
 * PCI at boot: configuration mechanism 1 (an address written to port
 * 0xcf8, the data at 0xcfc..0xcff), and the walk over every bus, device
 * and function that makes one struct pci_dev each, with its BARs sized
 * and put into the resource trees and its interrupt line read. Devices
 * are never removed.
 */
#include "drivers/pci/internal.h"
#include "kernel/io.h"
#include "kernel/printk.h"
#include "mm/mm.h"
#include "lib/string.h"

#define CONF_ADDR	0xcf8
#define CONF_DATA	0xcfc

struct pci_dev *pci_devices;
static struct pci_dev **pci_tail = &pci_devices;

static void conf_select(unsigned bus, unsigned devfn, unsigned where)
{
	outl(0x80000000u | bus << 16 | devfn << 8 | (where & 0xfc), CONF_ADDR);
}

u32 pci_conf_read(unsigned bus, unsigned devfn, unsigned where, unsigned size)
{
	u32 flags = irq_save(), v;

	conf_select(bus, devfn, where);
	if (size == 1)
		v = inb(CONF_DATA + (where & 3));
	else if (size == 2)
		v = inw(CONF_DATA + (where & 2));
	else
		v = inl(CONF_DATA);
	irq_restore(flags);
	return v;
}

void pci_conf_write(unsigned bus, unsigned devfn, unsigned where, unsigned size,
		    u32 val)
{
	u32 flags = irq_save();

	conf_select(bus, devfn, where);
	if (size == 1)
		outb(val, CONF_DATA + (where & 3));
	else if (size == 2)
		outw(val, CONF_DATA + (where & 2));
	else
		outl(val, CONF_DATA);
	irq_restore(flags);
}

static u32 rd32(struct pci_dev *d, unsigned where)
{
	return pci_conf_read(d->bus->number, d->devfn, where, 4);
}

static void wr32(struct pci_dev *d, unsigned where, u32 v)
{
	pci_conf_write(d->bus->number, d->devfn, where, 4, v);
}

/* Writes all ones to the BAR at where, reads back what sticks, restores
 * it. Decoding is off meanwhile so the device never answers at the
 * half-written address. */
static u32 bar_probe(struct pci_dev *d, unsigned where, u32 ones)
{
	u32 old = rd32(d, where), sized;
	u16 cmd = pci_conf_read(d->bus->number, d->devfn, PCI_COMMAND, 2);

	pci_conf_write(d->bus->number, d->devfn, PCI_COMMAND, 2,
		       cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	wr32(d, where, ones);
	sized = rd32(d, where);
	wr32(d, where, old);
	pci_conf_write(d->bus->number, d->devfn, PCI_COMMAND, 2, cmd);
	return sized;
}

static void res_set(struct pci_dev *d, int i, u32 start, u32 size, unsigned long flags)
{
	struct resource *r = &d->resource[i];

	r->name = d->slot_name;
	r->flags = flags;
	r->start = start;
	r->end = size ? start + size - 1 : 0;
	if (start && size && resource_insert(flags & IORESOURCE_IO ? &ioport_resource
					     : &iomem_resource, r))
		pr_warn("pci %s: BAR %d [%x-%x] clashes with another range\n",
			d->slot_name, i, r->start, r->end);
}

/* Sizes BAR i; returns how many BAR slots it takes (2 for a 64-bit one). */
static int size_bar(struct pci_dev *d, int i)
{
	unsigned where = PCI_BASE_ADDRESS_0 + 4 * i;
	u32 bar = rd32(d, where), mask = bar_probe(d, where, ~0u), size;

	if (mask == 0 || mask == ~0u)
		return 1;			/* not implemented */
	if (bar & PCI_BASE_ADDRESS_SPACE_IO) {
		size = (~(mask & PCI_BASE_ADDRESS_IO_MASK) & 0xffff) + 1;
		res_set(d, i, bar & PCI_BASE_ADDRESS_IO_MASK, size,
			IORESOURCE_IO | (bar & 0x3));
		return 1;
	}
	size = ~(mask & PCI_BASE_ADDRESS_MEM_MASK) + 1;
	if ((bar & 0x6) == PCI_BASE_ADDRESS_MEM_TYPE_64 && i < 5) {
		u32 hi = rd32(d, where + 4);

		if (hi)		/* above 4 GiB: out of this kernel's reach */
			pr_warn("pci %s: BAR %d above 4 GiB, ignored\n", d->slot_name, i);
		else
			res_set(d, i, bar & PCI_BASE_ADDRESS_MEM_MASK, size,
				IORESOURCE_MEM | IORESOURCE_MEM_64 | (bar & 0xf) |
				(bar & 8 ? IORESOURCE_PREFETCH : 0));
		return 2;
	}
	res_set(d, i, bar & PCI_BASE_ADDRESS_MEM_MASK, size,
		IORESOURCE_MEM | (bar & 0xf) | (bar & 8 ? IORESOURCE_PREFETCH : 0));
	return 1;
}

static void size_rom(struct pci_dev *d, unsigned where)
{
	u32 rom = rd32(d, where), mask = bar_probe(d, where, ~1u) & ~0x7ffu;

	if (mask)
		res_set(d, PCI_ROM_RESOURCE, rom & ~0x7ffu, ~mask + 1, IORESOURCE_MEM);
}

static void read_ids(struct pci_dev *d)
{
	u32 id = rd32(d, PCI_VENDOR_ID), cr = rd32(d, PCI_CLASS_REVISION);
	u32 sub = rd32(d, PCI_SUBSYSTEM_VENDOR_ID);
	u8 hdr = pci_conf_read(d->bus->number, d->devfn, PCI_HEADER_TYPE, 1);

	d->vendor = id & 0xffff;
	d->device = id >> 16;
	d->class = cr >> 8;
	d->revision = cr & 0xff;
	d->hdr_type = hdr & 0x7f;
	if (d->hdr_type == PCI_HEADER_TYPE_NORMAL) {
		d->subsystem_vendor = sub & 0xffff;
		d->subsystem_device = sub >> 16;
	}
	d->pin = pci_conf_read(d->bus->number, d->devfn, PCI_INTERRUPT_PIN, 1);
	if (d->pin)
		d->irq = pci_conf_read(d->bus->number, d->devfn, PCI_INTERRUPT_LINE, 1);
}

static void scan_bus(struct pci_bus *bus);

/* Makes the pci_dev of bus/devfn, known to exist. */
static void add_device(struct pci_bus *bus, unsigned devfn)
{
	struct pci_dev *d = kzalloc(sizeof(*d));
	int nbars;

	if (!d) {
		pr_err("pci: no memory for %02x:%02x.%x\n", bus->number,
		       PCI_SLOT(devfn), PCI_FUNC(devfn));
		return;
	}
	d->bus = bus;
	d->devfn = devfn;
	snprintf(d->slot_name, sizeof(d->slot_name), "0000:%02x:%02x.%x",
		 bus->number, PCI_SLOT(devfn), PCI_FUNC(devfn));
	strlcpy(d->dev.name, d->slot_name, sizeof(d->dev.name));	/* dev_name() */
	d->dev.bus_name = "pci";
	read_ids(d);
	d->dma_mask = DMA_BIT_MASK(32);
	d->dev.dma_mask = &d->dma_mask;
	d->dev.coherent_dma_mask = DMA_BIT_MASK(32);
	printk(KERN_INFO "pci %s: [%04x:%04x] type %02x class 0x%06x\n", d->slot_name,
	       d->vendor, d->device, d->hdr_type, d->class);
	nbars = d->hdr_type == PCI_HEADER_TYPE_NORMAL ? 6 :
		d->hdr_type == PCI_HEADER_TYPE_BRIDGE ? 2 : 0;
	for (int i = 0; i < nbars; )
		i += size_bar(d, i);
	if (d->hdr_type == PCI_HEADER_TYPE_NORMAL)
		size_rom(d, PCI_ROM_ADDRESS);
	*pci_tail = d;
	pci_tail = &d->next;
	if (d->hdr_type == PCI_HEADER_TYPE_BRIDGE) {
		struct pci_bus *child = kzalloc(sizeof(*child));
		u8 sec = pci_conf_read(bus->number, devfn, PCI_SECONDARY_BUS, 1);

		if (child && sec > bus->number) {
			child->number = sec;
			child->self = d;
			scan_bus(child);
		} else {
			kfree(child);
		}
	}
}

static void scan_bus(struct pci_bus *bus)
{
	for (unsigned slot = 0; slot < 32; slot++) {
		unsigned nfn = 1;

		for (unsigned fn = 0; fn < nfn; fn++) {
			unsigned devfn = PCI_DEVFN(slot, fn);
			u32 id = pci_conf_read(bus->number, devfn, PCI_VENDOR_ID, 4);

			if ((id & 0xffff) == 0xffff || (id & 0xffff) == 0)
				continue;
			if (fn == 0 && (pci_conf_read(bus->number, devfn,
						      PCI_HEADER_TYPE, 1) & 0x80))
				nfn = 8;	/* multifunction */
			add_device(bus, devfn);
		}
	}
}

void pci_init(void)
{
	static struct pci_bus bus0;
	unsigned n = 0;

	/* mechanism 1 answers with the enable bit it was given */
	outl(0x80000000u, CONF_ADDR);
	if (inl(CONF_ADDR) != 0x80000000u) {
		printk(KERN_INFO "pci: no configuration mechanism 1; no PCI\n");
		return;
	}
	scan_bus(&bus0);
	for (struct pci_dev *d = pci_devices; d; d = d->next)
		n++;
	printk(KERN_INFO "pci: %u devices\n", n);
	pci_proc_init();
}
