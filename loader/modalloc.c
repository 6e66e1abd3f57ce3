/*
 * The placement tools (docs/modfs.md, "Placement: modalloc=page|pack"), on
 * the file API only:
 *   modcheck [NAME...]  the guard of each packed module (or of those named),
 *                       from /proc/modalloc, whose every read checks them;
 *                       status 1 if one changed or a name is not loaded
 *   modpages NAME...    the distinct 4 KiB pages (TLB entries) that calling
 *                       every function of the named modules once touches,
 *                       from each one's base (status) and functions
 *                       (/mod/NAME/symbols): the measure of affinity
 */
#include "loader/tools.h"
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/sys.h>
#include <tessera/errno.h>
#include <stdbool.h>

#define MODPAGES_MAX 128	/* distinct pages modpages counts */

/* Is name among argv[1..argc)? With no names, every name is. */
static bool named(int argc, char **argv, const char *name)
{
	if (argc < 2)
		return true;
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return true;
	return false;
}

/* One "module NAME pack region R offset O bytes B slot S guard ok" or
 * "... guard changed A..B at ADDR" or "module NAME page pages P bytes B"
 * line of /proc/modalloc (split into w[0..n)): prints its guard state if
 * named; returns 1 for a changed guard, else 0. */
static int check_line(char **w, int n, int argc, char **argv)
{
	if (!named(argc, argv, w[1]))
		return 0;
	if (!strcmp(w[2], "page")) {
		if (argc > 1)
			out_printf(1, "modcheck: %s is page-placed: an unmapped guard page "
				   "follows it\n", w[1]);
		return 0;
	}
	if (n >= 13 && !strcmp(w[12], "ok")) {
		out_printf(1, "modcheck: %s: guard intact\n", w[1]);
		return 0;
	}
	if (n >= 16) {
		out_printf(1, "modcheck: %s wrote past its end: guard at %s changed "
			   "(bytes %s)\n", w[1], w[15], w[13]);
		return 1;
	}
	out_printf(2, "modcheck: cannot read the line for %s in /proc/modalloc\n", w[1]);
	return 1;
}

/* Is NAME listed in /proc/modalloc's text? */
static bool listed(const char *text, const char *name)
{
	size_t len = strlen(name);

	for (const char *p = strstr(text, "module "); p; p = strstr(p + 1, "\nmodule ")) {
		const char *w = p[0] == '\n' ? p + 8 : p + 7;

		if (!strncmp(w, name, len) && w[len] == ' ')
			return true;
	}
	return false;
}

static int modcheck_main(int argc, char **argv)
{
	char *text, *line, *nl, *w[16], policy[8] = "?";
	unsigned packed = 0;
	int bad = 0, n;
	size_t len;
	int err = tool_read_file("/proc/modalloc", &text, &len);

	if (err) {
		cmd_error("modcheck", "/proc/modalloc", err);
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		if (!listed(text, argv[i])) {
			out_printf(2, "modcheck: %s is not loaded\n", argv[i]);
			bad = 1;
		}
	}
	for (line = text; (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		n = tool_split_words(line, w, 16);
		if (n == 2 && !strcmp(w[0], "policy"))
			strlcpy(policy, w[1], sizeof(policy));
		if (n < 3 || strcmp(w[0], "module"))
			continue;
		packed += !strcmp(w[2], "pack");
		bad |= check_line(w, n, argc, argv);
	}
	if (argc < 2 && !packed)
		out_printf(1, "modcheck: no packed modules (modalloc=%s)\n", policy);
	tool_free(text);
	return bad;
}

SHELL_COMMAND(modcheck, modcheck_main, "modcheck [NAME...]",
	      "check the guard after each packed module (modalloc=pack)");

/* Adds the pages of [start, start + size) to pages[0..*n); false if there
 * are more than MODPAGES_MAX. */
static bool add_pages(uint32_t *pages, unsigned *n, uint32_t start, uint32_t size)
{
	for (uint32_t p = start >> 12; p <= (start + size - 1) >> 12; p++) {
		unsigned i = 0;

		while (i < *n && pages[i] != p)
			i++;
		if (i < *n)
			continue;
		if (*n == MODPAGES_MAX)
			return false;
		pages[(*n)++] = p;
	}
	return true;
}

/* Adds the pages of module name's functions (T and t symbols of its
 * symbols file, at its base) to pages[0..*n) and counts them in *funcs.
 * Prints the module's own figures. Returns 0 or -errno (said). */
static int module_pages(const char *name, uint32_t *pages, unsigned *n, unsigned *funcs)
{
	char path[96], base_text[32], *text, *line, *nl, *w[4];
	uint32_t base, own[MODPAGES_MAX];
	unsigned n_own = 0, f = 0;
	size_t len;
	int err = tool_status_field(name, "base", base_text, sizeof(base_text));

	base = strtoul(base_text, NULL, 16);
	if (err || !base) {
		out_printf(2, "modpages: %s is not loaded\n", name);
		return err ? err : -ENOENT;
	}
	snprintf(path, sizeof(path), "/mod/%s/symbols", name);
	err = tool_read_file(path, &text, &len);
	if (err) {
		cmd_error("modpages", path, err);
		return err;
	}
	for (line = text; (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		if (tool_split_words(line, w, 4) != 4 || (strcmp(w[2], "T") && strcmp(w[2], "t")))
			continue;
		uint32_t at = base + strtoul(w[0], NULL, 16), size = strtoul(w[1], NULL, 16);

		if (!size)
			continue;
		f++;
		if (!add_pages(own, &n_own, at, size) || !add_pages(pages, n, at, size))
			err = -E2BIG;
	}
	tool_free(text);
	*funcs += f;
	if (err)
		out_printf(2, "modpages: %s: more than %d pages\n", name, MODPAGES_MAX);
	else
		out_printf(1, "modpages: %s: %u function%s on %u page%s\n", name, f,
			   f == 1 ? "" : "s", n_own, n_own == 1 ? "" : "s");
	return err;
}

static int modpages_main(int argc, char **argv)
{
	uint32_t pages[MODPAGES_MAX];
	unsigned n = 0, funcs = 0;
	int bad = 0;

	if (argc < 2)
		return cmd_usage("modpages");
	for (int i = 1; i < argc; i++)
		bad |= module_pages(argv[i], pages, &n, &funcs) != 0;
	if (bad)
		return 1;
	out_printf(1, "modpages: %u function%s of %d module%s on %u distinct 4 KiB "
		   "page%s: %u TLB entr%s to call each once\n", funcs, funcs == 1 ? "" : "s",
		   argc - 1, argc == 2 ? "" : "s", n, n == 1 ? "" : "s", n,
		   n == 1 ? "y" : "ies");
	return 0;
}

SHELL_COMMAND(modpages, modpages_main, "modpages NAME...",
	      "distinct pages (TLB entries) the functions of these modules span");
