/*
 * rmmod [-v] NAME, lsmod and modinfo FILE: the other module tools, on the
 * file API only. rmmod is the reverse of insmod: `exit module` (refused
 * while anyone holds the module, naming them), `unmap module`, unlink the
 * image, rmdir. lsmod prints /proc/modules in kmod's table format.
 */
#include "loader/elf.h"
#include "loader/tools.h"
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/sys.h>
#include <tessera/errno.h>
#include <stdbool.h>

static int rm_step(bool verbose, int err, const char *what, const char *path)
{
	if (verbose)
		out_printf(1, "rmmod: %s %s = %d\n", what, path, err);
	return err;
}

/* Explains a refused exit the way a person needs it: who holds it. */
static void explain_busy(const char *name)
{
	char users[160], refs[32];

	tool_status_field(name, "used by", users, sizeof(users));
	tool_status_field(name, "refcount", refs, sizeof(refs));
	if (users[0] && strcmp(users, "-"))
		out_printf(2, "rmmod: %s is in use by: %s\n", name, users);
	else
		out_printf(2, "rmmod: %s is in use (refcount %s)\n", name, refs);
}

static int rmmod_one(const char *name, bool v)
{
	char dir[80], path[96];
	struct stat st;
	int err;

	snprintf(dir, sizeof(dir), "/mod/%s", name);
	if (sys_stat(dir, &st) < 0) {
		out_printf(2, "rmmod: %s is not currently loaded\n", name);
		return -ENOENT;
	}
	snprintf(path, sizeof(path), "%s/control", dir);
	err = rm_step(v, tool_write_line(path, "exit module"), "write \"exit module\" to", path);
	if (err == -EBUSY) {
		explain_busy(name);
		return err;
	}
	if (!err)
		err = rm_step(v, tool_write_line(path, "unmap module"),
			      "write \"unmap module\" to", path);
	snprintf(path, sizeof(path), "%s/module", dir);
	if (!err)
		err = rm_step(v, sys_unlink(path), "unlink", path);
	if (!err)
		err = rm_step(v, sys_rmdir(dir), "rmdir", dir);
	if (err) {
		char reason[200];
		tool_status_field(name, "last error", reason, sizeof(reason));
		out_printf(2, "rmmod: %s: %s\n", name, reason[0] ? reason : strerror(err));
	}
	return err;
}

static int rmmod_main(int argc, char **argv)
{
	bool verbose = argc > 1 && !strcmp(argv[1], "-v");
	int first = verbose ? 2 : 1, status = 0;

	if (first >= argc)
		return cmd_usage("rmmod");
	for (int i = first; i < argc; i++)
		if (rmmod_one(argv[i], verbose))
			status = 1;
	return status;
}

SHELL_COMMAND(rmmod, rmmod_main, "rmmod [-v] NAME...",
	      "unload modules: exit, unmap, unlink, rmdir (-v: show each step)");

/* "libdemo 1234 1 libuser, Live 0xf0001000" -> kmod's lsmod columns. */
static void lsmod_line(char *line)
{
	char *w[6];
	int n = 0;

	for (char *p = line; *p && n < 6;) {
		while (*p == ' ')
			*p++ = '\0';
		if (!*p)
			break;
		w[n++] = p;
		while (*p && *p != ' ')
			p++;
	}
	if (n < 4)
		return;
	size_t ul = strlen(w[3]);
	if (ul && w[3][ul - 1] == ',')
		w[3][ul - 1] = '\0';
	out_printf(1, "%-19s %8s  %s%s%s\n", w[0], w[1], w[2],
		   strcmp(w[3], "-") ? " " : "", strcmp(w[3], "-") ? w[3] : "");
}

static int lsmod_main(int argc, char **argv)
{
	char *text, *line, *nl;
	size_t len;
	int err = tool_read_file("/proc/modules", &text, &len);

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

static int modinfo_main(int argc, char **argv)
{
	static const char *const keys[] = { "license", "author", "description", "version" };
	char why[160], *file;
	struct modelf m;
	size_t len;
	int err;

	if (argc != 2)
		return cmd_usage("modinfo");
	err = tool_read_file(argv[1], &file, &len);
	if (err) {
		cmd_error("modinfo", argv[1], err);
		return 1;
	}
	err = modelf_parse(file, len, &m, why, sizeof(why));
	if (err)
		out_printf(2, "modinfo: %s: %s\n", argv[1], why);
	else {
		out_printf(1, "%-16s%s\n%-16s%s\n", "filename:", argv[1], "name:", m.hdr.name);
		for (unsigned i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			const char *v = modelf_modinfo(&m, keys[i]);
			if (v)
				out_printf(1, "%s:%*s%s\n", keys[i], (int)(15 - strlen(keys[i])), "", v);
		}
		out_printf(1, "%-16s%u bytes\n%-16s%u bytes\n", "core size:", m.hdr.core_size,
			   "init size:", m.hdr.init_size);
	}
	tool_free(file);
	return err ? 1 : 0;
}

SHELL_COMMAND(modinfo, modinfo_main, "modinfo FILE.ko",
	      "show a module's name, license, author, description, version, sizes");
