/*
 * <linux/interrupt.h>: interrupt handlers for the 16 lines of the two
 * 8259 PICs (kernel/irq.c). Several handlers may share a line
 * (IRQF_SHARED): each is called in turn, in interrupt context (no
 * sleeping; a fault there panics). /proc/interrupts counts each line's
 * interrupts and names its handlers; an interrupt no handler claims is
 * counted (the ERR: line) and reported. A module's handlers still
 * registered when it goes away are freed (and reported) before its code
 * is unmapped.
 *
 * Tasklets (kernel/tasklet.c), the second half of this header: a function
 * an interrupt handler schedules to run soon after, in softirq context
 * (the ksoftirqd thread: no sleeping), at most once per scheduling and
 * never twice at once. Linux deprecates them: new code uses workqueues
 * (<linux/workqueue.h>) or threaded interrupt handlers, and Linux 6.9's
 * BH workqueues replace them; Tessera keeps them for the drivers and
 * examples that still use them.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/irqreturn.h>
#include <linux/irqflags.h>
#include <linux/atomic.h>
#include <linux/stddef.h>

#define NR_IRQS		16

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/* request_irq flags: only IRQF_SHARED changes anything here; the rest
 * are accepted for Linux drivers and ignored (lines are edge-triggered). */
#define IRQF_TRIGGER_NONE	0x00000000
#define IRQF_TRIGGER_RISING	0x00000001
#define IRQF_TRIGGER_FALLING	0x00000002
#define IRQF_TRIGGER_HIGH	0x00000004
#define IRQF_TRIGGER_LOW	0x00000008
#define IRQF_SHARED		0x00000080
#define IRQF_PROBE_SHARED	0x00000100
#define IRQF_TIMER		0x00000200
#define IRQF_PERCPU		0x00000400
#define IRQF_NOBALANCING	0x00000800
#define IRQF_IRQPOLL		0x00001000
#define IRQF_ONESHOT		0x00002000
#define IRQF_NO_SUSPEND		0x00004000
#define IRQF_NO_THREAD		0x00010000

/*
 * Adds handler to line irq (0..15): from now on each interrupt of the
 * line calls handler(irq, dev_id). name shows in /proc/interrupts (copied:
 * the string may go away). Returns 0; -EINVAL for a bad line, a NULL
 * handler, or IRQF_SHARED without a dev_id; -EBUSY if the line is taken
 * and either side did not ask for IRQF_SHARED (the kernel's own lines,
 * timer, keyboard, serial, are never shared); -ENOMEM.
 */
int __attribute__((warn_unused_result))
request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
	    const char *name, void *dev_id);
/* Removes the handler registered on irq with dev_id; the line is masked
 * when its last handler goes. Returns the name given to request_irq, or
 * NULL (and a warning) if there is no such handler. */
const void *free_irq(unsigned int irq, void *dev_id);

/* Masks line irq; calls nest: the line comes back at the enable_irq that
 * matches the first disable_irq. With one CPU no handler can be running
 * elsewhere, so disable_irq need not wait and is disable_irq_nosync. */
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
/* Undoes one disable_irq; an enable without a disable is reported. */
void enable_irq(unsigned int irq);

/* --- tasklets --- */

/* One tasklet. count > 0: disabled (scheduled, it waits until enabled). */
struct tasklet_struct {
	struct tasklet_struct *next;	/* on the scheduled list */
	unsigned long state;		/* 1 << TASKLET_STATE_* */
	atomic_t count;			/* tasklet_disable depth */
	bool use_callback;		/* callback (6.1's form), else func(data) */
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

enum {
	TASKLET_STATE_SCHED,		/* scheduled, not yet run */
	TASKLET_STATE_RUN		/* its function runs now */
};

#define DECLARE_TASKLET(name, _callback)				\
	struct tasklet_struct name = {					\
		.count = ATOMIC_INIT(0),				\
		.use_callback = true,					\
		.callback = (_callback),				\
	}
#define DECLARE_TASKLET_DISABLED(name, _callback)			\
	struct tasklet_struct name = {					\
		.count = ATOMIC_INIT(1),				\
		.use_callback = true,					\
		.callback = (_callback),				\
	}
/* The pre-5.9 form: func(unsigned long data), data 0. */
#define DECLARE_TASKLET_OLD(name, _func)				\
	struct tasklet_struct name = {					\
		.count = ATOMIC_INIT(0),				\
		.func = (_func),					\
	}
#define DECLARE_TASKLET_DISABLED_OLD(name, _func)			\
	struct tasklet_struct name = {					\
		.count = ATOMIC_INIT(1),				\
		.func = (_func),					\
	}

/* In a tasklet's callback: the structure the tasklet is a member of. */
#define from_tasklet(var, callback_tasklet, tasklet_fieldname)		\
	((__typeof__(var))((char *)(callback_tasklet) -			\
			   offsetof(__typeof__(*(var)), tasklet_fieldname)))

/* Sets t up (enabled, not scheduled) to call func(data) / callback(t). */
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data);
void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *));
/* Schedules t to run once in ksoftirqd, unless it is scheduled already
 * (a tasklet running now may be scheduled again). The _hi_ form runs
 * before the others. Any context. */
void tasklet_schedule(struct tasklet_struct *t);
void tasklet_hi_schedule(struct tasklet_struct *t);
/* Disables t (calls nest): scheduled, it does not run until the matching
 * tasklet_enable. tasklet_disable also sleeps until a run in progress
 * returns (not in interrupt context: there it does not wait). */
void tasklet_disable_nosync(struct tasklet_struct *t);
void tasklet_disable(struct tasklet_struct *t);
void tasklet_enable(struct tasklet_struct *t);
/* Sleeps until t is neither scheduled nor running (a scheduled one runs
 * first; a scheduled one that is disabled is unscheduled). Process
 * context; a tasklet that keeps scheduling itself is waited for forever. */
void tasklet_kill(struct tasklet_struct *t);

#endif
