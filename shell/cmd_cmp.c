/*
 * cmp [-l] FILE1 FILE2: compares two files byte by byte, as GNU diffutils'
 * cmp does: silent and status 0 when they are the same; "FILE1 FILE2
 * differ: byte N, line L" and status 1 at the first difference; with -l,
 * every differing byte instead, one a line "N OCT1 OCT2" (byte number from
 * 1, both bytes in octal; GNU pads the number to a fixed width, this does
 * not); "cmp: EOF on FILE1 after byte N, line L" (status 1) when one is a
 * prefix of the other; status 2 when a file cannot be read. Used to check that an image made by
 * hand is the one insmod maps (docs/modfs.md, "Loading by hand").
 */
#include <stdbool.h>
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <tessera/sys.h>

#define CMP_CHUNK	512

struct cmp_side {
	const char *path;
	int fd;
	uint8_t buf[CMP_CHUNK];
	ssize_t n;		/* bytes in buf, or -errno */
};

static struct cmp_side side[2];

/* Fills s->buf with up to CMP_CHUNK bytes (fewer only at the end). */
static void fill(struct cmp_side *s)
{
	ssize_t got = 0, r = 1;

	while (got < CMP_CHUNK && (r = sys_read(s->fd, s->buf + got, CMP_CHUNK - got)) > 0)
		got += r;
	s->n = r < 0 ? r : got;
}

/* Compares the open files; returns the status. */
static int compare(bool list)
{
	bool differ = false;
	unsigned long byte = 0, line = 1;
	uint8_t last = 0;

	for (;;) {
		fill(&side[0]);
		fill(&side[1]);
		for (int i = 0; i < 2; i++)
			if (side[i].n < 0) {
				cmd_error("cmp", side[i].path, side[i].n);
				return 2;
			}
		ssize_t n = side[0].n < side[1].n ? side[0].n : side[1].n;

		for (ssize_t k = 0; k < n; k++) {
			if (side[0].buf[k] != side[1].buf[k] && list) {
				out_printf(1, "%lu %3o %3o\n", byte + k + 1, side[0].buf[k],
					   side[1].buf[k]);
				differ = true;
			} else if (side[0].buf[k] != side[1].buf[k]) {
				out_printf(1, "%s %s differ: byte %lu, line %lu\n", side[0].path,
					   side[1].path, byte + k + 1, line);
				return 1;
			}
			line += side[0].buf[k] == '\n';
		}
		byte += n;
		last = n ? side[0].buf[n - 1] : last;
		if (side[0].n != side[1].n && !byte)
			out_printf(2, "cmp: EOF on %s which is empty\n",
				   side[side[1].n < side[0].n].path);
		else if (side[0].n != side[1].n)
			out_printf(2, "cmp: EOF on %s after byte %lu, line %lu\n",
				   side[side[1].n < side[0].n].path, byte, line - (last == '\n'));
		if (side[0].n != side[1].n)
			return 1;
		if (!n)
			return differ;
	}
}

static int cmp_main(int argc, char **argv)
{
	bool list = argc == 4 && !strcmp(argv[1], "-l");
	int status;

	argv += list, argc -= list;
	if (argc != 3)
		return cmd_usage("cmp");
	for (int i = 0; i < 2; i++) {
		side[i].path = argv[i + 1];
		side[i].fd = sys_open(argv[i + 1], O_RDONLY);
		if (side[i].fd < 0) {
			cmd_error("cmp", argv[i + 1], side[i].fd);
			if (i)
				sys_close(side[0].fd);
			return 2;
		}
	}
	status = compare(list);
	sys_close(side[0].fd);
	sys_close(side[1].fd);
	return status;
}

SHELL_COMMAND(cmp, cmp_main, "cmp [-l] FILE1 FILE2",
	      "compare two files byte by byte (status 0 same, 1 different; -l: "
	      "list every differing byte)");
