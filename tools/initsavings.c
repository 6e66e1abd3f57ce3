/*
 * initsavings: what discarding init sections saves, over a set of modules
 * (the figures of seed 000's 2002 debate, docs/initsavings.md).
 *
 *   initsavings [-v] [--linux-loader] DIR|FILE...
 *	DIR: every *.ko under it, at any depth. For each module, its image
 *	as Tessera lays it out (tools/secref.h: core, then init last, each
 *	page-rounded as a whole). Prints the table of seed 000 (the sizes,
 *	core + init, modulo 4096 in 512-byte bins, of the modules larger
 *	than a page), how many modules are larger than a page, the bytes of
 *	core and init, and the pages that discarding init saves:
 *	pages(core + init) - pages(core) per module, in total and as a
 *	percentage of the pages with init. -v first prints one line per
 *	module: NAME core BYTES init BYTES pages P -> Q saves S.
 *	--linux-loader: leave .modinfo and __versions out of the core, as
 *	Linux's loader does (Tessera keeps them).
 *	Exit status 2 if a file could not be read (named on stderr; the
 *	others are still counted) or for a usage error, as secmismatch and
 *	initonly; else 0.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tools/secref.h"

#define PAGE	4096u
#define BIN	512u
#define NBINS	(PAGE / BIN)
#define PAGES(b)	(((b) + PAGE - 1) / PAGE)

/* Everything counted so far. */
static struct {
	unsigned modules, larger, bins[NBINS];
	unsigned long long core, init, pages_with, pages_without;
	int verbose, linux_loader, failed;
} tally;

static struct secref_paths found;	/* the modules to count */

/* Counts one module; 0 or -errno (the reason printed). */
static int count(const char *path)
{
	struct secref_obj o;
	char why[300];
	uint32_t core, init, with, without;
	int err = secref_open(&o, path, why, sizeof(why));

	if (err) {
		fprintf(stderr, "initsavings: %s\n", why);
		return err;
	}
	secref_sizes(&o, tally.linux_loader, &core, &init);
	secref_close(&o);
	with = PAGES((unsigned long long)core + init);
	without = PAGES(core);
	tally.modules++;
	if (core + (unsigned long long)init > PAGE) {
		tally.larger++;
		tally.bins[(core + init) % PAGE / BIN]++;
	}
	tally.core += core;
	tally.init += init;
	tally.pages_with += with;
	tally.pages_without += without;
	if (tally.verbose)
		printf("%-*s  core %7u init %7u pages %4u -> %4u saves %u\n",
		       found.width, path, core, init, with, without, with - without);
	return 0;
}

static double percent(unsigned long long part, unsigned long long whole)
{
	return whole ? 100.0 * part / whole : 0.0;
}

static void report(void)
{
	unsigned long long bytes = tally.core + tally.init;
	unsigned long long saved = tally.pages_with - tally.pages_without;

	if (tally.verbose)
		printf("\n");
	printf("Size (core + init) modulo %u of the %u modules larger than a "
	       "page:\n\n  bytes          modules\n", PAGE, tally.larger);
	for (unsigned b = 0; b < NBINS; b++)
		printf("  %04u...%04u  %9u\n", b * BIN, b * BIN + BIN - 1,
		       tally.bins[b]);
	printf("\nmodules:               %u\n", tally.modules);
	printf("larger than a page:    %u (%.2f%%)\n", tally.larger,
	       percent(tally.larger, tally.modules));
	printf("one page or less:      %u\n", tally.modules - tally.larger);
	printf("bytes:                 %llu core + %llu init = %llu "
	       "(init %.2f%%)\n", tally.core, tally.init, bytes,
	       percent(tally.init, bytes));
	printf("pages with init:       %llu\n", tally.pages_with);
	printf("pages without init:    %llu\n", tally.pages_without);
	printf("discarding init saves: %llu page%s (%.2f%%)\n", saved,
	       saved == 1 ? "" : "s", percent(saved, tally.pages_with));
}

int main(int argc, char **argv)
{
	int i = 1;

	for (; i < argc && argv[i][0] == '-'; i++)
		if (strcmp(argv[i], "-v") == 0)
			tally.verbose = 1;
		else if (strcmp(argv[i], "--linux-loader") == 0)
			tally.linux_loader = 1;
		else
			break;
	if (i >= argc || argv[i][0] == '-') {
		fprintf(stderr, "usage: initsavings [-v] [--linux-loader] "
			"DIR|FILE...\n");
		return 2;
	}
	if (secref_paths(argc - i, argv + i, &found)) {
		fprintf(stderr, "initsavings: %s\n", found.why);
		tally.failed = 1;
	}
	for (size_t k = 0; k < found.n; k++)
		if (count(found.path[k]))
			tally.failed = 1;
	secref_paths_free(&found);
	if (tally.modules || !tally.failed)	/* not a table of nothing */
		report();
	return tally.failed ? 2 : 0;
}
