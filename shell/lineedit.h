/*
 * The shell's line editor (shell/lineedit.c): a state machine fed one input
 * byte at a time. It keeps the line, the cursor and a history, and leaves
 * the bytes to echo (text and VT100 cursor moves) in le->out for the caller
 * to write. Pure, so host tests drive it.
 *
 * Keys: printable bytes insert; 0x7f/0x08 erase left; ESC [ D / C (or
 * Ctrl-B / Ctrl-F) move left / right; ESC [ H / F (or Ctrl-A / Ctrl-E)
 * go home / end; ESC [ 3 ~ deletes under the cursor; ESC [ A / B (or
 * Ctrl-P / Ctrl-N) walk the history; Ctrl-C abandons the line (echo "^C");
 * Ctrl-U kills it; '\r', '\n' and "\r\n" are one Enter. A control byte
 * (Enter, Backspace, Ctrl-C, another ESC...) inside an escape sequence
 * abandons the sequence and then acts as itself, as on a VT100: ESC then
 * Enter is an Enter. Unknown sequences are ignored.
 */
#ifndef SHELL_LINEEDIT_H
#define SHELL_LINEEDIT_H

#include <stdbool.h>
#include "shell/parse.h"

#define LE_HISTORY	32	/* lines remembered */

struct lineedit {
	char line[SH_LINE_MAX];		/* NUL-terminated text */
	int len, cur;			/* bytes in line, cursor index */
	int esc;			/* escape-sequence state, LE_ESC_* */
	int esc_num;			/* number inside ESC [ n ~ */
	bool after_cr;			/* last byte was '\r' */
	bool done;			/* line ended: the next byte starts anew */

	char hist[LE_HISTORY][SH_LINE_MAX];	/* a ring, oldest at first */
	int hist_first, hist_count;
	int hist_pos;			/* entry shown; hist_count = new line */
	char saved[SH_LINE_MAX];	/* the new line while browsing */

	char out[2 * SH_LINE_MAX + 64];	/* bytes to echo */
	int out_len;
};

/* Empties the line (history stays). le_feed does it itself after Enter. */
void le_start(struct lineedit *le);

/*
 * Feeds one input byte. Appends the echo to le->out (the caller writes
 * and then clears it by setting out_len = 0). Returns true when Enter ends
 * the line: le->line then holds it until the next le_feed, already added to
 * the history if it is not blank. After Ctrl-C it returns true with an
 * empty line. A zeroed struct lineedit is ready to use.
 */
bool le_feed(struct lineedit *le, char c);

/* Adds a line to the history unless blank or equal to the newest. */
void le_history_add(struct lineedit *le, const char *line);

#endif
