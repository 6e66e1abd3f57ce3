/*
 * memdiff, for watching memory come back, used by the module tests and by
 * anyone checking a driver for leaks:
 *   memdiff save      remembers PagesFree and VmallocRanges (/proc/meminfo)
 *   memdiff           prints the change since then; status 1 if any
 * The baseline is kept in this program's memory, not in a file, so that
 * taking it costs no page.
 */
#include "loader/tools.h"
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/sys.h>
#include <tessera/errno.h>
#include <stdbool.h>

static struct {
	bool saved;
	long pages_free, vmalloc_ranges;
} memdiff;

static int read_counts(long *pages_free, long *ranges)
{
	*pages_free = tool_meminfo("PagesFree");
	*ranges = tool_meminfo("VmallocRanges");
	if (*pages_free < 0)
		return *pages_free;
	return *ranges < 0 ? *ranges : 0;
}

static int memdiff_main(int argc, char **argv)
{
	long pages, ranges;
	int err;

	if (argc > 2 || (argc == 2 && strcmp(argv[1], "save")))
		return cmd_usage("memdiff");
	err = read_counts(&pages, &ranges);
	if (err) {
		cmd_error("memdiff", "/proc/meminfo", err);
		return 1;
	}
	if (argc == 2) {
		memdiff.saved = true;
		memdiff.pages_free = pages;
		memdiff.vmalloc_ranges = ranges;
		return 0;
	}
	if (!memdiff.saved) {
		out_printf(2, "memdiff: nothing saved; run 'memdiff save' first\n");
		return 1;
	}
	out_printf(1, "memdiff: PagesFree %+ld, VmallocRanges %+ld\n",
		   pages - memdiff.pages_free, ranges - memdiff.vmalloc_ranges);
	return pages != memdiff.pages_free || ranges != memdiff.vmalloc_ranges;
}

SHELL_COMMAND(memdiff, memdiff_main, "memdiff [save]",
	      "save, or show the change of, PagesFree and VmallocRanges");
