/*
 * Host tests of console_write's one pass (kernel/console.c): each byte
 * goes to the UART and the screen at once. Against the models of
 * test_serial.c (a 16550 whose FIFO drains a random 0..2 bytes at each
 * look) and test_vga.c (the text memory and the CRTC), it must send the
 * same bytes and leave the same screen as serial_write and vga_write
 * (one output at a time), never overfill the FIFO, and make every FIFO
 * load with interrupts off, whatever the text and its pieces.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/host/ktest.h"

#define _ASM_IO_H	/* no port instructions on the host: the models below */
#define KERNEL_CPU_H
#define MM_MM_H
#define KERNEL_SCHED_H
#define KERNEL_POWER_H
#define KERNEL_PRINTK_H
#define _LINUX_WAIT_H

#include "tests/host/vga_model.h"
#include "tests/host/uart_model.h"

static inline void outb(uint8_t v, uint16_t port)
{
	if (!uart_outb(v, port))
		vga_outb(v, port);
}

static inline void outw(uint16_t v, uint16_t port)
{
	outb(v & 0xff, port);
	if (port == 0x3d4)
		outb(v >> 8, 0x3d5);
}

static inline uint8_t inb(uint16_t port)
{
	return uart_inb(port);
}

/* What kernel/console.c's input side needs; these tests never call it. */
typedef int wait_queue_head_t;
#define __WAIT_QUEUE_HEAD_INITIALIZER(q) 0
#define wake_up_interruptible(q) ((void)(q))
#define wait_event_interruptible(q, cond) ((void)(q), (cond) ? 0 : -1)
#define KERN_INFO ""
static inline uint64_t rdtsc(void) { return 0; }
static bool sched_console_intr(void) { return false; }
static void power_off(int code) { (void)code; }
static int printk(const char *fmt, ...) { (void)fmt; return 0; }

#include "kernel/serial.c"
#include "kernel/vga.c"
#include "kernel/console.c"

void irq_register(unsigned irq, void (*fn)(struct regs *r), const char *name) { }

/* The output a person gets: the line's bytes and the screen. */
static struct out {
	char sent[100000];
	size_t n_sent;
	uint16_t mem[16384];
	uint8_t crtc[32];
} one_pass, apart;

static void reset(bool has_fifo)
{
	memset(&uart, 0, sizeof(uart));
	uart.has_fifo = has_fifo;
	memset(&serial, 0, sizeof(serial));
	memset(text_mem, 0x5a, sizeof(text_mem));	/* not blank: vga_init must clear */
	memset(crtc, 0, sizeof(crtc));
	memset(&vga, 0, sizeof(vga));
	console_init();
}

static void take(struct out *o)
{
	memcpy(o->sent, uart.sent, uart.n_sent);
	o->n_sent = uart.n_sent;
	memcpy(o->mem, text_mem, sizeof(o->mem));
	memcpy(o->crtc, crtc, sizeof(o->crtc));
}

/* Writes text in the pieces lens[] both ways; true if console_write gave
 * the bytes and screen serial_write and vga_write give, with no byte
 * lost and every load guarded. */
static bool same_both_ways(bool has_fifo, const char *text, const size_t *lens, int pieces)
{
	const char *p = text;
	bool ok;

	reset(has_fifo);
	for (int i = 0; i < pieces; p += lens[i++])
		console_write(p, lens[i]);
	ok = uart.overruns == 0 && uart.unguarded == 0 && uart.irq_off == 0;
	take(&one_pass);
	reset(has_fifo);
	for (int i = 0, at = 0; i < pieces; at += lens[i++]) {
		serial_write(text + at, lens[i]);
		vga_write(text + at, lens[i]);
	}
	take(&apart);
	return ok && one_pass.n_sent == apart.n_sent &&
	       !memcmp(one_pass.sent, apart.sent, apart.n_sent) &&
	       !memcmp(one_pass.mem, apart.mem, sizeof(apart.mem)) &&
	       !memcmp(one_pass.crtc, apart.crtc, sizeof(apart.crtc));
}

static bool same_one_piece(bool has_fifo, const char *text)
{
	size_t n = strlen(text);

	return same_both_ways(has_fifo, text, &n, 1);
}

KTEST(hello_line)
{
	KT_EXPECT(same_one_piece(true, "hello: hello, world\n"));
	KT_EXPECT(memcmp(one_pass.sent, "hello: hello, world\r\n", 21) == 0);
	KT_EXPECT(one_pass.mem[0] == (0x0700 | 'h') && one_pass.mem[19] == (0x0700 | ' '));
	KT_EXPECT(same_one_piece(false, "hello: hello, world\n"));
}

KTEST(newlines_at_every_place_of_a_load_and_a_row)
{
	char text[200];
	bool ok = true;

	for (int at = 0; at < 100; at++) {
		memset(text, 'a', sizeof(text) - 1);
		text[sizeof(text) - 1] = '\0';
		text[at] = '\n';
		text[at + 1] = '\n';
		ok &= same_one_piece(true, text);
	}
	KT_EXPECT(ok);
}

KTEST(lines_of_every_length)
{
	static char text[20000];
	size_t n = 0;

	for (int len = 0; len < 170; len++) {	/* rows wrapping at every place of a load */
		memset(text + n, 'a' + len % 26, len);
		n += len;
		text[n++] = '\n';
	}
	text[n] = '\0';
	KT_EXPECT(same_one_piece(true, text));
}

KTEST(control_bytes_escapes_and_scrolling)
{
	static char text[40000];
	size_t n = 0;

	KT_EXPECT(same_one_piece(true, "ab\tc\001d\x7f\xe9\xff\n"));
	KT_EXPECT(same_one_piece(true, "prompt\033[5Dxy\033[K\033[3Cz\033[Cq\n"));
	for (int i = 0; i < 400; i++)	/* the text area wraps 5 times */
		n += sprintf(text + n, "line %d of the scroll test\n", i);
	KT_EXPECT(same_one_piece(true, text));
}

KTEST(random_text_in_random_pieces)
{
	static const char alphabet[] = "abcdefgh \n\n\r\t\b\033[3DK";
	static char text[6000];
	static size_t lens[6000];
	bool ok = true;

	srand(5);
	for (int round = 0; round < 30 && ok; round++) {
		int pieces = 0;

		for (size_t i = 0; i < sizeof(text); i++)
			text[i] = alphabet[rand() % (sizeof(alphabet) - 1)];
		for (size_t at = 0; at < sizeof(text); pieces++) {
			lens[pieces] = 1 + (size_t)rand() % (round % 2 ? 5 : 300);
			if (lens[pieces] > sizeof(text) - at)
				lens[pieces] = sizeof(text) - at;
			at += lens[pieces];
		}
		ok = same_both_ways(round % 4 != 3, text, lens, pieces);
	}
	KT_EXPECT(ok);
}

int main(void)
{
	return ktest_main();
}
