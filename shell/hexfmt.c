/*
 * The `hexdump -C` line format: offset, 16 hex bytes in two groups of
 * eight, the printable ASCII between bars, "*" for repeated lines.
 */
#include "shell/hexfmt.h"
#include "lib/string.h"

void hexfmt_init(struct hexfmt *h, uint32_t start,
		 void (*emit)(void *arg, const char *text, int len), void *arg)
{
	memset(h, 0, sizeof(*h));
	h->offset = start;
	h->emit = emit;
	h->arg = arg;
}

/* Prints line[0..fill) at the current offset. */
static void print_line(struct hexfmt *h)
{
	char text[80];
	int n = snprintf(text, sizeof(text), "%08x  ", (unsigned)h->offset);

	for (int i = 0; i < 16; i++) {
		if (i < h->fill)
			n += snprintf(text + n, sizeof(text) - n, "%02x ",
				      h->line[i]);
		else
			n += snprintf(text + n, sizeof(text) - n, "   ");
		if (i == 7)
			text[n++] = ' ';
	}
	text[n++] = ' ';
	text[n++] = '|';
	for (int i = 0; i < h->fill; i++) {
		uint8_t c = h->line[i];

		text[n++] = c >= 0x20 && c < 0x7f ? c : '.';
	}
	text[n++] = '|';
	text[n++] = '\n';
	h->emit(h->arg, text, n);
}

/* A full line: printed, or folded into "*" if equal to the one before. */
static void full_line(struct hexfmt *h)
{
	if (h->have_prev && !memcmp(h->prev, h->line, 16)) {
		if (!h->starred)
			h->emit(h->arg, "*\n", 2);
		h->starred = true;
	} else {
		print_line(h);
		memcpy(h->prev, h->line, 16);
		h->have_prev = true;
		h->starred = false;
	}
	h->offset += 16;
	h->fill = 0;
}

void hexfmt_feed(struct hexfmt *h, const void *data, size_t n)
{
	const uint8_t *p = data;

	if (n)
		h->any = true;
	while (n--) {
		h->line[h->fill++] = *p++;
		if (h->fill == 16)
			full_line(h);
	}
}

void hexfmt_end(struct hexfmt *h)
{
	char text[16];
	int n;

	if (!h->any)
		return;
	if (h->fill) {
		print_line(h);
		h->offset += h->fill;
		h->fill = 0;
	}
	n = snprintf(text, sizeof(text), "%08x\n", (unsigned)h->offset);
	h->emit(h->arg, text, n);
}
