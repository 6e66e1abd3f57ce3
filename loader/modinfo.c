/*
 * modinfo FILE.ko: a module's name, license, author, description, version
 * and sizes, read from the file (the loader's ELF checks, no kernel call).
 */
#include "loader/elf.h"
#include "loader/tools.h"
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/sys.h>
#include <tessera/errno.h>

static int modinfo_main(int argc, char **argv)
{
	static const char *const keys[] = { "license", "author", "description", "version" };
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
