/*
 * The shell's command table and the helpers every command uses. A command
 * is a function `int fn(int argc, char **argv)` returning its exit status
 * (0 success, 1 failure, 2 bad usage); it registers itself anywhere in the
 * kernel with
 *
 *   SHELL_COMMAND(insmod, insmod_main, "insmod FILE.ko", "load a module");
 *
 * which places a struct shell_command in the linker section
 * .shell_commands, bounded by __shell_commands_start/__shell_commands_end
 * (linker/kernel.lds). Commands use only include/tessera/sys.h and
 * lib/string.h plus these helpers; they never print with printk.
 */
#ifndef SHELL_COMMANDS_H
#define SHELL_COMMANDS_H

#define STATUS_INTERRUPTED 130	/* Ctrl-C: 128 + SIGINT, as a Unix shell */

#include <stdarg.h>

struct shell_command {
	const char *name;			/* what the user types */
	int (*fn)(int argc, char **argv);	/* argv[0] is the name */
	const char *usage;			/* "ls [-l] [PATH...]" */
	const char *help;			/* one line, no final period */
};

/* Host tests link with the host's default linker script, which bounds a
 * section only if its name is a C identifier (__start_/__stop_). */
#ifdef HOST_TEST
#define SHELL_COMMANDS_SECTION "shell_commands"
#else
#define SHELL_COMMANDS_SECTION ".shell_commands"
#endif

#define SHELL_COMMAND(cname, cfn, cusage, chelp)			\
	static const struct shell_command shell_command_##cname		\
	__attribute__((used, section(SHELL_COMMANDS_SECTION),		\
		       aligned(sizeof(void *)))) =			\
		{ #cname, cfn, cusage, chelp }

/* Looks a command up by name; NULL if there is none. */
const struct shell_command *shell_command_find(const char *name);

/*
 * Calls fn for every registered command, sorted by name. Stops and
 * returns fn's value as soon as it is non-zero; returns 0 otherwise.
 */
int shell_command_for_each(int (*fn)(const struct shell_command *cmd,
				     void *arg), void *arg);

/*
 * printf to a descriptor (1 for output, 2 for errors). Output longer than
 * OUT_PRINTF_MAX bytes (room for two whole paths and a message) is cut to
 * that length, its end replaced by "...", or by "...\n" when fmt ends in
 * a newline: a cut line still ends its line. Returns the bytes written or
 * -errno.
 */
#define OUT_PRINTF_MAX	4095
int out_printf(int fd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int out_vprintf(int fd, const char *fmt, va_list ap);

/* Writes all n bytes of buf to fd. Returns n or -errno. The first failed
 * write to fd 1 is remembered: see cmd_run. */
int out_write(int fd, const void *buf, int n);

/*
 * The file stdout is redirected to while a command runs (`cmd > FILE`, the
 * name as typed, also for the commands of a script run under it), or NULL
 * when stdout is the console. Defined by shell/shell.c.
 */
const char *shell_stdout_path(void);

/*
 * Reports a failed write to stdout (err < 0), naming where stdout goes:
 *   "cmd: FILE: reason"          under `cmd > FILE`
 *   "cmd: write error: reason"   when stdout is not redirected
 * Returns 1, the status to return.
 */
int cmd_write_error(const char *cmd, int err);

/*
 * Runs command c (the shell calls this). Returns its status, 0..255 (a
 * negative return counts as 1). If a write to stdout failed and the
 * command did not call cmd_write_error, reports it for the command as
 * cmd_write_error does and turns status 0 into 1.
 */
int cmd_run(const struct shell_command *c, int argc, char **argv);

/*
 * Prints the standard failure line to fd 2:
 *   "cmd: what: strerror(err)"  or, with what == NULL,  "cmd: strerror(err)"
 * err may be negative (-ENOENT) or positive.
 */
void cmd_error(const char *cmd, const char *what, int err);

/*
 * After a failed operation on path: if path is a module's image file
 * /mod/NAME/module (absolute or relative) and the kernel recorded err for
 * NAME, prints the kernel's reason (read by tool_module_error) to fd 2:
 *   "cmd: /mod/NAME/error: reason"
 * Prints nothing otherwise. err may be negative or positive.
 */
void cmd_kernel_reason(const char *cmd, const char *path, int err);

/* Prints "usage: <usage line of cmd>" to fd 2 and returns 2. */
int cmd_usage(const char *cmd);

/*
 * Parses a whole word as an unsigned number: decimal, 0x-hex or 0-octal.
 * Returns 0, -EINVAL if s is empty or has anything else in it, or -ERANGE
 * if the number does not fit in an unsigned long.
 */
int cmd_parse_uint(const char *s, unsigned long *val);

#endif
