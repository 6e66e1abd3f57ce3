/*
 * COM1, a 16550 UART at I/O port 0x3f8: 115200 baud 8N1, polled output,
 * interrupt-driven input that goes to console_input().
 */
#include "kernel/drivers.h"
#include "kernel/console.h"
#include "kernel/arch.h"
#include "kernel/cpu.h"
#include <stdbool.h>

#define COM1 0x3f8
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20

void serial_init(void)
{
	outb(0x00, COM1 + 1);	/* no interrupts yet */
	outb(0x80, COM1 + 3);	/* DLAB on */
	outb(0x01, COM1 + 0);	/* divisor 1: 115200 baud */
	outb(0x00, COM1 + 1);
	outb(0x03, COM1 + 3);	/* 8N1, DLAB off */
	outb(0x07, COM1 + 2);	/* FIFO on and cleared */
	outb(0x0b, COM1 + 4);	/* DTR, RTS, OUT2 (IRQ line enable) */
}

void serial_putc(char c)
{
	for (int spin = 0; spin < 100000 && !(inb(COM1 + 5) & LSR_THR_EMPTY); spin++)
		;
	outb((uint8_t)c, COM1);
}

static struct {
	bool paused;	/* receive interrupt off until the console has room */
} serial;

static void serial_irq(struct regs *r)
{
	while (inb(COM1 + 5) & LSR_DATA_READY) {
		if (!console_input_room()) {
			serial.paused = true;
			outb(0x00, COM1 + 1);
			return;
		}
		console_input((char)inb(COM1));
	}
}

void serial_rx_resume(void)
{
	if (!serial.paused)
		return;
	serial.paused = false;
	outb(0x01, COM1 + 1);
	serial_irq(NULL);
}

void serial_enable_irq(void)
{
	irq_register(4, serial_irq, "ttyS0");
	outb(0x01, COM1 + 1);	/* interrupt on received data */
	serial_irq(NULL);	/* take what came before */
}
