/*
 * truncate [-c] -s SIZE FILE...: sets each file's size with ftruncate, as
 * GNU coreutils' truncate does, with its SIZE syntax and its messages. This
 * is how a student drops a module's init part by hand
 * (`truncate -s CORE /mod/NAME/module`, docs/modfs.md "Loading by hand").
 *
 * SIZE is a decimal number with an optional unit, K M G T (powers of 1024,
 * also k m g t and KiB MiB...) or KB MB GB TB (powers of 1000), and an
 * optional first character saying how to use it with the current size:
 * '+' extend by, '-' reduce by (not below 0), '<' at most, '>' at least,
 * '/' round down to a multiple of, '%' round up to a multiple of.
 * A missing FILE is created, unless -c. A refusal by the kernel to resize a
 * module's image (/mod/NAME/module) is followed by its reason, from
 * /mod/NAME/error. A file with no storage (/proc, modfs' generated files)
 * cannot be resized: "Operation not permitted".
 */
#include <stdbool.h>
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <tessera/sys.h>

#define TRUNCATE_MAX	0x7fffffffUL	/* off_t is 32 bits */
#define DIV_BY_ZERO	(-1L - (long)TRUNCATE_MAX)	/* new_size: / or % by 0 */

struct size_arg {
	char mode;		/* 0 (absolute) or one of + - < > / % */
	unsigned long n;
};

/* The multiplier of unit suffix s ("" = 1), or 0 if s is not a unit. */
static unsigned long unit_of(const char *s)
{
	static const char units[] = "KMGT", lower[] = "kmgt";
	const char *u = *s ? strchr(units, *s) : NULL;
	unsigned long base = 1024, m = 1;

	if (!*s)
		return 1;
	if (!u && *s && strchr(lower, *s))
		u = units + (strchr(lower, *s) - lower);
	if (!u)
		return 0;
	if (!strcmp(s + 1, "B"))
		base = 1000;
	else if (s[1] && strcmp(s + 1, "iB"))
		return 0;
	for (const char *p = units; p <= u; p++) {
		if (m > TRUNCATE_MAX)
			return ~0UL;	/* T: too large whatever the number */
		m *= base;
	}
	return m;
}

/* Parses SIZE as coreutils does (decimal). Returns 0, -EINVAL or
 * -ERANGE. */
static int parse_size(const char *s, struct size_arg *a)
{
	size_t len;
	unsigned long unit;

	a->mode = *s && strchr("+-<>/%", *s) ? *s++ : 0;
	for (len = 0; s[len] >= '0' && s[len] <= '9'; len++)
		;
	unit = len ? unit_of(s + len) : 0;
	if (!unit)
		return -EINVAL;
	a->n = 0;
	for (size_t i = 0; i < len; i++) {
		if (a->n > (TRUNCATE_MAX - (s[i] - '0')) / 10)
			return -ERANGE;
		a->n = a->n * 10 + (s[i] - '0');
	}
	if (a->n && (unit == ~0UL || a->n > TRUNCATE_MAX / unit))
		return -ERANGE;
	a->n *= unit == ~0UL ? 0 : unit;
	return 0;
}

/* The new size for a file of size cur; DIV_BY_ZERO for a division by
 * zero, -EFBIG past TRUNCATE_MAX. */
static long new_size(const struct size_arg *a, unsigned long cur)
{
	switch (a->mode) {
	case '+':
		return a->n > TRUNCATE_MAX - cur ? -EFBIG : (long)(cur + a->n);
	case '-':
		return cur > a->n ? (long)(cur - a->n) : 0;
	case '<':
		return cur < a->n ? (long)cur : (long)a->n;
	case '>':
		return cur > a->n ? (long)cur : (long)a->n;
	case '/':
		return a->n ? (long)(cur / a->n * a->n) : DIV_BY_ZERO;
	case '%':
		if (!a->n)
			return DIV_BY_ZERO;
		cur = (cur + a->n - 1) / a->n * a->n;
		return cur > TRUNCATE_MAX ? -EFBIG : (long)cur;
	}
	return (long)a->n;
}

static int truncate_one(const char *path, const struct size_arg *a, bool create)
{
	struct stat st;
	long size;
	int fd, err;

	fd = sys_open(path, O_WRONLY | (create ? O_CREAT : 0));
	if (fd == -ENOENT && !create)
		return 0;
	if (fd < 0) {
		out_printf(2, "truncate: cannot open '%s' for writing: %s\n", path,
			   strerror(fd));
		return 1;
	}
	err = sys_fstat(fd, &st);
	size = err ? err : new_size(a, st.st_size);
	if (size == DIV_BY_ZERO)
		out_printf(2, "truncate: division by zero\n");
	else if (size < 0)
		out_printf(2, "truncate: cannot get the size of '%s': %s\n", path,
			   strerror(size));
	else if ((err = sys_ftruncate(fd, size)) < 0) {
		out_printf(2, "truncate: failed to truncate '%s' at %ld bytes: %s\n",
			   path, size, strerror(err));
		cmd_kernel_reason("truncate", path, err);	/* /mod/NAME/module */
	}
	sys_close(fd);
	return size < 0 || err < 0;
}

static int truncate_main(int argc, char **argv)
{
	const char *size = NULL;
	struct size_arg a;
	bool create = true;
	int i, status = 0, err;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "-c"))
			create = false;
		else if (!strcmp(argv[i], "-s") && i + 1 < argc)
			size = argv[++i];
		else if (!strncmp(argv[i], "-s", 2) && argv[i][2])
			size = argv[i] + 2;
		else
			return cmd_usage("truncate");
	}
	if (!size) {
		out_printf(2, "truncate: you must specify either '--size' or '--reference'\n");
		return 1;
	}
	if (i >= argc) {
		out_printf(2, "truncate: missing file operand\n");
		return 1;
	}
	if ((err = parse_size(size, &a))) {
		out_printf(2, "truncate: Invalid number: '%s'%s\n", size,
			   err == -ERANGE ? ": Value too large for defined data type" : "");
		return 1;
	}
	for (; i < argc; i++)
		status |= truncate_one(argv[i], &a, create);
	return status;
}

SHELL_COMMAND(truncate, truncate_main, "truncate [-c] -s [+-<>/%]SIZE[K|M|G|KB|MB|GB] FILE...",
	      "set each file's size (-c: do not create missing files)");
