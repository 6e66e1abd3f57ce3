/*
 * Shell commands about files and directories: ls, cat, mkdir, rmdir, rm,
 * cp, mv, stat. (hexdump is in cmd_hexdump.c.) Output formats are in
 * docs/shell.md.
 */
#include <stdbool.h>
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <tessera/sys.h>

static char io_buf[4096];	/* cat and cp copy through it */

/* dir + "/" + name into buf; -ENAMETOOLONG if it does not fit. */
static int path_join(char *buf, size_t size, const char *dir,
		     const char *name)
{
	size_t len = strlen(dir);
	const char *sep = len && dir[len - 1] == '/' ? "" : "/";

	if ((size_t)snprintf(buf, size, "%s%s%s", dir, sep, name) >= size)
		return -ENAMETOOLONG;
	return 0;
}

/* The last component of a path ("b" for "/a/b" and for "/a/b/"). */
static const char *base_name(const char *path, char *buf, size_t size)
{
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		len--;
	size_t start = len;

	while (start > 0 && path[start - 1] != '/')
		start--;
	if (len - start + 1 < size)
		size = len - start + 1;
	strlcpy(buf, path + start, size);
	return buf;
}

/* ---- ls --------------------------------------------------------------- */

/*
 * "drwxr-xr-x": the type letter and the nine permission bits of st_mode,
 * as Linux's ls -l shows them (set-user-ID, set-group-ID and sticky bits
 * as s/S and t/T in the execute places).
 */
static void mode_string(uint32_t mode, char s[11])
{
	static const char rwx[] = "rwxrwxrwx";

	s[0] = S_ISDIR(mode) ? 'd' : S_ISCHR(mode) ? 'c'
	     : S_ISREG(mode) ? '-' : '?';
	for (int i = 0; i < 9; i++)
		s[i + 1] = mode & (0400 >> i) ? rwx[i] : '-';
	if (mode & 04000)
		s[3] = s[3] == 'x' ? 's' : 'S';
	if (mode & 02000)
		s[6] = s[6] == 'x' ? 's' : 'S';
	if (mode & 01000)
		s[9] = s[9] == 'x' ? 't' : 'T';
	s[10] = '\0';
}

static void ls_print(const char *name, const struct stat *st, bool long_fmt)
{
	char mode[11];

	if (!long_fmt) {
		out_printf(1, "%s\n", name);
		return;
	}
	mode_string(st->st_mode, mode);
	if (S_ISCHR(st->st_mode))	/* device number instead of size */
		out_printf(1, "%s %3u, %3u %s\n", mode,
			   (unsigned)st->st_rdev >> 20, (unsigned)st->st_rdev & 0xfffff,
			   name);
	else
		out_printf(1, "%s %8u %s\n", mode, (unsigned)st->st_size, name);
}

/* Lists one directory; returns 0 or 1 after printing what failed. */
static int ls_dir(const char *path, bool long_fmt)
{
	static struct dirent de;
	static char full[PATH_MAX];
	struct stat st;
	int fd, ret, status = 0;

	fd = sys_open(path, O_RDONLY | O_DIRECTORY);
	if (fd < 0) {
		cmd_error("ls", path, fd);
		return 1;
	}
	while ((ret = sys_readdir(fd, &de)) > 0) {
		if (!strcmp(de.d_name, ".") || !strcmp(de.d_name, ".."))
			continue;
		if (long_fmt) {
			ret = path_join(full, sizeof(full), path, de.d_name);
			if (!ret)
				ret = sys_stat(full, &st);
			if (ret < 0) {
				cmd_error("ls", de.d_name, ret);
				status = 1;
				continue;
			}
		}
		ls_print(de.d_name, &st, long_fmt);
	}
	if (ret < 0) {
		cmd_error("ls", path, ret);
		status = 1;
	}
	sys_close(fd);
	return status;
}

static int ls_main(int argc, char **argv)
{
	bool long_fmt = false, printed = false;
	int first = 1, status = 0, err;
	struct stat st;
	char *here[] = { ".", NULL };

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		long_fmt = true;
		first = 2;
	}
	if (first < argc && argv[first][0] == '-' && argv[first][1])
		return cmd_usage(argv[0]);
	if (first == argc) {
		argv = here;
		first = 0;
		argc = 1;
	}
	/* As GNU ls: errors and files first, then each directory. */
	for (int i = first; i < argc; i++) {
		err = sys_stat(argv[i], &st);
		if (err < 0) {
			cmd_error("ls", argv[i], err);
			status = 1;
		} else if (!S_ISDIR(st.st_mode)) {
			ls_print(argv[i], &st, long_fmt);
			printed = true;
		}
	}
	for (int i = first; i < argc; i++) {
		if (sys_stat(argv[i], &st) < 0 || !S_ISDIR(st.st_mode))
			continue;
		if (argc - first > 1)
			out_printf(1, "%s%s:\n", printed ? "\n" : "", argv[i]);
		printed = true;
		status |= ls_dir(argv[i], long_fmt);
	}
	return status;
}
SHELL_COMMAND(ls, ls_main, "ls [-l] [PATH...]",
	      "list directories (-l: type, size, name)");

