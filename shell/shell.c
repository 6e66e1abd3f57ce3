/*
 * The shell proper: the prompt loop, scripts (/etc/rc, script=, `sh FILE`),
 * running one line command by command with its `>` redirection, and the
 * commands that act on the shell itself: sh, exit, poweroff.
 */
#include "shell/shell.h"
#include "shell/commands.h"
#include "shell/lineedit.h"
#include "shell/parse.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <tessera/sys.h>

#define SH_MAX_DEPTH	8	/* the prompt plus nested scripts */
#define STATUS_NOT_FOUND 127
#define STATUS_NOT_EXECUTABLE 126	/* a binary file run as a script */

/* One running script (or, at depth 0, the prompt). */
struct sh_frame {
	struct sh_cmd cmd;		/* the command being run */
	char line[SH_LINE_MAX];		/* the script line being run */
	char rbuf[512];			/* bytes read from the script */
	int rlen, rpos;
	bool nul_seen;			/* the line read had NUL bytes */
};

static struct shell {
	int status;			/* $?: the last command's exit status */
	const char *stdout_path;	/* where `>` sent stdout, or NULL */
	int depth;			/* scripts running: 0 = the prompt */
	bool exiting;			/* `exit` ends the current script */
	struct lineedit le;
	struct sh_frame frames[SH_MAX_DEPTH];
} shell;

/* ---- running a command ------------------------------------------------ */

/* Points fd 1 at the redirection's file; returns the saved fd 1 or -errno. */
static int redirect_begin(const struct sh_cmd *cmd)
{
	int flags = O_WRONLY | O_CREAT | (cmd->redir_append ? O_APPEND
							     : O_TRUNC);
	int saved, fd, err;

	saved = sys_dup(1);
	if (saved < 0)
		return saved;
	fd = sys_open(cmd->redir_path, flags);
	if (fd < 0) {
		err = fd;
		goto out_close_saved;
	}
	err = sys_dup2(fd, 1);
	sys_close(fd);
	if (err < 0)
		goto out_close_saved;
	return saved;

out_close_saved:
	sys_close(saved);
	return err;
}

static void redirect_end(int saved)
{
	sys_dup2(saved, 1);
	sys_close(saved);
}

static int exec_words(int argc, char **argv)
{
	const struct shell_command *c = shell_command_find(argv[0]);

	if (!c) {
		out_printf(2, "%s: command not found\n", argv[0]);
		return STATUS_NOT_FOUND;
	}
	return cmd_run(c, argc, argv);
}

const char *shell_stdout_path(void)
{
	return shell.stdout_path;
}

/* Runs one parsed command (maybe just a redirection); returns its status. */
static int run_command(struct sh_cmd *cmd)
{
	const char *outer_path = shell.stdout_path;
	int saved = -1, status = 0;

	if (cmd->redir_path) {
		saved = redirect_begin(cmd);
		if (saved < 0) {
			cmd_error("sh", cmd->redir_path, saved);
			return 1;
		}
		shell.stdout_path = cmd->redir_path;
	}
	if (cmd->argc)
		status = exec_words(cmd->argc, cmd->argv);
	if (saved >= 0) {
		redirect_end(saved);
		shell.stdout_path = outer_path;
	}
	return status;
}

/* "sh: syntax error: REASON", or bash's "sh: syntax error near unexpected
 * token ';;'" when the reason is a token; $? becomes 2. */
static void syntax_error(const char *why)
{
	const char *sep = strncmp(why, "near ", 5) ? ": " : " ";

	out_printf(2, "sh: syntax error%s%s\n", sep, why);
	shell.status = 2;
}

/* Runs every command of a line, setting $? after each; nothing of a line
 * with a syntax error runs. */
static void run_line(const char *line)
{
	struct sh_cmd *cmd = &shell.frames[shell.depth].cmd;
	const char *why;

	if (sh_check_line(line, shell.status, cmd, &why) < 0) {
		syntax_error(why);
		return;
	}
	while (*line && !shell.exiting) {
		if (sh_parse(&line, shell.status, cmd, &why) < 0) {
			syntax_error(why);	/* a longer $?: line too long */
			return;
		}
		if (cmd->argc || cmd->redir_path)
			shell.status = run_command(cmd);
	}
}

/* ---- scripts ---------------------------------------------------------- */

