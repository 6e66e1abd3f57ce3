/*
 * PCI for drivers, under Linux's names. The kernel finds every device at
 * boot (drivers/pci/); a driver describes the devices it drives with an
 * id table and registers a struct pci_driver: probe is called for each
 * matching device present, remove for each bound device when the driver
 * is unregistered. Inside probe a driver enables the device, claims and
 * maps its BARs, and may set up DMA (<linux/dma-mapping.h>).
 */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H

#include <linux/types.h>
#include <linux/mod_devicetable.h>
#include <linux/ioport.h>
#include <linux/io.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/pci_ids.h>

/* ---- configuration space offsets and bits ---- */
#define PCI_VENDOR_ID		0x00	/* 16 bits */
#define PCI_DEVICE_ID		0x02	/* 16 bits */
#define PCI_COMMAND		0x04	/* 16 bits */
#define  PCI_COMMAND_IO		0x1	/* decode its I/O BARs */
#define  PCI_COMMAND_MEMORY	0x2	/* decode its memory BARs */
#define  PCI_COMMAND_MASTER	0x4	/* may start DMA */
#define  PCI_COMMAND_INTX_DISABLE 0x400
#define PCI_STATUS		0x06	/* 16 bits */
#define PCI_CLASS_REVISION	0x08	/* class << 8 | revision */
#define PCI_REVISION_ID		0x08
#define PCI_CLASS_PROG		0x09
#define PCI_CLASS_DEVICE	0x0a	/* base class << 8 | subclass */
#define PCI_CACHE_LINE_SIZE	0x0c
#define PCI_LATENCY_TIMER	0x0d
#define PCI_HEADER_TYPE		0x0e
#define  PCI_HEADER_TYPE_NORMAL	0
#define  PCI_HEADER_TYPE_BRIDGE	1
#define PCI_BASE_ADDRESS_0	0x10	/* 6 of them, 4 bytes apart */
#define  PCI_BASE_ADDRESS_SPACE_IO	0x01
#define  PCI_BASE_ADDRESS_MEM_TYPE_64	0x04
#define  PCI_BASE_ADDRESS_MEM_PREFETCH	0x08
#define  PCI_BASE_ADDRESS_IO_MASK	(~0x03u)
#define  PCI_BASE_ADDRESS_MEM_MASK	(~0x0fu)
#define PCI_PRIMARY_BUS		0x18	/* bridges */
#define PCI_SECONDARY_BUS	0x19
#define PCI_SUBORDINATE_BUS	0x1a
#define PCI_SUBSYSTEM_VENDOR_ID	0x2c
#define PCI_SUBSYSTEM_ID	0x2e
#define PCI_ROM_ADDRESS		0x30
#define PCI_INTERRUPT_LINE	0x3c
#define PCI_INTERRUPT_PIN	0x3d

#define PCI_DEVFN(slot, func)	((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)

#define PCI_STD_NUM_BARS	6
#define PCI_ROM_RESOURCE	6
#define DEVICE_COUNT_RESOURCE	7	/* 6 BARs and the expansion ROM */

struct pci_driver;

/* A bus: number 0 is the host bridge's; a bridge's secondary bus has its
 * own. */
struct pci_bus {
	unsigned char number;
	struct pci_dev *self;		/* the bridge leading here; NULL on 0 */
};

/* One function of one device, found at boot. Fields are read-only for
 * drivers (use the calls below), except through pci_set_drvdata. */
struct pci_dev {
	struct pci_bus *bus;
	unsigned int devfn;		/* PCI_DEVFN(slot, function) */
	unsigned short vendor, device;
	unsigned short subsystem_vendor, subsystem_device;
	unsigned int class;		/* base << 16 | sub << 8 | prog-if */
	u8 revision;
	u8 hdr_type;			/* header layout, without the MF bit */
	u8 pin;				/* INTA..INTD = 1..4, 0 = none */
	unsigned int irq;		/* the ISA IRQ its pin is routed to */
	struct resource resource[DEVICE_COUNT_RESOURCE];	/* BARs, ROM */
	u64 dma_mask;			/* dev.dma_mask points here */
	struct device dev;
	struct pci_driver *driver;	/* bound driver, or NULL */
	int enable_cnt;			/* pci_enable_device calls not undone */
	unsigned int is_busmaster:1;
	char slot_name[16];		/* "0000:00:04.0" (pci_name) */
	int refcnt;			/* pci_dev_get references */
	struct pci_dev *next;		/* all devices, in bus order */
};

/* A driver. Fill name, id_table, probe and remove, then register it. */
struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;	/* ends with a zeroed row */
	/* Called for each matching unbound device: 0 binds it, -errno
	 * leaves it unbound (the driver must then have undone its work). */
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	/* Called for each bound device at unregistration. */
	void (*remove)(struct pci_dev *dev);
	void (*shutdown)(struct pci_dev *dev);	/* never called */
	struct module *owner;			/* set by pci_register_driver */
	struct pci_driver *next;		/* registered drivers */
};

