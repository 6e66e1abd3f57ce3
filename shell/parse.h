/*
 * The shell's parser (shell/parse.c): turns one command of a line into
 * words and a stdout redirection. Pure string work, so host tests run it.
 * Language: blanks separate words; '...' is literal; "..." allows \" \\ \$
 * and $?; a backslash escapes the next character; $? is the last status;
 * `>` / `>>` redirect stdout; `;` ends a command; `#` at the start of a
 * word comments out the rest of the line.
 */
#ifndef SHELL_PARSE_H
#define SHELL_PARSE_H

#include <stdbool.h>

#define SH_LINE_MAX	1024	/* bytes in one input line, with the NUL */
#define SH_MAX_ARGS	64	/* words in one command */

struct sh_cmd {
	int argc;
	char *argv[SH_MAX_ARGS + 1];	/* NULL-terminated, point into buf */
	const char *redir_path;		/* file after > or >>, or NULL */
	bool redir_append;		/* true for >> */
	char buf[SH_LINE_MAX + 512];	/* the words, expanded, NUL-separated */
};

/*
 * Parses the command starting at *pos up to the next unquoted ';' or the
 * end of the string, expanding $? to `status`, into *cmd. Advances *pos
 * past the ';' (or to the final NUL). Returns 0 (cmd->argc is 0 for an
 * empty command or a comment) or -EINVAL / -E2BIG with *why set to the
 * reason ("unterminated quote", ...); *pos is then at the end.
 */
int sh_parse(const char **pos, int status, struct sh_cmd *cmd,
	     const char **why);

/*
 * Checks a whole line before any of it runs, as bash does: parses every
 * command (into the scratch *cmd) with $? as status. Returns 0, or the
 * error of sh_parse, or -EINVAL for a ';' that ends an empty command, with
 * *why "near unexpected token ';'" (or "... ';;'" for two in a row, bash's
 * token). An empty or blank line, a comment and a final ';' are fine.
 */
int sh_check_line(const char *line, int status, struct sh_cmd *cmd,
		  const char **why);

#endif
