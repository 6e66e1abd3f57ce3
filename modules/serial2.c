/*
 * serial2: an interrupt-driven driver for the PC's second serial port,
 * COM2: a 16550 UART at ports 0x2f8-0x2ff, IRQ 3, as /dev/ttyS1. (The
 * kernel's own console driver owns COM1 only.) What it teaches:
 *
 *   - claiming ports (request_region) and setting up a 16550: the baud
 *     rate divisor, 8N1, the FIFOs, the interrupt enables;
 *   - a receive ring the interrupt handler fills and readers empty: a read
 *     sleeps while the ring is empty (Ctrl-C ends the sleep);
 *   - writes through the transmit-empty interrupt: the writer puts bytes
 *     in a transmit ring and sleeps; the handler feeds the UART's FIFO
 *     each time it empties, and wakes the writer when the ring has drained.
 *
 * Both rings are shared by process context and the handler, so they are
 * touched under a spinlock with interrupts off (spin_lock_irqsave).
 * Under QEMU, give the machine a second port: a second -serial option
 * (tools/qemu-run --serial2 does it for tests).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/uaccess.h>

#define COM2_BASE	0x2f8
#define COM2_PORTS	8
#define COM2_IRQ	3

/* 16550 registers, offsets from the base port */
#define UART_RBR	0	/* read: received byte */
#define UART_THR	0	/* write: byte to send */
#define UART_DLL	0	/* with LCR_DLAB: divisor, low byte */
#define UART_IER	1	/* interrupt enable */
#define  IER_RDI	0x01	/*   received data available */
#define  IER_THRI	0x02	/*   transmit holding register empty */
#define UART_DLM	1	/* with LCR_DLAB: divisor, high byte */
#define UART_IIR	2	/* read: which interrupt is pending */
#define  IIR_NO_INT	0x01	/*   none */
#define  IIR_ID_MASK	0x0e
#define  IIR_MSI	0x00	/*   modem status changed */
#define  IIR_THRI	0x02	/*   transmitter empty */
#define  IIR_RDI	0x04	/*   data received (0x0c: and waiting a while) */
#define  IIR_RLSI	0x06	/*   line status (error): reading LSR clears it */
#define UART_FCR	2	/* write: FIFO control */
#define  FCR_SETUP	0x07	/*   FIFOs on, both cleared, interrupt at 1 byte */
#define UART_LCR	3	/* line control */
#define  LCR_8N1	0x03	/*   8 data bits, no parity, 1 stop bit */
#define  LCR_DLAB	0x80	/*   ports 0/1 are the divisor while set */
#define UART_MCR	4	/* modem control */
#define  MCR_SETUP	0x0b	/*   DTR, RTS, and OUT2, which on a PC lets the IRQ through */
#define UART_LSR	5	/* line status */
#define  LSR_DR		0x01	/*   a received byte is waiting */
#define  LSR_THRE	0x20	/*   the transmit FIFO is empty */
#define UART_MSR	6	/* modem status */
#define UART_SCR	7	/* scratch: any byte, read back */

#define UART_CLOCK	115200	/* the 1.8432 MHz crystal / 16 */
#define BAUD		38400	/* divisor 3 */
#define TX_FIFO		16	/* bytes the 16550 takes at a time */
#define RING_SIZE	256	/* each ring; a power of two */

/* A ring buffer: head is where the next byte goes, tail the oldest one.
 * The counters only grow; head - tail is the number of bytes in it. */
struct ring {
	unsigned char buf[RING_SIZE];
	unsigned int head, tail;
};

static unsigned int ring_used(const struct ring *r) { return r->head - r->tail; }
static unsigned int ring_room(const struct ring *r) { return RING_SIZE - ring_used(r); }
static void ring_put(struct ring *r, unsigned char c) { r->buf[r->head++ % RING_SIZE] = c; }
static unsigned char ring_get(struct ring *r) { return r->buf[r->tail++ % RING_SIZE]; }

static struct {
	spinlock_t lock;		/* the rings and ier, vs the handler */
	struct ring rx, tx;
	unsigned char ier;		/* what we last wrote to UART_IER */
	unsigned long rx_dropped;	/* bytes lost: receive ring full */
	wait_queue_head_t rx_wq;	/* readers: the rx ring is empty */
	wait_queue_head_t tx_wq;	/* writers: the tx ring is full */
	struct mutex write_lock;	/* one writer at a time: no interleaving */
} com2 = {
	.lock = __SPIN_LOCK_UNLOCKED(com2.lock),
	.rx_wq = __WAIT_QUEUE_HEAD_INITIALIZER(com2.rx_wq),
	.tx_wq = __WAIT_QUEUE_HEAD_INITIALIZER(com2.tx_wq),
	.write_lock = __MUTEX_INITIALIZER(com2.write_lock),
};