/* One id-table row: the device with this vendor and device id. */
#define PCI_DEVICE(vend, dev)						\
	.vendor = (vend), .device = (dev),				\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_DEVICE_SUB(vend, dev, subvend, subdev)			\
	.vendor = (vend), .device = (dev),				\
	.subvendor = (subvend), .subdevice = (subdev)
/* Any device whose class matches (class and mask on 24 bits). */
#define PCI_DEVICE_CLASS(dev_class, dev_class_mask)			\
	.class = (dev_class), .class_mask = (dev_class_mask),		\
	.vendor = PCI_ANY_ID, .device = PCI_ANY_ID,			\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_VDEVICE(vend, dev)						\
	.vendor = PCI_VENDOR_ID_##vend, .device = (dev),		\
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

/* MODULE_DEVICE_TABLE: <linux/module.h>. */

/* ---- drivers ---- */

/* Registers drv and calls its probe for every matching device not bound
 * yet (in bus order). Returns 0 (even if no device matched or a probe
 * failed), -EINVAL (no name, id_table or probe) or -EBUSY (drv already
 * registered). A driver a module leaves registered at unload is
 * unregistered without calling remove (the module's exit has run), its
 * devices' bus mastering turned off, and reported. */
int __pci_register_driver(struct pci_driver *drv, struct module *owner,
			  const char *mod_name);
#define pci_register_driver(drv)					\
	__pci_register_driver(drv, THIS_MODULE, KBUILD_MODNAME)
/* Calls remove for each device bound to drv, unbinds them and forgets
 * drv. A driver not registered is reported and ignored. */
void pci_unregister_driver(struct pci_driver *drv);

/* The id-table row matching dev, or NULL. */
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev);

/* ---- finding devices ---- */

/* The next device after from (NULL: the first) with this vendor and
 * device id (PCI_ANY_ID matches any), with a reference taken; the
 * reference on from is dropped. NULL when there is none left. */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from);
/* The device at bus number bus, devfn, with a reference; or NULL. */
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus,
					    unsigned int devfn);
/* Take and drop a reference (devices are never removed, so this only
 * counts; a put without a get is reported). NULL does nothing. */
struct pci_dev *pci_dev_get(struct pci_dev *dev);
void pci_dev_put(struct pci_dev *dev);

/* ---- using a device ---- */

/* Turns on decoding of the device's I/O and memory BARs (the command
 * register's IO and MEMORY bits, for the kinds of BARs it has). Counted:
 * each call needs a pci_disable_device. Returns 0. */
int pci_enable_device(struct pci_dev *dev);
/* Undoes one pci_enable_device; the last one turns bus mastering off. */
void pci_disable_device(struct pci_dev *dev);
/* Lets the device start DMA (the command register's MASTER bit). */
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);

/* Claims BAR bar (or all BARs) for name, nested in the BAR's resource,
 * shown in /proc/ioports or /proc/iomem. Returns 0, or -EBUSY if some
 * BAR is claimed already (then nothing is claimed). An empty BAR is
 * skipped. */
int pci_request_region(struct pci_dev *dev, int bar, const char *name);
void pci_release_region(struct pci_dev *dev, int bar);
int pci_request_regions(struct pci_dev *dev, const char *name);
void pci_release_regions(struct pci_dev *dev);

/* Maps BAR bar: for a memory BAR an ioremap of its first maxlen bytes (0:
 * all of it), for an I/O BAR a port cookie for ioread/iowrite. NULL for
 * an empty BAR or if mapping fails. pci_iounmap undoes it. */
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen);
void pci_iounmap(struct pci_dev *dev, void __iomem *addr);

/* Configuration space reads and writes (mechanism 1). Return 0, or
 * -EINVAL for an offset past 255 or not aligned to the size. */
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);

#define pci_resource_start(dev, bar)	((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar)	((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar)	((dev)->resource[(bar)].flags)
#define pci_resource_len(dev, bar)					\
	((pci_resource_end((dev), (bar)) == 0) ? 0 :			\
	 (pci_resource_end((dev), (bar)) - pci_resource_start((dev), (bar)) + 1))

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

/* "0000:00:04.0": domain, bus, slot, function. */
static inline const char *pci_name(const struct pci_dev *pdev)
{
	return pdev->slot_name;
}

static inline int pci_set_dma_mask(struct pci_dev *dev, u64 mask)
{
	return dma_set_mask(&dev->dev, mask);
}

static inline int pci_set_consistent_dma_mask(struct pci_dev *dev, u64 mask)
{
	return dma_set_coherent_mask(&dev->dev, mask);
}

#define to_pci_dev(d)	((struct pci_dev *)((char *)(d) - offsetof(struct pci_dev, dev)))

/* A module whose init and exit only register and unregister its PCI
 * driver says so in one line, as in Linux (module_pci_driver). */
#define module_pci_driver(__pci_driver)					\
	static int __init __pci_driver##_init(void)			\
	{								\
		return pci_register_driver(&(__pci_driver));		\
	}								\
	module_init(__pci_driver##_init);				\
	static void __exit __pci_driver##_exit(void)			\
	{								\
		pci_unregister_driver(&(__pci_driver));			\
	}								\
	module_exit(__pci_driver##_exit)

#endif