/*
 * Reads the next line of the script on fd into f->line (without the
 * newline). NUL bytes are dropped, as bash and dash do, and noted in
 * f->nul_seen. Returns 1 for a line, 0 at the end, -E2BIG for a line too
 * long (its rest is skipped) or another -errno from sys_read.
 */
static int read_line(struct sh_frame *f, int fd)
{
	int len = 0, err = 0;
	bool any = false;

	f->nul_seen = false;
	for (;;) {
		if (f->rpos == f->rlen) {
			ssize_t n = sys_read(fd, f->rbuf, sizeof(f->rbuf));

			if (n < 0)
				return n;
			if (n == 0)
				break;
			f->rlen = n;
			f->rpos = 0;
		}
		char c = f->rbuf[f->rpos++];

		any = true;
		if (c == '\n')
			break;
		if (c == '\0')
			f->nul_seen = true;
		else if (len < SH_LINE_MAX - 1)
			f->line[len++] = c;
		else
			err = -E2BIG;
	}
	f->line[len] = '\0';
	if (err)
		return err;
	return any;
}

/*
 * Runs the lines of an open script in a new frame; returns $? after it.
 * A NUL byte in the first line marks a binary file (`sh hello.ko`): like
 * bash, nothing runs, "cannot execute binary file", status 126. Later
 * lines run without their NUL bytes.
 */
static int run_fd(const char *path, int fd)
{
	struct sh_frame *f = &shell.frames[++shell.depth];
	int lineno = 0, n;

	f->rlen = f->rpos = 0;
	while (!shell.exiting && !sys_interrupted() && (n = read_line(f, fd)) != 0) {
		lineno++;
		if (lineno == 1 && f->nul_seen) {
			out_printf(2, "sh: %s: cannot execute binary file\n",
				   path);
			shell.status = STATUS_NOT_EXECUTABLE;
			break;
		}
		if (n == -E2BIG) {
			out_printf(2, "sh: %s: line %d too long\n", path, lineno);
			shell.status = 2;
		} else if (n < 0) {
			cmd_error("sh", path, n);
			shell.status = 1;
			break;
		} else {
			run_line(f->line);
		}
	}
	if (sys_interrupted())	/* Ctrl-C stops a script, as in a Unix shell */
		shell.status = STATUS_INTERRUPTED;
	shell.exiting = false;
	shell.depth--;
	return shell.status;
}

/*
 * Moves a script's descriptor to the top of the table (one slot per nesting
 * level), so that the commands it runs find 3, 4, ... free as at the
 * prompt. Returns the descriptor to use (fd itself if the move failed).
 */
static int move_fd_high(int fd)
{
	int high = SYS_MAX_FDS - 1 - shell.depth;

	if (sys_dup2(fd, high) < 0)
		return fd;
	sys_close(fd);
	return high;
}

/* True if fd is a regular file; else tells why it is no script (a
 * directory, or a device such as /dev/zero, whose reading never ends). */
static bool script_file_ok(const char *path, int fd)
{
	struct stat st;
	int err = sys_fstat(fd, &st);

	if (err < 0) {
		cmd_error("sh", path, err);
		return false;
	}
	if (S_ISREG(st.st_mode))
		return true;
	if (S_ISDIR(st.st_mode))
		cmd_error("sh", path, -EISDIR);
	else
		out_printf(2, "sh: %s: not a regular file\n", path);
	return false;
}

/*
 * Runs the script at path; returns its status: that of its last command
 * or of its `exit N`, 1 if it cannot be read or is not a regular file,
 * 126 if it is a binary file.
 * With quiet_enoent a missing file is no error (for /etc/rc).
 */
static int run_script(const char *path, bool quiet_enoent)
{
	int fd, status;

	if (shell.depth + 1 >= SH_MAX_DEPTH) {
		out_printf(2, "sh: %s: scripts nested too deeply\n", path);
		return 1;
	}
	fd = sys_open(path, O_RDONLY);
	if (fd < 0) {
		if (fd == -ENOENT && quiet_enoent)
			return 0;
		cmd_error("sh", path, fd);
		return 1;
	}
	if (!script_file_ok(path, fd)) {
		sys_close(fd);
		return 1;
	}
	fd = move_fd_high(fd);
	status = run_fd(path, fd);
	sys_close(fd);
	return status;
}

/* ---- the prompt ------------------------------------------------------- */

