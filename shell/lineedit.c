/*
 * The shell's line editor: keys in, line text and VT100 echo out, with a
 * ring of LE_HISTORY past lines. Layers: echo helpers, editing operations,
 * history, Tab completion, and the byte dispatcher le_feed().
 */
#include "shell/lineedit.h"
#include "lib/string.h"

enum { LE_ESC_NONE, LE_ESC_SEEN, LE_ESC_CSI, LE_ESC_SS3 };

#define CTRL(c) ((c) & 0x1f)
#define LE_ESC_NUM_MAX	9999	/* ESC [ n ~: larger n all mean "unknown" */

/* ---- echo ------------------------------------------------------------ */

static void put(struct lineedit *le, const char *s, int n)
{
	int room = (int)sizeof(le->out) - le->out_len;

	if (n > room)
		n = room;
	memcpy(le->out + le->out_len, s, n);
	le->out_len += n;
}

static void puts_(struct lineedit *le, const char *s)
{
	put(le, s, strlen(s));
}

/* Moves the terminal cursor n columns left (n < 0: right). */
static void move_cursor(struct lineedit *le, int n)
{
	char seq[16];

	if (n == 0)
		return;
	snprintf(seq, sizeof(seq), "\x1b[%d%c", n > 0 ? n : -n,
		 n > 0 ? 'D' : 'C');
	puts_(le, seq);
}

/*
 * The terminal cursor is at column `from` of the line: redraws from there
 * to the end, erases what was beyond, and puts the cursor back at le->cur.
 */
static void redraw_from(struct lineedit *le, int from)
{
	put(le, le->line + from, le->len - from);
	puts_(le, "\x1b[K");
	move_cursor(le, le->len - le->cur);
}

/* ---- editing --------------------------------------------------------- */

/* Copies a string of at most SH_LINE_MAX - 1 bytes; returns its length. */
static int copy_line(char *dst, const char *src)
{
	int n = strnlen(src, SH_LINE_MAX - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
	return n;
}

static void insert_char(struct lineedit *le, char c)
{
	if (le->len >= SH_LINE_MAX - 1)
		return;
	memmove(le->line + le->cur + 1, le->line + le->cur, le->len - le->cur);
	le->line[le->cur++] = c;
	le->line[++le->len] = '\0';
	if (le->cur == le->len)
		put(le, &c, 1);		/* typing at the end: plain echo */
	else
		redraw_from(le, le->cur - 1);
}

/* Deletes the byte at index at (< len); the cursor is already at or before it. */
static void delete_at(struct lineedit *le, int at)
{
	memmove(le->line + at, le->line + at + 1, le->len - at);
	le->len--;
}

static void backspace(struct lineedit *le)
{
	if (le->cur == 0)
		return;
	delete_at(le, --le->cur);
	if (le->cur == le->len)
		puts_(le, "\b \b");
	else {
		puts_(le, "\b");
		redraw_from(le, le->cur);
	}
}

static void delete_under(struct lineedit *le)
{
	if (le->cur == le->len)
		return;
	delete_at(le, le->cur);
	redraw_from(le, le->cur);
}

static void move_to(struct lineedit *le, int to)
{
	if (to < 0 || to > le->len)
		return;
	move_cursor(le, le->cur - to);
	le->cur = to;
}

/* Replaces the whole line with text, cursor at its end. */
static void replace_line(struct lineedit *le, const char *text)
{
	move_cursor(le, le->cur);
	le->len = copy_line(le->line, text);
	le->cur = le->len;
	redraw_from(le, 0);
}

void le_start(struct lineedit *le)
{
	le->line[0] = '\0';
	le->len = le->cur = 0;
	le->esc = LE_ESC_NONE;
	le->hist_pos = le->hist_count;
	le->done = false;
	le->last_tab = false;
}

/* ---- history --------------------------------------------------------- */

static char *hist_entry(struct lineedit *le, int i)
{
	return le->hist[(le->hist_first + i) % LE_HISTORY];
}

void le_history_add(struct lineedit *le, const char *line)
{
	const char *s = line;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)
		return;
	if (le->hist_count &&
	    !strcmp(hist_entry(le, le->hist_count - 1), line))
		return;
	if (le->hist_count == LE_HISTORY) {
		le->hist_first = (le->hist_first + 1) % LE_HISTORY;
		le->hist_count--;
	}
	copy_line(hist_entry(le, le->hist_count++), line);
}

