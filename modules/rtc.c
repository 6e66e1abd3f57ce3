/*
 * rtc: the PC's CMOS real-time clock, the oldest device on the machine.
 *
 * Its registers sit behind two ports: write a register number to 0x70,
 * then read or write its value at 0x71. Registers 0..9 hold the time and
 * date, in BCD or binary and in 12- or 24-hour form as register B says.
 * The clock updates them once a second; while register A's
 * update-in-progress bit (UIP) is set they may be half changed, so we wait
 * for it to clear, read everything, and read again until two reads agree.
 *
 * /dev/rtc (a misc device) reads as "YYYY-MM-DD HH:MM:SS\n".
 * The periodic interrupt (IRQ 8) fires at `freq` Hz (register A's rate,
 * enabled by register B's PIE bit); each one must be acknowledged by
 * reading register C, or the RTC raises no more. The handler counts them:
 * /proc/rtc shows the time, the frequency and the tick count.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>
#include <asm/io.h>
#include <asm/processor.h>

#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71
#define RTC_IRQ		8

/* Register numbers. */
#define RTC_SECONDS	0x00
#define RTC_MINUTES	0x02
#define RTC_HOURS	0x04	/* 12-hour form: bit 7 is PM */
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_A		0x0a	/* bit 7 UIP; bits 3..0 periodic rate */
#define RTC_B		0x0b	/* bit 6 PIE; bit 2 binary; bit 1 24-hour */
#define RTC_C		0x0c	/* interrupt flags; reading clears them */
#define RTC_CENTURY	0x32	/* the PC's century byte (as ACPI's FADT says) */

#define RTC_UIP		0x80	/* in A */
#define RTC_PIE		0x40	/* in B */
#define RTC_PF		0x40	/* in C: a periodic tick */
#define RTC_DM_BINARY	0x04
#define RTC_24H		0x02

static unsigned int freq = 64;
module_param(freq, uint, 0444);
MODULE_PARM_DESC(freq, "periodic interrupt rate in Hz: a power of 2, 2..8192");

struct rtc_tm {
	unsigned int year, mon, day, hour, min, sec;
};

static struct {
	spinlock_t lock;		/* the index port: one access at a time */
	unsigned long ticks;		/* periodic interrupts seen */
	struct proc_dir_entry *proc;
	int dev_id;
} rtc;

/* Both helpers need rtc.lock held: the interrupt handler also writes the
 * index port, and must not do it between our two port accesses. */
static unsigned char cmos_read(unsigned char reg)
{
	outb(reg, CMOS_INDEX);
	return inb(CMOS_DATA);
}

static void cmos_write(unsigned char reg, unsigned char val)
{
	outb(reg, CMOS_INDEX);
	outb(val, CMOS_DATA);
}

static unsigned int bcd2bin(unsigned char v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* One raw read of the six registers and the century; waits out an update. */
static void rtc_read_raw(unsigned char r[7])
{
	static const unsigned char regs[7] = { RTC_SECONDS, RTC_MINUTES,
		RTC_HOURS, RTC_DAY, RTC_MONTH, RTC_YEAR, RTC_CENTURY };
	unsigned long flags;

	spin_lock_irqsave(&rtc.lock, flags);
	while (cmos_read(RTC_A) & RTC_UIP)
		cpu_relax();	/* at most ~2 ms each second */
	for (int i = 0; i < 7; i++)
		r[i] = cmos_read(regs[i]);
	spin_unlock_irqrestore(&rtc.lock, flags);
}

/* The time, read until two reads agree, converted as register B says. */
static void rtc_read_time(struct rtc_tm *tm)
{
	unsigned char a[7], b[7], regb;
	unsigned long flags;
	bool pm;

	rtc_read_raw(b);
	do {
		memcpy(a, b, sizeof(a));
		rtc_read_raw(b);
	} while (memcmp(a, b, sizeof(a)));
	spin_lock_irqsave(&rtc.lock, flags);
	regb = cmos_read(RTC_B);
	spin_unlock_irqrestore(&rtc.lock, flags);

	pm = !(regb & RTC_24H) && (a[2] & 0x80);
	a[2] &= 0x7f;
	if (!(regb & RTC_DM_BINARY))
		for (int i = 0; i < 7; i++)
			a[i] = bcd2bin(a[i]);
	tm->sec = a[0];
	tm->min = a[1];
	tm->hour = a[2];
	if (!(regb & RTC_24H))		/* 12 AM is 0:xx, 12 PM is 12:xx */
		tm->hour = tm->hour % 12 + (pm ? 12 : 0);
	tm->day = a[3];
	tm->mon = a[4];
	tm->year = (a[6] ? a[6] : 20) * 100 + a[5];
}

static ssize_t rtc_dev_read(struct file *file, char __user *buf, size_t count,
			    loff_t *pos)
{
	struct rtc_tm tm;
	char line[32];
	int len;

	rtc_read_time(&tm);
	len = snprintf(line, sizeof(line), "%04u-%02u-%02u %02u:%02u:%02u\n",
		       tm.year, tm.mon, tm.day, tm.hour, tm.min, tm.sec);
	if (*pos >= len)
		return 0;		/* one line per open: then end of file */
	if (count > len - *pos)
		count = len - *pos;
	if (copy_to_user(buf, line + *pos, count))
		return -EFAULT;
	*pos += count;
	return count;
}

static const struct file_operations rtc_fops = {
	.owner = THIS_MODULE,
	.read = rtc_dev_read,
};

static struct miscdevice rtc_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "rtc",
	.fops = &rtc_fops,
	.mode = 0444,
};

