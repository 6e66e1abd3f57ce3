/*
 * The command table (the .shell_commands linker section) and the output
 * and error helpers that every shell command uses.
 */
#include <stdbool.h>
#include "shell/commands.h"
#include "loader/tools.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <tessera/sys.h>
#include <tessera/modformat.h>	/* MODULE_NAME_LEN */

#ifdef HOST_TEST
#define __shell_commands_start __start_shell_commands
#define __shell_commands_end __stop_shell_commands
#endif
extern const struct shell_command __shell_commands_start[];
extern const struct shell_command __shell_commands_end[];

#define MAX_COMMANDS 128	/* more are found, but not listed by help */

/* The first failed write to stdout of the running command. */
static struct out_state {
	int err;		/* 0, or the -errno of the first failure */
	bool reported;		/* the command said so (cmd_write_error) */
} out_state;

const struct shell_command *shell_command_find(const char *name)
{
	const struct shell_command *c;

	for (c = __shell_commands_start; c < __shell_commands_end; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

int shell_command_for_each(int (*fn)(const struct shell_command *cmd,
				     void *arg), void *arg)
{
	static const struct shell_command *sorted[MAX_COMMANDS];
	const struct shell_command *c;
	int n = 0, ret;

	for (c = __shell_commands_start; c < __shell_commands_end &&
	     n < MAX_COMMANDS; c++) {
		int i = n++;

		while (i > 0 && strcmp(sorted[i - 1]->name, c->name) > 0) {
			sorted[i] = sorted[i - 1];
			i--;
		}
		sorted[i] = c;
	}
	for (int i = 0; i < n; i++) {
		ret = fn(sorted[i], arg);
		if (ret)
			return ret;
	}
	return 0;
}

int out_write(int fd, const void *buf, int n)
{
	const char *p = buf;
	int done = 0;

	while (done < n) {
		ssize_t w = sys_write(fd, p + done, n - done);

		if (w == 0)
			w = -EIO;
		if (w < 0) {
			if (fd == 1 && !out_state.err)
				out_state.err = w;
			return w;
		}
		done += w;
	}
	return done;
}

int out_vprintf(int fd, const char *fmt, va_list ap)
{
	static char buf[OUT_PRINTF_MAX + 1];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	size_t flen = strlen(fmt);

	if (n > OUT_PRINTF_MAX) {	/* cut: say so, keep the newline */
		n = OUT_PRINTF_MAX;
		if (flen && fmt[flen - 1] == '\n')
			memcpy(buf + n - 4, "...\n", 4);
		else
			memcpy(buf + n - 3, "...", 3);
	}
	return out_write(fd, buf, n);
}

int out_printf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = out_vprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

void cmd_error(const char *cmd, const char *what, int err)
{
	if (what)
		out_printf(2, "%s: %s: %s\n", cmd, what, strerror(err));
	else
		out_printf(2, "%s: %s\n", cmd, strerror(err));
}

/* The NAME of /mod/NAME/module (path absolute, or relative to the
 * current directory) into name[MODULE_NAME_LEN]; false for any other
 * path. */
static bool module_image_path(const char *path, char *name)
{
	char full[256];
	const char *n, *slash;

	if (path[0] == '/')
		strlcpy(full, path, sizeof(full));
	else if (sys_getcwd(full, sizeof(full)) < 0 ||
		 strlcat(full, strcmp(full, "/") ? "/" : "", sizeof(full)) >= sizeof(full) ||
		 strlcat(full, path, sizeof(full)) >= sizeof(full))
		return false;
	if (strncmp(full, "/mod/", 5))
		return false;
	n = full + 5;
	slash = strchr(n, '/');
	if (!slash || slash == n || slash - n >= MODULE_NAME_LEN || strcmp(slash, "/module"))
		return false;
	memcpy(name, n, slash - n);
	name[slash - n] = '\0';
	return true;
}

void cmd_kernel_reason(const char *cmd, const char *path, int err)
{
	char name[MODULE_NAME_LEN], reason[MODULE_REASON_MAX];
	int recorded;

	if (!module_image_path(path, name) ||
	    tool_module_error(name, &recorded, reason, sizeof(reason)))
		return;
	if (recorded == (err < 0 ? err : -err) && reason[0])
		out_printf(2, "%s: /mod/%s/error: %s\n", cmd, name, reason);
}

int cmd_write_error(const char *cmd, int err)
{
	const char *path = shell_stdout_path();

	cmd_error(cmd, path ? path : "write error", err);
	out_state.reported = true;
	return 1;
}

int cmd_run(const struct shell_command *c, int argc, char **argv)
{
	struct out_state outer = out_state;	/* `sh` runs commands too */
	char outer_comm[16];
	int status;

	out_state = (struct out_state){ 0, false };
	sys_set_comm(argv[0], outer_comm);
	status = c->fn(argc, argv);
	sys_set_comm(outer_comm, NULL);
	status = status < 0 ? 1 : status & 0xff;
	if (sys_interrupted())	/* Ctrl-C, as a Unix shell: 128 + SIGINT */
		status = STATUS_INTERRUPTED;
	if (out_state.err && !out_state.reported) {
		cmd_write_error(argv[0], out_state.err);
		if (status == 0)
			status = 1;
	}
	out_state = outer;
	return status;
}

int cmd_usage(const char *cmd)
{
	const struct shell_command *c = shell_command_find(cmd);

	out_printf(2, "usage: %s\n", c ? c->usage : cmd);
	return 2;
}

int cmd_parse_uint(const char *s, unsigned long *val)
{
	unsigned long base = 10, d;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && s[2])
		base = 16, s += 2;
	else if (s[0] == '0' && s[1])
		base = 8, s++;
	for (*val = 0; *s; s++) {
		d = *s >= '0' && *s <= '9' ? *s - '0' : (*s | 0x20) >= 'a' &&
			(*s | 0x20) <= 'f' ? (*s | 0x20) - 'a' + 10 : 99;
		if (d >= base)
			return -EINVAL;
		if (*val > (~0UL - d) / base)
			return -ERANGE;	/* strtoul would wrap silently */
		*val = *val * base + d;
	}
	return 0;
}
