/*
 * The built-in console hardware: the COM1 16550 UART (kernel/serial.c),
 * the VGA text screen (kernel/vga.c) and the PS/2 keyboard
 * (kernel/keyboard.c). kernel/console.c ties them into one stream.
 */
#ifndef KERNEL_DRIVERS_H
#define KERNEL_DRIVERS_H

#include <stddef.h>
#include <stdint.h>

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

/* Starts keyboard interrupts (IRQ 1) feeding console_input(). */
void keyboard_init(void);
/* At unload: removes an i8042 filter (<linux/i8042.h>) whose function lies
 * in [start, start + len), with a message naming mod. */
void i8042_reap(const char *mod, uintptr_t start, uintptr_t len);

#endif
