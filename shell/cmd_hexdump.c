/*
 * The hexdump command: files shown as one stream in the `hexdump -C`
 * format (shell/hexfmt.c), with -s SKIP and -n LENGTH like the real tool.
 */
#include "shell/commands.h"
#include "shell/hexfmt.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <tessera/sys.h>

struct hexdump_opts {
	unsigned long skip;		/* bytes skipped at the start */
	unsigned long length;		/* bytes shown at most */
	int first;			/* index of the first file */
};

/* hexfmt's output: stdout; the first failed write is kept in *arg (an
 * int) and stops the dump. */
static void emit_stdout(void *arg, const char *text, int len)
{
	int *write_err = arg;
	int n;

	if (*write_err)
		return;
	n = out_write(1, text, len);
	if (n < 0)
		*write_err = n;
}

/* Parses -C (the only format), -s N, -n N; returns 0 or the usage status. */
static int hexdump_options(int argc, char **argv, struct hexdump_opts *o)
{
	int i;

	o->skip = 0;
	o->length = ~0UL;
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-C"))
			continue;
		if (i + 1 == argc)
			return cmd_usage(argv[0]);
		if (!strcmp(argv[i], "-s") && !cmd_parse_uint(argv[i + 1], &o->skip))
			i++;
		else if (!strcmp(argv[i], "-n") &&
			 !cmd_parse_uint(argv[i + 1], &o->length))
			i++;
		else
			return cmd_usage(argv[0]);
	}
	if (i == argc)
		return cmd_usage(argv[0]);
	o->first = i;
	return 0;
}

/* Dumps one open file, using and updating o->skip and o->length. */
static int dump_fd(int fd, struct hexfmt *h, struct hexdump_opts *o,
		   const int *write_err)
{
	static uint8_t buf[512];
	ssize_t n;

	while (o->length && !*write_err &&
	       (n = sys_read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0)
			return n;
		if ((unsigned long)n <= o->skip) {
			o->skip -= n;
			continue;
		}
		n -= o->skip;
		if ((unsigned long)n > o->length)
			n = o->length;
		hexfmt_feed(h, buf + o->skip, n);
		o->skip = 0;
		o->length -= n;
	}
	return 0;
}

static int hexdump_main(int argc, char **argv)
{
	struct hexdump_opts o;
	struct hexfmt h;
	int status, fd, err, write_err = 0;

	status = hexdump_options(argc, argv, &o);
	if (status)
		return status;
	hexfmt_init(&h, o.skip, emit_stdout, &write_err);
	for (int i = o.first; i < argc && !write_err; i++) {
		fd = sys_open(argv[i], O_RDONLY);
		if (fd < 0) {
			cmd_error("hexdump", argv[i], fd);
			status = 1;
			continue;
		}
		err = dump_fd(fd, &h, &o, &write_err);
		if (err < 0) {
			cmd_error("hexdump", argv[i], err);
			status = 1;
		}
		sys_close(fd);
	}
	hexfmt_end(&h);
	if (write_err)
		return cmd_write_error("hexdump", write_err);
	return status;
}
SHELL_COMMAND(hexdump, hexdump_main, "hexdump [-C] [-s SKIP] [-n LENGTH] FILE...",
	      "show files in hex and ASCII, like hexdump -C");
