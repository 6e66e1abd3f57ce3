/*
 * The dd command, reading side only: copies FILE to stdout in reads of
 * exactly bs bytes (so a driver's read sees that size), after moving the
 * position with lseek (skip blocks), and reports the reads as dd does:
 * "FULL+PARTIAL records in" on stderr.
 */
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <tessera/sys.h>

#define DD_MAX_BS	4096

struct dd_opts {
	const char *path;
	unsigned long bs, count, skip;
};

static uint8_t dd_buf[DD_MAX_BS];

/* Parses if=FILE bs=N count=N skip=N; returns 0 or the usage status. */
static int dd_parse(int argc, char **argv, struct dd_opts *o)
{
	o->path = NULL;
	o->bs = 512;
	o->count = ~0UL;
	o->skip = 0;
	for (int i = 1; i < argc; i++) {
		const char *v = strchr(argv[i], '=');
		unsigned long *n = NULL;

		if (!v)
			return cmd_usage(argv[0]);
		v++;
		if (!strncmp(argv[i], "if=", 3))
			o->path = v;
		else if (!strncmp(argv[i], "bs=", 3))
			n = &o->bs;
		else if (!strncmp(argv[i], "count=", 6))
			n = &o->count;
		else if (!strncmp(argv[i], "skip=", 5))
			n = &o->skip;
		else
			return cmd_usage(argv[0]);
		if (n && cmd_parse_uint(v, n))
			return cmd_usage(argv[0]);
	}
	if (!o->path || !o->bs || o->bs > DD_MAX_BS)
		return cmd_usage(argv[0]);
	return 0;
}

static int dd_main(int argc, char **argv)
{
	unsigned long full = 0, partial = 0;
	struct dd_opts o;
	int fd, status = dd_parse(argc, argv, &o);
	ssize_t n = 0;

	if (status)
		return status;
	fd = sys_open(o.path, O_RDONLY);
	if (fd < 0) {
		cmd_error("dd", o.path, fd);
		return 1;
	}
	if (o.skip) {
		off_t pos = sys_lseek(fd, (off_t)(o.skip * o.bs), SEEK_SET);

		if (pos < 0)
			n = pos;
	}
	while (n >= 0 && full + partial < o.count &&
	       (n = sys_read(fd, dd_buf, o.bs)) > 0) {
		if ((unsigned long)n == o.bs)
			full++;
		else
			partial++;
		if (out_write(1, dd_buf, n) < 0)
			break;
	}
	sys_close(fd);
	if (n < 0) {
		cmd_error("dd", o.path, n);
		status = 1;
	}
	out_printf(2, "%lu+%lu records in\n", full, partial);
	return status;
}
SHELL_COMMAND(dd, dd_main, "dd if=FILE [bs=N] [count=N] [skip=N]",
	      "copy a file to stdout in reads of bs bytes (512)");
