/*
 * The canonical hex+ASCII dump format of `hexdump -C` (shell/hexfmt.c),
 * as a pure formatter fed bytes in any chunks, so host tests compare it
 * with the real tool. Lines are
 *   "00000010  68 65 6c 6c 6f 0a 00 00  00 00 00 00 00 00 00 00  |hello...........|"
 * a run of lines equal to the one before is shown as one "*", and the
 * dump ends with the offset after the last byte (nothing at all if no
 * byte was fed).
 */
#ifndef SHELL_HEXFMT_H
#define SHELL_HEXFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hexfmt {
	uint32_t offset;		/* offset of line[0] */
	uint8_t line[16];
	int fill;			/* bytes in line */
	uint8_t prev[16];		/* the last full line */
	bool have_prev, starred, any;
	void (*emit)(void *arg, const char *text, int len);
	void *arg;
};

/* Starts a dump whose first byte is at offset start; output goes to emit. */
void hexfmt_init(struct hexfmt *h, uint32_t start,
		 void (*emit)(void *arg, const char *text, int len), void *arg);
/* Formats n more bytes. */
void hexfmt_feed(struct hexfmt *h, const void *data, size_t n);
/* Prints the partial last line and the final offset. */
void hexfmt_end(struct hexfmt *h);

#endif
