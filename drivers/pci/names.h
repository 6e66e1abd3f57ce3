/*
 * The names lspci prints for PCI ids: a small table of what QEMU's pc
 * machine has (i440FX, PIIX3 and its functions, VGA, e1000, edu, virtio)
 * and the class codes, with the names pciutils' pci.ids gives them.
 * Anything not in it is printed by number, as pciutils does.
 */
#ifndef DRIVERS_PCI_NAMES_H
#define DRIVERS_PCI_NAMES_H

/* The vendor's name, or NULL if the table lacks it. */
const char *pci_vendor_name(unsigned vendor);
/* The device's name (without the vendor's), or NULL. */
const char *pci_device_name(unsigned vendor, unsigned device);
/* The name of subsystem sv:sd on device vendor:device, or NULL. */
const char *pci_subsys_name(unsigned vendor, unsigned device,
			    unsigned sv, unsigned sd);
/* The name of class base:sub; NULL if unknown. *generic is set to 1 when
 * only the base class is known (the name is then the base class's). */
const char *pci_class_name(unsigned base, unsigned sub, int *generic);
/* The name of programming interface prog of class base:sub, or NULL. */
const char *pci_progif_name(unsigned base, unsigned sub, unsigned prog);

#endif
