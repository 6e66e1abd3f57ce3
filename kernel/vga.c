/*
 * The VGA text screen at physical 0xB8000: 80x25 cells, light grey on
 * black, scrolling, with the hardware cursor following the output.
 */
#include "kernel/drivers.h"
#include "kernel/cpu.h"
#include "mm/mm.h"
#include <stdint.h>
#include <stdbool.h>

#define COLS 80
#define ROWS 25
#define ATTR 0x07	/* VGA_CELL's (kernel/drivers.h) */
#define BLANK2 ((ATTR << 8 | ' ') * 0x10001u)	/* two blank cells */
/* The screen is a window onto the first WINDOW cells of the text memory
 * (32 KiB holds 16,384): scrolling moves the window a row down by the
 * CRTC start address; only at the end of the area are the rows copied
 * back to its top. 8,192 cells stop at 0xBC000: the memory above is left
 * to whoever uses it (tests/linux/lx_ldd3.c writes at 0xBF000). */
#define WINDOW 8192

/* Every cell this file writes has the attribute ATTR: characters and
 * blanks alike, and a row is blanked before the window shows it; so every
 * cell of the screen's rows holds ATTR in its high byte, and
 * console_run (kernel/console.c) stores only the character byte. */
static struct {
	volatile uint16_t *cell;	/* the text memory */
	uint32_t origin;		/* the cell shown top left */
	int row, col;
	int esc;	/* 0 normal, 1 after ESC, 2 inside ESC [ ... */
	int arg;	/* the number in ESC [ N X, 0 if none */
} vga;

/* Writes CRTC register pair hi, hi + 1 (start address 12, cursor 14):
 * each a 16-bit out to the index port, the index in its low byte and the
 * value in its high byte (a byte out to 0x3d4, then one to 0x3d5). */
static void vga_crtc16(uint8_t hi, uint16_t v)
{
	outw((v & 0xff00) | hi, 0x3d4);
	outw((uint16_t)(v << 8) | (hi + 1), 0x3d4);
}

static void vga_cursor(void)
{
	vga_crtc16(14, vga.origin + vga.row * COLS + vga.col);
}

/* Blanks words pairs of cells at cell at, one instruction a word. */
static void vga_blank(uint32_t at, uint32_t words)
{
	volatile uint16_t *d = vga.cell + at;

	__asm__ volatile("rep stosl" : "+D"(d), "+c"(words) : "a"(BLANK2) : "memory");
}

void vga_init(void)
{
	vga.cell = phys_to_virt(0xb8000);
	vga.origin = 0;
	vga_blank(0, COLS * ROWS / 2);
	vga.row = vga.col = 0;
	vga_crtc16(12, 0);
	vga_cursor();
}

/* Moves the rows up by one and blanks the last: the window moves down a
 * row (40 words blanked, the start address set); at the end of the area
 * the other rows are first copied back to its top, once in about 77
 * lines. One line of a full screen cost about 1,000 instructions when
 * every scroll moved the whole screen. */
static void vga_scroll(void)
{
	if (vga.origin + (ROWS + 1) * COLS > WINDOW) {
		volatile uint16_t *d = vga.cell;
		const volatile uint16_t *s = vga.cell + vga.origin + COLS;
		uint32_t words = COLS * (ROWS - 1) / 2;

		__asm__ volatile("rep movsl" : "+D"(d), "+S"(s), "+c"(words) : : "memory");
		vga.origin = 0;
	} else {
		vga.origin += COLS;
	}
	vga_blank(vga.origin + (ROWS - 1) * COLS, COLS / 2);
	vga_crtc16(12, vga.origin);
	vga.row = ROWS - 1;
}

/* The few VT100 sequences the shell's line editor sends: ESC [ N C
 * (right), ESC [ N D (left), ESC [ K (erase to the end of the line). */
static void vga_escape(char c)
{
	if (vga.esc == 1) {
		vga.esc = c == '[' ? 2 : 0;
		vga.arg = 0;
		return;
	}
	if (c >= '0' && c <= '9') {
		vga.arg = vga.arg * 10 + (c - '0');
		return;
	}
	int n = vga.arg ? vga.arg : 1;
	if (c == 'C')
		vga.col = vga.col + n < COLS ? vga.col + n : COLS - 1;
	else if (c == 'D')
		vga.col = vga.col > n ? vga.col - n : 0;
	else if (c == 'K')
		for (int i = vga.col; i < COLS; i++)
			vga.cell[vga.origin + vga.row * COLS + i] = ATTR << 8 | ' ';
	vga.esc = 0;
}

/* Moves the cursor to the start of the next row, scrolling at the bottom. */
static void vga_newline(void)
{
	vga.col = 0;
	if (++vga.row == ROWS)
		vga_scroll();
}

/* Puts c, leaving the hardware cursor where it was. */
static void vga_put(char c)
{
	if (vga.esc) {
		vga_escape(c);
		return;
	}
	switch (c) {
	case '\n':
		vga_newline();
		return;
	case '\r':
		vga.col = 0;
		break;
	case '\b':
		if (vga.col)
			vga.col--;
		break;
	case '\033':
		vga.esc = 1;
		return;
	default:
		vga.cell[vga.origin + vga.row * COLS + vga.col] = VGA_CELL(c);
		if (++vga.col == COLS) {
			vga.col = 0;
			vga.row++;
		}
	}
	if (vga.row == ROWS)
		vga_scroll();
}

void vga_putc(char c)
{
	if (!vga.cell)
		return;
	vga_put(c);
	vga_cursor();
}

volatile uint16_t *vga_run_at(size_t *cols)
{
	if (!vga.cell || vga.esc) {
		*cols = 0;
		return NULL;
	}
	*cols = COLS - vga.col;
	return vga.cell + vga.origin + vga.row * COLS + vga.col;
}

void vga_run_done(size_t k, bool newline)
{
	vga.col += k;
	if (vga.col == COLS)
		vga_newline();
	if (newline)	/* what vga_put does with "\n" outside an escape */
		vga_newline();
}

void vga_put_byte(char c)
{
	if (vga.cell)
		vga_put(c);
}

void vga_show_cursor(void)
{
	if (vga.cell)
		vga_cursor();
}

/* Writes the plain bytes (none below ' ') at the start of s[0..n) that
 * fit on the cursor's row, one 16-bit store a cell; returns how many.
 * These are the cells vga_put writes for them, without its switch and
 * row check per byte: a plain byte only writes its cell and moves the
 * column, and the run stops where the row ends (the wrap made once). */
static size_t vga_put_run(const char *s, size_t n)
{
	size_t cols;
	volatile uint16_t *p = vga_run_at(&cols);
	size_t most = n < cols ? n : cols;
	size_t i = 0;

	while (i < most && (uint8_t)s[i] >= ' ') {
		p[i] = VGA_CELL(s[i]);
		i++;
	}
	vga_run_done(i, false);
	return i;
}

void vga_write(const char *s, size_t n)
{
	if (!vga.cell)
		return;
	while (n) {
		size_t k = 1;

		if (vga.esc || (uint8_t)*s < ' ')
			vga_put(*s);
		else
			k = vga_put_run(s, n);
		s += k;
		n -= k;
	}
	vga_cursor();
}
