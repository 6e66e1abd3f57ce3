/*
 * The PCI driver model: id-table matching, probe for the devices present
 * when a driver registers, remove when it unregisters; what a driver does
 * to a device (enable, bus mastering, claiming and mapping its BARs,
 * config space); finding devices; and reaping a driver a module left
 * registered.
 */
#include "drivers/pci/internal.h"
#include "kernel/io.h"
#include "kernel/printk.h"
#include "kernel/symbols.h"
#include "lib/string.h"
#include <tessera/errno.h>

static struct {
	struct pci_driver *drivers;
} pci;

static bool id_matches(const struct pci_device_id *id, const struct pci_dev *d)
{
	return (id->vendor == PCI_ANY_ID || id->vendor == d->vendor) &&
	       (id->device == PCI_ANY_ID || id->device == d->device) &&
	       (id->subvendor == PCI_ANY_ID || id->subvendor == d->subsystem_vendor) &&
	       (id->subdevice == PCI_ANY_ID || id->subdevice == d->subsystem_device) &&
	       !((id->class ^ d->class) & id->class_mask);
}

/* The row of ids matching dev, or NULL; the table ends with a row whose
 * vendor, subvendor and class_mask are 0. */
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev)
{
	for (; ids && (ids->vendor || ids->subvendor || ids->class_mask); ids++)
		if (id_matches(ids, dev))
			return ids;
	return NULL;
}

static void probe_device(struct pci_driver *drv, struct pci_dev *d)
{
	const struct pci_device_id *id = pci_match_id(drv->id_table, d);
	int err;

	if (!id || d->driver)
		return;
	d->driver = drv;	/* pci_get_drvdata etc. work inside probe */
	d->dev.drv_name = drv->name;
	err = drv->probe(d, id);
	if (err) {
		d->driver = NULL;
		d->dev.drv_name = NULL;
		d->dev.driver_data = NULL;
		printk(KERN_INFO "%s %s: probe failed: %s\n", drv->name, d->slot_name,
		       strerror(err));
	}
}

static bool registered(const struct pci_driver *drv)
{
	for (struct pci_driver *p = pci.drivers; p; p = p->next)
		if (p == drv)
			return true;
	return false;
}

/* Registers drv and probes the matching devices; see <linux/pci.h>. */
int __pci_register_driver(struct pci_driver *drv, struct module *owner,
			  const char *mod_name)
{
	if (!drv || !drv->name || !drv->id_table || !drv->probe)
		return -EINVAL;
	if (registered(drv))
		return -EBUSY;
	drv->owner = owner;
	drv->next = pci.drivers;
	pci.drivers = drv;
	for (struct pci_dev *d = pci_devices; d; d = d->next)
		probe_device(drv, d);
	return 0;
}

static void unlink_driver(struct pci_driver *drv)
{
	struct pci_driver **p = &pci.drivers;

	while (*p != drv)
		p = &(*p)->next;
	*p = drv->next;
	drv->next = NULL;
}

static void unbind(struct pci_dev *d)
{
	d->driver = NULL;
	d->dev.drv_name = NULL;
	d->dev.driver_data = NULL;
}

/* Removes drv's devices and forgets drv; see <linux/pci.h>. */
void pci_unregister_driver(struct pci_driver *drv)
{
	if (!registered(drv)) {
		pr_err("pci_unregister_driver: %s is not registered\n",
		       drv && drv->name ? drv->name : "(null)");
		return;
	}
	for (struct pci_dev *d = pci_devices; d; d = d->next) {
		if (d->driver != drv)
			continue;
		if (drv->remove)
			drv->remove(d);
		unbind(d);
	}
	unlink_driver(drv);
}

static bool in_image(const void *p, uintptr_t start, uintptr_t len)
{
	return (uintptr_t)p - start < len;
}

/* A driver left registered: its structure or functions are in the image
 * going away. Its exit has run, so remove is not called (it would work
 * on state exit already freed); each bound device is unbound and its bus
 * mastering turned off, so it can no longer write into memory. */
unsigned pci_reap(const char *mod, uintptr_t start, uintptr_t len)
{
	struct pci_driver *drv = pci.drivers, *next;
	unsigned n = 0;

	for (; drv; drv = next) {
		char sym[96];
		unsigned bound = 0;

		next = drv->next;
		if (!in_image(drv, start, len) && !in_image(drv->owner, start, len) &&
		    !in_image(drv->probe, start, len) &&
		    !in_image(drv->remove, start, len))
			continue;
		for (struct pci_dev *d = pci_devices; d; d = d->next) {
			if (d->driver != drv)
				continue;
			pci_clear_master(d);
			unbind(d);
			bound++;
		}
		sym_format((uintptr_t)drv->probe, sym, sizeof(sym));
		pr_err("%s: the module left PCI driver '%s' registered (%s); "
		       "unregistered it without calling remove, %u device%s stopped\n",
		       mod, drv->name, sym, bound, bound == 1 ? "" : "s");
		unlink_driver(drv);
		n++;
	}
	return n;
}

/* ---- finding devices ---- */

struct pci_dev *pci_dev_get(struct pci_dev *dev)
{
	if (dev)
		dev->refcnt++;
	return dev;
}

void pci_dev_put(struct pci_dev *dev)
{
	if (!dev)
		return;
	if (dev->refcnt <= 0) {
		pr_err("pci_dev_put: %s has no reference to drop\n", dev->slot_name);
		return;
	}
	dev->refcnt--;
}

struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from)
{
	struct pci_dev *d = from ? from->next : pci_devices;

	pci_dev_put(from);
	for (; d; d = d->next)
		if ((vendor == PCI_ANY_ID || vendor == d->vendor) &&
		    (device == PCI_ANY_ID || device == d->device))
			return pci_dev_get(d);
	return NULL;
}

struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus,
					    unsigned int devfn)
{
	for (struct pci_dev *d = pci_devices; d; d = d->next)
		if (domain == 0 && d->bus->number == bus && d->devfn == devfn)
			return pci_dev_get(d);
	return NULL;
}

/* ---- config space ---- */

static int conf_check(int where, int size)
{
	return where < 0 || where + size > 256 || (where & (size - 1)) ? -EINVAL : 0;
}

#define CONF_READ(name, type, size)					\
int pci_read_config_##name(const struct pci_dev *dev, int where, type *val) \
{									\
	int err = conf_check(where, size);				\
									\
	*val = err ? (type)~0u :					\
	       (type)pci_conf_read(dev->bus->number, dev->devfn, where, size); \
	return err;							\
}
#define CONF_WRITE(name, type, size)					\
int pci_write_config_##name(const struct pci_dev *dev, int where, type val) \
{									\
	int err = conf_check(where, size);				\
									\
	if (!err)							\
		pci_conf_write(dev->bus->number, dev->devfn, where, size, val); \
	return err;							\
}
CONF_READ(byte, u8, 1)
CONF_READ(word, u16, 2)
CONF_READ(dword, u32, 4)
CONF_WRITE(byte, u8, 1)
CONF_WRITE(word, u16, 2)
CONF_WRITE(dword, u32, 4)

/* ---- using a device ---- */

static void command_update(struct pci_dev *d, u16 set, u16 clear)
{
	u16 cmd;

	pci_read_config_word(d, PCI_COMMAND, &cmd);
	pci_write_config_word(d, PCI_COMMAND, (cmd | set) & ~clear);
}

int pci_enable_device(struct pci_dev *dev)
{
	u16 set = 0;

	for (int i = 0; i < DEVICE_COUNT_RESOURCE; i++) {
		if (!dev->resource[i].end)
			continue;
		if (dev->resource[i].flags & IORESOURCE_IO)
			set |= PCI_COMMAND_IO;
		else if (i != PCI_ROM_RESOURCE)
			set |= PCI_COMMAND_MEMORY;
	}
	command_update(dev, set, 0);
	dev->enable_cnt++;
	return 0;
}

void pci_disable_device(struct pci_dev *dev)
{
	if (dev->enable_cnt <= 0) {
		pr_err("pci_disable_device: %s is not enabled\n", dev->slot_name);
		return;
	}
	if (--dev->enable_cnt == 0)
		pci_clear_master(dev);
}

void pci_set_master(struct pci_dev *dev)
{
	command_update(dev, PCI_COMMAND_MASTER, 0);
	dev->is_busmaster = 1;
}

void pci_clear_master(struct pci_dev *dev)
{
	command_update(dev, 0, PCI_COMMAND_MASTER);
	dev->is_busmaster = 0;
}

static struct resource *bar_root(const struct resource *r)
{
	return r->flags & IORESOURCE_IO ? &ioport_resource : &iomem_resource;
}

static bool bar_usable(const struct pci_dev *dev, int bar)
{
	return bar >= 0 && bar < DEVICE_COUNT_RESOURCE &&
	       dev->resource[bar].start && dev->resource[bar].end;
}

static int request_bar(struct pci_dev *dev, int bar, const char *name,
		       uintptr_t caller)
{
	struct resource *r = &dev->resource[bar];

	if (!bar_usable(dev, bar))
		return 0;
	return resource_request_caller(bar_root(r), r->start, resource_size(r),
				       name, caller) ? 0 : -EBUSY;
}

void pci_release_region(struct pci_dev *dev, int bar)
{
	struct resource *r = &dev->resource[bar];

	if (bar_usable(dev, bar))
		__release_region(bar_root(r), r->start, resource_size(r));
}

__attribute__((__noinline__))
int pci_request_region(struct pci_dev *dev, int bar, const char *name)
{
	return request_bar(dev, bar, name, (uintptr_t)__builtin_return_address(0));
}

/* Claims every BAR (not the ROM) or none. */
__attribute__((__noinline__))
int pci_request_regions(struct pci_dev *dev, const char *name)
{
	uintptr_t caller = (uintptr_t)__builtin_return_address(0);

	for (int i = 0; i < PCI_STD_NUM_BARS; i++) {
		if (request_bar(dev, i, name, caller)) {
			while (--i >= 0)
				pci_release_region(dev, i);
			return -EBUSY;
		}
	}
	return 0;
}

void pci_release_regions(struct pci_dev *dev)
{
	for (int i = 0; i < PCI_STD_NUM_BARS; i++)
		pci_release_region(dev, i);
}

__attribute__((__noinline__))
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	struct resource *r = &dev->resource[bar];
	u32 len;

	if (!bar_usable(dev, bar))
		return NULL;
	if (r->flags & IORESOURCE_IO)
		return (void __iomem *)(uintptr_t)r->start;
	len = resource_size(r);
	if (maxlen && maxlen < len)
		len = maxlen;
	return ioremap_caller(r->start, len, (uintptr_t)__builtin_return_address(0));
}

void pci_iounmap(struct pci_dev *dev, void __iomem *addr)
{
	if ((uintptr_t)addr > IO_SPACE_LIMIT)
		iounmap(addr);
}
