/*
 * Host tests of the shell parser (shell/parse.c): words, quotes, escapes,
 * $?, redirections, ';', comments and the syntax errors.
 */
// sources: shell/parse.c
#include "tests/host/ktest.h"
#include "shell/parse.h"
#include "lib/string.h"
#include <tessera/errno.h>

static struct sh_cmd cmd;
static const char *why;

/* Parses the first command of line; returns sh_parse's value. */
static int parse1(const char *line, int status)
{
	why = NULL;
	return sh_parse(&line, status, &cmd, &why);
}

static int argv_is(const char *const *want, int n)
{
	if (cmd.argc != n || cmd.argv[n] != NULL)
		return 0;
	for (int i = 0; i < n; i++)
		if (strcmp(cmd.argv[i], want[i]))
			return 0;
	return 1;
}

#define ARGV_IS(...) argv_is((const char *const[]){ __VA_ARGS__ },	\
	sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(char *))

KTEST(words_split_on_blanks)
{
	KT_EXPECT(parse1("  ls   -l\t/dev  ", 0) == 0);
	KT_EXPECT(ARGV_IS("ls", "-l", "/dev"));
	KT_EXPECT(cmd.redir_path == NULL);
}

KTEST(empty_line_has_no_words)
{
	KT_EXPECT(parse1("   ", 0) == 0);
	KT_EXPECT(cmd.argc == 0 && cmd.argv[0] == NULL);
}

KTEST(single_quotes_are_literal)
{
	KT_EXPECT(parse1("echo 'a  b\\n $? \"x\"'", 5) == 0);
	KT_EXPECT(ARGV_IS("echo", "a  b\\n $? \"x\""));
}

KTEST(double_quotes_keep_blanks_and_expand_status)
{
	KT_EXPECT(parse1("echo \"st=$? \\\"q\\\" \\$? \\n\"", 42) == 0);
	KT_EXPECT(ARGV_IS("echo", "st=42 \"q\" $? \\n"));
}

KTEST(empty_quotes_make_an_empty_word)
{
	KT_EXPECT(parse1("echo '' \"\" x", 0) == 0);
	KT_EXPECT(ARGV_IS("echo", "", "", "x"));
}

KTEST(quotes_join_with_neighbours)
{
	KT_EXPECT(parse1("echo a'b c'd\"e\"", 0) == 0);
	KT_EXPECT(ARGV_IS("echo", "ab cde"));
}

KTEST(backslash_escapes_next_char)
{
	KT_EXPECT(parse1("echo a\\ b \\; \\> \\# \\$?", 3) == 0);
	KT_EXPECT(ARGV_IS("echo", "a b", ";", ">", "#", "$?"));
}

KTEST(status_expands_outside_quotes)
{
	KT_EXPECT(parse1("echo $? x$?y $", 127) == 0);
	KT_EXPECT(ARGV_IS("echo", "127", "x127y", "$"));
}

KTEST(semicolon_separates_commands)
{
	const char *line = "echo a;echo b ; ;false";

	why = NULL;
	KT_EXPECT(sh_parse(&line, 0, &cmd, &why) == 0);
	KT_EXPECT(ARGV_IS("echo", "a"));
	KT_EXPECT(sh_parse(&line, 0, &cmd, &why) == 0);
	KT_EXPECT(ARGV_IS("echo", "b"));
	KT_EXPECT(sh_parse(&line, 0, &cmd, &why) == 0);
	KT_EXPECT(cmd.argc == 0);
	KT_EXPECT(sh_parse(&line, 0, &cmd, &why) == 0);
	KT_EXPECT(ARGV_IS("false"));
	KT_EXPECT(*line == '\0');
}

KTEST(status_is_read_per_command)
{
	const char *line = "false; echo $?";

	KT_EXPECT(sh_parse(&line, 0, &cmd, &why) == 0);
	KT_EXPECT(sh_parse(&line, 1, &cmd, &why) == 0);
	KT_EXPECT(ARGV_IS("echo", "1"));
}

