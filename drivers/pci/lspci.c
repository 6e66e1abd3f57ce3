/*
 * lspci: the PCI devices as pciutils' lspci prints them ("00:00.0 Host
 * bridge: Intel Corporation 440FX - 82441FX PMC [Natoma] (rev 02)", names
 * from drivers/pci/names.c); -n numbers only ("00:04.0 00ff: 1234:11e8
 * (rev 10)"), -nn both; -v adds the subsystem, flags and IRQ, each BAR
 * with its size, and the bound driver. It reads what pciutils' lspci
 * reads: /proc/bus/pci/devices, and each device's configuration space in
 * /proc/bus/pci/BB/DD.F. A shell command, with the PCI code it reads
 * (as loader/lsmod.c sits with the loader): it uses loader/tools.h.
 */
#include "loader/tools.h"
#include "shell/commands.h"
#include "drivers/pci/names.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <stdbool.h>
#include <stdint.h>

/* One line of /proc/bus/pci/devices, parsed. */
struct pci_line {
	unsigned bus, devfn, vendor, device, irq;
	uint32_t bar[7], size[7];
	const char *driver;		/* "" if none */
};

static bool parse_line(char *line, struct pci_line *p)
{
	char *w[18];
	int n = 0;

	for (char *s = line; n < 18; ) {
		w[n++] = s;
		s = strchr(s, '\t');
		if (!s)
			break;
		*s++ = '\0';
	}
	if (n < 17)
		return false;
	unsigned long bd = strtoul(w[0], NULL, 16), id = strtoul(w[1], NULL, 16);
	p->bus = bd >> 8;
	p->devfn = bd & 0xff;
	p->vendor = id >> 16;
	p->device = id & 0xffff;
	p->irq = strtoul(w[2], NULL, 16);
	for (int i = 0; i < 7; i++) {
		p->bar[i] = strtoul(w[3 + i], NULL, 16);
		p->size[i] = strtoul(w[10 + i], NULL, 16);
	}
	p->driver = n > 17 ? w[17] : "";
	return true;
}

/* " [size=1M]": in the largest unit that divides it, as lspci does. */
static void print_size(uint32_t size)
{
	static const char *const unit[] = { "", "K", "M", "G" };
	int u = 0;

	while (u < 3 && size && !(size % 1024)) {
		size /= 1024;
		u++;
	}
	out_printf(1, " [size=%u%s]", size, unit[u]);
}

static void print_bars(const struct pci_line *p)
{
	for (int i = 0; i < 7; i++) {
		uint32_t b = p->bar[i];

		if (!p->size[i])
			continue;
		if (i == 6)
			out_printf(1, "\tExpansion ROM at %08x [disabled]", b & ~0x7ffu);
		else if (b & 1)
			out_printf(1, "\tI/O ports at %04x", b & ~3u);
		else
			out_printf(1, "\tMemory at %08x (%s, %sprefetchable)", b & ~0xfu,
				   (b & 6) == 4 ? "64-bit" : "32-bit", b & 8 ? "" : "non-");
		print_size(p->size[i]);
		out_printf(1, "\n");
	}
}

static const char *const devsel[] = { "fast", "medium", "slow", "??" };

/* Reads the first 64 bytes of the device's configuration space. */
static int read_config(const struct pci_line *p, uint8_t cfg[64])
{
	char path[40], *buf;
	size_t len;
	int err;

	snprintf(path, sizeof(path), "/proc/bus/pci/%02x/%02x.%x", p->bus,
		 p->devfn >> 3, p->devfn & 7);
	err = tool_read_file(path, &buf, &len);
	if (err)
		return err;
	if (len < 64) {
		tool_free(buf);
		return -EIO;
	}
	memcpy(cfg, buf, 64);
	tool_free(buf);
	return 0;
}

/*
 * "VENDOR DEVICE" as pciutils names it: by name, "VENDOR Device dddd" or
 * "Device vvvv:dddd" for what the table lacks; num 1 (-n): "vvvv:dddd";
 * num 2 (-nn): the names then "[vvvv:dddd]".
 */
static void print_id(unsigned v, unsigned d, const char *vn, const char *dn,
		     int num)
{
	if (num == 1) {
		out_printf(1, "%04x:%04x", v, d);
		return;
	}
	if (vn && dn)
		out_printf(1, "%s %s", vn, dn);
	else if (vn)
		out_printf(1, num ? "%s Device" : "%s Device %04x", vn, d);
	else
		out_printf(1, num ? "Device" : "Device %04x:%04x", v, d);
	if (num == 2)
		out_printf(1, " [%04x:%04x]", v, d);
}

