/*
 * The built-in console hardware: the COM1 16550 UART (kernel/serial.c),
 * the VGA text screen (kernel/vga.c) and the PS/2 keyboard
 * (kernel/keyboard.c). kernel/console.c ties them into one stream.
 */
#ifndef KERNEL_DRIVERS_H
#define KERNEL_DRIVERS_H

#include <stddef.h>

void serial_init(void);
void serial_putc(char c);
/* Starts receive interrupts (IRQ 4) feeding console_input(). */
void serial_enable_irq(void);
/* Called by the console when it has room again after a full ring. */
void serial_rx_resume(void);

void vga_init(void);
void vga_putc(char c);

/* Starts keyboard interrupts (IRQ 1) feeding console_input(). */
void keyboard_init(void);

#endif
