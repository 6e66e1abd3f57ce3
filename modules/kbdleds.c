/*
 * kbdleds: blinks the keyboard LEDs, talking to the PS/2 keyboard itself
 * (the idea of LKMPG's kbleds, one level lower).
 *
 * Setting the LEDs is a two-byte conversation through the i8042
 * controller's data port 0x60: we send the command 0xED, the keyboard
 * answers 0xFA (ACK); we send the LED byte (bit 0 Scroll Lock, bit 1 Num
 * Lock, bit 2 Caps Lock), it answers 0xFA again. Its answers arrive on
 * IRQ 1, which the kernel's keyboard driver owns, so we see them through
 * an i8042 filter (<linux/i8042.h>) installed in front of that driver.
 *
 * The conversation is a small state machine split between two contexts:
 *   the timer (every period_ms): sends 0xED, state WAIT_CMD_ACK;
 *   the filter (IRQ 1), on 0xFA: in WAIT_CMD_ACK sends the LED byte
 *     (WAIT_LEDS_ACK); in WAIT_LEDS_ACK the exchange is done (IDLE).
 *     On 0xFE (resend) it sends its last byte again.
 * After `blinks` on/off pairs the timer stops re-arming, LEDs off.
 * /proc/kbdleds lists every byte sent and every reply received.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/i8042.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <asm/io.h>

#define KBD_CMD_SET_LEDS	0xed
#define KBD_REPLY_ACK		0xfa
#define KBD_REPLY_RESEND	0xfe
#define LEDS_ALL		0x07	/* Scroll, Num, Caps Lock */
#define MAX_EXCHANGES		16

static unsigned int blinks = 3;
module_param(blinks, uint, 0444);
MODULE_PARM_DESC(blinks, "on/off pairs, 1..8");

static unsigned int period_ms = 100;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "time between LED changes, milliseconds");

enum kbd_state { IDLE, WAIT_CMD_ACK, WAIT_LEDS_ACK };

/* One 0xED exchange: the bytes we sent, the replies we got. */
struct exchange {
	u8 sent[2], reply[4];
	unsigned int nsent, nreply;
};

static struct {
	spinlock_t lock;		/* all below: timer vs IRQ 1 */
	struct timer_list timer;
	struct proc_dir_entry *proc;
	enum kbd_state state;
	unsigned int done;		/* exchanges started */
	unsigned int missed;		/* timer found one unanswered */
	struct exchange x[MAX_EXCHANGES];
} kl;

/* One byte to the keyboard: wait (briefly) until the controller has taken
 * the previous one, then write it to the data port. */
static void kbd_send(u8 byte)
{
	for (int i = 0; i < 10000 && (inb(I8042_STATUS_REG) & I8042_STR_IBF); i++)
		;
	outb(byte, I8042_DATA_REG);
}

static void exchange_send(struct exchange *x, u8 byte)
{
	if (x->nsent < ARRAY_SIZE(x->sent))
		x->sent[x->nsent++] = byte;
	kbd_send(byte);
}

/* IRQ 1, before the keyboard driver: takes the replies to our commands. */
static bool kbdleds_filter(unsigned char data, unsigned char str,
			   struct serio *serio)
{
	struct exchange *x;
	bool mine = false;

	spin_lock(&kl.lock);
	if (kl.state != IDLE && (data == KBD_REPLY_ACK || data == KBD_REPLY_RESEND)) {
		mine = true;
		x = &kl.x[(kl.done - 1) % MAX_EXCHANGES];	/* the current one */
		if (x->nreply < ARRAY_SIZE(x->reply))
			x->reply[x->nreply++] = data;
		if (data == KBD_REPLY_RESEND)
			kbd_send(x->sent[x->nsent - 1]);
		else if (kl.state == WAIT_CMD_ACK) {
			kl.state = WAIT_LEDS_ACK;
			/* odd exchanges light the LEDs, even ones clear them */
			exchange_send(x, kl.done % 2 ? LEDS_ALL : 0);
		} else
			kl.state = IDLE;
	}
	spin_unlock(&kl.lock);
	return mine;
}

