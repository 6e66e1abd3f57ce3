/*
 * pcspkr: the PC speaker, driven by channel 2 of the 8253/8254 timer (PIT).
 *
 * The PIT counts down at 1193182 Hz. Channel 2 in mode 3 (square wave)
 * with divisor d makes a tone of 1193182 / d Hz; its output reaches the
 * speaker only while port 0x61's bit 0 (the channel's gate: counting on)
 * and bit 1 (speaker data on) are set.
 *
 *   echo 440 100 > /dev/beep     a 440 Hz tone for 100 ms
 *
 * The write programs the divisor, opens the gate, sleeps for the duration
 * and closes the gate again; it returns when the tone has ended. While the
 * tone plays it reads the device back: port 0x61's two bits, and channel
 * 2's current count, latched three times 1 ms apart (a counting channel
 * holds a value in 1..divisor that changes). /proc/beep reports the last
 * beep and what the device held during and after it.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>
#include <asm/io.h>

#define PIT_HZ		1193182	/* the PIT's input clock */
#define PIT_CH2		0x42	/* channel 2's count */
#define PIT_CMD		0x43	/* mode/command register */
#define PIT_CH2_SQUARE	0xb6	/* channel 2, low then high byte, mode 3 */
#define PIT_CH2_LATCH	0x80	/* channel 2, latch the current count */
#define PORT_B		0x61	/* system control port B */
#define SPK_GATE	0x01	/* channel 2 counts */
#define SPK_DATA	0x02	/* its output drives the speaker */
#define NSAMPLES	3

static struct {
	struct mutex lock;		/* one beep at a time */
	struct proc_dir_entry *proc;
	unsigned int hz, ms, divisor;	/* the last beep */
	u8 during, after;		/* port 0x61 & 3 during it, after it */
	unsigned int count[NSAMPLES];	/* channel 2's latched counts */
} beep;

/* Channel 2's count now: the latch command freezes it for two reads. */
static unsigned int pit_ch2_count(void)
{
	unsigned long flags;
	unsigned int lo, hi;

	local_irq_save(flags);
	outb(PIT_CH2_LATCH, PIT_CMD);
	lo = inb(PIT_CH2);
	hi = inb(PIT_CH2);
	local_irq_restore(flags);
	return lo | hi << 8;
}

static void speaker_on(unsigned int divisor)
{
	outb(PIT_CH2_SQUARE, PIT_CMD);
	outb(divisor & 0xff, PIT_CH2);
	outb(divisor >> 8, PIT_CH2);
	outb(inb(PORT_B) | SPK_GATE | SPK_DATA, PORT_B);
}

static void speaker_off(void)
{
	outb(inb(PORT_B) & ~(SPK_GATE | SPK_DATA), PORT_B);
}

/* One beep: the tone, samples of the device, the sleep, silence. */
static void beep_play(unsigned int hz, unsigned int ms)
{
	beep.hz = hz;
	beep.ms = ms;
	beep.divisor = PIT_HZ / hz;
	speaker_on(beep.divisor);
	beep.during = inb(PORT_B) & (SPK_GATE | SPK_DATA);
	for (int i = 0; i < NSAMPLES; i++) {
		beep.count[i] = pit_ch2_count();
		udelay(1000);
	}
	msleep(ms);
	speaker_off();
	beep.after = inb(PORT_B) & (SPK_GATE | SPK_DATA);
}

/* "FREQ DURATION": Hz in 20..20000, milliseconds in 1..5000. */
static ssize_t beep_write(struct file *file, const char __user *ubuf,
			  size_t count, loff_t *pos)
{
	char buf[32], *ms_text;
	unsigned int hz, ms;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	ms_text = strchr(buf, ' ');
	if (!ms_text)
		return -EINVAL;
	*ms_text++ = '\0';
	if (kstrtouint(buf, 10, &hz) || kstrtouint(ms_text, 10, &ms) ||
	    hz < 20 || hz > 20000 || ms < 1 || ms > 5000)
		return -EINVAL;
	if (mutex_lock_interruptible(&beep.lock))
		return -EINTR;
	beep_play(hz, ms);
	mutex_unlock(&beep.lock);
	return count;
}

static const struct file_operations beep_fops = {
	.owner = THIS_MODULE,
	.write = beep_write,
};

static struct miscdevice beep_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "beep",
	.fops = &beep_fops,
	.mode = 0222,
};

static int beep_show(struct seq_file *m, void *v)
{
	bool in_range = true, moving = false;

	if (!beep.hz) {
		seq_puts(m, "no beep yet\n");
		return 0;
	}
	for (int i = 0; i < NSAMPLES; i++) {
		in_range &= beep.count[i] >= 1 && beep.count[i] <= beep.divisor;
		moving |= beep.count[i] != beep.count[0];
	}
	seq_printf(m, "last beep: %u Hz for %u ms, divisor %u\n",
		   beep.hz, beep.ms, beep.divisor);
	seq_printf(m, "during: port 0x61 gate %u speaker %u; channel 2 counts "
		   "in 1..%u: %s, changing: %s\n", beep.during & SPK_GATE,
		   !!(beep.during & SPK_DATA), beep.divisor,
		   in_range ? "yes" : "no", moving ? "yes" : "no");
	seq_printf(m, "after: port 0x61 gate %u speaker %u\n",
		   beep.after & SPK_GATE, !!(beep.after & SPK_DATA));
	return 0;
}

static int beep_open(struct inode *inode, struct file *file)
{
	return single_open(file, beep_show, NULL);
}

static const struct proc_ops beep_proc_ops = {
	.proc_open = beep_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init pcspkr_init(void)
{
	int err;

	mutex_init(&beep.lock);
	beep.proc = proc_create("beep", 0444, NULL, &beep_proc_ops);
	if (!beep.proc)
		return -ENOMEM;
	err = misc_register(&beep_dev);
	if (err) {
		proc_remove(beep.proc);
		return err;
	}
	return 0;
}

/* No beep can be running: an open /dev/beep pins the module. */
static void __exit pcspkr_exit(void)
{
	misc_deregister(&beep_dev);
	proc_remove(beep.proc);
	speaker_off();
}

module_init(pcspkr_init);
module_exit(pcspkr_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("PC speaker: echo HZ MS > /dev/beep, through PIT channel 2");
