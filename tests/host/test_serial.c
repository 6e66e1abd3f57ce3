/*
 * Host tests of COM1's output (kernel/serial.c) against a model 16550:
 * each byte written to the transmitter goes into its FIFO (16 bytes, or
 * 1 without a FIFO), each look at the line status may send some of them,
 * THRE is set only when the FIFO is empty. serial_write must never put
 * more into the FIFO than it holds (a byte lost) and must send exactly
 * its bytes, each "\n" as "\r\n", whatever the pieces and the timing.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tests/host/ktest.h"

#define _ASM_IO_H	/* no port instructions on the host: the model below */
#define KERNEL_CPU_H

#include "tests/host/uart_model.h"

static inline void outb(uint8_t v, uint16_t port)
{
	uart_outb(v, port);
}

static inline uint8_t inb(uint16_t port)
{
	return uart_inb(port);
}

#include "kernel/serial.c"

/* kernel/serial.c's receive side needs these; output tests never call it. */
bool console_input_room(void) { return true; }
void console_input(char c) { }
void irq_register(unsigned irq, void (*fn)(struct regs *r), const char *name) { }

static void uart_reset(bool has_fifo)
{
	memset(&uart, 0, sizeof(uart));
	uart.has_fifo = has_fifo;
	memset(&serial, 0, sizeof(serial));
	serial_init();
}

/* text with each "\n" as "\r\n" */
static size_t crlf(const char *text, size_t n, char *out)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\n')
			out[k++] = '\r';
		out[k++] = text[i];
	}
	return k;
}

/* Sends text in pieces of at most most bytes; true if the model UART got
 * exactly its bytes with "\r\n", none lost. */
static bool sends_exactly(const char *text, size_t n, size_t most)
{
	static char want[100000];
	size_t k = crlf(text, n, want);

	for (size_t i = 0; i < n;) {
		size_t piece = 1 + (size_t)rand() % most;

		if (piece > n - i)
			piece = n - i;
		serial_write(text + i, piece);
		i += piece;
	}
	return uart.overruns == 0 && uart.unguarded == 0 && uart.irq_off == 0 &&
	       uart.n_sent == k && !memcmp(uart.sent, want, k);
}

KTEST(fifo_found_on_a_16550a_not_on_a_16450)
{
	uart_reset(true);
	KT_EXPECT(serial.fifo);
	uart_reset(false);
	KT_EXPECT(!serial.fifo);
}

KTEST(hello_line_as_crlf)
{
	const char *line = "hello: hello, world\n";

	uart_reset(true);
	KT_EXPECT(sends_exactly(line, strlen(line), 100));
	uart_reset(false);
	KT_EXPECT(sends_exactly(line, strlen(line), 100));
}

KTEST(newlines_at_every_place_of_a_load)
{
	char text[64];
	bool ok = true;

	for (int at = 0; at < 40; at++) {	/* "\r\n" across the 16-byte loads */
		memset(text, 'a', sizeof(text));
		text[at] = '\n';
		text[at + 1] = '\n';
		uart_reset(true);
		ok &= sends_exactly(text, sizeof(text), 64);
	}
	KT_EXPECT(ok);
}

KTEST(random_text_and_timing)
{
	static const char alphabet[] = "abcdefgh \n\n\r\t";
	static char text[20000];
	bool ok = true;

	srand(11);
	for (int round = 0; round < 40 && ok; round++) {
		for (size_t i = 0; i < sizeof(text); i++)
			text[i] = alphabet[rand() % (sizeof(alphabet) - 1)];
		uart_reset(round % 4 != 3);
		ok = sends_exactly(text, sizeof(text), round % 2 ? 5 : 200);
	}
	KT_EXPECT(ok);
}

KTEST(before_serial_init_one_byte_a_look)
{
	const char *line = "early\nline\n";

	memset(&uart, 0, sizeof(uart));
	uart.has_fifo = true;		/* FCR not written yet: no FIFO */
	memset(&serial, 0, sizeof(serial));
	KT_EXPECT(sends_exactly(line, strlen(line), 3));
}

int main(void)
{
	return ktest_main();
}