/* Softirq context: starts the next exchange (the rest happens on IRQ 1). */
static void kbdleds_timer(struct timer_list *t)
{
	unsigned long flags;
	bool again;

	spin_lock_irqsave(&kl.lock, flags);
	if (kl.state != IDLE) {
		/* No answer within a period: give that exchange up, or the
		 * state stays busy and the timer re-arms for ever. */
		kl.missed++;
		kl.state = IDLE;
	} else if (kl.done < 2 * blinks) {
		struct exchange *x = &kl.x[kl.done++ % MAX_EXCHANGES];

		kl.state = WAIT_CMD_ACK;
		exchange_send(x, KBD_CMD_SET_LEDS);
	}
	again = kl.done < 2 * blinks || kl.state != IDLE;
	spin_unlock_irqrestore(&kl.lock, flags);
	if (again)
		mod_timer(&kl.timer, jiffies + msecs_to_jiffies(period_ms));
}

static int kbdleds_show(struct seq_file *m, void *v)
{
	unsigned long flags;

	spin_lock_irqsave(&kl.lock, flags);
	seq_printf(m, "exchanges %u of %u, unanswered %u\n", kl.done,
		   2 * blinks, kl.missed);
	for (unsigned int i = 0; i < kl.done && i < MAX_EXCHANGES; i++) {
		struct exchange *x = &kl.x[i];

		seq_puts(m, "sent");
		for (unsigned int j = 0; j < x->nsent; j++)
			seq_printf(m, " %02X", x->sent[j]);
		seq_puts(m, ", reply");
		for (unsigned int j = 0; j < x->nreply; j++)
			seq_printf(m, " %02X", x->reply[j]);
		seq_putc(m, '\n');
	}
	spin_unlock_irqrestore(&kl.lock, flags);
	return 0;
}

static int kbdleds_open(struct inode *inode, struct file *file)
{
	return single_open(file, kbdleds_show, NULL);
}

static const struct proc_ops kbdleds_proc_ops = {
	.proc_open = kbdleds_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init kbdleds_init(void)
{
	int err;

	if (blinks < 1 || blinks > MAX_EXCHANGES / 2 || !period_ms)
		return -EINVAL;
	spin_lock_init(&kl.lock);
	kl.proc = proc_create("kbdleds", 0444, NULL, &kbdleds_proc_ops);
	if (!kl.proc)
		return -ENOMEM;
	err = i8042_install_filter(kbdleds_filter);
	if (err) {
		proc_remove(kl.proc);
		return err;
	}
	timer_setup(&kl.timer, kbdleds_timer, 0);
	mod_timer(&kl.timer, jiffies + msecs_to_jiffies(period_ms));
	return 0;
}

/* The timer first (no new exchange starts), then the filter: a reply
 * still on its way then goes to the keyboard driver, which drops it. */
static void __exit kbdleds_exit(void)
{
	unsigned long flags;
	int tries;

	del_timer_sync(&kl.timer);
	/* An exchange may be half done (0xED sent, the LED byte not yet):
	 * the keyboard would wait for that byte. Give it a moment to finish,
	 * with the filter still taking its replies. */
	for (tries = 0; tries < 5 && READ_ONCE(kl.state) != IDLE; tries++)
		msleep(10);
	spin_lock_irqsave(&kl.lock, flags);
	if (kl.state == WAIT_LEDS_ACK || (kl.done % 2 && kl.state == IDLE)) {
		/* LEDs left lit (an odd count of exchanges, or one cut short):
		 * put them out, without waiting for the ACKs */
		kbd_send(KBD_CMD_SET_LEDS);
		kbd_send(0);
	}
	kl.state = IDLE;
	spin_unlock_irqrestore(&kl.lock, flags);
	i8042_remove_filter(kbdleds_filter);
	proc_remove(kl.proc);
}

module_init(kbdleds_init);
module_exit(kbdleds_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Blinks the keyboard LEDs: 0xED and the LED byte to the i8042, ACKs seen through a filter");
