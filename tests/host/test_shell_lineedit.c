/*
 * Host tests of the shell line editor (shell/lineedit.c): the line it
 * returns and the exact echo bytes for typing, erasing, cursor moves,
 * history, Ctrl-C / Ctrl-U and the three forms of Enter; Tab completion
 * against a made-up set of commands and directories.
 */
// sources: shell/lineedit.c
#include "tests/host/ktest.h"
#include "shell/lineedit.h"
#include "lib/string.h"

static struct lineedit le;
static char echo[4096];

/* Feeds keys; returns how many Enters completed a line. Echo is kept. */
static int type(const char *keys)
{
	int lines = 0;

	le.out_len = 0;
	for (; *keys; keys++)
		lines += le_feed(&le, *keys);
	memcpy(echo, le.out, le.out_len);
	echo[le.out_len] = '\0';
	return lines;
}

static void fresh(void)
{
	memset(&le, 0, sizeof(le));
	le_start(&le);
}

KTEST(typing_echoes_plainly)
{
	fresh();
	KT_EXPECT(type("ls -l") == 0);
	KT_EXPECT(!strcmp(echo, "ls -l"));
	KT_EXPECT(type("\r") == 1);
	KT_EXPECT(!strcmp(le.line, "ls -l"));
	KT_EXPECT(!strcmp(echo, "\n"));
}

KTEST(crlf_is_one_enter)
{
	fresh();
	KT_EXPECT(type("a\r\nb\nc\r\r") == 4);
	KT_EXPECT(le.line[0] == '\0');	/* the second \r: an empty line */
	fresh();
	KT_EXPECT(type("x\r\n") == 1 && !strcmp(le.line, "x"));
	le_start(&le);
	KT_EXPECT(type("y\n") == 1 && !strcmp(le.line, "y"));
}

KTEST(backspace_at_end)
{
	fresh();
	type("abc\x7f\b");
	KT_EXPECT(!strcmp(le.line, "a") && le.len == 1 && le.cur == 1);
	KT_EXPECT(!strcmp(echo, "abc\b \b\b \b"));
	type("\x7f\x7f");	/* the second one: nothing left to erase */
	KT_EXPECT(le.len == 0 && !strcmp(echo, "\b \b"));
}

KTEST(left_then_insert_redraws_tail)
{
	fresh();
	type("ac");
	type("\x1b[D");
	KT_EXPECT(le.cur == 1 && !strcmp(echo, "\x1b[1D"));
	type("b");
	KT_EXPECT(!strcmp(le.line, "abc") && le.cur == 2);
	KT_EXPECT(!strcmp(echo, "bc\x1b[K\x1b[1D"));
}

KTEST(backspace_in_middle)
{
	fresh();
	type("abcd\x1b[D\x1b[D");
	type("\x7f");
	KT_EXPECT(!strcmp(le.line, "acd") && le.cur == 1);
	KT_EXPECT(!strcmp(echo, "\bcd\x1b[K\x1b[2D"));
}

KTEST(right_stops_at_end_left_at_start)
{
	fresh();
	type("ab\x1b[C");
	KT_EXPECT(le.cur == 2 && !strcmp(echo, "ab"));
	type("\x1b[D\x1b[D\x1b[D");
	KT_EXPECT(le.cur == 0 && !strcmp(echo, "\x1b[1D\x1b[1D"));
	type("\x1b[C");
	KT_EXPECT(le.cur == 1 && !strcmp(echo, "\x1b[1C"));
}

KTEST(home_end_and_delete_key)
{
	fresh();
	type("abc\x1b[H");
	KT_EXPECT(le.cur == 0 && !strcmp(echo, "abc\x1b[3D"));
	type("\x1b[3~");
	KT_EXPECT(!strcmp(le.line, "bc") && !strcmp(echo, "bc\x1b[K\x1b[2D"));
	type("\x05");	/* Ctrl-E */
	KT_EXPECT(le.cur == 2 && !strcmp(echo, "\x1b[2C"));
}

