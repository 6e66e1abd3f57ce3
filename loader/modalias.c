/*
 * Module aliases: PCI id rows to kmod's patterns, a device to its alias
 * string, and the glob match between them (see loader/modalias.h).
 */
#include "loader/modalias.h"
#include "lib/string.h"
#include <tessera/errno.h>

/* Appends "TAG%0*X", or "TAG*" when any. */
static void add(char *buf, const char *tag, bool any, unsigned digits, uint32_t v)
{
	size_t n = strlen(buf);

	if (any)
		snprintf(buf + n, MODALIAS_LEN - n, "%s*", tag);
	else
		snprintf(buf + n, MODALIAS_LEN - n, "%s%0*X", tag, (int)digits, v);
}

int modalias_pci_pattern(const struct modalias_pci_id *id, char *buf)
{
	static const char *const tags[3] = { "bc", "sc", "i" };

	snprintf(buf, MODALIAS_LEN, "pci:");
	add(buf, "v", id->vendor == MODALIAS_ANY_ID, 8, id->vendor);
	add(buf, "d", id->device == MODALIAS_ANY_ID, 8, id->device);
	add(buf, "sv", id->subvendor == MODALIAS_ANY_ID, 8, id->subvendor);
	add(buf, "sd", id->subdevice == MODALIAS_ANY_ID, 8, id->subdevice);
	for (int i = 0; i < 3; i++) {
		unsigned shift = 16 - 8 * i;
		uint32_t mask = (id->class_mask >> shift) & 0xff;

		if (mask != 0 && mask != 0xff)
			return -EINVAL;
		add(buf, tags[i], mask == 0, 2, (id->class_ >> shift) & 0xff);
	}
	if (buf[strlen(buf) - 1] != '*')
		snprintf(buf + strlen(buf), MODALIAS_LEN - strlen(buf), "*");
	return 0;
}

void modalias_pci_device(uint16_t vendor, uint16_t device, uint16_t subvendor,
			 uint16_t subdevice, uint32_t class_, char *buf)
{
	snprintf(buf, MODALIAS_LEN, "pci:v%08Xd%08Xsv%08Xsd%08Xbc%02Xsc%02Xi%02X",
		 vendor, device, subvendor, subdevice, (class_ >> 16) & 0xff,
		 (class_ >> 8) & 0xff, class_ & 0xff);
}

bool modalias_match(const char *p, const char *s)
{
	if (!*p)
		return !*s;
	if (*p == '*') {
		for (;; s++) {
			if (modalias_match(p + 1, s))
				return true;
			if (!*s)
				return false;
		}
	}
	return *s && (*p == '?' || *p == *s) && modalias_match(p + 1, s + 1);
}
