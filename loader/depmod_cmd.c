/*
 * depmod [-n] [DIR]: reads every .ko file in DIR (default /lib/modules), works out
 * who needs whom from their undefined symbols against the other modules'
 * exports and the kernel's (/proc/ksyms, its "kernel" lines), and writes
 * DIR/modules.dep and DIR/modules.alias (loader/depmod.c, the same code
 * tools/depmod runs on the host for the ramdisk). Symbols nobody provides
 * are warned about; a dependency cycle is an error and nothing is written.
 *   -n  prints the two files to stdout instead of writing them
 */
#include "loader/depmod.h"
#include "loader/tools.h"
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/sys.h>
#include <tessera/errno.h>

static bool kernel_exports(void *arg, const char *sym)
{
	const struct ksym *k = ksym_table_find(arg, sym);

	return k && !strcmp(k->owner, "kernel");
}

static void say(void *arg, const char *line)
{
	out_printf(2, "%s\n", line);
}

/* Adds every .ko file of dir. Returns 0 or -errno (said). */
static int add_dir(struct depmod *d, const char *dir)
{
	static struct dirent de;
	char path[DEPMOD_PATH_MAX + 64];
	int fd = sys_open(dir, O_RDONLY), ret;

	if (fd < 0) {
		cmd_error("depmod", dir, fd);
		return fd;
	}
	while ((ret = sys_readdir(fd, &de)) > 0) {
		size_t n = strlen(de.d_name);
		char *buf;
		size_t len;

		if (n < 4 || strcmp(de.d_name + n - 3, ".ko"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de.d_name);
		ret = tool_read_file(path, &buf, &len);
		if (ret) {
			cmd_error("depmod", path, ret);
			break;
		}
		ret = depmod_add(d, de.d_name, buf, len);
		if (ret && ret != -ENOEXEC) {
			cmd_error("depmod", path, ret);
			break;
		}
		ret = 1;
	}
	sys_close(fd);
	if (ret < 0 && ret != -ENOEXEC)
		return ret;
	return 0;
}

/* Writes text (or prints it, -n) as DIR/NAME. */
static int emit(const char *dir, const char *name, size_t (*fmt)(const struct depmod *,
		char *, size_t), const struct depmod *d, bool dry)
{
	size_t len = fmt(d, NULL, 0);
	char *text = tool_alloc(len + 1), path[DEPMOD_PATH_MAX + 64];
	int fd, err = 0;

	if (!text)
		return -ENOMEM;
	fmt(d, text, len + 1);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (dry) {
		out_write(1, text, len);
	} else {
		fd = sys_open(path, O_WRONLY | O_CREAT | O_TRUNC);
		err = fd < 0 ? fd : sys_write(fd, text, len) == (ssize_t)len ? 0 : -EIO;
		if (fd >= 0)
			sys_close(fd);
		if (err)
			cmd_error("depmod", path, err);
	}
	tool_free(text);
	return err;
}

static int depmod_main(int argc, char **argv)
{
	struct ksym_table syms = { 0 };
	struct depmod d = { .kernel_exports = kernel_exports, .say = say, .arg = &syms };
	const char *dir = "/lib/modules";
	bool dry = argc > 1 && !strcmp(argv[1], "-n");
	int err, i = dry ? 2 : 1;

	if (argc > i + 1 || (argc == i + 1 && argv[i][0] == '-'))
		return cmd_usage("depmod");
	if (argc == i + 1)
		dir = argv[i];
	d.dir = dir;
	err = ksym_table_load(&syms);
	if (err)
		cmd_error("depmod", "/proc/ksyms", err);
	if (!err)
		err = add_dir(&d, dir);
	if (!err)
		err = depmod_resolve(&d);
	if (err == -ENOMEM)
		cmd_error("depmod", NULL, err);
	if (!err)
		err = emit(dir, "modules.dep", depmod_format_dep, &d, dry);
	if (!err)
		err = emit(dir, "modules.alias", depmod_format_alias, &d, dry);
	depmod_free(&d);
	ksym_table_free(&syms);
	return err ? 1 : 0;
}

SHELL_COMMAND(depmod, depmod_main, "depmod [-n] [DIR]",
	      "write DIR/modules.dep and modules.alias (default /lib/modules) from "
	      "its .ko files (-n: print them)");
