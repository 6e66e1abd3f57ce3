/*
 * Shell commands that read the kernel's text files: free (/proc/meminfo),
 * uptime (/proc/uptime) and dmesg (/dev/kmsg). Output formats are in
 * docs/shell.md.
 */
#include <stdbool.h>
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <tessera/sys.h>

static char text[4096];	/* the file being read */

/* Reads up to size - 1 bytes of the file at path into buf, NUL-terminated.
 * Returns the length or -errno. */
static int read_text(const char *path, char *buf, int size)
{
	int fd, len = 0;
	ssize_t n;

	fd = sys_open(path, O_RDONLY);
	if (fd < 0)
		return fd;
	while (len < size - 1 &&
	       (n = sys_read(fd, buf + len, size - 1 - len)) != 0) {
		if (n < 0) {
			sys_close(fd);
			return n;
		}
		len += n;
	}
	buf[len] = '\0';
	sys_close(fd);
	return len;
}

/* ---- free ------------------------------------------------------------- */

/* The number on the "key:" line of meminfo-style text; false if absent. */
static bool field(const char *text, const char *key, unsigned long *val)
{
	size_t klen = strlen(key);

	for (const char *line = text; *line; ) {
		if (!strncmp(line, key, klen) && line[klen] == ':') {
			*val = strtoul(line + klen + 1, NULL, 10);
			return true;
		}
		line = strchr(line, '\n');
		if (!line)
			break;
		line++;
	}
	return false;
}

static void free_row(const char *name, unsigned long total,
		     unsigned long unused)
{
	out_printf(1, "%-7s %10lu %10lu %10lu\n", name, total,
		   total - unused, unused);
}

static int free_main(int argc, char **argv)
{
	const char *path = "/proc/meminfo";
	unsigned long total, unused, ptotal, pfree;
	int err;

	if (argc != 1)
		return cmd_usage(argv[0]);
	err = read_text(path, text, sizeof(text));
	if (err < 0) {
		cmd_error("free", path, err);
		return 1;
	}
	if (!field(text, "MemTotal", &total) || !field(text, "MemFree", &unused)) {
		out_printf(2, "free: %s: no MemTotal or MemFree line\n", path);
		return 1;
	}
	out_printf(1, "%-7s %10s %10s %10s\n", "", "total", "used", "free");
	free_row("Mem:", total, unused);
	if (field(text, "PagesTotal", &ptotal) && field(text, "PagesFree", &pfree))
		free_row("Pages:", ptotal, pfree);
	return 0;
}
SHELL_COMMAND(free, free_main, "free",
	      "memory in use: kB and 4 KiB pages (from /proc/meminfo)");

/* ---- uptime ----------------------------------------------------------- */

static int uptime_main(int argc, char **argv)
{
	const char *path = "/proc/uptime";
	char *space;
	int len;

	if (argc != 1)
		return cmd_usage(argv[0]);
	len = read_text(path, text, sizeof(text));
	if (len == 0)
		len = -EIO;
	if (len < 0) {
		cmd_error("uptime", path, len);
		return 1;
	}
	space = strchr(text, ' ');
	if (!space)
		space = strchr(text, '\n');
	if (space)
		*space = '\0';
	out_printf(1, "up %s seconds\n", text);
	return 0;
}
SHELL_COMMAND(uptime, uptime_main, "uptime",
	      "seconds since boot (from /proc/uptime)");

/* ---- dmesg ------------------------------------------------------------ */

/* Copies the file at path to stdout for command cmd; its status. */
static int print_file(const char *cmd, const char *path)
{
	int fd, err = 0;
	ssize_t n;

	fd = sys_open(path, O_RDONLY);
	if (fd < 0) {
		cmd_error(cmd, path, fd);
		return 1;
	}
	while ((n = sys_read(fd, text, sizeof(text))) > 0) {
		err = out_write(1, text, n);
		if (err < 0)
			break;
	}
	sys_close(fd);
	if (err < 0)
		return cmd_write_error(cmd, err);
	if (n < 0) {
		cmd_error(cmd, path, n);
		return 1;
	}
	return 0;
}

static int dmesg_main(int argc, char **argv)
{
	if (argc != 1)
		return cmd_usage(argv[0]);
	return print_file("dmesg", "/dev/kmsg");
}
SHELL_COMMAND(dmesg, dmesg_main, "dmesg", "print the kernel log (/dev/kmsg)");

/* ---- ps ------------------------------------------------------------- */

static int ps_main(int argc, char **argv)
{
	if (argc != 1)
		return cmd_usage(argv[0]);
	return print_file("ps", "/proc/threads");
}
SHELL_COMMAND(ps, ps_main, "ps", "list the threads (/proc/threads): pid, state "
	      "(R running, S sleeping, D uninterruptible, Z ended), CPU time, name, "
	      "function, where it sleeps");
