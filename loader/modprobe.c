/*
 * modprobe and coldplug: load a module with everything it needs, by name or
 * by alias, from DIR/modules.dep and DIR/modules.alias (written by depmod;
 * DIR is /lib/modules unless -d DIR), through the insmod and rmmod commands.
 *   modprobe [-v] [-n] [-d DIR] NAME|ALIAS [name=value ...]
 *	loads NAME's dependencies in the order modules.dep lists them, then
 *	NAME with the parameters; skips what is loaded. Everything is checked
 *	first (each file listed, no cycle): a problem loads nothing, and a
 *	failed insmod unloads what this modprobe loaded.
 *   modprobe -r [-v] [-n] [-d DIR] NAME
 *	unloads NAME, then its dependencies (last loaded first) that nothing
 *	uses any more.
 *   coldplug [-v] [-n] [-d DIR]
 *	for each PCI device (/proc/bus/pci/devices and its config space),
 *	modprobes the modules whose alias matches the device's.
 * -v prints each insmod/rmmod it runs; -n prints them and runs nothing.
 */
#include "loader/modalias.h"
#include "loader/tools.h"
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/sys.h>
#include <tessera/errno.h>
#include <stdbool.h>

#define MP_MAX_DEPS 32
#define MP_MAX_MATCH 8

struct modprobe {
	const char *dir;
	bool verbose, dry, remove;
	char *dep_text;			/* DIR/modules.dep, split in place */
	char **line_path, **line_deps;	/* its lines: path, text after ':' */
	unsigned n_lines;
	char *alias_text;		/* DIR/modules.alias */
	const char *list[MP_MAX_DEPS + 1];	/* paths to load, in order */
	unsigned n;
	bool loaded_now[MP_MAX_DEPS + 1];
};

/* "crc32.ko" or "sub/crc32.ko" -> "crc32" (with '-' as '_') in name. */
static void path_name(const char *path, char *name, size_t size)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t n = strlen(base);

	if (n > 3 && !strcmp(base + n - 3, ".ko"))
		n -= 3;
	strlcpy(name, base, n + 1 < size ? n + 1 : size);
	for (char *c = name; *c; c++)
		if (*c == '-')
			*c = '_';
}

static bool same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (*a != *b && !((*a == '-' || *a == '_') && (*b == '-' || *b == '_')))
			return false;
	return *a == *b;
}

/* The modules.dep line of module name: *path gets its path, *deps the
 * text after the colon. Returns true if found. */
static bool dep_line(const struct modprobe *c, const char *name, const char **path,
		     const char **deps)
{
	char n[64];

	for (unsigned i = 0; i < c->n_lines; i++) {
		path_name(c->line_path[i], n, sizeof(n));
		if (same_name(n, name)) {
			*path = c->line_path[i];
			*deps = c->line_deps[i];
			return true;
		}
	}
	return false;
}

/* Splits modules.dep in place into its lines' paths and dependency
 * texts; a line without a colon is skipped. Returns 0 or -ENOMEM. */
static int split_dep(struct modprobe *c)
{
	unsigned lines = 1;

	for (const char *p = c->dep_text; *p; p++)
		lines += *p == '\n';
	c->line_path = tool_alloc(lines * sizeof(char *));
	c->line_deps = tool_alloc(lines * sizeof(char *));
	if (!c->line_path || !c->line_deps)
		return -ENOMEM;
	for (char *l = c->dep_text, *next; l && *l; l = next) {
		char *nl = strchr(l, '\n'), *colon;

		next = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		colon = strchr(l, ':');
		if (!colon)
			continue;
		*colon = '\0';
		c->line_path[c->n_lines] = l;
		c->line_deps[c->n_lines++] = colon + 1;
	}
	return 0;
}

static int read_indexes(struct modprobe *c)
{
	char path[128];
	size_t len;
	int err;

	snprintf(path, sizeof(path), "%s/modules.dep", c->dir);
	err = tool_read_file(path, &c->dep_text, &len);
	if (err) {
		out_printf(2, "modprobe: %s: %s (run depmod)\n", path, strerror(err));
		return err;
	}
	err = split_dep(c);
	if (err) {
		cmd_error("modprobe", path, err);
		return err;
	}
	snprintf(path, sizeof(path), "%s/modules.alias", c->dir);
	if (tool_read_file(path, &c->alias_text, &len))
		c->alias_text = NULL;	/* no aliases: names only */
	return 0;
}

/* Module names whose alias pattern matches s, into names[] (distinct).
 * Returns how many. */
