/*
 * lsmod: lists the loaded modules, /proc/modules in kmod's table format
 * (name, size, use count and users, then flags and state where they say
 * something), on the file API only.
 */
#include "loader/tools.h"
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/sys.h>
#include <tessera/errno.h>
#include <stdbool.h>

/* "libdemo 432 1 libuser, Live 0xf0003000" -> kmod's lsmod columns; a
 * module with flags ("(D)": it faulted, "(O)": out of tree) or not Live
 * gets them and its state after the users: "hx_oops 526  0 (D) Loading". */
static void lsmod_line(char *line)
{
	char *w[7];
	int n = tool_split_words(line, w, 7);
	bool live;

	if (n < 4)
		return;
	size_t ul = strlen(w[3]);
	if (ul && w[3][ul - 1] == ',')
		w[3][ul - 1] = '\0';
	live = n < 5 || !strcmp(w[4], "Live");
	out_printf(1, "%-19s %8s  %s%s%s%s%s%s%s\n", w[0], w[1], w[2],
		   strcmp(w[3], "-") ? " " : "", strcmp(w[3], "-") ? w[3] : "",
		   n > 6 ? " " : "", n > 6 ? w[6] : "", live ? "" : " ",
		   live ? "" : w[4]);
}

static int lsmod_main(int argc, char **argv)
{
	char *text, *line, *nl;
	size_t len;
	int err;

	if (argc != 1)
		return cmd_usage("lsmod");
	err = tool_read_file("/proc/modules", &text, &len);
	if (err) {
		cmd_error("lsmod", "/proc/modules", err);
		return 1;
	}
	out_printf(1, "Module                  Size  Used by\n");
	for (line = text; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = '\0';
		lsmod_line(line);
	}
	tool_free(text);
	return 0;
}

SHELL_COMMAND(lsmod, lsmod_main, "lsmod", "list loaded modules (from /proc/modules)");
