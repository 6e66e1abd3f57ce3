/*
 * The VGA text screen at physical 0xB8000: 80x25 cells, light grey on
 * black, scrolling, with the hardware cursor following the output.
 */
#include "kernel/drivers.h"
#include "kernel/cpu.h"
#include "mm/mm.h"
#include <stdint.h>

#define COLS 80
#define ROWS 25
#define ATTR 0x07

static struct {
	volatile uint16_t *cell;
	int row, col;
	int esc;	/* 0 normal, 1 after ESC, 2 inside ESC [ ... */
	int arg;	/* the number in ESC [ N X, 0 if none */
} vga;

static void vga_cursor(void)
{
	uint16_t pos = vga.row * COLS + vga.col;

	outb(14, 0x3d4);
	outb(pos >> 8, 0x3d5);
	outb(15, 0x3d4);
	outb(pos & 0xff, 0x3d5);
}

void vga_init(void)
{
	vga.cell = phys_to_virt(0xb8000);
	for (int i = 0; i < COLS * ROWS; i++)
		vga.cell[i] = ATTR << 8 | ' ';
	vga.row = vga.col = 0;
	vga_cursor();
}

/* Moves the rows up by one and blanks the last, in whole words with rep
 * movsl and rep stosl: one instruction a word, where a loop over the
 * 16-bit cells took about five a cell (10k instructions for every line a
 * full screen printed, most of what a module's one-line init message
 * cost). */
static void vga_scroll(void)
{
	volatile uint16_t *d = vga.cell;
	const volatile uint16_t *s = vga.cell + COLS;
	uint32_t words = COLS * (ROWS - 1) / 2, blank = (ATTR << 8 | ' ') * 0x10001u;

	__asm__ volatile("rep movsl" : "+D"(d), "+S"(s), "+c"(words) : : "memory");
	words = COLS / 2;
	__asm__ volatile("rep stosl" : "+D"(d), "+c"(words) : "a"(blank) : "memory");
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
			vga.cell[vga.row * COLS + i] = ATTR << 8 | ' ';
	vga.esc = 0;
	vga_cursor();
}

void vga_putc(char c)
{
	if (!vga.cell)
		return;
	if (vga.esc) {
		vga_escape(c);
		return;
	}
	switch (c) {
	case '\n':
		vga.col = 0;
		vga.row++;
		break;
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
		vga.cell[vga.row * COLS + vga.col] = ATTR << 8 | (uint8_t)c;
		if (++vga.col == COLS) {
			vga.col = 0;
			vga.row++;
		}
	}
	if (vga.row == ROWS)
		vga_scroll();
	vga_cursor();
}