static unsigned alias_lookup(const struct modprobe *c, const char *s,
			     char names[][64], unsigned max)
{
	unsigned n = 0;

	for (const char *l = c->alias_text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : "") {
		char line[160], *w[4];
		const char *nl = strchr(l, '\n');
		size_t len = nl ? (size_t)(nl - l) : strlen(l);
		bool dup = false;

		strlcpy(line, l, len + 1 < sizeof(line) ? len + 1 : sizeof(line));
		if (tool_split_words(line, w, 4) != 3 || strcmp(w[0], "alias") ||
		    !modalias_match(w[1], s))
			continue;
		for (unsigned i = 0; i < n; i++)
			dup |= !strcmp(names[i], w[2]);
		if (!dup && n < max)
			strlcpy(names[n++], w[2], 64);
	}
	return n;
}

static bool is_loaded(const char *name)
{
	char state[32];

	return !tool_status_field(name, "state", state, sizeof(state)) && state[0];
}

/* Runs the shell command cmd with argv, as typed; -v/-n print it. */
static int run(const struct modprobe *c, int argc, char **argv)
{
	const struct shell_command *sc = shell_command_find(argv[0]);

	if (c->verbose || c->dry) {
		for (int i = 0; i < argc; i++)
			out_printf(1, "%s%s", argv[i], i + 1 < argc ? " " : "\n");
	}
	if (c->dry)
		return 0;
	return sc ? sc->fn(argc, argv) : 127;
}

/* The position of path in c->list[0..n), or -1. */
static int list_find(const struct modprobe *c, const char *path, size_t len)
{
	for (unsigned i = 0; i < c->n; i++)
		if (strlen(c->list[i]) == len && !strncmp(c->list[i], path, len))
			return (int)i;
	return -1;
}

/* Each module in the list needs only modules listed before it: else
 * modules.dep has a cycle (or is stale). Returns 0 or -ELOOP (said). */
static int check_order(const struct modprobe *c)
{
	for (unsigned k = 0; k < c->n; k++) {
		const char *path, *deps;
		char name[64];

		path_name(c->list[k], name, sizeof(name));
		if (!dep_line(c, name, &path, &deps)) {
			out_printf(2, "modprobe: ERROR: %s/%s is listed as a dependency but has "
				   "no line in %s/modules.dep (run depmod): nothing loaded\n",
				   c->dir, c->list[k], c->dir);
			return -ENOENT;
		}
		for (const char *p = deps; *p; ) {
			size_t len;
			int at;

			while (*p == ' ')
				p++;
			len = strchr(p, ' ') ? (size_t)(strchr(p, ' ') - p) : strlen(p);
			at = len ? list_find(c, p, len) : -2;
			if (at >= (int)k || at == -1) {
				out_printf(2, "modprobe: ERROR: dependency cycle in %s/modules.dep: "
					   "%s needs %.*s, which %s: nothing loaded\n", c->dir,
					   c->list[k], (int)len, p, at == -1 ? "is not loaded before it"
					   : "needs it");
				return -ELOOP;
			}
			p += len;
		}
	}
	return 0;
}

/* The load list of name: its dependencies as modules.dep gives them, read
 * right to left (kmod's order: the deepest is last on the line, loaded
 * first), then itself; every file must exist. Returns 0 or -errno (said). */
static int plan(struct modprobe *c, const char *name, char *deps_copy, size_t size)
{
	const char *path, *deps;
	char *w[MP_MAX_DEPS];
	int n;

	if (!dep_line(c, name, &path, &deps))
		return -ENOENT;
	strlcpy(deps_copy, deps, size);
	n = tool_split_words(deps_copy, w, MP_MAX_DEPS);
	c->n = 0;
	for (int i = n; i-- > 0; )
		c->list[c->n++] = w[i];
	c->list[c->n++] = path;
	for (unsigned i = 0; i < c->n; i++) {
		char full[160];
		struct stat st;
		int err;

		snprintf(full, sizeof(full), "%s/%s", c->dir, c->list[i]);
		err = sys_stat(full, &st);
		if (err) {
			out_printf(2, "modprobe: ERROR: %s needs %s: %s: nothing loaded\n",
				   name, full, strerror(err));
			return err;
		}
	}
	return check_order(c);
}

/* Unloads, last first, what this modprobe loaded (a later step failed). */
static void unload_new(struct modprobe *c)
{
	for (unsigned i = c->n; i-- > 0; ) {
		char name[64], *argv[2] = { "rmmod", name };

		if (!c->loaded_now[i])
			continue;
		path_name(c->list[i], name, sizeof(name));
		run(c, 2, argv);
	}
}

