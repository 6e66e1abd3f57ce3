/*
 * Symbol version CRCs (API in tools/symcrc.h): a small tokenizer for
 * preprocessed C, the search for a symbol's first top-level declaration,
 * its normalized spelling, and CRC32. Host code, used by modpost.
 */
#include "tools/symcrc.h"
#include <string.h>
#include <tessera/errno.h>

enum { TOK_END, TOK_WORD, TOK_STRING, TOK_PUNCT };

struct tok {
	const char *p;
	size_t n;
	int kind;
};

uint32_t symcrc_crc32(const void *data, size_t len)
{
	const uint8_t *p = data;
	uint32_t crc = 0xFFFFFFFFu;

	for (size_t i = 0; i < len; i++) {
		crc ^= p[i];
		for (int b = 0; b < 8; b++)
			crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
	}
	return ~crc;
}

static int is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '$';
}

/* Reads the token at *i (skipping spaces and `#` line markers) into t. */
static void next_tok(const char *s, size_t len, size_t *i, struct tok *t)
{
	size_t k = *i;

	for (;;) {
		while (k < len && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' ||
				   s[k] == '\r' || s[k] == '\f' || s[k] == '\v'))
			k++;
		if (k >= len || s[k] != '#')
			break;
		while (k < len && s[k] != '\n')	/* # 12 "file.c": a line marker */
			k++;
	}
	t->p = s + k;
	if (k >= len) {
		t->kind = TOK_END;
		t->n = 0;
	} else if (is_word_char(s[k])) {
		t->kind = TOK_WORD;
		while (k < len && is_word_char(s[k]))
			k++;
	} else if (s[k] == '"' || s[k] == '\'') {
		char q = s[k++];

		t->kind = TOK_STRING;
		while (k < len && s[k] != q && s[k] != '\n')
			k += (s[k] == '\\' && k + 1 < len) ? 2 : 1;
		if (k < len && s[k] == q)
			k++;
	} else {
		t->kind = TOK_PUNCT;
		k++;
	}
	t->n = (size_t)(s + k - t->p);
	*i = k;
}

static int tok_is(const struct tok *t, const char *word)
{
	return t->n == strlen(word) && memcmp(t->p, word, t->n) == 0;
}

/* Skips a {...} block whose `{` was just read; *i ends after its `}`. */
static void skip_block(const char *s, size_t len, size_t *i)
{
	struct tok t;
	int depth = 1;

	while (depth > 0) {
		next_tok(s, len, i, &t);
		if (t.kind == TOK_END)
			return;
		if (tok_is(&t, "{"))
			depth++;
		else if (tok_is(&t, "}"))
			depth--;
	}
}

/* Normalizes s[start..end) into out: tokens, one space between two word
 * tokens only, a leading `extern` dropped. */
static int normalize(const char *s, size_t start, size_t end, char *out,
		     size_t outlen)
{
	size_t i = start, n = 0;
	struct tok t;
	int prev_word = 0, first = 1;

	for (next_tok(s, end, &i, &t); t.kind != TOK_END; next_tok(s, end, &i, &t)) {
		if (first && tok_is(&t, "extern"))
			continue;
		first = 0;
		if (prev_word && t.kind == TOK_WORD) {
			if (n + 1 >= outlen)
				return -ENAMETOOLONG;
			out[n++] = ' ';
		}
		if (n + t.n >= outlen)
			return -ENAMETOOLONG;
		memcpy(out + n, t.p, t.n);
		n += t.n;
		prev_word = t.kind == TOK_WORD;
	}
	if (outlen == 0)
		return -ENAMETOOLONG;
	out[n] = '\0';
	return 0;
}

/* One top-level statement being scanned. */
struct stmt {
	size_t start, text_end;	/* source range of the declaration text */
	int paren, cut, found;
	struct tok prev;
};

/* Feeds token t (ending at source offset i) to the statement; returns 1
 * when the statement ended (text_end set). */
static int stmt_feed(struct stmt *st, const struct tok *t, const char *s,
		     size_t len, size_t *i, const char *name)
{
	int body = 0;

	if (tok_is(t, "("))
		st->paren++;
	else if (tok_is(t, ")"))
		st->paren--;
	else if (st->paren == 0 && tok_is(t, ";"))
		body = -1;
	else if (st->paren == 0 && tok_is(t, "{"))
		body = (!st->cut && tok_is(&st->prev, ")")) ? -1 : 1;
	else if (st->paren == 0 && tok_is(t, "=") && !st->cut) {
		st->cut = 1;
		st->text_end = (size_t)(t->p - s);
	} else if (t->kind == TOK_WORD && !st->cut && tok_is(t, name) &&
		   (st->paren == 0 || (st->paren == 1 && tok_is(&st->prev, "*"))))
		st->found = 1;
	st->prev = *t;
	if (body == 1)		/* struct body or initializer: part of it */
		skip_block(s, len, i);
	if (body != -1)
		return 0;
	if (!st->cut)
		st->text_end = (size_t)(t->p - s);
	if (tok_is(t, "{"))	/* a function definition: skip its body */
		skip_block(s, len, i);
	return 1;
}

int symcrc_declaration(const char *src, size_t len, const char *name,
		       char *out, size_t outlen)
{
	size_t i = 0;
	struct stmt st = { 0 };
	struct tok t;

	for (;;) {
		next_tok(src, len, &i, &t);
		if (t.kind == TOK_END)
			return -ENOENT;
		if (!st.prev.p)		/* the statement's first token */
			st.start = (size_t)(t.p - src);
		if (!stmt_feed(&st, &t, src, len, &i, name))
			continue;
		if (st.found)
			return normalize(src, st.start, st.text_end, out, outlen);
		memset(&st, 0, sizeof(st));
	}
}

int symcrc_symbol(const char *src, size_t len, const char *name,
		  uint32_t *crc, char *decl, size_t decllen)
{
	char buf[4096];
	int err = symcrc_declaration(src, len, name, buf, sizeof(buf));

	if (err)
		return err;
	*crc = symcrc_crc32(buf, strlen(buf));
	if (decl && decllen) {
		strncpy(decl, buf, decllen - 1);
		decl[decllen - 1] = '\0';
	}
	return 0;
}

int symcrc_next_export(const char *src, size_t len, size_t *pos,
		       char *out, size_t outlen)
{
	static const char prefix[] = "__ksymtab_";
	const size_t plen = sizeof(prefix) - 1;
	struct tok t;

	for (next_tok(src, len, pos, &t); t.kind != TOK_END;
	     next_tok(src, len, pos, &t)) {
		if (t.kind != TOK_WORD || t.n <= plen ||
		    memcmp(t.p, prefix, plen) != 0 || t.n - plen >= outlen)
			continue;
		memcpy(out, t.p + plen, t.n - plen);
		out[t.n - plen] = '\0';
		return 1;
	}
	return 0;
}