KTEST(comment_at_word_start_ends_line)
{
	const char *line = "echo a#b # c; echo d";

	KT_EXPECT(sh_parse(&line, 0, &cmd, &why) == 0);
	KT_EXPECT(ARGV_IS("echo", "a#b"));
	KT_EXPECT(*line == '\0');
	KT_EXPECT(parse1("# only a comment", 0) == 0 && cmd.argc == 0);
	KT_EXPECT(parse1("echo '#x' \"#y\"", 0) == 0);
	KT_EXPECT(ARGV_IS("echo", "#x", "#y"));
}

KTEST(redirect_truncate)
{
	KT_EXPECT(parse1("echo hi >/tmp/f", 0) == 0);
	KT_EXPECT(ARGV_IS("echo", "hi"));
	KT_EXPECT(cmd.redir_path && !strcmp(cmd.redir_path, "/tmp/f"));
	KT_EXPECT(!cmd.redir_append);
}

KTEST(redirect_append_without_blanks)
{
	KT_EXPECT(parse1("echo hi>>'/tmp/a b' x", 0) == 0);
	KT_EXPECT(ARGV_IS("echo", "hi", "x"));
	KT_EXPECT(cmd.redir_path && !strcmp(cmd.redir_path, "/tmp/a b"));
	KT_EXPECT(cmd.redir_append);
}

KTEST(redirect_then_semicolon)
{
	const char *line = "echo a > f; echo b";

	KT_EXPECT(sh_parse(&line, 0, &cmd, &why) == 0);
	KT_EXPECT(!strcmp(cmd.redir_path, "f"));
	KT_EXPECT(sh_parse(&line, 0, &cmd, &why) == 0);
	KT_EXPECT(ARGV_IS("echo", "b") && cmd.redir_path == NULL);
}

KTEST(unterminated_quote_is_an_error)
{
	KT_EXPECT(parse1("echo 'abc", 0) == -EINVAL);
	KT_EXPECT(why && !strcmp(why, "unterminated quote"));
	KT_EXPECT(cmd.argc == 0);
	KT_EXPECT(parse1("echo \"abc", 0) == -EINVAL);
	KT_EXPECT(!strcmp(why, "unterminated quote"));
}

KTEST(redirect_without_file_is_an_error)
{
	KT_EXPECT(parse1("echo a >", 0) == -EINVAL);
	KT_EXPECT(!strcmp(why, "no file name after >"));
	KT_EXPECT(parse1("echo a > ; echo b", 0) == -EINVAL);
	KT_EXPECT(parse1("echo a >> # c", 0) == -EINVAL);
}

KTEST(error_consumes_the_rest_of_line)
{
	const char *line = "echo 'x ; echo y";

	KT_EXPECT(sh_parse(&line, 0, &cmd, &why) == -EINVAL);
	KT_EXPECT(*line == '\0');
}

KTEST(too_many_words)
{
	char line[SH_MAX_ARGS * 2 + 4];
	int n = 0;

	for (int i = 0; i <= SH_MAX_ARGS; i++) {
		line[n++] = 'a';
		line[n++] = ' ';
	}
	line[n] = '\0';
	KT_EXPECT(parse1(line, 0) == -E2BIG);
	KT_EXPECT(!strcmp(why, "too many words"));
	line[n - 2] = '\0';	/* exactly SH_MAX_ARGS words */
	KT_EXPECT(parse1(line, 0) == 0 && cmd.argc == SH_MAX_ARGS);
}

KTEST(expansion_overflow_is_an_error)
{
	static char line[SH_LINE_MAX];
	int n = 0;

	n += snprintf(line, sizeof(line), "echo ");
	while (n + 2 < SH_LINE_MAX - 1) {
		line[n++] = '$';
		line[n++] = '?';
	}
	line[n] = '\0';
	KT_EXPECT(parse1(line, 0) == 0);	/* "0" per $?: fits */
	KT_EXPECT(parse1(line, 100000) == -E2BIG);
	KT_EXPECT(!strcmp(why, "line too long"));
}

int main(void)
{
	return ktest_main();
}
