/*
 * Host tests of the VGA text screen (kernel/vga.c), its text memory and
 * CRTC registers modelled in arrays: vga_write's fast path for a run of
 * plain bytes leaves the same cells, cursor and start address as
 * vga_putc byte by byte, through wrapping, scrolling past the end of the
 * text area, control bytes and escape sequences split between writes.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/host/ktest.h"

#define _ASM_IO_H	/* no port instructions on the host: outb below */
#define KERNEL_CPU_H
#define MM_MM_H

/* kernel/vga.c's hardware: 32 KiB of text memory, the CRTC's registers */
#include "tests/host/vga_model.h"

static inline void outb(uint8_t v, uint16_t port)
{
	vga_outb(v, port);
}

/* a 16-bit out to the index port: the index, then the value at 0x3d5 */
static inline void outw(uint16_t v, uint16_t port)
{
	outb(v & 0xff, port);
	if (port == 0x3d4)
		outb(v >> 8, 0x3d5);
}

#include "kernel/vga.c"

/* What a person sees: the memory, the start address, the cursor. */
struct screen {
	uint16_t mem[16384];
	uint8_t crtc[32];
};

static void screen_reset(void)
{
	memset(text_mem, 0x5a, sizeof(text_mem));	/* not blank: vga_init must clear */
	memset(crtc, 0, sizeof(crtc));
	memset(&vga, 0, sizeof(vga));
	vga_init();
}

static void screen_take(struct screen *s)
{
	memcpy(s->mem, text_mem, sizeof(s->mem));
	memcpy(s->crtc, crtc, sizeof(s->crtc));
}

/* Writes the pieces (lens[i] bytes each) of text both ways; true if the
 * two screens are the same. */
static bool same_both_ways(const char *text, const size_t *lens, int pieces)
{
	static struct screen a, b;
	const char *p = text;

	screen_reset();
	for (int i = 0; i < pieces; p += lens[i++])
		vga_write(p, lens[i]);
	screen_take(&a);
	screen_reset();
	for (p = text; *p; p++)
		vga_putc(*p);
	screen_take(&b);
	return !memcmp(&a, &b, sizeof(a));
}

static bool same_one_piece(const char *text)
{
	size_t n = strlen(text);

	return same_both_ways(text, &n, 1);
}

KTEST(hello_line_cells_and_cursor)
{
	screen_reset();
	vga_write("hello: hello, world\n", 20);
	KT_EXPECT(text_mem[0] == (0x0700 | 'h'));
	KT_EXPECT(text_mem[18] == (0x0700 | 'd'));
	KT_EXPECT(text_mem[19] == (0x0700 | ' '));
	KT_EXPECT(crtc[14] == 0 && crtc[15] == 80);	/* row 1, column 0 */
	KT_EXPECT(same_one_piece("hello: hello, world\n"));
}

KTEST(wrap_at_80_and_exactly_80)
{
	char line[200];

	memset(line, 'x', 160);
	line[160] = '\0';
	KT_EXPECT(same_one_piece(line));		/* two full rows */
	memset(line, 'y', 80);
	strcpy(line + 80, "\nz");
	KT_EXPECT(same_one_piece(line));		/* a full row, then "\n" */
	memset(line, 'w', 79);
	strcpy(line + 79, "ab\rc\bd");
	KT_EXPECT(same_one_piece(line));
}

KTEST(scrolling_past_the_end_of_the_text_area)
{
	static char text[40000];
	size_t n = 0;

	for (int i = 0; i < 400; i++)	/* 400 lines: the area wraps 5 times */
		n += sprintf(text + n, "line %d of the scroll test\n", i);
	KT_EXPECT(same_one_piece(text));
	screen_reset();
	vga_write(text, n);
	KT_EXPECT(vga.row == ROWS - 1 && vga.col == 0);
}

KTEST(control_bytes_and_escapes)
{
	KT_EXPECT(same_one_piece("ab\tc\001d\x7f\xe9\xff\n"));
	KT_EXPECT(same_one_piece("prompt\033[5Dxy\033[K\033[3Cz\033[Cq\n"));
	KT_EXPECT(same_one_piece("\033[12;34m plain \033x after"));
}

KTEST(escape_split_between_writes)
{
	const char *text = "abc\033[2Dxy\033[Kdone\n";
	size_t lens[] = { 4, 1, 1, 4, 2, 5 };	/* "abc" ESC, "[", "2"... apart */

	KT_EXPECT(same_both_ways(text, lens, 6));
}

KTEST(random_pieces)
{
	static const char alphabet[] = "abcdefghij KLMNOP.,:;%0123456789\n\n\r\b\t\033[CDK";
	static char text[20001];
	static size_t lens[20000];
	bool ok = true;

	srand(11);
	for (int round = 0; round < 20 && ok; round++) {
		int n = 0, pieces = 0;

		for (int i = 0; i < 20000; i++)
			text[i] = alphabet[rand() % (sizeof(alphabet) - 1)];
		text[20000] = '\0';
		while (n < 20000) {
			size_t k = 1 + rand() % (rand() % 4 ? 30 : 300);

			if (k > (size_t)(20000 - n))
				k = 20000 - n;
			lens[pieces++] = k;
			n += k;
		}
		ok = same_both_ways(text, lens, pieces);
	}
	KT_EXPECT(ok);
}

int main(void)
{
	return ktest_main();
}
