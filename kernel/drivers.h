/*
 * The built-in console hardware: the COM1 16550 UART (kernel/serial.c),
 * the VGA text screen (kernel/vga.c) and the PS/2 keyboard
 * (kernel/keyboard.c). kernel/console.c ties them into one stream.
 */
#ifndef KERNEL_DRIVERS_H
#define KERNEL_DRIVERS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* Programs COM1: 115200 baud 8N1, FIFO on, interrupts off. Never fails. */
void serial_init(void);
/* Sends s[0..n), each "\n" as "\r\n", waiting a bounded time for the
 * transmitter before each FIFO load (16 bytes on a 16550A, 1 without a
 * FIFO; the bytes are sent anyway when it stays busy). Interrupts may be
 * on: each load is made with them off. */
void serial_write(const char *s, size_t n);
/* Starts receive interrupts (IRQ 4) feeding console_input(). */
void serial_enable_irq(void);
/* Called by the console when it has room again after a full ring. */
void serial_rx_resume(void);

/* Clears the 80x25 text screen, cursor home. Never fails. */
void vga_init(void);
/* Puts one character at the cursor: \n, \r, \b, the escapes ESC [ n C / D
 * / K, and printable bytes, scrolling at the bottom. Does nothing before
 * vga_init. */
void vga_putc(char c);
/* vga_putc of s[0..n), the hardware cursor moved once at the end. */
void vga_write(const char *s, size_t n);

/*
 * The pieces console_write's one pass over its bytes uses (both outputs
 * of a byte at once, kernel/console.c). serial_write and vga_write do
 * the same work one output at a time.
 */
#define SERIAL_COM1 0x3f8	/* the transmitter: outb(byte, SERIAL_COM1) */
/* Interrupts off: waits a bounded time for the transmitter to be empty
 * and returns how many bytes it takes now (a 16550A's FIFO: 16), or 0
 * when there is no FIFO (before serial_init too): serial_write then. */
int serial_load_room(void);
/* A plain byte c (not below ' ') as a text cell: light grey on black. */
#define VGA_CELL(c) (0x0700 | (uint8_t)(c))
/* The cell under the cursor, and in *cols how many cells are left on its
 * row, where a run of plain bytes goes one VGA_CELL a cell; NULL (and 0)
 * when a byte must go through vga_put_byte (before vga_init, or inside an
 * escape sequence). Every cell of the screen's rows already holds
 * VGA_CELL's attribute (kernel/vga.c writes no other, and blanks a row
 * before it is shown), so a run may store the character bytes alone. */
volatile uint16_t *vga_run_at(size_t *cols);
/* Moves the cursor over the k cells of a run (to the next row, scrolling,
 * when they end the row), then with newline as vga_put_byte('\n') does:
 * the "\n" that ends most lines, taken with its run in one call. */
void vga_run_done(size_t k, bool newline);
/* vga_putc, the hardware cursor left where it was. */
void vga_put_byte(char c);
/* Moves the hardware cursor to where the output is. */
void vga_show_cursor(void);

/* Starts keyboard interrupts (IRQ 1) feeding console_input(). */
void keyboard_init(void);
/* At unload: removes an i8042 filter (<linux/i8042.h>) whose function lies
 * in [start, start + len), with a message naming mod. */
void i8042_reap(const char *mod, uintptr_t start, uintptr_t len);

#endif
