/*
 * The shell's parser: splits one command of a line into expanded words and
 * an optional stdout redirection (see parse.h for the language).
 */
#include "shell/parse.h"
#include "lib/string.h"
#include <tessera/errno.h>

/* Where parsing stands: input position, output position, failure. */
struct parser {
	const char *p;
	char *out, *end;
	int status;
	int err;		/* 0, or -EINVAL / -E2BIG once it failed */
	const char *why;	/* the reason, when err is set */
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Ends a word: blank, end of string, ';' or '>'. */
static bool is_break(char c)
{
	return c == '\0' || is_blank(c) || c == ';' || c == '>';
}

static void fail(struct parser *ps, int err, const char *why)
{
	if (!ps->err) {
		ps->err = err;
		ps->why = why;
	}
}

static void emit(struct parser *ps, char c)
{
	if (ps->out < ps->end)
		*ps->out++ = c;
	else
		fail(ps, -E2BIG, "line too long");
}

static void emit_status(struct parser *ps)
{
	char num[12];

	snprintf(num, sizeof(num), "%d", ps->status);
	for (char *s = num; *s; s++)
		emit(ps, *s);
}

static void read_single_quoted(struct parser *ps)
{
	while (*ps->p && *ps->p != '\'')
		emit(ps, *ps->p++);
	if (*ps->p == '\'')
		ps->p++;
	else
		fail(ps, -EINVAL, "unterminated quote");
}

static void read_double_quoted(struct parser *ps)
{
	while (*ps->p && *ps->p != '"') {
		char c = *ps->p++;

		if (c == '\\' && (*ps->p == '"' || *ps->p == '\\' ||
				  *ps->p == '$')) {
			emit(ps, *ps->p++);
		} else if (c == '$' && *ps->p == '?') {
			ps->p++;
			emit_status(ps);
		} else {
			emit(ps, c);
		}
	}
	if (*ps->p == '"')
		ps->p++;
	else
		fail(ps, -EINVAL, "unterminated quote");
}

/* Reads one word at ps->p (not at a break) and NUL-terminates it. */
static void read_word(struct parser *ps)
{
	while (!ps->err && !is_break(*ps->p)) {
		char c = *ps->p++;

		if (c == '\'') {
			read_single_quoted(ps);
		} else if (c == '"') {
			read_double_quoted(ps);
		} else if (c == '\\' && *ps->p) {
			emit(ps, *ps->p++);
		} else if (c == '$' && *ps->p == '?') {
			ps->p++;
			emit_status(ps);
		} else {
			emit(ps, c);
		}
	}
	emit(ps, '\0');
}

static void skip_blanks(struct parser *ps)
{
	while (is_blank(*ps->p))
		ps->p++;
}

/* At '>': reads the operator and the file name after it. */
static void read_redirect(struct parser *ps, struct sh_cmd *cmd)
{
	ps->p++;
	cmd->redir_append = *ps->p == '>';
	if (cmd->redir_append)
		ps->p++;
	skip_blanks(ps);
	if (is_break(*ps->p) || *ps->p == '#') {
		fail(ps, -EINVAL, "no file name after >");
		return;
	}
	cmd->redir_path = ps->out;
	read_word(ps);
}

static void parse_words(struct parser *ps, struct sh_cmd *cmd)
{
	for (skip_blanks(ps); !ps->err && *ps->p && *ps->p != ';';
	     skip_blanks(ps)) {
		if (*ps->p == '#') {
			ps->p += strlen(ps->p);
		} else if (*ps->p == '>') {
			read_redirect(ps, cmd);
		} else if (cmd->argc == SH_MAX_ARGS) {
			fail(ps, -E2BIG, "too many words");
		} else {
			cmd->argv[cmd->argc++] = ps->out;
			read_word(ps);
		}
	}
}

int sh_parse(const char **pos, int status, struct sh_cmd *cmd,
	     const char **why)
{
	struct parser ps = {
		.p = *pos, .out = cmd->buf, .end = cmd->buf + sizeof(cmd->buf),
		.status = status,
	};

	cmd->argc = 0;
	cmd->redir_path = NULL;
	cmd->redir_append = false;
	parse_words(&ps, cmd);
	cmd->argv[cmd->argc] = NULL;
	if (ps.err) {
		*why = ps.why;
		*pos = ps.p + strlen(ps.p);
		cmd->argc = 0;
		return ps.err;
	}
	if (*ps.p == ';')
		ps.p++;
	*pos = ps.p;
	return 0;
}

int sh_check_line(const char *line, int status, struct sh_cmd *cmd,
		  const char **why)
{
	const char *pos = line;

	while (*pos) {
		const char *begin = pos;
		int err = sh_parse(&pos, status, cmd, why);

		if (err)
			return err;
		if (cmd->argc || cmd->redir_path || pos == begin || pos[-1] != ';')
			continue;
		/* An empty command ended by ';': only blanks lie before it. */
		if (*pos == ';' || (pos - 2 >= line && pos[-2] == ';'))
			*why = "near unexpected token ';;'";
		else
			*why = "near unexpected token ';'";
		return -EINVAL;
	}
	return 0;
}
