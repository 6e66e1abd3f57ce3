/*
 * lx_rtc: a Linux-style driver of the RTC's periodic interrupt (IRQ 8,
 * CMOS ports 0x70/0x71) for scenario linux_irq. Two handlers share the
 * line: lx_rtc owns the device (acknowledges it by reading register C,
 * IRQ_HANDLED), lx_rtc_b stands for another device on the line (IRQ_NONE).
 * Init, step by step:
 *   1. the refusals of request_irq (line 8 now taken, shared);
 *   2. 16 ticks at 1024 Hz: the handler turns the interrupt off at the
 *      16th, init waits for them with wait_event_timeout;
 *   3. disable_irq: the RTC runs but no tick arrives within 100 ms;
 *      enable_irq: the pending one arrives and ticks go on up to 32;
 *   4. the handler claims nothing: one interrupt nobody cared about.
 * The handlers stay registered for /proc/interrupts; exit frees them, and
 * lx_rtc_b once more (a warning).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/wait.h>
#include <linux/jiffies.h>
#include <asm/io.h>

#define RTC_IRQ		8
#define RTC_A		0x0a	/* rate: low 4 bits */
#define RTC_B		0x0b	/* 0x40: periodic interrupt enable (PIE) */
#define RTC_C		0x0c	/* flags; reading acknowledges */
#define RTC_PIE		0x40

static struct {
	volatile unsigned int ticks, other;	/* lx_rtc's, lx_rtc_b's calls */
	volatile unsigned int stop_at;		/* turn PIE off at this tick */
	volatile bool claim;			/* lx_rtc acknowledges */
	wait_queue_head_t wq;
	int dev_a, dev_b;			/* the two dev_ids */
} rtc;

static unsigned char cmos_read(unsigned char reg)
{
	outb(reg, 0x70);
	return inb(0x71);
}

static void cmos_write(unsigned char reg, unsigned char val)
{
	outb(reg, 0x70);
	outb(val, 0x71);
}

/* Periodic interrupt on (1024 Hz) or off. On first drops a stale flag
 * (PIE still off: no interrupt can be pending); off leaves C alone, as a
 * tick flagged just before has raised IRQ 8 and its handler will read C
 * (modules/rtc.c says why a read here would make a spurious interrupt). */
static void rtc_periodic(bool on)
{
	unsigned char b = cmos_read(RTC_B);

	if (on)
		cmos_read(RTC_C);
	cmos_write(RTC_A, (cmos_read(RTC_A) & 0xf0) | 6);
	cmos_write(RTC_B, on ? b | RTC_PIE : b & ~RTC_PIE);
}

static irqreturn_t lx_rtc_interrupt(int irq, void *dev_id)
{
	rtc.ticks++;
	if (!rtc.claim)
		return IRQ_NONE;
	if (rtc.ticks == rtc.stop_at)
		cmos_write(RTC_B, cmos_read(RTC_B) & ~RTC_PIE);
	cmos_read(RTC_C);
	wake_up_interruptible(&rtc.wq);
	return IRQ_HANDLED;
}

static irqreturn_t lx_rtc_other(int irq, void *dev_id)
{
	rtc.other++;
	return IRQ_NONE;
}

static void lx_rtc_refusals(void)
{
	pr_info("lx_rtc: request_irq refusals: not shared %d, timer's line %d, "
		"line 16 %d, shared without dev_id %d\n",
		request_irq(RTC_IRQ, lx_rtc_other, 0, "x", &rtc.dev_b),
		request_irq(0, lx_rtc_other, IRQF_SHARED, "x", &rtc.dev_b),
		request_irq(16, lx_rtc_other, 0, "x", NULL),
		request_irq(5, lx_rtc_other, IRQF_SHARED, "x", NULL));
}

static void lx_rtc_ticks(void)
{
	long left;

	rtc.claim = true;
	rtc.stop_at = 16;
	rtc_periodic(true);
	left = wait_event_timeout(rtc.wq, rtc.ticks >= 16, HZ);
	pr_info("lx_rtc: %u ticks (lx_rtc_b saw %u) within 1 s: %s\n", rtc.ticks,
		rtc.other, left > 0 ? "yes" : "no");

	disable_irq(RTC_IRQ);
	rtc.stop_at = 32;
	rtc_periodic(true);
	left = wait_event_timeout(rtc.wq, rtc.ticks > 16, msecs_to_jiffies(100));
	pr_info("lx_rtc: disable_irq: %u ticks after 100 ms, wait_event_timeout "
		"returned %ld\n", rtc.ticks, left);
	enable_irq(RTC_IRQ);
	left = wait_event_timeout(rtc.wq, rtc.ticks >= 32, HZ);
	pr_info("lx_rtc: enable_irq: %u ticks within 1 s: %s\n", rtc.ticks,
		left > 0 ? "yes" : "no");
}

static void lx_rtc_unclaimed(void)
{
	long left;

	rtc.claim = false;
	rtc_periodic(true);
	left = wait_event_timeout(rtc.wq, rtc.ticks > 32, HZ);
	rtc_periodic(false);
	pr_info("lx_rtc: unclaimed interrupt seen: %s\n", left > 0 ? "yes" : "no");
}

static int __init lx_rtc_init(void)
{
	int err;

	init_waitqueue_head(&rtc.wq);
	err = request_irq(RTC_IRQ, lx_rtc_interrupt, IRQF_SHARED, "lx_rtc", &rtc.dev_a);
	if (err)
		return err;
	err = request_irq(RTC_IRQ, lx_rtc_other, IRQF_SHARED, "lx_rtc_b", &rtc.dev_b);
	if (err) {
		free_irq(RTC_IRQ, &rtc.dev_a);
		return err;
	}
	lx_rtc_refusals();
	lx_rtc_ticks();
	lx_rtc_unclaimed();
	return 0;
}

static void __exit lx_rtc_exit(void)
{
	const char *a = free_irq(RTC_IRQ, &rtc.dev_a);
	const char *b = free_irq(RTC_IRQ, &rtc.dev_b);

	pr_info("lx_rtc: freed %s and %s; lx_rtc_b saw %u interrupts\n", a, b, rtc.other);
	free_irq(RTC_IRQ, &rtc.dev_b);
}

module_init(lx_rtc_init);
module_exit(lx_rtc_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("The RTC's periodic interrupt through two shared handlers");