KTEST(ctrl_c_abandons_line)
{
	fresh();
	KT_EXPECT(type("rm x\x03") == 1);
	KT_EXPECT(le.line[0] == '\0' && !strcmp(echo, "rm x^C\n"));
	KT_EXPECT(le.hist_count == 0);
}

KTEST(ctrl_u_kills_line)
{
	fresh();
	type("abc\x1b[D\x15");
	KT_EXPECT(le.len == 0 && le.cur == 0 && le.line[0] == '\0');
	KT_EXPECT(!strcmp(echo, "abc\x1b[1D\x1b[2D\x1b[K"));
}

KTEST(history_up_down)
{
	fresh();
	type("one\rtwo\r");
	le_start(&le);
	type("th");
	type("\x1b[A");
	KT_EXPECT(!strcmp(le.line, "two") && le.cur == 3);
	KT_EXPECT(!strcmp(echo, "\x1b[2Dtwo\x1b[K"));
	type("\x1b[A");
	KT_EXPECT(!strcmp(le.line, "one"));
	type("\x1b[A");		/* no older entry: stays */
	KT_EXPECT(!strcmp(le.line, "one") && le.out_len == 0);
	type("\x1b[B\x1b[B");	/* back to the line being typed */
	KT_EXPECT(!strcmp(le.line, "th"));
	KT_EXPECT(type("\r") == 1 && le.hist_count == 3);
}

KTEST(history_skips_blank_and_repeats)
{
	fresh();
	type("a\r");
	le_start(&le);
	type("a\r");
	le_start(&le);
	type("  \r");
	KT_EXPECT(le.hist_count == 1);
}

KTEST(history_keeps_newest_32)
{
	char line[16];

	fresh();
	for (int i = 0; i < 40; i++) {
		snprintf(line, sizeof(line), "c%d\r", i);
		le_start(&le);
		type(line);
	}
	KT_EXPECT(le.hist_count == LE_HISTORY);
	le_start(&le);
	for (int i = 0; i < 40; i++)
		type("\x1b[A");
	KT_EXPECT(!strcmp(le.line, "c8"));	/* 40 - 32 */
	type("\x1b[B");
	KT_EXPECT(!strcmp(le.line, "c9"));
}

KTEST(line_length_is_bounded)
{
	fresh();
	for (int i = 0; i < SH_LINE_MAX + 10; i++)
		le_feed(&le, 'x');
	KT_EXPECT(le.len == SH_LINE_MAX - 1 && strlen(le.line) == SH_LINE_MAX - 1);
}

/* Found by fuzzing: the digits of ESC [ n ~ overflowed a signed int
 * (UBSan stops the test there). The number saturates: no key is that
 * large, so the sequence is ignored and typing goes on. */
KTEST(esc_bracket_huge_number_tilde_does_not_overflow)
{
	fresh();
	type("ab\x1b[99999999999999999999~c");
	KT_EXPECT(!strcmp(le.line, "abc") && le.cur == 3);
	KT_EXPECT(!strcmp(echo, "abc"));
	type("\x1b[D\x1b[99999999999999999993~");	/* not a Delete (3) */
	KT_EXPECT(!strcmp(le.line, "abc") && le.out_len == strlen("\x1b[1D"));
	type("\x1b[0003~");				/* leading zeros: 3 */
	KT_EXPECT(!strcmp(le.line, "ab"));
}

/* Found by fuzzing: ESC then Enter swallowed the Enter (it was taken as
 * the byte after ESC). A control byte ends an escape sequence and then
 * counts as itself. */
