/*
 * modinfo FILE.ko: a module's name, license, author, description, version,
 * the other .modinfo fields (alias, intree...), its sizes, and one `parm:`
 * line per parameter in kmod's layout ("howmany:How many times (int)"),
 * read from the file (the loader's ELF checks, no kernel call).
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
			    has_key(kv, "parmtype");

		for (unsigned i = 0; i < N_FIRST && !skip; i++)
			skip = has_key(kv, first_keys[i]);
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

static int modinfo_main(int argc, char **argv)
{
	char *file;
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
	err = modelf_parse(file, len, &m);
	if (err)
		out_printf(2, "modinfo: %s: %s\n", argv[1], m.why);
	else {
		out_printf(1, "%-16s%s\n%-16s%s\n", "filename:", argv[1], "name:", m.hdr.name);
		for (unsigned i = 0; i < N_FIRST; i++)
			print_all(&m, first_keys[i]);
		print_other_fields(&m);
		out_printf(1, "%-16s%u bytes\n%-16s%u bytes\n", "core size:", m.hdr.core_size,
			   "init size:", m.hdr.init_size);
		print_params(&m);
	}
	tool_free(file);
	return err ? 1 : 0;
}

SHELL_COMMAND(modinfo, modinfo_main, "modinfo FILE.ko",
	      "show a module's name, license, author, description, version, other "
	      "fields, sizes and parameters");
