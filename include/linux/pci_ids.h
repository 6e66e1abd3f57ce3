/* PCI vendor, device and class numbers: the few Tessera's tests and the
 * drivers tried from the books (docs/linux-compat.md) use. */
#ifndef _LINUX_PCI_IDS_H
#define _LINUX_PCI_IDS_H

#define PCI_CLASS_NOT_DEFINED		0x0000
#define PCI_CLASS_STORAGE_IDE		0x0101
#define PCI_CLASS_NETWORK_ETHERNET	0x0200
#define PCI_CLASS_DISPLAY_VGA		0x0300
#define PCI_CLASS_BRIDGE_HOST		0x0600
#define PCI_CLASS_BRIDGE_ISA		0x0601
#define PCI_CLASS_BRIDGE_PCI		0x0604
#define PCI_CLASS_BRIDGE_OTHER		0x0680
#define PCI_CLASS_OTHERS		0xff

#define PCI_VENDOR_ID_INTEL		0x8086
#define PCI_DEVICE_ID_INTEL_82441	0x1237
#define PCI_DEVICE_ID_INTEL_82371SB_0	0x7000
#define PCI_DEVICE_ID_INTEL_82801AA_3	0x2415	/* AC97 audio: QEMU -device AC97 */
#define PCI_VENDOR_ID_REDHAT_QUMRANET	0x1af4

#endif