KTEST(esc_then_enter_is_still_enter)
{
	fresh();
	KT_EXPECT(type("ls\x1b\r") == 1 && !strcmp(le.line, "ls"));
	KT_EXPECT(!strcmp(echo, "ls\n"));
	KT_EXPECT(type("pwd\x1b[12\n") == 1 && !strcmp(le.line, "pwd"));
	KT_EXPECT(type("x\x1bO\r") == 1 && !strcmp(le.line, "x"));
	fresh();
	type("ab\x1b\x1b[D");		/* a second ESC starts afresh */
	KT_EXPECT(le.cur == 1 && !strcmp(echo, "ab\x1b[1D"));
	type("\x1b\x7f");		/* ESC then Backspace: erases */
	KT_EXPECT(!strcmp(le.line, "b") && le.cur == 0);
}

/* ---- Tab completion ---------------------------------------------------- */

static const char *commands[] = { "cat", "cd", "close", "insmod", "ls",
				  "lsmod", NULL };
/* Directories, "NAME" for a file and "NAME/" for a directory. */
static const struct fake_dir {
	const char *path, *entries[5];
} dirs[] = {
	{ "", { "etc/", "lib/", "tmp/", NULL } },
	{ "/", { "etc/", "lib/", "tmp/", NULL } },
	{ "/etc/", { "motd", "rc", NULL } },
	{ "/lib/", { "modules/", NULL } },
	{ "/lib/modules/", { "hello.ko", "hellop.ko", "libdemo.ko", NULL } },
};
static char asked_dir[256], asked_base[256];
static bool asked_first;
static int many;	/* > 0: the fake has that many files x000, x001... */

static void fake_complete(struct lineedit *l, bool first, const char *dir,
			  const char *base)
{
	char name[64];

	snprintf(asked_dir, sizeof(asked_dir), "%s", dir);
	snprintf(asked_base, sizeof(asked_base), "%s", base);
	asked_first = first;
	for (int i = 0; first && commands[i]; i++)
		if (!strncmp(commands[i], base, strlen(base)))
			le_add_match(l, commands[i], false);
	for (int i = 0; !first && i < many; i++) {
		snprintf(name, sizeof(name), "x%03d", i);
		le_add_match(l, name, false);
	}
	for (size_t d = 0; !first && d < sizeof(dirs) / sizeof(dirs[0]); d++) {
		if (strcmp(dirs[d].path, dir))
			continue;
		for (const char *const *e = dirs[d].entries; *e; e++) {
			size_t n = strlen(*e);
			bool is_dir = (*e)[n - 1] == '/';

			snprintf(name, sizeof(name), "%.*s", (int)n - is_dir, *e);
			if (!strncmp(name, base, strlen(base)))
				le_add_match(l, name, is_dir);
		}
	}
}

static void fresh_tab(void)
{
	fresh();
	le.complete = fake_complete;
	le.prompt = "/ # ";
	many = 0;
}

KTEST(tab_completes_a_unique_command_and_adds_a_space)
{
	fresh_tab();
	type("ins\t");
	KT_EXPECT(!strcmp(le.line, "insmod ") && le.cur == 7);
	KT_EXPECT(!strcmp(echo, "insmod "));
	KT_EXPECT(asked_first && !strcmp(asked_dir, "") &&
		  !strcmp(asked_base, "ins"));
	KT_EXPECT(type("\r") == 1 && !strcmp(le.line, "insmod "));
}

KTEST(tab_completes_paths_adding_a_slash_to_directories)
{
	fresh_tab();
	type("ls /li\t");
	KT_EXPECT(!asked_first && !strcmp(asked_dir, "/") &&
		  !strcmp(asked_base, "li"));
	KT_EXPECT(!strcmp(le.line, "ls /lib/") && !strcmp(echo, "ls /lib/"));
	type("\t");
	KT_EXPECT(!strcmp(le.line, "ls /lib/modules/") &&
		  !strcmp(echo, "modules/"));
	type("li\t");
	KT_EXPECT(!strcmp(le.line, "ls /lib/modules/libdemo.ko "));
	fresh_tab();
	type("cat e\t");	/* relative: the current directory, "" */
	KT_EXPECT(!strcmp(asked_dir, "") && !strcmp(le.line, "cat etc/"));
}

