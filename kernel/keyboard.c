/*
 * The PS/2 keyboard (IRQ 1, scan code set 1): turns key presses into the
 * bytes a terminal would send, ASCII with shift and control, and
 * ESC [ A/B/C/D for the arrow keys, ESC [ H / ESC [ F / ESC [ 3 ~ for Home,
 * End and Delete, and hands them to console_input(). A module may see the
 * bytes first through i8042_install_filter (<linux/i8042.h>); the
 * keyboard's replies to commands (0xFA ACK, 0xFE resend) are not key
 * presses and are dropped here.
 */
#include "kernel/drivers.h"
#include "kernel/console.h"
#include "kernel/arch.h"
#include "kernel/cpu.h"
#include "kernel/printk.h"
#include <stdbool.h>
#include <linux/errno.h>
#include <linux/i8042.h>

static const char plain[0x3a] =
	"\0\0331234567890-=\b\tqwertyuiop[]\n\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
static const char shifted[0x3a] =
	"\0\033!@#$%^&*()_+\b\tQWERTYUIOP{}\n\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";

#define KBD_REPLY_ACK		0xfa
#define KBD_REPLY_RESEND	0xfe

static struct {
	bool shift, ctrl, extended;
	bool (*filter)(unsigned char data, unsigned char str, struct serio *serio);
} kbd;

int i8042_install_filter(bool (*filter)(unsigned char data, unsigned char str,
					struct serio *serio))
{
	uint32_t flags = irq_save();	/* IRQ 1 reads kbd.filter */
	int err = kbd.filter ? -EBUSY : 0;

	if (!err)
		kbd.filter = filter;
	irq_restore(flags);
	return err;
}

int i8042_remove_filter(bool (*filter)(unsigned char data, unsigned char str,
				       struct serio *serio))
{
	uint32_t flags = irq_save();	/* one CPU: IRQ 1 is not running */
	int err = kbd.filter == filter ? 0 : -EINVAL;

	if (!err)
		kbd.filter = NULL;
	irq_restore(flags);
	return err;
}

/* A filter whose code lies in an unloading module's image: removed. */
void i8042_reap(const char *mod, uintptr_t start, uintptr_t len)
{
	uint32_t flags = irq_save();
	uintptr_t f = (uintptr_t)kbd.filter;
	bool left = kbd.filter && f - start < len;

	if (left)
		kbd.filter = NULL;
	irq_restore(flags);
	if (left)
		pr_err("%s: the module left its i8042 filter installed; removed it\n", mod);
}

/* Sends ESC [ then the rest of a VT100 key sequence ("A", "3~"). */
static void key_csi(const char *rest)
{
	console_input('\033');
	console_input('[');
	while (*rest)
		console_input(*rest++);
}

static void key_press(uint8_t code)
{
	if (kbd.extended) {
		kbd.extended = false;
		switch (code) {
		case 0x48: key_csi("A"); return;	/* up */
		case 0x50: key_csi("B"); return;	/* down */
		case 0x4d: key_csi("C"); return;	/* right */
		case 0x4b: key_csi("D"); return;	/* left */
		case 0x47: key_csi("H"); return;	/* Home */
		case 0x4f: key_csi("F"); return;	/* End */
		case 0x53: key_csi("3~"); return;	/* Delete */
		case 0x1c: console_input('\n'); return;
		}
		return;
	}
	if (code >= sizeof(plain))
		return;
	char c = (kbd.shift ? shifted : plain)[code];
	if (!c)
		return;
	if (kbd.ctrl && c >= 'a' && c <= 'z')
		c = c - 'a' + 1;
	console_input(c);
}

static void keyboard_irq(struct regs *r)
{
	uint8_t str = inb(I8042_STATUS_REG);
	uint8_t code = inb(I8042_DATA_REG);

	if (kbd.filter && kbd.filter(code, str, NULL))
		return;
	if (code == KBD_REPLY_ACK || code == KBD_REPLY_RESEND)
		return;			/* a reply to a command, not a key */
	if (code == 0xe0) {
		kbd.extended = true;
		return;
	}
	bool release = code & 0x80;
	code &= 0x7f;
	if (code == 0x2a || code == 0x36)
		kbd.shift = !release;
	else if (code == 0x1d)
		kbd.ctrl = !release;
	else if (!release)
		key_press(code);
	else
		kbd.extended = false;
}

void keyboard_init(void)
{
	while (inb(0x64) & 1)	/* drop anything pending */
		inb(0x60);
	irq_register(1, keyboard_irq, "i8042");
}
