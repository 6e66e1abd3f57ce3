/*
 * The console: one byte stream made of COM1 serial and the VGA text screen
 * with the PS/2 keyboard (kernel/console.c). Output goes to both; input is
 * whatever arrives first from either, keys translated to ASCII and to the
 * VT100 sequences ESC [ A/B/C/D for the arrow keys.
 */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include <stddef.h>
#include <stdbool.h>

/* Sets up serial and VGA output (input starts with their IRQs). Boot
 * only, before the first printk that must be seen. Never fails. */
void console_init(void);
/* Writes n bytes to serial and VGA. */
void console_write(const char *s, size_t n);
/* Returns the next input byte, or -1 at once if none is waiting. */
int console_getc_nowait(void);
/* Sleeps until the next input byte and returns it; -ERESTARTSYS if a
 * signal (Ctrl-C) ends the sleep. */
int console_getc(void);
/* Makes the next console_getc print "Tessera prompt: tsc=N cycles" and
 * power off instead of waiting (boot argument poweroff=prompt). */
void console_poweroff_at_first_read(void);
/* Called by the serial and keyboard interrupt handlers. */
void console_input(char c);
/* True while the input ring can take another byte. */
bool console_input_room(void);

#endif