/* ---- cat -------------------------------------------------------------- */

/* Copies everything from fd in to fd out; 0 or -errno, *bad_in set to
 * true if reading failed (false: writing failed). */
static int copy_fd(int in, int out, bool *bad_in)
{
	ssize_t n;
	int w;

	while ((n = sys_read(in, io_buf, sizeof(io_buf))) > 0) {
		w = out_write(out, io_buf, n);
		if (w < 0) {
			*bad_in = false;
			return w;
		}
	}
	*bad_in = true;
	return n;
}

static int cat_main(int argc, char **argv)
{
	int status = 0, fd, err;
	bool bad_in;

	if (argc < 2)
		return cmd_usage(argv[0]);
	for (int i = 1; i < argc; i++) {
		fd = sys_open(argv[i], O_RDONLY);
		if (fd < 0) {
			cmd_error("cat", argv[i], fd);
			status = 1;
			continue;
		}
		err = copy_fd(fd, 1, &bad_in);
		sys_close(fd);
		if (err < 0 && !bad_in)		/* stdout failed: stop */
			return cmd_write_error("cat", err);
		if (err < 0) {
			cmd_error("cat", argv[i], err);
			status = 1;
		}
	}
	return status;
}
SHELL_COMMAND(cat, cat_main, "cat FILE...", "print files");

/* ---- mkdir, rmdir, rm ------------------------------------------------- */

/* Applies op to every argument; status 1 if any failed. */
static int each_path(int argc, char **argv, int (*op)(const char *path))
{
	int status = 0, err;

	if (argc < 2)
		return cmd_usage(argv[0]);
	for (int i = 1; i < argc; i++) {
		err = op(argv[i]);
		if (err < 0) {
			cmd_error(argv[0], argv[i], err);
			status = 1;
		}
	}
	return status;
}

static int mkdir_main(int argc, char **argv)
{
	return each_path(argc, argv, sys_mkdir);
}
SHELL_COMMAND(mkdir, mkdir_main, "mkdir DIR...", "make directories");

static int rmdir_main(int argc, char **argv)
{
	return each_path(argc, argv, sys_rmdir);
}
SHELL_COMMAND(rmdir, rmdir_main, "rmdir DIR...", "remove empty directories");

static int rm_main(int argc, char **argv)
{
	return each_path(argc, argv, sys_unlink);
}
SHELL_COMMAND(rm, rm_main, "rm FILE...", "remove files");

/* mknod PATH c MAJOR MINOR: a character-device node, as Linux's mknod (only
 * type c; devfs is the one place nodes live, so PATH is in /dev). The
 * number is major << 20 | minor (<linux/kdev_t.h>'s MKDEV). */
static int mknod_main(int argc, char **argv)
{
	unsigned long major, minor;
	int err;

	if (argc != 5 || strcmp(argv[2], "c") ||
	    cmd_parse_uint(argv[3], &major) || cmd_parse_uint(argv[4], &minor) ||
	    major > 0xfff || minor > 0xfffff)
		return cmd_usage(argv[0]);
	err = sys_mknod(argv[1], S_IFCHR | 0666, (uint32_t)(major << 20 | minor));
	if (err) {
		out_printf(2, "mknod: %s: %s\n", argv[1], strerror(-err));
		return 1;
	}
	return 0;
}
SHELL_COMMAND(mknod, mknod_main, "mknod PATH c MAJOR MINOR",
	      "make a character-device node in /dev");

/* ---- cp, mv ----------------------------------------------------------- */

/*
 * Where src goes for `cp/mv SRC... DST`: DST/basename(SRC) if DST is a
 * directory, else DST itself. Returns 0 or -ENAMETOOLONG.
 */
static int target_path(const char *src, const char *dst, bool dst_is_dir,
		       char *buf, size_t size)
{
	char base[NAME_MAX + 1];

	if (!dst_is_dir)
		return strlcpy(buf, dst, size) < size ? 0 : -ENAMETOOLONG;
	return path_join(buf, size, dst, base_name(src, base, sizeof(base)));
}

static bool same_file(int fd, const char *path)
{
	struct stat a, b;

	return sys_fstat(fd, &a) == 0 && sys_stat(path, &b) == 0 &&
	       a.st_ino == b.st_ino && a.st_dev == b.st_dev;
}

/* Sets the regular file open as out to the size of what was written to it
 * (its position): cp writes in place and cuts what is left after, rather
 * than emptying it first, so copying an image of the same size into a
 * mapped module's `module` file works (docs/modfs.md, "Loading by hand").
 * Only a regular file longer than that is cut (a modfs file whose size
 * says nothing, like `args`, is left as it is). Returns 0 or -errno. */