/* Shows history entry hist_pos + step (step -1 = older, +1 = newer). */
static void hist_walk(struct lineedit *le, int step)
{
	int to = le->hist_pos + step;

	if (to < 0 || to > le->hist_count)
		return;
	if (le->hist_pos == le->hist_count)
		copy_line(le->saved, le->line);
	le->hist_pos = to;
	replace_line(le, to == le->hist_count ? le->saved : hist_entry(le, to));
}

/* ---- Tab completion -------------------------------------------------- */

#define LE_LIST_WIDTH	80	/* a listing's columns fit in this */

void le_add_match(struct lineedit *le, const char *name, bool is_dir)
{
	struct le_matches *m = &le->m;
	int n = strlen(name), i;

	if (m->count++ == 0) {
		m->common_len = copy_line(m->common, name);
		m->is_dir = is_dir;
	} else {
		for (i = 0; i < m->common_len && m->common[i] == name[i]; i++)
			;
		m->common_len = i;
	}
	if (m->stored == LE_MATCH_MAX || m->used + n + 2 > LE_MATCH_BYTES)
		return;			/* counted, but not listed */
	memcpy(m->names + m->used, name, n);
	if (is_dir)
		m->names[m->used + n++] = '/';
	m->names[m->used + n] = '\0';
	m->used += n + 1;
	m->stored++;
}

/* Blanks, ';' and '>' end words (quotes are not looked at). */
static bool ends_word(char c)
{
	return c == ' ' || c == ';' || c == '>';
}

/* Is the word starting at index at the first of its command? */
static bool first_word(const struct lineedit *le, int at)
{
	while (at > 0 && le->line[at - 1] == ' ')
		at--;
	return at == 0 || le->line[at - 1] == ';';
}

/*
 * Fills le->m with the matches of the word before the cursor, split at its
 * last '/' into the directory and the base looked for. Returns the base's
 * length (what the matches share already).
 */
static int collect_matches(struct lineedit *le)
{
	static char dir[SH_LINE_MAX], base[SH_LINE_MAX];
	int start = le->cur, slash;

	while (start > 0 && !ends_word(le->line[start - 1]))
		start--;
	for (slash = le->cur; slash > start && le->line[slash - 1] != '/'; )
		slash--;
	memcpy(dir, le->line + start, slash - start);	/* "" or ".../" */
	dir[slash - start] = '\0';
	memcpy(base, le->line + slash, le->cur - slash);
	base[le->cur - slash] = '\0';
	le->m.count = le->m.stored = le->m.used = le->m.common_len = 0;
	le->complete(le, slash == start && first_word(le, start), dir, base);
	return le->cur - slash;
}

/* Prints the stored matches sorted, down then across in columns, then
 * the prompt and the line again. */
static void list_matches(struct lineedit *le)
{
	static const char *name[LE_MATCH_MAX];
	struct le_matches *m = &le->m;
	int n = m->stored, width = 0, cols, rows;
	const char *p = m->names;

	for (int i = 0; i < n; p += strlen(p) + 1, i++) {
		int j = i;

		while (j > 0 && strcmp(name[j - 1], p) > 0) {
			name[j] = name[j - 1];
			j--;
		}
		name[j] = p;
		if ((int)strlen(p) + 2 > width)
			width = strlen(p) + 2;
	}
	cols = width < LE_LIST_WIDTH ? LE_LIST_WIDTH / width : 1;
	rows = (n + cols - 1) / cols;
	puts_(le, "\n");
	for (int r = 0; r < rows; r++) {
		for (int c = 0; c < cols && c * rows + r < n; c++) {
			const char *s = name[c * rows + r];
			bool last = c == cols - 1 || (c + 1) * rows + r >= n;

			puts_(le, s);
			for (int k = strlen(s); !last && k < width; k++)
				puts_(le, " ");
		}
		puts_(le, "\n");
	}
	if (m->count > n) {
		char more[48];

		snprintf(more, sizeof(more), "(and %d more)\n", m->count - n);
		puts_(le, more);
	}
	puts_(le, le->prompt ? le->prompt : "");
	redraw_from(le, 0);
}

