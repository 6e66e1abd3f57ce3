/*
 * STUB (replaced by the irqsync branch): kernel timers as kernel/timer.h
 * had them (kernel/timer.c), moved here unchanged so modules reach them
 * without kernel-internal headers.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/container_of.h>
#include <linux/jiffies.h>

/* One timer. Set it up with timer_setup, start it with mod_timer. The
 * function runs once, in interrupt context (no sleeping, a fault there is
 * a panic), with the timer no longer pending; it may re-arm it. */
struct timer_list {
	unsigned long expires;			/* jiffies at which it runs */
	void (*function)(struct timer_list *t);
	unsigned int flags;			/* Linux's TIMER_* flags: ignored */
	struct timer_list *next;		/* pending list, kernel/timer.c */
	bool pending;
};

/* In a timer function: the structure the timer is a member of. */
#define from_timer(var, callback_timer, timer_fieldname)	\
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

/* Initializes timer (not pending) to call callback. Never fails. */
void timer_setup(struct timer_list *timer, void (*callback)(struct timer_list *),
		 unsigned int flags);
/* Sets timer's expiry to expires (in jiffies; now or past: the next tick)
 * and makes it pending. Returns 1 if it was pending already, else 0. */
int mod_timer(struct timer_list *timer, unsigned long expires);
/* Removes timer if pending. Returns 1 if it was, else 0. */
int del_timer(struct timer_list *timer);
/* del_timer that also waits for a running timer function: with one CPU
 * and functions run in the interrupt, none can be running when process
 * context calls it, so it is del_timer. Not from the timer's function. */
int del_timer_sync(struct timer_list *timer);
/* Is timer pending? */
static inline int timer_pending(const struct timer_list *timer)
{
	return timer->pending;
}

#endif