KTEST(tab_with_several_matches_adds_their_common_prefix)
{
	fresh_tab();
	type("insmod /lib/modules/h\t");
	KT_EXPECT(!strcmp(le.line, "insmod /lib/modules/hello"));
	KT_EXPECT(!strcmp(echo, "insmod /lib/modules/hello"));	/* no beep */
	/* The second Tab lists them, sorted, and redraws prompt and line. */
	type("\t");
	KT_EXPECT(!strcmp(echo, "\nhello.ko   hellop.ko\n"
			  "/ # insmod /lib/modules/hello\x1b[K"));
	KT_EXPECT(!strcmp(le.line, "insmod /lib/modules/hello"));
}

KTEST(tab_beeps_then_lists_when_nothing_can_be_added)
{
	fresh_tab();
	type("c\t");
	KT_EXPECT(!strcmp(le.line, "c") && !strcmp(echo, "c\a"));
	type("\t");
	KT_EXPECT(!strcmp(echo, "\ncat    cd     close\n/ # c\x1b[K"));
	type("a\t");	/* a key between: the next Tab is a first one again */
	KT_EXPECT(!strcmp(le.line, "cat ") && !strcmp(echo, "at "));
}

KTEST(tab_without_match_beeps_and_changes_nothing)
{
	fresh_tab();
	type("cat /nope/x\t");
	KT_EXPECT(!strcmp(le.line, "cat /nope/x") && !strcmp(echo, "cat /nope/x\a"));
	KT_EXPECT(!strcmp(asked_dir, "/nope/") && !strcmp(asked_base, "x"));
	fresh();		/* no completer: a beep */
	type("ls\t");
	KT_EXPECT(!strcmp(le.line, "ls") && !strcmp(echo, "ls\a"));
}

KTEST(tab_knows_first_words_after_semicolon_and_paths_after_redirect)
{
	fresh_tab();
	type("echo a; lsm\t");
	KT_EXPECT(asked_first && !strcmp(le.line, "echo a; lsmod "));
	fresh_tab();
	type("echo hi >/et\t");
	KT_EXPECT(!asked_first && !strcmp(le.line, "echo hi >/etc/"));
	fresh_tab();
	type("ls\t");		/* a first word typed in full: just a space */
	KT_EXPECT(!strcmp(le.line, "ls") && !strcmp(echo, "ls\a"));
	type("\t");
	KT_EXPECT(!strcmp(echo, "\nls     lsmod\n/ # ls\x1b[K"));
}

KTEST(tab_completes_the_word_before_the_cursor)
{
	fresh_tab();
	type("cat /etc/m X");
	type("\x1b[D\x1b[D\t");		/* cursor after "/etc/m" */
	KT_EXPECT(!strcmp(le.line, "cat /etc/motd  X") && le.cur == 14);
	KT_EXPECT(!strcmp(echo, "\x1b[1D\x1b[1D"
			  "o X\x1b[K\x1b[2D" "t X\x1b[K\x1b[2D"
			  "d X\x1b[K\x1b[2D" "  X\x1b[K\x1b[2D"));
}

KTEST(tab_listing_of_too_many_names_says_how_many_more)
{
	char tail[64];

	fresh_tab();
	many = 300;
	type("cat x\t\t");
	snprintf(tail, sizeof(tail), "\n(and %d more)\n/ # cat x\x1b[K",
		 300 - LE_MATCH_MAX);
	KT_EXPECT(strlen(echo) > strlen(tail) &&
		  !strcmp(echo + strlen(echo) - strlen(tail), tail));
	KT_EXPECT(strstr(echo, "x255") && !strstr(echo, "x256"));
	KT_EXPECT(!strcmp(le.line, "cat x"));
}

int main(void)
{
	return ktest_main();
}
