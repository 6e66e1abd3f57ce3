/*
 * A model 16550 UART (COM1 at 0x3f8) for the host tests of the kernel's
 * serial output (test_serial.c, test_console.c): each byte written to the
 * transmitter goes into its FIFO (16 bytes once FCR enables it on a
 * 16550A, else 1), each look at the line status sends 0, 1 or 2 of them
 * (rand()), THRE is set only when the FIFO is empty; a byte written while
 * it is full is counted as an overrun, a FIFO load with interrupts on
 * (irq_save depth 0) as unguarded. A test includes this before the kernel
 * file, defines outb/inb on uart_outb/uart_inb plus its own ports.
 */
#ifndef TESTS_HOST_UART_MODEL_H
#define TESTS_HOST_UART_MODEL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

static struct {
	bool has_fifo;		/* a 16550A (else a 16450) */
	bool fifo_on;		/* FCR bit 0 written (on a 16550A) */
	bool dlab;		/* LCR bit 7: port 0 is the divisor latch */
	int queued;		/* bytes in the transmitter, not yet sent */
	int overruns;		/* bytes written while it was full */
	int irq_off;		/* irq_save depth */
	int unguarded;		/* FIFO loads made with interrupts on */
	char sent[100000];
	size_t n_sent;
} uart;

/* A write to one of the UART's ports: true if port is the UART's. */
static inline bool uart_outb(uint8_t v, uint16_t port)
{
	if (port == 0x3f8 && !uart.dlab) {
		if (uart.queued >= (uart.fifo_on ? 16 : 1))
			uart.overruns++;
		else
			uart.queued++;
		if (uart.fifo_on && !uart.irq_off)
			uart.unguarded++;
		uart.sent[uart.n_sent++] = (char)v;
	} else if (port == 0x3fa) {
		uart.fifo_on = uart.has_fifo && (v & 1);
	} else if (port == 0x3fb) {
		uart.dlab = v & 0x80;
	} else {
		return false;
	}
	return true;
}

/* A read of the line status (0x3fd) or the FIFO's state (0x3fa); 0 for
 * any other port. */
static inline uint8_t uart_inb(uint16_t port)
{
	if (port == 0x3fd) {
		int k = rand() % 3;	/* 0, 1 or 2 bytes go out at each look */

		uart.queued = uart.queued > k ? uart.queued - k : 0;
		return uart.queued ? 0x00 : 0x60;	/* THRE and TEMT when empty */
	}
	if (port == 0x3fa)
		return uart.fifo_on ? 0xc1 : 0x01;
	return 0;
}

static inline uint32_t irq_save(void)
{
	uart.irq_off++;
	return 0;
}

static inline void irq_restore(uint32_t flags)
{
	(void)flags;
	uart.irq_off--;
}

#endif