static void complete(struct lineedit *le)
{
	bool again = le->last_tab;
	int have;

	if (!le->complete) {
		puts_(le, "\a");
		return;
	}
	have = collect_matches(le);
	if (le->m.count == 0) {
		puts_(le, "\a");
		return;
	}
	for (int i = have; i < le->m.common_len; i++)
		insert_char(le, le->m.common[i]);
	if (le->m.count == 1)
		insert_char(le, le->m.is_dir ? '/' : ' ');
	else if (le->m.common_len > have)
		return;
	else if (again)
		list_matches(le);
	else
		puts_(le, "\a");
}

/* ---- dispatch -------------------------------------------------------- */

/* Final byte of ESC [ ... or ESC O ...; num is the number before '~'. */
static void do_escape(struct lineedit *le, char c, int num)
{
	switch (c) {
	case 'A': hist_walk(le, -1); break;
	case 'B': hist_walk(le, +1); break;
	case 'C': move_to(le, le->cur + 1); break;
	case 'D': move_to(le, le->cur - 1); break;
	case 'H': move_to(le, 0); break;
	case 'F': move_to(le, le->len); break;
	case '~':
		if (num == 1 || num == 7)
			move_to(le, 0);
		else if (num == 4 || num == 8)
			move_to(le, le->len);
		else if (num == 3)
			delete_under(le);
		break;
	}
}

/*
 * Continues an escape sequence, acting on its final byte. The number of
 * ESC [ n ~ saturates at LE_ESC_NUM_MAX (no key has a larger one), so a
 * long run of digits cannot overflow it.
 */
static void feed_escape(struct lineedit *le, char c)
{
	if (le->esc == LE_ESC_SEEN) {
		le->esc = c == '[' ? LE_ESC_CSI : c == 'O' ? LE_ESC_SS3
							    : LE_ESC_NONE;
		le->esc_num = 0;
	} else if (le->esc == LE_ESC_CSI && c >= '0' && c <= '9') {
		le->esc_num = le->esc_num * 10 + (c - '0');
		if (le->esc_num > LE_ESC_NUM_MAX)
			le->esc_num = LE_ESC_NUM_MAX;
	} else if (le->esc == LE_ESC_CSI && c == ';') {
		le->esc_num = 0;	/* modifiers: ignored */
	} else {
		do_escape(le, c, le->esc_num);
		le->esc = LE_ESC_NONE;
	}
}

/* Ends the line: echo the newline, remember it. */
static bool finish_line(struct lineedit *le)
{
	puts_(le, "\n");
	le_history_add(le, le->line);
	le->hist_pos = le->hist_count;
	le->done = true;
	return true;
}

static bool feed_control(struct lineedit *le, char c)
{
	switch (c) {
	case '\r': case '\n':	return finish_line(le);
	case 0x7f: case '\b':	backspace(le); break;
	case CTRL('A'):		move_to(le, 0); break;
	case CTRL('E'):		move_to(le, le->len); break;
	case CTRL('B'):		move_to(le, le->cur - 1); break;
	case CTRL('F'):		move_to(le, le->cur + 1); break;
	case CTRL('P'):		hist_walk(le, -1); break;
	case CTRL('N'):		hist_walk(le, +1); break;
	case 0x1b:		le->esc = LE_ESC_SEEN; break;
	case CTRL('U'):
		replace_line(le, "");
		break;
	case CTRL('C'):
		puts_(le, "^C\n");
		le_start(le);
		le->done = true;
		return true;
	}
	return false;
}

static bool is_control(char c)
{
	return (unsigned char)c < 0x20 || c == 0x7f;
}

bool le_feed(struct lineedit *le, char c)
{
	bool cr_before = le->after_cr;

	le->after_cr = c == '\r';
	if (c == '\n' && cr_before)
		return false;		/* the \n of "\r\n" */
	if (le->done)
		le_start(le);
	if (le->esc != LE_ESC_NONE && is_control(c))
		le->esc = LE_ESC_NONE;	/* ESC then Enter: the Enter counts */
	if (le->esc != LE_ESC_NONE) {
		feed_escape(le, c);
		return false;
	}
	if (c == '\t') {
		complete(le);
		le->last_tab = true;
		return false;
	}
	le->last_tab = false;
	if (!is_control(c)) {
		insert_char(le, c);
		return false;
	}
	return feed_control(le, c);
}
