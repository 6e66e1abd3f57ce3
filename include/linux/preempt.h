/*
 * <linux/preempt.h>: which context the caller runs in (kernel/sched.c).
 * Interrupt context is a hardware interrupt handler (in_hardirq) or the
 * ksoftirqd thread running timer functions and tasklets (in_softirq);
 * process context (in_task) is a thread, a work item included, where
 * sleeping is allowed.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <stdbool.h>

/* True in interrupt context or while timer functions and tasklets run. */
bool in_interrupt_context(void);
/* How deep in hardware interrupt handlers the CPU is (0: none). */
unsigned irq_depth(void);

#define in_interrupt()		in_interrupt_context()
#define in_hardirq()		(irq_depth() != 0)
#define in_irq()		in_hardirq()
#define in_softirq()		(in_interrupt_context() && !irq_depth())
#define in_serving_softirq()	in_softirq()
#define in_task()		(!in_interrupt_context())

#endif
