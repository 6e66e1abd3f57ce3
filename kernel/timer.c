/*
 * Kernel timers (API in <linux/timer.h>): one list of pending timers,
 * unsorted, scanned on every tick of the PIT interrupt. Few timers are ever
 * pending, so a scan is cheaper to read than a timer wheel.
 */
#include "kernel/timer.h"
#include "kernel/cpu.h"

static struct {
	struct timer_list *pending;	/* the list of pending timers */
} timers;

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
	return del_timer(timer);
}

/* The first pending timer whose time has come, or NULL. */
static struct timer_list *first_expired(void)
{
	for (struct timer_list *t = timers.pending; t; t = t->next)
		if ((int32_t)(jiffies - t->expires) >= 0)
			return t;
	return NULL;
}

void timers_run(void)
{
	struct timer_list *t;

	/* one at a time: a function may add or remove timers */
	while ((t = first_expired()) != NULL) {
		unlink_timer(t);
		t->function(t);
	}
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
