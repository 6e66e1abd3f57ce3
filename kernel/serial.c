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
	outb(COM1 + 1, 0x00);	/* no interrupts yet */
	outb(COM1 + 3, 0x80);	/* DLAB on */
	outb(COM1 + 0, 0x01);	/* divisor 1: 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03);	/* 8N1, DLAB off */
	outb(COM1 + 2, 0x07);	/* FIFO on and cleared */
	outb(COM1 + 4, 0x0b);	/* DTR, RTS, OUT2 (IRQ line enable) */
}

void serial_putc(char c)
{
	for (int spin = 0; spin < 100000 && !(inb(COM1 + 5) & LSR_THR_EMPTY); spin++)
		;
	outb(COM1, (uint8_t)c);
}

static struct {
	bool paused;	/* receive interrupt off until the console has room */
} serial;

static void serial_irq(struct regs *r)
{
	while (inb(COM1 + 5) & LSR_DATA_READY) {
		if (!console_input_room()) {
			serial.paused = true;
			outb(COM1 + 1, 0x00);
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
	outb(COM1 + 1, 0x01);
	serial_irq(NULL);
}

void serial_enable_irq(void)
{
	irq_register(4, serial_irq, "ttyS0");
	outb(COM1 + 1, 0x01);	/* interrupt on received data */
	serial_irq(NULL);	/* take what came before */
}
