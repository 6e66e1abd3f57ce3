/*
 * <linux/timer.h>: kernel timers (kernel/timer.c). A timer runs its
 * function once, in the ksoftirqd thread woken by the timer tick, when
 * jiffies reaches its expiry; the function may re-arm it. It runs in
 * softirq context (no sleeping; a fault there panics, as in Linux) but,
 * as on a PREEMPT_RT Linux, it can be preempted: another thread may run
 * in the middle of it, which is why del_timer_sync exists. A module's
 * timer still pending when the module goes away is removed (and
 * reported) before its code is unmapped.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <stddef.h>
#include <stdbool.h>
#include <linux/jiffies.h>

/* One timer. Set it up with timer_setup, start it with mod_timer (or set
 * expires and add_timer). */
struct timer_list {
	unsigned long expires;			/* jiffies at which it runs */
	void (*function)(struct timer_list *t);
	unsigned int flags;			/* Linux's TIMER_* flags: ignored */
	struct timer_list *next;		/* pending list, kernel/timer.c */
	bool pending;
};

#define TIMER_DEFERRABLE	0x00080000
#define TIMER_PINNED		0x00200000
#define TIMER_IRQSAFE		0x00400000

/* A timer defined and set up at once: DEFINE_TIMER(t, fn). */
#define DEFINE_TIMER(_name, _function)					\
	struct timer_list _name = { .function = (_function) }

/* In a timer function: the structure the timer is a member of. */
#define from_timer(var, callback_timer, timer_fieldname)		\
	((__typeof__(var))((char *)(callback_timer) -			\
			   offsetof(__typeof__(*(var)), timer_fieldname)))

/* Initializes timer (not pending) to call callback. Never fails. */
void timer_setup(struct timer_list *timer, void (*callback)(struct timer_list *),
		 unsigned int flags);
/* Sets timer's expiry to expires (in jiffies; now or past: the next tick)
 * and makes it pending. Returns 1 if it was pending already, else 0. */
int mod_timer(struct timer_list *timer, unsigned long expires);
/* Starts timer at timer->expires. The timer must not be pending (if it
 * is, it is re-armed, as mod_timer would). */
void add_timer(struct timer_list *timer);
/* Removes timer if pending. Returns 1 if it was, else 0. */
int del_timer(struct timer_list *timer);
/* del_timer, then, if the timer's function is running (preempted in
 * ksoftirqd), sleeps until it returns and removes the timer again, in
 * case the function re-armed it: afterwards the function is neither
 * pending nor running. Returns 1 if the timer was pending. Not from the
 * timer's own function, nor in interrupt context (reported). */
int del_timer_sync(struct timer_list *timer);
/* Linux 6.2's names for the same two. */
#define timer_delete(t)		del_timer(t)
#define timer_delete_sync(t)	del_timer_sync(t)

/* Is timer pending? */
static inline int timer_pending(const struct timer_list *timer)
{
	return timer->pending;
}

#endif