/* Runs a line typed at the prompt as the console's foreground command:
 * Ctrl-C interrupts it (the console echoes "^C" and a newline), its
 * status is then 130 and the SIGINT is gone before the next prompt. */
static void run_foreground(const char *line)
{
	sys_foreground(1);
	run_line(line);
	sys_foreground(0);
	if (sys_interrupted()) {
		shell.status = STATUS_INTERRUPTED;
		sys_clear_interrupt();
	}
}

/* Prints the prompt, kept for the line editor to redraw after a Tab
 * listing. */
static void prompt(void)
{
	static char text[PATH_MAX + 3];
	char cwd[PATH_MAX];

	if (sys_getcwd(cwd, sizeof(cwd)) < 0)
		strlcpy(cwd, "?", sizeof(cwd));
	snprintf(text, sizeof(text), "%s # ", cwd);
	shell.le.prompt = text;
	out_printf(1, "%s", text);
}

/* ---- Tab completion's names (shell/lineedit.h, le_complete_fn) --------- */

static int add_command(const struct shell_command *c, void *arg)
{
	struct lineedit *le = &shell.le;
	const char *base = arg;

	if (!strncmp(c->name, base, strlen(base)))
		le_add_match(le, c->name, false);
	return 0;
}

/* Command names for a first word, else the entries of dir (the current
 * directory when ""): what the file API shows, nothing cached. */
static void complete_names(struct lineedit *le, bool first, const char *dir,
			   const char *base)
{
	static struct dirent de;
	size_t n = strlen(base);
	int fd;

	if (first) {
		shell_command_for_each(add_command, (void *)base);
		return;
	}
	fd = sys_open(*dir ? dir : ".", O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return;
	while (sys_readdir(fd, &de) > 0)
		if (strcmp(de.d_name, ".") && strcmp(de.d_name, "..") &&
		    !strncmp(de.d_name, base, n))
			le_add_match(le, de.d_name, de.d_type == DT_DIR);
	sys_close(fd);
}

/* Feeds a chunk of input to the line editor, running each line it ends. */
static void feed_input(const char *buf, int n)
{
	struct lineedit *le = &shell.le;

	for (int i = 0; i < n; i++) {
		if (!le_feed(le, buf[i]))
			continue;
		out_write(1, le->out, le->out_len);
		le->out_len = 0;
		run_foreground(le->line);
		prompt();
	}
	out_write(1, le->out, le->out_len);
	le->out_len = 0;
}

int shell_main(const char *script)
{
	char buf[64];
	ssize_t n;

	shell.le.complete = complete_names;
	run_script("/etc/rc", true);
	if (script) {	/* the prompt's $? is the script's status */
		sys_foreground(1);
		shell.status = run_script(script, false);
		sys_foreground(0);
		sys_clear_interrupt();
	}
	prompt();
	while ((n = sys_read(0, buf, sizeof(buf))) > 0)
		feed_input(buf, n);
	return shell.status;
}

/* ---- commands about the shell itself ---------------------------------- */

static int sh_main(int argc, char **argv)
{
	if (argc != 2)
		return cmd_usage(argv[0]);
	return run_script(argv[1], false);
}
SHELL_COMMAND(sh, sh_main, "sh FILE", "run the commands in FILE");

/* Reads the optional status argument of exit / poweroff into *status. */
static int status_arg(int argc, char **argv, int *status)
{
	unsigned long v;

	if (argc > 2)
		return cmd_usage(argv[0]);
	if (argc == 2 && (cmd_parse_uint(argv[1], &v) < 0 || v > 255)) {
		out_printf(2, "%s: %s: not a status (0-255)\n", argv[0],
			   argv[1]);
		return 2;
	}
	if (argc == 2)
		*status = v;
	return 0;
}

static int exit_main(int argc, char **argv)
{
	int status = shell.status, err;

	err = status_arg(argc, argv, &status);
	if (err)
		return err;
	if (shell.depth == 0)
		sys_poweroff(status);
	shell.exiting = true;
	return status;
}
SHELL_COMMAND(exit, exit_main, "exit [N]",
	      "end the script with status N (at the prompt: power off)");

static int poweroff_main(int argc, char **argv)
{
	int status = 0, err;

	err = status_arg(argc, argv, &status);
	if (err)
		return err;
	sys_poweroff(status);
}
SHELL_COMMAND(poweroff, poweroff_main, "poweroff [N]",
	      "power the machine off; QEMU reports status N (default 0)");
