/*
 * Time: the programmable interval timer at HZ ticks a second, jiffies,
 * the tick count since boot (kernel/pit.c), and kernel timers with Linux's
 * names (kernel/timer.c): a function run from the timer interrupt once
 * jiffies reaches its expiry. What modules see is declared in
 * <linux/jiffies.h>, <linux/timer.h> and <linux/delay.h>; this header adds
 * what only the kernel calls.
 */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/jiffies.h>	/* HZ, jiffies */
#include <linux/delay.h>	/* msleep */
#include <linux/timer.h>	/* struct timer_list, timer_setup... */

/* Starts the timer at HZ and counts jiffies from IRQ 0. Boot only, after
 * the IDT and PICs are set up. Never fails. */
void pit_init(void);
/* Milliseconds since boot, at jiffy resolution. */
uint32_t uptime_ms(void);
/* --- kernel timers (Linux's API, the part a driver needs) --- */

/* Hands the due timers to ksoftirqd; called by the timer interrupt each
 * tick. */
void timers_raise(void);
/* Registers the timer softirq. Boot only. */
void timers_init(void);
/* Removes every pending timer whose function or structure lies in
 * [start, start + len) (a module's image about to be unmapped), calling
 * report(timer, arg) for each first. Returns how many were removed. */
unsigned timer_remove_range(uintptr_t start, uintptr_t len,
			    void (*report)(const struct timer_list *t, void *arg), void *arg);

#endif
