/*
 * <linux/wait.h>: wait queues in their single-flow form. There is one
 * flow of control and no scheduler yet, so a waiter cannot sleep and let
 * another task run: it checks its condition with interrupts masked and,
 * while it is false, idles the CPU (`sti; hlt` in __wait_idle, one
 * instruction apart so no interrupt is missed) until the next interrupt,
 * then checks again. What makes the condition true is therefore an
 * interrupt handler or a timer function; wake_up has nothing left to do.
 * Waiting in interrupt context, with interrupts masked or with a spinlock
 * held could never end or would break the lock: it is reported and the
 * wait returns at once (wait_event_timeout then returns 0, the
 * _interruptible forms -EDEADLK).
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/jiffies.h>
#include <linux/irqflags.h>

struct wait_queue_head {
	unsigned int waiters;		/* flows waiting: 0 or 1 */
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)	{ .waiters = 0 }
#define DECLARE_WAIT_QUEUE_HEAD(name)					\
	wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define init_waitqueue_head(wq)						\
	do { (wq)->waiters = 0; } while (0)

/* Called by the wait macros with interrupts masked and flags as they were
 * before: idles until the next interrupt and returns 0 with interrupts
 * masked again; returns -EDEADLK at once (reported) if waiting cannot
 * end: in interrupt context, with interrupts masked by the caller (flags)
 * or with a spinlock held. */
int __wait_idle(wait_queue_head_t *wq, unsigned long flags);

/* The core of every wait: evaluates to 0 when condition became true, 1
 * when timeout ticks passed first, -EDEADLK when it cannot wait. */
#define ___wait_cond(wq, condition, timeout, has_timeout) ({		\
	unsigned long __end = jiffies + (timeout);			\
	int __why;							\
	for (;;) {							\
		unsigned long __flags;					\
		local_irq_save(__flags);				\
		if (condition) {					\
			__why = 0;					\
		} else if ((has_timeout) && time_after_eq(jiffies, __end)) { \
			__why = 1;					\
		} else {						\
			__why = __wait_idle(&(wq), __flags);		\
			if (!__why)					\
				__why = -1;				\
		}							\
		local_irq_restore(__flags);				\
		if (__why != -1)					\
			break;						\
	}								\
	__why;								\
})

/* Waits until condition is true. */
#define wait_event(wq, condition)					\
	do { (void)___wait_cond(wq, condition, 0, 0); } while (0)
/* Waits until condition is true or timeout ticks pass. Returns 0 if the
 * time passed with the condition false, else the ticks left (at least 1). */
#define wait_event_timeout(wq, condition, timeout) ({			\
	unsigned long __t_end = jiffies + (timeout);			\
	int __r = ___wait_cond(wq, condition, timeout, 1);		\
	long __left = (long)(__t_end - jiffies);			\
	__r ? 0L : (__left < 1 ? 1L : __left);				\
})
/* No signals yet: returns 0 when condition is true (-EDEADLK if it
 * cannot wait; -35 is EDEADLK). */
#define wait_event_interruptible(wq, condition)			\
	(___wait_cond(wq, condition, 0, 0) ? -35 : 0)
#define wait_event_killable(wq, condition)	wait_event_interruptible(wq, condition)
#define wait_event_interruptible_timeout(wq, condition, timeout) ({	\
	unsigned long __t_end = jiffies + (timeout);			\
	int __r = ___wait_cond(wq, condition, timeout, 1);		\
	long __left = (long)(__t_end - jiffies);			\
	__r < 0 ? -35L : __r ? 0L : (__left < 1 ? 1L : __left);		\
})

/* The entry of Linux's open-coded wait (DEFINE_WAIT, prepare_to_wait,
 * schedule, finish_wait): here it only remembers its queue. */
struct wait_queue_entry {
	wait_queue_head_t *head;	/* queued on: NULL when not waiting */
};
typedef struct wait_queue_entry wait_queue_entry_t;

#define DEFINE_WAIT(name)	struct wait_queue_entry name = { .head = NULL }
#define init_wait(entry)	do { (entry)->head = NULL; } while (0)

/* Queues entry on wq and sets the current task's state (TASK_INTERRUPTIBLE
 * or TASK_UNINTERRUPTIBLE) before the caller checks its condition and
 * calls schedule() (<linux/sched.h>). */
void prepare_to_wait(wait_queue_head_t *wq, struct wait_queue_entry *entry,
		     int state);
/* Ends the wait prepare_to_wait began: TASK_RUNNING, entry off wq. */
void finish_wait(wait_queue_head_t *wq, struct wait_queue_entry *entry);

/* The waiter looks at its condition after every interrupt: waking it
 * needs nothing more than making the condition true. */
static inline void wake_up(wait_queue_head_t *wq)
{
	(void)wq;
}

#define wake_up_interruptible(wq)	wake_up(wq)
#define wake_up_all(wq)			wake_up(wq)
#define wake_up_interruptible_all(wq)	wake_up(wq)
#define wake_up_interruptible_sync(wq)	wake_up(wq)
#define wake_up_nr(wq, nr)		wake_up(wq)
#define waitqueue_active(wq)		((wq)->waiters != 0)

#endif