/* IRQ 8: one periodic tick. Reading C acknowledges it (and says which of
 * the RTC's three interrupts it was: 0x40 is the periodic one). */
static irqreturn_t rtc_interrupt(int irq, void *dev_id)
{
	unsigned char flags;

	spin_lock(&rtc.lock);
	flags = cmos_read(RTC_C);
	spin_unlock(&rtc.lock);
	if (!(flags & RTC_PF))
		return IRQ_NONE;
	rtc.ticks++;
	return IRQ_HANDLED;
}

/* Periodic interrupt at freq Hz (on) or none (off). The rate r in register
 * A's low bits gives 32768 >> (r - 1) Hz: 15 is 2 Hz, 3 is 8192 Hz.
 *
 * Register C is read here only before PIE goes on. A tick flagged while
 * PIE is on has raised IRQ 8, and the PIC holds that edge until the CPU
 * takes it (after spin_unlock_irqrestore): had we read C, the handler
 * would find it empty and have to disown the interrupt ("nobody cared":
 * one rmmod in five at 8192 Hz). So off leaves the flag to the handler;
 * on reads C first, since a stale flag would raise IRQ 8 the moment PIE
 * is set (IRQF is PF and PIE), with no tick behind it. */
static void rtc_periodic(bool on)
{
	unsigned int rate = 16;
	unsigned long flags;
	unsigned char b;

	for (unsigned int f = freq; f > 1; f >>= 1)
		rate--;			/* 16 - log2(freq) */
	spin_lock_irqsave(&rtc.lock, flags);
	b = cmos_read(RTC_B);
	if (on) {
		cmos_read(RTC_C);
		cmos_write(RTC_A, (cmos_read(RTC_A) & 0xf0) | rate);
	}
	cmos_write(RTC_B, on ? b | RTC_PIE : b & ~RTC_PIE);
	spin_unlock_irqrestore(&rtc.lock, flags);
}

static int rtc_proc_show(struct seq_file *m, void *v)
{
	struct rtc_tm tm;

	rtc_read_time(&tm);
	seq_printf(m, "rtc_time\t: %02u:%02u:%02u\n", tm.hour, tm.min, tm.sec);
	seq_printf(m, "rtc_date\t: %04u-%02u-%02u\n", tm.year, tm.mon, tm.day);
	seq_printf(m, "periodic_freq\t: %u\n", freq);
	seq_printf(m, "ticks\t\t: %lu\n", rtc.ticks);
	return 0;
}

static int rtc_proc_open(struct inode *inode, struct file *file)
{
	return single_open(file, rtc_proc_show, NULL);
}

static const struct proc_ops rtc_proc_ops = {
	.proc_open = rtc_proc_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init rtc_init(void)
{
	int err;

	if (freq < 2 || freq > 8192 || (freq & (freq - 1)))
		return -EINVAL;
	spin_lock_init(&rtc.lock);
	err = misc_register(&rtc_dev);
	if (err)
		return err;
	rtc.proc = proc_create("rtc", 0444, NULL, &rtc_proc_ops);
	if (!rtc.proc) {
		err = -ENOMEM;
		goto out_misc;
	}
	err = request_irq(RTC_IRQ, rtc_interrupt, 0, "rtc", &rtc.dev_id);
	if (err)
		goto out_proc;
	rtc_periodic(true);
	pr_info("rtc: /dev/rtc, periodic interrupt %u Hz on IRQ %d\n", freq, RTC_IRQ);
	return 0;

out_proc:
	proc_remove(rtc.proc);
out_misc:
	misc_deregister(&rtc_dev);
	return err;
}

/* The device first (no new interrupt), then its handler, then the files. */
static void __exit rtc_exit(void)
{
	rtc_periodic(false);
	free_irq(RTC_IRQ, &rtc.dev_id);
	proc_remove(rtc.proc);
	misc_deregister(&rtc_dev);
}

module_init(rtc_init);
module_exit(rtc_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("CMOS clock: /dev/rtc date and time, /proc/rtc periodic ticks");
