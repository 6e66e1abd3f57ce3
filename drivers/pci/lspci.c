/*
 * lspci: the PCI devices as `lspci -n` prints them ("00:04.0 00ff:
 * 1234:11e8 (rev 10)"); -v adds the subsystem, flags and IRQ, each BAR
 * with its size, and the bound driver. It reads what pciutils' lspci
 * reads: /proc/bus/pci/devices, and each device's configuration space in
 * /proc/bus/pci/BB/DD.F. A shell command, with the PCI code it reads
 * (as loader/lsmod.c sits with the loader): it uses loader/tools.h.
 */
#include "loader/tools.h"
#include "shell/commands.h"
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

static void print_device(const struct pci_line *p, bool verbose)
{
	uint8_t c[64];
	int err = read_config(p, c);

	if (err) {
		cmd_error("lspci", "configuration space", err);
		return;
	}
	out_printf(1, "%02x:%02x.%x %02x%02x: %04x:%04x", p->bus, p->devfn >> 3,
		   p->devfn & 7, c[0x0b], c[0x0a], p->vendor, p->device);
	if (c[0x08])
		out_printf(1, " (rev %02x)", c[0x08]);
	if (verbose && c[0x09])
		out_printf(1, " (prog-if %02x)", c[0x09]);
	out_printf(1, "\n");
	if (!verbose)
		return;
	if ((c[0x0e] & 0x7f) == 0 && (c[0x2c] | c[0x2d] | c[0x2e] | c[0x2f]))
		out_printf(1, "\tSubsystem: %02x%02x:%02x%02x\n", c[0x2d], c[0x2c],
			   c[0x2f], c[0x2e]);
	out_printf(1, "\tFlags: %s%s devsel", c[0x04] & 4 ? "bus master, " : "",
		   devsel[(c[0x07] >> 1) & 3]);
	if (c[0x3d] && p->irq)
		out_printf(1, ", IRQ %u", p->irq);
	out_printf(1, "\n");
	print_bars(p);
	if (p->driver[0])
		out_printf(1, "\tKernel driver in use: %s\n", p->driver);
	out_printf(1, "\n");
}

static int lspci_main(int argc, char **argv)
{
	bool verbose = false;
	char *text, *line, *nl;
	size_t len;
	int err;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = true;
		else if (strcmp(argv[i], "-n"))
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
			print_device(&p, verbose);
	}
	tool_free(text);
	return 0;
}

SHELL_COMMAND(lspci, lspci_main, "lspci [-n] [-v]",
	      "list PCI devices, numerically (from /proc/bus/pci)");
