/*
 * Shell commands that are not about files: help, echo, cd, pwd, open,
 * close, sleep, true, false (the /proc and /dev readers free, uptime and
 * dmesg are in shell/cmd_proc.c). Output formats are in docs/shell.md.
 */
#include <stdbool.h>
#include "shell/commands.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <tessera/sys.h>

/* ---- help ------------------------------------------------------------- */

#define HELP_PAGES "/usr/share/doc/commands/"	/* NAME.md, from docs/commands/ */

static int help_line(const struct shell_command *c, void *arg)
{
	out_printf(1, "  %-10s %s\n", c->name, c->help);
	return 0;
}

/* Prints command c's manual page. Without one (a kernel booted with
 * another ramdisk): the usage and help lines, and why, with status 1. */
static int help_page(const struct shell_command *c)
{
	static char path[PATH_MAX], buf[512];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), HELP_PAGES "%s.md", c->name);
	fd = sys_open(path, O_RDONLY);
	if (fd < 0) {
		out_printf(1, "usage: %s\n%s\n", c->usage, c->help);
		cmd_error("help", path, fd);
		return 1;
	}
	while ((n = sys_read(fd, buf, sizeof(buf))) > 0)
		if (out_write(1, buf, n) < 0)
			break;		/* cmd_run reports it */
	if (n < 0)
		cmd_error("help", path, n);
	sys_close(fd);
	return n < 0;
}

static int help_main(int argc, char **argv)
{
	const struct shell_command *c;

	if (argc == 1) {
		out_printf(1, "Commands:\n");
		shell_command_for_each(help_line, NULL);
		out_printf(1, "'help NAME' shows how to use one.\n");
		return 0;
	}
	if (argc != 2)
		return cmd_usage(argv[0]);
	c = shell_command_find(argv[1]);
	if (!c) {
		out_printf(2, "help: %s: no such command\n", argv[1]);
		return 1;
	}
	return help_page(c);
}
SHELL_COMMAND(help, help_main, "help [COMMAND]",
	      "list the commands, or show one's manual page");

/* ---- echo, true, false ------------------------------------------------ */

/* Builds the whole line and writes it with one write(), as a buffered
 * Unix echo does: a device or control file sees one command, not words.
 * A failed write names the file stdout goes to: "echo: FILE: reason". */
static int echo_main(int argc, char **argv)
{
	static char line[1024];
	bool newline = true;
	size_t len = 0;
	int i = 1, n;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = false;
		i = 2;
	}
	for (int first = i; i < argc && len < sizeof(line); i++)
		len += snprintf(line + len, sizeof(line) - len, "%s%s",
				i > first ? " " : "", argv[i]);
	if (newline && len < sizeof(line) - 1)
		line[len++] = '\n';
	if (len >= sizeof(line)) {
		out_printf(2, "echo: line longer than %u bytes\n", (unsigned)sizeof(line) - 1);
		return 1;
	}
	n = out_write(1, line, len);
	if (n < 0)
		return cmd_write_error("echo", n);
	return 0;
}
SHELL_COMMAND(echo, echo_main, "echo [-n] [WORD...]",
	      "print the words (-n: no newline)");

static int true_main(int argc, char **argv)
{
	return 0;
}
SHELL_COMMAND(true, true_main, "true", "do nothing, successfully");

static int false_main(int argc, char **argv)
{
	return 1;
}
SHELL_COMMAND(false, false_main, "false", "do nothing, with status 1");

/* ---- cd, pwd ---------------------------------------------------------- */

static int cd_main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/";
	int err;

	if (argc > 2)
		return cmd_usage(argv[0]);
	err = sys_chdir(dir);
	if (err < 0) {
		cmd_error("cd", dir, err);
		return 1;
	}
	return 0;
}
SHELL_COMMAND(cd, cd_main, "cd [DIR]", "change the directory (default /)");

static int pwd_main(int argc, char **argv)
{
	static char cwd[PATH_MAX];
	int err = sys_getcwd(cwd, sizeof(cwd));

	if (err < 0) {
		cmd_error("pwd", NULL, err);
		return 1;
	}
	out_printf(1, "%s\n", cwd);
	return 0;
}
SHELL_COMMAND(pwd, pwd_main, "pwd", "print the current directory");

/* ---- open, close ------------------------------------------------------ */

static int open_main(int argc, char **argv)
{
	int fd;

	if (argc != 2)
		return cmd_usage(argv[0]);
	fd = sys_open(argv[1], O_RDONLY);
	if (fd < 0) {
		cmd_error("open", argv[1], fd);
		return 1;
	}
	out_printf(1, "%d\n", fd);
	return 0;
}
SHELL_COMMAND(open, open_main, "open PATH",
	      "open a file read-only and keep it open; prints the descriptor");

static int close_main(int argc, char **argv)
{
	unsigned long fd;
	int err;

	if (argc != 2)
		return cmd_usage(argv[0]);
	err = cmd_parse_uint(argv[1], &fd) < 0 || fd >= SYS_MAX_FDS
	      ? -EBADF : sys_close(fd);
	if (err < 0) {
		cmd_error("close", argv[1], err);
		return 1;
	}
	return 0;
}
SHELL_COMMAND(close, close_main, "close FD", "close a descriptor");

/* ---- sleep ------------------------------------------------------------ */

/* "1", "0.25", ".5" -> milliseconds (digits past the third decimal are
 * dropped). Returns 0, or -EINVAL for anything else or over 1e6 s. */
static int parse_seconds(const char *s, uint32_t *ms)
{
	uint32_t whole = 0, frac = 0, scale = 100;
	bool digits = false;

	for (; *s >= '0' && *s <= '9'; s++, digits = true) {
		whole = whole * 10 + (*s - '0');
		if (whole > 1000000)
			return -EINVAL;
	}
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, digits = true) {
			frac += (*s - '0') * scale;
			scale /= 10;
		}
	if (*s || !digits)
		return -EINVAL;
	*ms = whole * 1000 + frac;
	return 0;
}

static int sleep_main(int argc, char **argv)
{
	uint32_t ms;

	if (argc != 2)
		return cmd_usage(argv[0]);
	if (parse_seconds(argv[1], &ms) < 0) {
		out_printf(2, "sleep: invalid time interval '%s'\n", argv[1]);
		return 1;
	}
	return sys_sleep_ms(ms) ? 1 : 0;	/* Ctrl-C: cmd_run makes it 130 */
}
SHELL_COMMAND(sleep, sleep_main, "sleep SECONDS",
	      "wait; decimal fractions are allowed (0.5)");