static void ier_set(unsigned char ier)
{
	com2.ier = ier;
	outb(ier, COM2_BASE + UART_IER);
}

/* Handler: every received byte into the rx ring. Lock held. */
static void com2_receive(void)
{
	while (inb(COM2_BASE + UART_LSR) & LSR_DR) {
		unsigned char c = inb(COM2_BASE + UART_RBR);

		if (ring_room(&com2.rx))
			ring_put(&com2.rx, c);
		else
			com2.rx_dropped++;
	}
	wake_up_interruptible(&com2.rx_wq);
}

/* Handler: the transmitter is empty; refill its FIFO from the tx ring.
 * Lock held. */
static void com2_transmit(void)
{
	for (int i = 0; i < TX_FIFO && ring_used(&com2.tx); i++)
		outb(ring_get(&com2.tx), COM2_BASE + UART_THR);
	wake_up_interruptible(&com2.tx_wq);
}

/*
 * IRQ 3. IIR says whether the UART interrupted at all (IRQ_NONE if not).
 *
 * ISA interrupts are edge-triggered: the PIC notices the line going UP. A
 * byte arriving while we work, or the FIFO emptying again after we
 * refilled it, would raise the line once more and leave an interrupt
 * latched in the PIC that finds nothing left to do (an "unhandled" one),
 * or, if the line never went down, no new edge at all. So the handler
 * first turns the UART's interrupts off (the line goes down), serves
 * receive and transmit by looking at the line status, then turns them
 * back on: a cause still pending raises the line then, a clean new edge.
 */
static irqreturn_t com2_irq(int irq, void *dev_id)
{
	unsigned long flags;
	unsigned char iir, lsr;

	spin_lock_irqsave(&com2.lock, flags);
	iir = inb(COM2_BASE + UART_IIR);	/* reading it clears a THRI cause */
	if (iir & IIR_NO_INT) {
		spin_unlock_irqrestore(&com2.lock, flags);
		return IRQ_NONE;
	}
	ier_set(0);
	if ((iir & IIR_ID_MASK) == IIR_MSI)
		inb(COM2_BASE + UART_MSR);	/* reading clears it */
	lsr = inb(COM2_BASE + UART_LSR);	/* (and clears a line status cause) */
	if (lsr & LSR_DR)
		com2_receive();
	if ((lsr & LSR_THRE) && ring_used(&com2.tx))
		com2_transmit();
	/* Receive always on; transmit only while bytes wait: with it on and
	 * nothing to send the UART would interrupt for ever. */
	ier_set(IER_RDI | (ring_used(&com2.tx) ? IER_THRI : 0));
	spin_unlock_irqrestore(&com2.lock, flags);
	return IRQ_HANDLED;
}

/* Moves up to count received bytes into kbuf; returns how many. */
static size_t rx_take(unsigned char *kbuf, size_t count)
{
	unsigned long flags;
	size_t n = 0;

	spin_lock_irqsave(&com2.lock, flags);
	while (n < count && ring_used(&com2.rx))
		kbuf[n++] = ring_get(&com2.rx);
	spin_unlock_irqrestore(&com2.lock, flags);
	return n;
}

/* read: sleeps until at least one byte came, then gives what is there. */
static ssize_t ttys1_read(struct file *file, char __user *buf, size_t count,
			  loff_t *ppos)
{
	unsigned char kbuf[64];
	size_t n;
	int err;

	if (count == 0)
		return 0;
	err = wait_event_interruptible(com2.rx_wq, READ_ONCE(com2.rx.head) != READ_ONCE(com2.rx.tail));
	if (err)
		return err;		/* -ERESTARTSYS: Ctrl-C */
	n = rx_take(kbuf, min(count, sizeof(kbuf)));
	if (copy_to_user(buf, kbuf, n))
		return -EFAULT;
	return n;
}

/* Puts up to n bytes of kbuf into the tx ring and makes sure the
 * transmit interrupt is on; returns how many went in. */
static size_t tx_queue(const unsigned char *kbuf, size_t n)
{
	unsigned long flags;
	size_t i = 0;

	spin_lock_irqsave(&com2.lock, flags);
	while (i < n && ring_room(&com2.tx))
		ring_put(&com2.tx, kbuf[i++]);
	/* Turning IER_THRI on while the transmitter is empty raises the
	 * interrupt at once: that starts the sending. */
	if (ring_used(&com2.tx) && !(com2.ier & IER_THRI))
		ier_set(com2.ier | IER_THRI);
	spin_unlock_irqrestore(&com2.lock, flags);
	return i;
}

