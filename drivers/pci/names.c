/*
 * Names of PCI vendors, devices, subsystems and classes for lspci: the
 * few a QEMU pc machine shows, worded as pciutils' pci.ids words them
 * (docs/pci.md "lspci"). Linear tables: they are short; a row's unused
 * fields are 0.
 */
#include "drivers/pci/names.h"
#include <stddef.h>

struct id_name {
	unsigned short a, b;		/* vendor, or base class */
	unsigned short c, d;		/* device, or subclass, prog-if */
	const char *name;
};

static const struct id_name vendors[] = {
	{ 0x1234, 0, 0, 0, "Technical Corp." },
	{ 0x1af4, 0, 0, 0, "Red Hat, Inc." },
	{ 0x1b36, 0, 0, 0, "Red Hat, Inc." },
	{ 0x8086, 0, 0, 0, "Intel Corporation" },
};

/* a = vendor, c = device */
static const struct id_name devices[] = {
	{ 0x1234, 0, 0x1111, 0, "QEMU Virtual Video Controller" },
	{ 0x1af4, 0, 0x1000, 0, "Virtio network device" },
	{ 0x1af4, 0, 0x1001, 0, "Virtio block device" },
	{ 0x1af4, 0, 0x1002, 0, "Virtio memory balloon" },
	{ 0x1af4, 0, 0x1003, 0, "Virtio console" },
	{ 0x1af4, 0, 0x1005, 0, "Virtio RNG" },
	{ 0x8086, 0, 0x100e, 0, "82540EM Gigabit Ethernet Controller" },
	{ 0x8086, 0, 0x1237, 0, "440FX - 82441FX PMC [Natoma]" },
	{ 0x8086, 0, 0x7000, 0, "82371SB PIIX3 ISA [Natoma/Triton II]" },
	{ 0x8086, 0, 0x7010, 0, "82371SB PIIX3 IDE [Natoma/Triton II]" },
	{ 0x8086, 0, 0x7020, 0, "82371SB PIIX3 USB [Natoma/Triton II]" },
	{ 0x8086, 0, 0x7113, 0, "82371AB/EB/MB PIIX4 ACPI" },
};

/* a:c = device, b:d = subsystem */
static const struct id_name subsystems[] = {
	{ 0x8086, 0x1af4, 0x100e, 0x1100, "QEMU Virtual Machine" },
	{ 0x8086, 0x1af4, 0x1237, 0x1100, "Qemu virtual machine" },
	{ 0x8086, 0x1af4, 0x7000, 0x1100, "Qemu virtual machine" },
	{ 0x8086, 0x1af4, 0x7010, 0x1100, "Qemu virtual machine" },
	{ 0x8086, 0x1af4, 0x7113, 0x1100, "Qemu virtual machine" },
};

/* a = base class, c = subclass (0xffff: the base class's own name) */
static const struct id_name classes[] = {
	{ 0x00, 0, 0xffff, 0, "Unclassified device" },
	{ 0x00, 0, 0x00, 0, "Non-VGA unclassified device" },
	{ 0x01, 0, 0xffff, 0, "Mass storage controller" },
	{ 0x01, 0, 0x00, 0, "SCSI storage controller" },
	{ 0x01, 0, 0x01, 0, "IDE interface" },
	{ 0x01, 0, 0x06, 0, "SATA controller" },
	{ 0x01, 0, 0x08, 0, "Non-Volatile memory controller" },
	{ 0x02, 0, 0xffff, 0, "Network controller" },
	{ 0x02, 0, 0x00, 0, "Ethernet controller" },
	{ 0x03, 0, 0xffff, 0, "Display controller" },
	{ 0x03, 0, 0x00, 0, "VGA compatible controller" },
	{ 0x04, 0, 0xffff, 0, "Multimedia controller" },
	{ 0x04, 0, 0x01, 0, "Multimedia audio controller" },
	{ 0x04, 0, 0x03, 0, "Audio device" },
	{ 0x05, 0, 0xffff, 0, "Memory controller" },
	{ 0x06, 0, 0xffff, 0, "Bridge" },
	{ 0x06, 0, 0x00, 0, "Host bridge" },
	{ 0x06, 0, 0x01, 0, "ISA bridge" },
	{ 0x06, 0, 0x04, 0, "PCI bridge" },
	{ 0x06, 0, 0x80, 0, "Bridge" },
	{ 0x07, 0, 0xffff, 0, "Communication controller" },
	{ 0x07, 0, 0x00, 0, "Serial controller" },
	{ 0x07, 0, 0x80, 0, "Communication controller" },
	{ 0x08, 0, 0xffff, 0, "Generic system peripheral" },
	{ 0x08, 0, 0x80, 0, "System peripheral" },
	{ 0x0c, 0, 0xffff, 0, "Serial bus controller" },
	{ 0x0c, 0, 0x03, 0, "USB controller" },
	{ 0xff, 0, 0xffff, 0, "Unassigned class" },
};

/* a:c = class, d = prog-if */
static const struct id_name progifs[] = {
	{ 0x01, 0, 0x01, 0x80, "ISA Compatibility mode-only controller, supports bus mastering" },
	{ 0x03, 0, 0x00, 0x00, "VGA controller" },
	{ 0x0c, 0, 0x03, 0x00, "UHCI" },
};

#define ARRAY_LEN(t) (sizeof(t) / sizeof((t)[0]))

/* The name of the row of t equal to a, b, c, d, or NULL. */
static const char *lookup(const struct id_name *t, size_t n, unsigned a,
			  unsigned b, unsigned c, unsigned d)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].a == a && t[i].b == b && t[i].c == c && t[i].d == d)
			return t[i].name;
	return NULL;
}

const char *pci_vendor_name(unsigned vendor)
{
	return lookup(vendors, ARRAY_LEN(vendors), vendor, 0, 0, 0);
}

const char *pci_device_name(unsigned vendor, unsigned device)
{
	return lookup(devices, ARRAY_LEN(devices), vendor, 0, device, 0);
}

const char *pci_subsys_name(unsigned vendor, unsigned device, unsigned sv,
			    unsigned sd)
{
	return lookup(subsystems, ARRAY_LEN(subsystems), vendor, sv, device, sd);
}

const char *pci_class_name(unsigned base, unsigned sub, int *generic)
{
	const char *n = lookup(classes, ARRAY_LEN(classes), base, 0, sub, 0);

	*generic = !n;
	return n ? n : lookup(classes, ARRAY_LEN(classes), base, 0, 0xffff, 0);
}

const char *pci_progif_name(unsigned base, unsigned sub, unsigned prog)
{
	return lookup(progifs, ARRAY_LEN(progifs), base, 0, sub, prog);
}
