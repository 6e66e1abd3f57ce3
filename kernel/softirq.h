/*
 * Softirqs (kernel/softirq.c): actions raised from interrupts and run by
 * the ksoftirqd thread: kernel timers (kernel/timer.c) and tasklets.
 */
#ifndef KERNEL_SOFTIRQ_H
#define KERNEL_SOFTIRQ_H

#include <stdbool.h>

enum {
	TIMER_SOFTIRQ,
	TASKLET_SOFTIRQ,
	NR_SOFTIRQS
};

/* Makes action run in ksoftirqd each time nr is raised. Boot only. */
void open_softirq(unsigned nr, void (*action)(void));
/* Raises nr: ksoftirqd runs its action soon. Any context. */
void raise_softirq(unsigned nr);
/* Starts ksoftirqd. Boot only, after sched_init. */
void softirq_init(void);
/* Is the current thread ksoftirqd? */
bool in_softirq_thread(void);

#endif
