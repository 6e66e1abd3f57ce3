/*
 * Host tests of the shell line editor (shell/lineedit.c): the line it
 * returns and the exact echo bytes for typing, erasing, cursor moves,
 * history, Ctrl-C / Ctrl-U and the three forms of Enter.
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

int main(void)
{
	return ktest_main();
}