static int load(struct modprobe *c, const char *name, int nargs, char **args)
{
	char deps[512];
	int err = plan(c, name, deps, sizeof(deps));

	if (err)
		return err;
	for (unsigned i = 0; i < c->n; i++) {
		char mname[64], full[160], *argv[3 + 64] = { "insmod", full };
		int argc = 2;

		path_name(c->list[i], mname, sizeof(mname));
		c->loaded_now[i] = false;
		if (is_loaded(mname))
			continue;
		snprintf(full, sizeof(full), "%s/%s", c->dir, c->list[i]);
		for (int a = 0; i + 1 == c->n && a < nargs && a < 64; a++)
			argv[argc++] = args[a];
		if (run(c, argc, argv)) {
			unload_new(c);
			return -EINVAL;
		}
		c->loaded_now[i] = !c->dry;
	}
	return 0;
}

/* Is module name loaded and unused (refcount 0)? */
static bool unused(const char *name)
{
	char ref[16];

	return !tool_status_field(name, "refcount", ref, sizeof(ref)) && !strcmp(ref, "0");
}

/* For a dry run, which removes nothing: would name be unused once the
 * modules of c->list after index i (removed first) were gone? Its
 * refcount is then all from users among them ("used by" in its status). */
static bool unused_after(const struct modprobe *c, unsigned i, const char *name)
{
	char ref[16], users[256], *w[MP_MAX_DEPS];
	unsigned n, gone = 0;

	if (tool_status_field(name, "refcount", ref, sizeof(ref)) ||
	    tool_status_field(name, "used by", users, sizeof(users)))
		return false;
	for (char *p = users; *p; p++)
		if (*p == ',')
			*p = ' ';
	n = !strcmp(users, "-") ? 0 : (unsigned)tool_split_words(users, w, MP_MAX_DEPS);
	for (unsigned u = 0; u < n; u++)
		for (unsigned k = i + 1; k < c->n; k++) {
			char later[64];

			path_name(c->list[k], later, sizeof(later));
			if (!strcmp(w[u], later))
				gone++;
		}
	return gone == n && strtoul(ref, NULL, 10) == n;
}

static int unload(struct modprobe *c, const char *name)
{
	char deps[512], mname[64], *argv[2] = { "rmmod", mname };
	int err = plan(c, name, deps, sizeof(deps));

	if (err)
		return err;
	path_name(c->list[c->n - 1], mname, sizeof(mname));
	if (!is_loaded(mname)) {
		out_printf(2, "modprobe: FATAL: Module %s is not currently loaded\n", mname);
		return -ENOENT;
	}
	if (run(c, 2, argv))
		return -EBUSY;
	for (unsigned i = c->n - 1; i-- > 0; ) {
		path_name(c->list[i], mname, sizeof(mname));
		if (is_loaded(mname) && (c->dry ? unused_after(c, i, mname) : unused(mname)) &&
		    run(c, 2, argv))
			return -EBUSY;
	}
	return 0;
}

/* NAME, or else every module whose alias matches it. */
static int probe(struct modprobe *c, const char *name, int nargs, char **args)
{
	char names[MP_MAX_MATCH][64];
	const char *path, *deps;
	unsigned n;
	int err = 0;

	if (dep_line(c, name, &path, &deps))
		return c->remove ? unload(c, name) : load(c, name, nargs, args);
	n = alias_lookup(c, name, names, MP_MAX_MATCH);
	if (!n) {
		out_printf(2, "modprobe: FATAL: Module %s not found in directory %s\n", name,
			   c->dir);
		return -ENOENT;
	}
	for (unsigned i = 0; i < n && !err; i++) {
		if (!dep_line(c, names[i], &path, &deps)) {
			out_printf(2, "modprobe: FATAL: alias %s names module %s, which is not "
				   "in %s/modules.dep\n", name, names[i], c->dir);
			return -ENOENT;
		}
		err = c->remove ? unload(c, names[i]) : load(c, names[i], nargs, args);
	}
	return err;
}

/* Options common to both commands; returns the index of the first other
 * word, or -1 for a bad option. */
static int options(struct modprobe *c, int argc, char **argv, bool allow_r)
{
	int i;

	c->dir = "/lib/modules";
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-v"))
			c->verbose = true;
		else if (!strcmp(argv[i], "-n"))
			c->dry = true;
		else if (!strcmp(argv[i], "-r") && allow_r)
			c->remove = true;
		else if (!strcmp(argv[i], "-d") && i + 1 < argc)
			c->dir = argv[++i];
		else
			return -1;
	}
	return i;
}

