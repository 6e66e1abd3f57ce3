/*
 * Time: the programmable interval timer at HZ ticks a second, jiffies,
 * the tick count since boot (kernel/pit.c), and kernel timers with Linux's
 * names (kernel/timer.c): a function run from the timer interrupt once
 * jiffies reaches its expiry. Modules see all of it through <module.h>.
 */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HZ 100

extern volatile uint32_t jiffies;

/* Starts the timer at HZ and counts jiffies from IRQ 0. Boot only, after
 * the IDT and PICs are set up. Never fails. */
void pit_init(void);
/* Milliseconds since boot, at jiffy resolution. */
uint32_t uptime_ms(void);
/* Waits at least ms milliseconds, halting between ticks. */
void msleep(uint32_t ms);

/* --- kernel timers (Linux's API, the part a driver needs) --- */

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

#ifndef container_of
#define container_of(ptr, type, member)	\
	((type *)((char *)(ptr) - offsetof(type, member)))
#endif
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

/* Runs every expired timer; called by the timer interrupt each tick. */
void timers_run(void);
/* Removes every pending timer whose function or structure lies in
 * [start, start + len) (a module's image about to be unmapped), calling
 * report(timer, arg) for each first. Returns how many were removed. */
unsigned timer_remove_range(uintptr_t start, uintptr_t len,
			    void (*report)(const struct timer_list *t, void *arg), void *arg);

#endif
