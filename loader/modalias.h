/*
 * Module aliases (loader/modalias.c, pure code shared by tools/modpost
 * and the guest's modprobe): the pattern a PCI id table row becomes
 * ("pci:v00001234d000011E8sv*sd*bc*sc*i*", kmod's file2alias format), the
 * string a present device is known by ("pci:v00001234d000011E8sv00001AF4
 * sd00001100bc00scFFi00"), and the glob match between them.
 */
#ifndef LOADER_MODALIAS_H
#define LOADER_MODALIAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MODALIAS_ANY_ID	0xffffffffu	/* PCI_ANY_ID */
#define MODALIAS_LEN	64		/* room for either form and a NUL */

/* One row of a struct pci_device_id table as it lies in an i386 object:
 * seven little-endian 32-bit words (vendor, device, subvendor, subdevice,
 * class, class_mask, driver_data): 28 bytes. */
#define MODALIAS_PCI_ROW 28
struct modalias_pci_id {
	uint32_t vendor, device, subvendor, subdevice, class_, class_mask;
};

/* Writes row's alias pattern into buf[MODALIAS_LEN]. Returns 0, or
 * -EINVAL when a class mask byte is neither 0x00 nor 0xff (kmod cannot
 * say that with a glob either; the row gets no alias). */
int modalias_pci_pattern(const struct modalias_pci_id *id, char *buf);
/* Writes the alias of a present device into buf[MODALIAS_LEN]; class is
 * the 24-bit class code (base << 16 | sub << 8 | prog-if). Never fails. */
void modalias_pci_device(uint16_t vendor, uint16_t device, uint16_t subvendor,
			 uint16_t subdevice, uint32_t class_, char *buf);
/* Does s match pattern (`*` any run, `?` one character; everything else
 * itself, as fnmatch without brackets)? */
bool modalias_match(const char *pattern, const char *s);

#endif