/* "Host bridge", "Unclassified device [00ff]" (only the base class
 * known), "Class ccss"; -n: "ccss"; -nn: "Host bridge [0600]". */
static void print_class(unsigned base, unsigned sub, int num)
{
	int generic;
	const char *name = pci_class_name(base, sub, &generic);

	if (num == 1)
		out_printf(1, "%02x%02x", base, sub);
	else if (!name)
		out_printf(1, "Class %02x%02x", base, sub);
	else if (generic || num == 2)
		out_printf(1, "%s [%02x%02x]", name, base, sub);
	else
		out_printf(1, "%s", name);
}

/* The first line: slot, class, vendor and device, revision, prog-if. */
static void print_title(const struct pci_line *p, const uint8_t *c,
			bool verbose, int num)
{
	const char *pi = num == 1 ? NULL :
		pci_progif_name(c[0x0b], c[0x0a], c[0x09]);

	out_printf(1, "%02x:%02x.%x ", p->bus, p->devfn >> 3, p->devfn & 7);
	print_class(c[0x0b], c[0x0a], num);
	out_printf(1, ": ");
	print_id(p->vendor, p->device, pci_vendor_name(p->vendor),
		 pci_device_name(p->vendor, p->device), num);
	if (c[0x08])
		out_printf(1, " (rev %02x)", c[0x08]);
	if (verbose && (c[0x09] || pi))
		out_printf(1, pi ? " (prog-if %02x [%s])" : " (prog-if %02x)",
			   c[0x09], pi);
	out_printf(1, "\n");
}

/* -v: subsystem, flags (bus master, 66MHz, devsel, latency, IRQ), BARs,
 * driver. */
static void print_details(const struct pci_line *p, const uint8_t *c, int num)
{
	unsigned sv = c[0x2c] | c[0x2d] << 8, sd = c[0x2e] | c[0x2f] << 8;
	bool master = c[0x04] & 4;

	if ((c[0x0e] & 0x7f) == 0 && (sv || sd)) {
		out_printf(1, "\tSubsystem: ");
		print_id(sv, sd, pci_vendor_name(sv),
			 pci_subsys_name(p->vendor, p->device, sv, sd), num);
		out_printf(1, "\n");
	}
	out_printf(1, "\tFlags: %s%s%s devsel", master ? "bus master, " : "",
		   c[0x06] & 0x20 ? "66MHz, " : "", devsel[(c[0x07] >> 1) & 3]);
	if (master)
		out_printf(1, ", latency %u", c[0x0d]);
	if (c[0x3d] && p->irq)
		out_printf(1, ", IRQ %u", p->irq);
	out_printf(1, "\n");
	print_bars(p);
	if (p->driver[0])
		out_printf(1, "\tKernel driver in use: %s\n", p->driver);
	out_printf(1, "\n");
}

static void print_device(const struct pci_line *p, bool verbose, int num)
{
	uint8_t c[64];
	int err = read_config(p, c);

	if (err) {
		cmd_error("lspci", "configuration space", err);
		return;
	}
	print_title(p, c, verbose, num);
	if (verbose)
		print_details(p, c, num);
}

static int lspci_main(int argc, char **argv)
{
	bool verbose = false;
	int num = 0;
	char *text, *line, *nl;
	size_t len;
	int err;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = true;
		else if (!strcmp(argv[i], "-n"))
			num = num ? 2 : 1;
		else if (!strcmp(argv[i], "-nn"))
			num = 2;
		else
			return cmd_usage("lspci");
	}
	err = tool_read_file("/proc/bus/pci/devices", &text, &len);
	if (err) {
		cmd_error("lspci", "/proc/bus/pci/devices", err);
		return 1;
	}
	for (line = text; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
		struct pci_line p;

		*nl = '\0';
		if (parse_line(line, &p))
			print_device(&p, verbose, num);
	}
	tool_free(text);
	return 0;
}

SHELL_COMMAND(lspci, lspci_main, "lspci [-n|-nn] [-v]",
	      "list PCI devices: names, -n numbers, -nn both (from /proc/bus/pci)");