static int cut_after_copy(int out)
{
	struct stat st;
	off_t end = sys_lseek(out, 0, SEEK_CUR);

	if (end < 0)
		return end;
	if (sys_fstat(out, &st) || !S_ISREG(st.st_mode) || st.st_size <= (uint32_t)end)
		return 0;
	return sys_ftruncate(out, end);
}

/* Copies file src to path dst (created, or overwritten in place and cut to
 * src's length); returns 0 or 1. */
static int cp_one(const char *src, const char *dst)
{
	struct stat st;
	int in, out, err;
	bool bad_in;

	in = sys_open(src, O_RDONLY);
	if (in < 0) {
		cmd_error("cp", src, in);
		return 1;
	}
	err = sys_fstat(in, &st);
	if (!err && S_ISDIR(st.st_mode))
		err = -EISDIR;
	if (err < 0) {
		cmd_error("cp", src, err);
		goto out_close_in;
	}
	if (same_file(in, dst)) {
		out_printf(2, "cp: %s and %s are the same file\n", src, dst);
		err = -EINVAL;
		goto out_close_in;
	}
	out = sys_open(dst, O_WRONLY | O_CREAT);
	if (out < 0) {
		cmd_error("cp", dst, err = out);
		goto out_close_in;
	}
	err = copy_fd(in, out, &bad_in);
	if (!err && (err = cut_after_copy(out)) < 0)
		bad_in = false;
	if (err < 0)
		cmd_error("cp", bad_in ? src : dst, err);
	if (err < 0 && !bad_in)
		cmd_kernel_reason("cp", dst, err);	/* /mod/NAME/module refused */
	sys_close(out);
out_close_in:
	sys_close(in);
	return err < 0;
}

/* Renames src to dst; a failure names src if it is missing, else dst. */
static int mv_one(const char *src, const char *dst)
{
	struct stat st;
	int err = sys_rename(src, dst);

	if (err == 0)
		return 0;
	if (sys_stat(src, &st) < 0)
		cmd_error("mv", src, err);
	else
		cmd_error("mv", dst, err);
	return 1;
}

/* cp and mv: SRC DST, or SRC... DIR. */
static int transfer(int argc, char **argv,
		    int (*one)(const char *src, const char *dst))
{
	static char target[PATH_MAX];
	const char *dst = argv[argc - 1];
	struct stat st;
	bool is_dir;
	int status = 0, err;

	if (argc < 3)
		return cmd_usage(argv[0]);
	is_dir = sys_stat(dst, &st) == 0 && S_ISDIR(st.st_mode);
	if (argc > 3 && !is_dir) {
		cmd_error(argv[0], dst, -ENOTDIR);
		return 1;
	}
	for (int i = 1; i < argc - 1; i++) {
		err = target_path(argv[i], dst, is_dir, target, sizeof(target));
		if (err < 0) {
			cmd_error(argv[0], dst, err);
			status = 1;
			continue;
		}
		status |= one(argv[i], target);
	}
	return status;
}

static int cp_main(int argc, char **argv)
{
	return transfer(argc, argv, cp_one);
}
SHELL_COMMAND(cp, cp_main, "cp SRC DST | cp SRC... DIR", "copy files");

static int mv_main(int argc, char **argv)
{
	return transfer(argc, argv, mv_one);
}
SHELL_COMMAND(mv, mv_main, "mv SRC DST | mv SRC... DIR",
	      "move or rename files and directories");

/* ---- stat ------------------------------------------------------------- */

static const char *type_name(uint32_t mode)
{
	if (S_ISREG(mode))
		return "regular file";
	if (S_ISDIR(mode))
		return "directory";
	if (S_ISCHR(mode))
		return "character device";
	return "unknown";
}

static void stat_print(const char *path, const struct stat *st)
{
	out_printf(1, "  File: %s\n", path);
	out_printf(1, "  Type: %s\n", type_name(st->st_mode));
	out_printf(1, "  Mode: %04o\n", (unsigned)(st->st_mode & 07777));
	out_printf(1, "  Size: %u bytes\n", (unsigned)st->st_size);
	out_printf(1, " Pages: %u\n", (unsigned)st->st_blocks);
	out_printf(1, " Inode: %u\n", (unsigned)st->st_ino);
	out_printf(1, " Links: %u\n", (unsigned)st->st_nlink);
	if (S_ISCHR(st->st_mode))	/* rdev is major << 20 | minor */
		out_printf(1, "Device: %u,%u\n", (unsigned)st->st_rdev >> 20,
			   (unsigned)st->st_rdev & 0xfffff);
}

static int stat_main(int argc, char **argv)
{
	struct stat st;
	int status = 0, err;

	if (argc < 2)
		return cmd_usage(argv[0]);
	for (int i = 1; i < argc; i++) {
		err = sys_stat(argv[i], &st);
		if (err < 0) {
			cmd_error("stat", argv[i], err);
			status = 1;
			continue;
		}
		stat_print(argv[i], &st);
	}
	return status;
}
SHELL_COMMAND(stat, stat_main, "stat PATH...",
	      "show type, mode, size, pages, inode and links");