/* write: queues every byte, sleeping while the ring is full, then sleeps
 * until the ring drained. A signal ends it: the bytes queued so far are
 * still sent and counted. */
static ssize_t ttys1_write(struct file *file, const char __user *buf,
			   size_t count, loff_t *ppos)
{
	unsigned char kbuf[64];
	size_t done = 0, n, queued;
	int err = 0;

	if (mutex_lock_interruptible(&com2.write_lock))
		return -ERESTARTSYS;
	while (done < count && !err) {
		n = min(count - done, sizeof(kbuf));
		if (copy_from_user(kbuf, buf + done, n)) {
			err = -EFAULT;
			break;
		}
		for (queued = 0; queued < n && !err; ) {
			queued += tx_queue(kbuf + queued, n - queued);
			if (queued < n)
				err = wait_event_interruptible(com2.tx_wq,
							       ring_room(&com2.tx) > 0);
		}
		done += queued;
	}
	if (!err)
		err = wait_event_interruptible(com2.tx_wq, ring_used(&com2.tx) == 0);
	mutex_unlock(&com2.write_lock);
	return done ? (ssize_t)done : err;
}

static const struct file_operations ttys1_fops = {
	.owner = THIS_MODULE,
	.read = ttys1_read,
	.write = ttys1_write,
};

static struct miscdevice ttys1_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ttyS1",
	.fops = &ttys1_fops,
};

/* Is there a UART? The scratch register keeps what is written to it;
 * with no device the bus reads 0xff. */
static bool uart_present(void)
{
	outb(0x5a, COM2_BASE + UART_SCR);
	if (inb(COM2_BASE + UART_SCR) != 0x5a)
		return false;
	outb(0xa5, COM2_BASE + UART_SCR);
	return inb(COM2_BASE + UART_SCR) == 0xa5;
}

/* 38400 baud 8N1, FIFOs on, interrupts off, OUT2 on. */
static void uart_setup(void)
{
	unsigned int divisor = UART_CLOCK / BAUD;

	ier_set(0);
	outb(LCR_DLAB, COM2_BASE + UART_LCR);	/* ports 0 and 1: the divisor */
	outb(divisor & 0xff, COM2_BASE + UART_DLL);
	outb(divisor >> 8, COM2_BASE + UART_DLM);
	outb(LCR_8N1, COM2_BASE + UART_LCR);	/* and back to data */
	outb(FCR_SETUP, COM2_BASE + UART_FCR);
	outb(MCR_SETUP, COM2_BASE + UART_MCR);
	inb(COM2_BASE + UART_LSR);		/* clear stale status */
	inb(COM2_BASE + UART_RBR);
	inb(COM2_BASE + UART_IIR);
	inb(COM2_BASE + UART_MSR);
}

static int __init serial2_init(void)
{
	int err;

	if (!request_region(COM2_BASE, COM2_PORTS, "serial2"))
		return -EBUSY;
	err = -ENODEV;
	if (!uart_present()) {
		pr_info("serial2: no UART at 0x%x (QEMU: a second -serial)\n", COM2_BASE);
		goto out_release;
	}
	uart_setup();
	err = request_irq(COM2_IRQ, com2_irq, 0, "ttyS1", &com2);
	if (err)
		goto out_release;
	ier_set(IER_RDI);			/* receive interrupts from now on */
	err = misc_register(&ttys1_misc);
	if (err)
		goto out_irq;
	pr_info("serial2: /dev/ttyS1 at 0x%x, IRQ %d, %d baud 8N1\n",
		COM2_BASE, COM2_IRQ, BAUD);
	return 0;

out_irq:
	ier_set(0);
	free_irq(COM2_IRQ, &com2);
out_release:
	release_region(COM2_BASE, COM2_PORTS);
	return err;
}

/* No file is open (.owner), so no writer waits: quiet the UART, then undo
 * init in reverse. */
static void __exit serial2_exit(void)
{
	unsigned long flags;

	misc_deregister(&ttys1_misc);
	spin_lock_irqsave(&com2.lock, flags);	/* as every other IER write */
	ier_set(0);			/* the UART raises nothing more */
	spin_unlock_irqrestore(&com2.lock, flags);
	outb(0, COM2_BASE + UART_MCR);
	free_irq(COM2_IRQ, &com2);
	release_region(COM2_BASE, COM2_PORTS);
	if (com2.rx_dropped)
		pr_info("serial2: %lu received bytes dropped (ring full)\n", com2.rx_dropped);
}

module_init(serial2_init);
module_exit(serial2_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("Tessera");
MODULE_DESCRIPTION("COM2 (0x2f8, IRQ 3) as /dev/ttyS1: interrupt-driven receive and transmit rings");
MODULE_VERSION("1.0");
