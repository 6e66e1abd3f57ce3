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
#define LE_MATCH_BYTES	4096	/* names kept for a Tab listing */
#define LE_MATCH_MAX	256	/* at most this many of them */

struct lineedit;

/*
 * Tab's source of names. first: the word is a command's first one and has
 * no '/': call le_add_match for each command name starting with base.
 * Otherwise: for each entry of directory dir ("" for the current one, else
 * ending in '/') starting with base, but "." and "..".
 */
typedef void (*le_complete_fn)(struct lineedit *le, bool first,
			       const char *dir, const char *base);

/* The matches of one Tab (filled through le_add_match). */
struct le_matches {
	int count;			/* all matches seen */
	int stored;			/* kept in names[] for a listing */
	int used;			/* bytes of names[] used */
	char names[LE_MATCH_BYTES];	/* "name\0" or "dir/\0" each */
	char common[SH_LINE_MAX];	/* their longest common prefix */
	int common_len;
	bool is_dir;			/* the first match is a directory */
};

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

	le_complete_fn complete;	/* Tab's names, or NULL: Tab beeps */
	const char *prompt;		/* redrawn after a Tab listing */
	bool last_tab;			/* the previous key was Tab */
	struct le_matches m;

	char out[3 * SH_LINE_MAX + 16384];	/* bytes to echo (a Tab listing) */
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

/* Reports one match to the Tab in progress (called by le->complete). */
void le_add_match(struct lineedit *le, const char *name, bool is_dir);

/* Adds a line to the history unless blank or equal to the newest. */
void le_history_add(struct lineedit *le, const char *line);

#endif
