/*
 * <linux/preempt.h>: preemption and the context the CPU is in
 * (kernel/sched.c). preempt_disable() keeps the scheduler from switching
 * away from the current thread at the tick (spinlocks do it too);
 * preempt_enable() allows it again and, from module code, switches at
 * once if a woken thread is waiting. in_interrupt() is true in a hardware
 * interrupt handler and in softirq context (timer functions, tasklets):
 * where one must not sleep. Linux's are macros over a per-CPU count;
 * here they are functions, which a module cannot tell apart.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <stdbool.h>

void preempt_disable(void);
void preempt_enable(void);
#define preempt_enable_no_resched()	preempt_enable()
/* Spinlocks held plus preempt_disable()s not yet undone. */
int preempt_count(void);

/* In a hardware interrupt handler. */
bool in_hardirq(void);
/* Running timer functions or tasklets (ksoftirqd). */
bool in_softirq(void);
/* Either: sleeping is not allowed. */
bool in_interrupt(void);
/* Sleeping not allowed: interrupt context or preemption disabled. */
bool in_atomic(void);

#define in_irq()	in_hardirq()
#define in_serving_softirq()	in_softirq()
#define in_task()	(!in_interrupt())

#endif
