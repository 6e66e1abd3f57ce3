/*
 * Device id tables a driver matches devices by. Only PCI's for now.
 */
#ifndef _LINUX_MOD_DEVICETABLE_H
#define _LINUX_MOD_DEVICETABLE_H

#include <linux/types.h>

#define PCI_ANY_ID	(~0u)

/* One row of a PCI driver's id_table; the table ends with a zeroed row.
 * A row matches a device when each id is PCI_ANY_ID or equal, and the
 * device's class ANDed with class_mask equals class. */
struct pci_device_id {
	u32 vendor, device;		/* PCI_ANY_ID: any */
	u32 subvendor, subdevice;	/* PCI_ANY_ID: any */
	u32 class, class_mask;		/* (class << 8 | prog-if) */
	unsigned long driver_data;	/* the driver's own, given to probe */
};

#endif
