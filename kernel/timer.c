/*
 * Kernel timers (API in <linux/timer.h>): one list of pending timers,
 * unsorted, scanned on every tick of the PIT interrupt; when one is due
 * the tick raises TIMER_SOFTIRQ and ksoftirqd runs the due ones
 * (kernel/softirq.c). Few timers are ever pending, so a scan is cheaper
 * to read than a timer wheel. del_timer_sync sleeps on a wait queue until
 * the function it waits for has returned.
 */
#include "kernel/timer.h"
#include "kernel/cpu.h"
#include "kernel/sched.h"
#include "kernel/softirq.h"
#include "kernel/symbols.h"
#include "kernel/printk.h"
#include <linux/wait.h>

static struct {
	struct timer_list *pending;	/* the list of pending timers */
	struct timer_list *running;	/* whose function runs now */
	wait_queue_head_t done;		/* woken when a function returns */
} timers = {
	.done = __WAIT_QUEUE_HEAD_INITIALIZER(timers.done),
};

/* Unlinks t if it is on the list. Interrupts must be off. */
static bool unlink_timer(struct timer_list *t)
{
	for (struct timer_list **p = &timers.pending; *p; p = &(*p)->next) {
		if (*p == t) {
			*p = t->next;
			t->next = NULL;
			t->pending = false;
			return true;
		}
	}
	return false;
}

void timer_setup(struct timer_list *timer, void (*callback)(struct timer_list *),
		 unsigned int flags)
{
	*timer = (struct timer_list){ .function = callback, .flags = flags };
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	uint32_t flags = irq_save();
	int was = unlink_timer(timer);

	timer->expires = expires;
	timer->next = timers.pending;
	timer->pending = true;
	timers.pending = timer;
	irq_restore(flags);
	return was;
}

void add_timer(struct timer_list *timer)
{
	mod_timer(timer, timer->expires);
}

int del_timer(struct timer_list *timer)
{
	uint32_t flags = irq_save();
	int was = unlink_timer(timer);

	irq_restore(flags);
	return was;
}

int del_timer_sync(struct timer_list *timer)
{
	int was = 0;

	for (;;) {
		uint32_t flags = irq_save();
		bool running;

		was |= unlink_timer(timer);
		running = timers.running == timer;
		irq_restore(flags);
		if (!running)
			return was;
		if (in_interrupt_context()) {
			char c[96];

			sym_format((uintptr_t)__builtin_return_address(0), c, sizeof(c));
			printk(KERN_ERR "BUG: del_timer_sync from %s in %s, where it may "
			       "not wait: the timer's function is running; not waiting\n", c,
			       in_softirq_thread() ? "a timer function" : "interrupt context");
			return was;
		}
		wait_event(timers.done, timers.running != timer);
	}
}

/* The first pending timer whose time has come, or NULL. */
static struct timer_list *first_expired(void)
{
	for (struct timer_list *t = timers.pending; t; t = t->next)
		if ((int32_t)(jiffies - t->expires) >= 0)
			return t;
	return NULL;
}

/* TIMER_SOFTIRQ, in ksoftirqd: one due timer at a time, since a function
 * may add or remove timers, with interrupts on while it runs. */
static void timers_run(void)
{
	for (;;) {
		uint32_t flags = irq_save();
		struct timer_list *t = first_expired();

		if (!t) {
			irq_restore(flags);
			return;
		}
		unlink_timer(t);
		timers.running = t;
		irq_restore(flags);
		t->function(t);
		flags = irq_save();
		timers.running = NULL;
		irq_restore(flags);
		wake_up_all(&timers.done);
	}
}

void timers_raise(void)
{
	if (first_expired())
		raise_softirq(TIMER_SOFTIRQ);
}

void timers_init(void)
{
	open_softirq(TIMER_SOFTIRQ, timers_run);
}

static bool inside(uintptr_t p, uintptr_t start, uintptr_t len)
{
	return p - start < len;
}

unsigned timer_remove_range(uintptr_t start, uintptr_t len,
			    void (*report)(const struct timer_list *t, void *arg), void *arg)
{
	uint32_t flags = irq_save();
	struct timer_list **p = &timers.pending;
	unsigned n = 0;

	while (*p) {
		struct timer_list *t = *p;

		if (!inside((uintptr_t)t, start, len) &&
		    !inside((uintptr_t)t->function, start, len)) {
			p = &t->next;
			continue;
		}
		if (report)
			report(t, arg);
		unlink_timer(t);
		n++;
	}
	irq_restore(flags);
	return n;
}
