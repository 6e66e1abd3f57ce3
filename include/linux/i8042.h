/*
 * <linux/i8042.h>: a filter on the bytes the PS/2 keyboard controller
 * delivers, under Linux's names. The kernel's keyboard driver
 * (kernel/keyboard.c) calls the installed filter first with every byte
 * read from port 0x60 on IRQ 1; a filter returning true takes the byte.
 * Replies that are not key presses (0xFA ACK, 0xFE resend) are never
 * taken for scan codes, filter or not. Tessera has no serio layer: the
 * serio argument is always NULL.
 */
#ifndef _LINUX_I8042_H
#define _LINUX_I8042_H

#include <linux/types.h>

struct serio;

#define I8042_DATA_REG		0x60	/* read: a byte from the keyboard;
					 * write: a byte to it */
#define I8042_STATUS_REG	0x64
#define I8042_STR_OBF		0x01	/* a byte waits in port 0x60 */
#define I8042_STR_IBF		0x02	/* the controller has not yet taken
					 * the last byte written */

/* Installs filter, called in interrupt context (IRQ 1, interrupts off)
 * with each byte (data) and the status register read before it (str).
 * Returns 0, or -EBUSY when another filter is installed. The module must
 * remove it in its exit (one left installed is removed at unload, with a
 * message). */
int i8042_install_filter(bool (*filter)(unsigned char data, unsigned char str,
					struct serio *serio));
/* Removes filter; once it returns the filter is not running and will not
 * be called again. Returns 0, or -EINVAL when filter is not the one
 * installed. */
int i8042_remove_filter(bool (*filter)(unsigned char data, unsigned char str,
				       struct serio *serio));

#endif
