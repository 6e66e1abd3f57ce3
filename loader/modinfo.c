/*
 * modinfo FILE.ko|NAME: a module's fields in kmod's layout and order:
 * filename, license, author, description, version, the other .modinfo
 * fields, alias (one line each), depends, intree, name, vermagic, and one
 * `parm:` line per parameter ("howmany:How many times (int)"), read from
 * the file (the loader's ELF checks, no kernel call). A NAME is looked up
 * in /lib/modules/modules.dep, else as /lib/modules/NAME.ko.
 */
#include "loader/elf.h"
#include "loader/tools.h"
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/sys.h>
#include <tessera/errno.h>
#include <stdbool.h>

static const char *const first_keys[] = { "license", "author", "description", "version" };
#define N_FIRST (sizeof(first_keys) / sizeof(first_keys[0]))
/* Printed after the other fields, in this order (name comes between). */
static const char *const last_keys[] = { "alias", "depends", "intree" };
#define N_LAST (sizeof(last_keys) / sizeof(last_keys[0]))

/* Does "key=value" have key k? */
static bool has_key(const char *kv, const char *k)
{
	size_t n = strlen(k);

	return !strncmp(kv, k, n) && kv[n] == '=';
}

static void print_field(const char *key, const char *value)
{
	out_printf(1, "%s:%*s%s\n", key, (int)(15 - strlen(key)), "", value);
}

/* Every field with that key (two MODULE_AUTHOR lines: two lines). */
static void print_all(const struct modelf *m, const char *key)
{
	uint32_t pos = 0;
	const char *kv;

	while ((kv = modelf_modinfo_next(m, &pos)) != NULL)
		if (has_key(kv, key))
			print_field(key, kv + strlen(key) + 1);
}

/* Every field but the first ones and the parameters', in file order. */
static void print_other_fields(const struct modelf *m)
{
	uint32_t pos = 0;
	const char *kv;

	while ((kv = modelf_modinfo_next(m, &pos)) != NULL) {
		const char *eq = strchr(kv, '=');
		char key[16];
		bool skip = !eq || eq - kv >= (long)sizeof(key) || has_key(kv, "parm") ||
			    has_key(kv, "parmtype") || has_key(kv, "vermagic");

		for (unsigned i = 0; i < N_FIRST && !skip; i++)
			skip = has_key(kv, first_keys[i]);
		for (unsigned i = 0; i < N_LAST && !skip; i++)
			skip = has_key(kv, last_keys[i]);
		if (skip)
			continue;
		strlcpy(key, kv, eq - kv + 1);
		print_field(key, eq + 1);
	}
}

/* The text after "NAME:" in the first "key=NAME:..." string, or NULL. */
static const char *param_field(const struct modelf *m, const char *key,
			       const char *name, size_t len)
{
	uint32_t pos = 0;
	const char *kv;
	size_t k = strlen(key);

	while ((kv = modelf_modinfo_next(m, &pos)) != NULL)
		if (has_key(kv, key) && !strncmp(kv + k + 1, name, len) &&
		    kv[k + 1 + len] == ':')
			return kv + k + 2 + len;
	return NULL;
}

/* One line per parameter, in the order its first string comes, as kmod:
 * "parm:           NAME:DESCRIPTION (TYPE)". */
static void print_params(const struct modelf *m)
{
	uint32_t pos = 0, at;
	const char *kv;

	while (at = pos, (kv = modelf_modinfo_next(m, &pos)) != NULL) {
		const char *name = strchr(kv, '=') + 1, *colon, *desc, *type;
		size_t len;
		bool seen = false;

		if (!has_key(kv, "parm") && !has_key(kv, "parmtype"))
			continue;
		colon = strchr(name, ':');
		len = colon ? (size_t)(colon - name) : strlen(name);
		for (uint32_t p = 0; !seen && p < at; ) {
			const char *o = modelf_modinfo_next(m, &p);
			seen = (has_key(o, "parm") || has_key(o, "parmtype")) &&
			       !strncmp(strchr(o, '=') + 1, name, len) &&
			       strchr(o, '=')[1 + len] == ':';
		}
		if (seen)
			continue;
		desc = param_field(m, "parm", name, len);
		type = param_field(m, "parmtype", name, len);
		out_printf(1, "%-16s%.*s:%s", "parm:", (int)len, name, desc ? desc : "");
		if (type)
			out_printf(1, " (%s)", type);
		out_printf(1, "\n");
	}
}

/* The file of module NAME: its modules.dep line's path, else NAME.ko,
 * under /lib/modules. path gets it; returns 0 or -ENOENT. */
static int find_module(const char *name, char *path, size_t size)
{
	char *dep, want[72];
	size_t len;
	struct stat st;

	snprintf(want, sizeof(want), "%s.ko:", name);
	if (!tool_read_file("/lib/modules/modules.dep", &dep, &len)) {
		for (char *l = dep; *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : l + strlen(l)) {
			const char *base = l;

			for (const char *p = l; *p && *p != ':' && *p != '\n'; p++)
				if (*p == '/')
					base = p + 1;
			if (!strncmp(base, want, strlen(want))) {
				snprintf(path, size, "/lib/modules/%.*s", (int)(base - l +
					 strlen(want) - 1), l);
				tool_free(dep);
				return 0;
			}
		}
		tool_free(dep);
	}
	snprintf(path, size, "/lib/modules/%s.ko", name);
	return sys_stat(path, &st) ? -ENOENT : 0;
}

static void print_info(const char *path, const struct modelf *m)
{
	out_printf(1, "%-16s%s\n", "filename:", path);
	for (unsigned i = 0; i < N_FIRST; i++)
		print_all(m, first_keys[i]);
	print_other_fields(m);
	for (unsigned i = 0; i < N_LAST; i++)
		print_all(m, last_keys[i]);
	out_printf(1, "%-16s%s\n", "name:", m->hdr.name);
	print_all(m, "vermagic");
	print_params(m);
}

static int modinfo_main(int argc, char **argv)
{
	char *file, path[160];
	struct modelf m;
	size_t len;
	int err;

	if (argc != 2)
		return cmd_usage("modinfo");
	strlcpy(path, argv[1], sizeof(path));
	if (!strchr(argv[1], '/') && !strstr(argv[1], ".ko") &&
	    find_module(argv[1], path, sizeof(path))) {
		out_printf(2, "modinfo: ERROR: Module %s not found.\n", argv[1]);
		return 1;
	}
	err = tool_read_file(path, &file, &len);
	if (err) {
		cmd_error("modinfo", path, err);
		return 1;
	}
	err = modelf_parse(file, len, &m);
	if (err)
		out_printf(2, "modinfo: %s: %s\n", path, m.why);
	else
		print_info(path, &m);
	tool_free(file);
	return err ? 1 : 0;
}

SHELL_COMMAND(modinfo, modinfo_main, "modinfo FILE.ko|NAME",
	      "show a module's license, author, description, version, aliases, "
	      "dependencies, vermagic and parameters");