static void modprobe_free(struct modprobe *c)
{
	tool_free(c->dep_text);
	tool_free(c->alias_text);
	tool_free(c->line_path);
	tool_free(c->line_deps);
}

static int modprobe_main(int argc, char **argv)
{
	struct modprobe c = { 0 };
	int i = options(&c, argc, argv, true), err;

	if (i < 0 || i >= argc || (c.remove && i + 1 != argc))
		return cmd_usage("modprobe");
	err = read_indexes(&c);
	if (!err)
		err = probe(&c, argv[i], argc - i - 1, argv + i + 1);
	modprobe_free(&c);
	return err ? 1 : 0;
}

SHELL_COMMAND(modprobe, modprobe_main,
	      "modprobe [-v] [-n] [-r] [-d DIR] NAME|ALIAS [name=value ...]",
	      "load a module and what it needs, by name or alias (-r: unload it and "
	      "its unused dependencies)");

/* The alias of the PCI device whose /proc/bus/pci/devices line starts
 * with BBDF: its config space gives the subsystem ids and class. */
static int device_alias(unsigned bdf, unsigned vd, char *alias)
{
	char path[40], *cfg;
	size_t len;
	int err;

	snprintf(path, sizeof(path), "/proc/bus/pci/%02x/%02x.%x", bdf >> 8,
		 (bdf >> 3) & 0x1f, bdf & 7);
	err = tool_read_file(path, &cfg, &len);
	if (err)
		return err;
	if (len < 0x30) {
		tool_free(cfg);
		return -EIO;
	}
	modalias_pci_device(vd >> 16, vd & 0xffff, (uint8_t)cfg[0x2c] | (uint8_t)cfg[0x2d] << 8,
			    (uint8_t)cfg[0x2e] | (uint8_t)cfg[0x2f] << 8,
			    (uint8_t)cfg[0x0b] << 16 | (uint8_t)cfg[0x0a] << 8 | (uint8_t)cfg[0x09],
			    alias);
	tool_free(cfg);
	return 0;
}

/* One device: its matching modules, loaded (or listed with -n). */
static int coldplug_one(struct modprobe *c, unsigned bdf, unsigned vd)
{
	char alias[MODALIAS_LEN], names[MP_MAX_MATCH][64];
	unsigned n;
	int err = device_alias(bdf, vd, alias), status = 0;

	if (err) {
		out_printf(2, "coldplug: %02x:%02x.%x: %s\n", bdf >> 8, (bdf >> 3) & 0x1f,
			   bdf & 7, strerror(err));
		return 1;
	}
	n = alias_lookup(c, alias, names, MP_MAX_MATCH);
	if (!n && c->verbose)
		out_printf(1, "coldplug: %02x:%02x.%x %s: no module\n", bdf >> 8,
			   (bdf >> 3) & 0x1f, bdf & 7, alias);
	for (unsigned i = 0; i < n; i++) {
		bool loaded = is_loaded(names[i]);

		out_printf(1, "coldplug: %02x:%02x.%x %s: %s %s\n", bdf >> 8, (bdf >> 3) & 0x1f,
			   bdf & 7, alias, loaded ? "already loaded:" : c->dry ? "would load" :
			   "loading", names[i]);
		if (!c->dry && !loaded && load(c, names[i], 0, NULL))
			status = 1;
	}
	return status;
}

static int coldplug_main(int argc, char **argv)
{
	struct modprobe c = { 0 };
	int i = options(&c, argc, argv, false), status = 0;
	char *text;
	size_t len;

	if (i != argc)
		return cmd_usage("coldplug");
	if (read_indexes(&c))
		return 1;
	status = tool_read_file("/proc/bus/pci/devices", &text, &len);
	if (status) {
		cmd_error("coldplug", "/proc/bus/pci/devices", status);
		modprobe_free(&c);
		return 1;
	}
	for (char *l = text; *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : l + strlen(l)) {
		char *end;
		unsigned bdf = strtoul(l, &end, 16), vd = strtoul(end, NULL, 16);

		status |= coldplug_one(&c, bdf, vd);
	}
	tool_free(text);
	modprobe_free(&c);
	return status;
}

SHELL_COMMAND(coldplug, coldplug_main, "coldplug [-v] [-n] [-d DIR]",
	      "modprobe the drivers whose aliases match the PCI devices present "
	      "(-n: only list them)");
