/*
 * COM1, a 16550 UART at I/O port 0x3f8: 115200 baud 8N1, polled output,
 * interrupt-driven input that goes to console_input().
 */
#include "kernel/drivers.h"
#include "kernel/console.h"
#include "kernel/arch.h"
#include "kernel/cpu.h"
#include <stdbool.h>

#define COM1 SERIAL_COM1
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20
#define IIR_FIFO_ON 0xc0	/* both bits: a 16550A with its FIFOs working */

#define FIFO_DEPTH 16	/* a 16550A's transmit FIFO */

static struct {
	bool paused;	/* receive interrupt off until the console has room */
	bool fifo;	/* the transmit FIFO is on: FIFO_DEPTH bytes per THRE */
} serial;

void serial_init(void)
{
	outb(0x00, COM1 + 1);	/* no interrupts yet */
	outb(0x80, COM1 + 3);	/* DLAB on */
	outb(0x01, COM1 + 0);	/* divisor 1: 115200 baud */
	outb(0x00, COM1 + 1);
	outb(0x03, COM1 + 3);	/* 8N1, DLAB off */
	outb(0x07, COM1 + 2);	/* FIFO on and cleared */
	outb(0x0b, COM1 + 4);	/* DTR, RTS, OUT2 (IRQ line enable) */
	/* With the FIFO on, THRE means the whole transmit FIFO is empty
	 * (16550A data sheet, LSR bit 5), so 16 bytes may follow one look at
	 * it, as Linux's 8250 driver does. An 8250 or 16450 has no FIFO. */
	serial.fifo = (inb(COM1 + 2) & IIR_FIFO_ON) == IIR_FIFO_ON;
}

/* Waits a bounded time for THRE (the byte is sent anyway after it). */
static void serial_tx_wait(void)
{
	for (int spin = 0; spin < 100000 && !(inb(COM1 + 5) & LSR_THR_EMPTY); spin++)
		;
}

int serial_load_room(void)
{
	if (!serial.fifo)
		return 0;
	serial_tx_wait();
	return FIFO_DEPTH;
}

/* Sends from s up to end what one empty FIFO holds, each "\n" as "\r\n"
 * (two places, never split between loads); returns where it stopped. */
static const char *serial_load(const char *s, const char *end)
{
	const char *full = s + FIFO_DEPTH;	/* where the FIFO would be full */
	const char *stop = end < full ? end : full;

	for (;;) {
		while (s < stop && *s != '\n')
			outb((uint8_t)*s++, COM1);
		if (s == stop || full - s < 2)
			return s;
		outb('\r', COM1);
		outb('\n', COM1);
		s++;
		full--;		/* the "\r" took a place */
		if (stop > full)
			stop = full;
	}
}

void serial_write(const char *s, size_t n)
{
	const char *end = s + n;

	if (!serial.fifo) {	/* one byte a look (before serial_init too) */
		for (; s < end; s++) {
			if (*s == '\n') {
				serial_tx_wait();
				outb('\r', COM1);
			}
			serial_tx_wait();
			outb((uint8_t)*s, COM1);
		}
		return;
	}
	while (s < end) {
		/* One load with interrupts off: a writer in an interrupt (a
		 * timer's printk) waits for THRE before its own load, so the
		 * FIFO never gets more than it holds. */
		uint32_t flags = irq_save();

		serial_tx_wait();
		s = serial_load(s, end);
		irq_restore(flags);
	}
}

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
