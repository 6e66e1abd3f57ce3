/*
 * Shared inside drivers/pci/: the list of devices found at boot, config
 * space access by bus and devfn, and the registered drivers.
 * pci.c (config mechanism 1, enumeration, BARs), driver.c (matching,
 * probe/remove, enable, regions, iomap, reaping), proc.c (/proc/bus/pci).
 */
#ifndef DRIVERS_PCI_INTERNAL_H
#define DRIVERS_PCI_INTERNAL_H

#include <linux/pci.h>
#include "kernel/cpu.h"	/* irq_save / irq_restore */

/* Every device found, in bus order (bus, then devfn). */
extern struct pci_dev *pci_devices;

/* Config space of bus/devfn at where (aligned to the size). */
u32 pci_conf_read(unsigned bus, unsigned devfn, unsigned where, unsigned size);
void pci_conf_write(unsigned bus, unsigned devfn, unsigned where, unsigned size,
		    u32 val);

/* Makes /proc/bus/pci/devices and /proc/bus/pci/BB/DD.F. */
void pci_proc_init(void);

#endif
