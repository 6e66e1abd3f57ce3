/*
 * The console stream: output to COM1 and VGA in one pass over the bytes
 * ("\n" becomes "\r\n" on the serial line), input bytes from both queued
 * in a ring until read; a reader sleeps on a wait queue until one comes.
 * When the ring is full the UART is left holding its bytes
 * (serial_rx_pause), so a script piped into QEMU's serial port is never
 * cut short. Ctrl-C (byte 3) while the shell runs a command is not
 * input: it sends SIGINT to the command (kernel/sched.c), and the console
 * echoes "^C" and a newline, as a terminal would (what the command prints
 * then starts a line).
 */
#include "kernel/console.h"
#include "kernel/drivers.h"
#include "kernel/cpu.h"
#include "kernel/sched.h"
#include "kernel/power.h"
#include "kernel/printk.h"
#include <linux/wait.h>
#include <stdint.h>
#include <stdbool.h>

#define INPUT_RING 1024

static struct {
	char ring[INPUT_RING];
	volatile uint32_t head, tail;	/* head: next write; tail: next read */
	wait_queue_head_t readers;
} con = {
	.readers = __WAIT_QUEUE_HEAD_INITIALIZER(con.readers),
};

void console_init(void)
{
	serial_init();
	vga_init();
}

/* The run of plain bytes from p (none below ' ') up to stop (the row's
 * end, the load's end or the text's end, whichever comes first) or the
 * first control byte: each out to the transmitter and into its cell from
 * cell on. Returns where the run stopped. A run never goes on into the
 * next FIFO load: console_write turns interrupts back on between loads,
 * so that on a real 16550 (115200 baud: a 16-byte load drains in about
 * 1.4 ms) the receiver is served while the transmitter drains, and no
 * typed or piped byte is lost to an overrun. Its own function: in a loop
 * this small GCC keeps the port, the byte and both places in registers
 * (inside console_load it loaded the port again each byte). */
static __attribute__((__noinline__)) const char *
console_run(const char *p, const char *stop, volatile uint16_t *cell)
{
	for (; p < stop && (uint8_t)*p >= ' '; p++, cell++) {
		outb((uint8_t)*p, SERIAL_COM1);
		/* VGA_CELL(*p): its attribute byte is there already
		 * (vga_run_at), the character byte is stored alone */
		*(volatile uint8_t *)cell = *p;
	}
	return p;
}

/* One FIFO load from s up to end, each byte to the UART and the screen
 * at once; returns where it stopped. A run of plain bytes (none below
 * ' ') is one console_run, to the row's end, the load's end or a control
 * byte; the screen's column moves once for the run. A "\n" just after a
 * run moves the column with it (vga_run_done's newline); any other
 * control byte (or any byte inside an escape sequence) goes alone,
 * through vga_put_byte. "\n" is "\r\n" on the line, its two places
 * never split between loads. The same bytes and
 * cells as serial_write and vga_write make one output at a time
 * (tests/host/test_console.c). */
static const char *console_load(const char *s, const char *end, int room)
{
	const char *full = s + room;	/* where the FIFO would be full */

	while (s < end && s < full) {
		size_t cols;
		volatile uint16_t *cell;

		if ((uint8_t)*s >= ' ' && (cell = vga_run_at(&cols))) {
			const char *row_end = (size_t)(end - s) < cols ? end : s + cols;
			const char *p = console_run(s, row_end < full ? row_end : full, cell);
			bool newline;

			newline = p < end && *p == '\n' && full - p >= 2;
			if (newline) {
				outb('\r', SERIAL_COM1);
				outb('\n', SERIAL_COM1);
				full--;		/* the "\r" took a place */
			}
			vga_run_done(p - s, newline);
			s = p + newline;
			continue;
		}
		if (*s == '\n') {
			if (full - s < 2)
				break;
			outb('\r', SERIAL_COM1);
			full--;		/* the "\r" took a place */
		}
		outb((uint8_t)*s, SERIAL_COM1);
		vga_put_byte(*s);
		s++;
	}
	return s;
}

void console_write(const char *s, size_t n)
{
	const char *end = s + n;

	while (s < end) {
		/* One load with interrupts off: a writer in an interrupt (a
		 * timer's printk) waits for THRE before its own load, so the
		 * FIFO never gets more than it holds; between loads the
		 * receiver's interrupt is served (console_run). */
		uint32_t flags = irq_save();
		int room = serial_load_room();

		if (!room) {	/* no FIFO: one output at a time */
			irq_restore(flags);
			serial_write(s, end - s);
			vga_write(s, end - s);
			return;
		}
		s = console_load(s, end, room);
		irq_restore(flags);
	}
	vga_show_cursor();
}

bool console_input_room(void)
{
	return con.head - con.tail < INPUT_RING;
}

void console_input(char c)
{
	if (c == 3 && sched_console_intr()) {
		console_write("^C\n", 3);	/* before what the command prints */
		return;
	}
	if (con.head - con.tail < INPUT_RING) {
		con.ring[con.head % INPUT_RING] = c;
		con.head++;
	}
	wake_up_interruptible(&con.readers);
}

int console_getc_nowait(void)
{
	uint32_t flags = irq_save();
	int c = -1;

	if (con.tail != con.head) {
		c = (unsigned char)con.ring[con.tail % INPUT_RING];
		con.tail++;
		serial_rx_resume();
	}
	irq_restore(flags);
	return c;
}

static bool poweroff_at_first_read;

/* poweroff=prompt (tools/bench-boot): the first wait for console input is
 * the shell's first prompt, where boot ends; report its TSC and power off. */
void console_poweroff_at_first_read(void)
{
	poweroff_at_first_read = true;
}

int console_getc(void)
{
	int c = -1;
	int err;

	if (poweroff_at_first_read) {
		printk(KERN_INFO "Tessera prompt: tsc=%llu cycles\n", rdtsc());
		power_off(0);
	}
	err = wait_event_interruptible(con.readers,
				       (c = console_getc_nowait()) >= 0);

	return err ? err : c;
}
