/*
 * <linux/wait.h>: wait queues (kernel/sync.c), as Linux's. A waiter puts
 * an entry naming its task on the queue, sets its state to a sleeping one,
 * checks its condition and, while it is false, calls schedule(); wake_up
 * makes the queued tasks runnable again and each checks once more. The
 * wait_event macros do exactly that loop. The queue's list is changed
 * with interrupts masked (one CPU), so interrupt handlers may wake.
 * Sleeping where it is not allowed (interrupt context, a timer function)
 * is reported and the wait returns at once: -EDEADLK from the
 * _interruptible and _killable forms (_interruptible_timeout included),
 * 0 (timed out) from wait_event_timeout.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode,
				 int flags, void *key);

#define WQ_FLAG_EXCLUSIVE	0x01	/* wake_up wakes only one such waiter */
#define WQ_FLAG_WOKEN		0x02

struct wait_queue_entry {
	unsigned int flags;
	void *private;			/* the waiting task */
	wait_queue_func_t func;		/* what wake_up calls for it */
	struct list_head entry;		/* on the queue's list */
};
typedef struct wait_queue_entry wait_queue_entry_t;

struct wait_queue_head {
	spinlock_t lock;		/* for Linux code that takes it; the
					 * kernel masks interrupts instead */
	struct list_head head;		/* the waiters */
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED((name).lock),			\
	.head = LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name)					\
	wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void __init_waitqueue_head(struct wait_queue_head *wq)
{
	wq->lock = (spinlock_t)__SPIN_LOCK_UNLOCKED(wq->lock);
	INIT_LIST_HEAD(&wq->head);
}
#define init_waitqueue_head(wq)		__init_waitqueue_head(wq)

/* A task's wake function: makes it runnable (wake_up_process); 1 if it
 * was asleep. autoremove_wake_function also takes the entry off. */
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags,
			  void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode,
			     int flags, void *key);

#define DEFINE_WAIT_FUNC(name, function)				\
	struct wait_queue_entry name = {				\
		.private = current,					\
		.func = function,					\
		.entry = LIST_HEAD_INIT((name).entry),			\
	}
#define DEFINE_WAIT(name)	DEFINE_WAIT_FUNC(name, autoremove_wake_function)
#define DECLARE_WAITQUEUE(name, tsk)					\
	struct wait_queue_entry name = {				\
		.private = tsk,						\
		.func = default_wake_function,				\
		.entry = { NULL, NULL },				\
	}

/* The entry for the current task, woken by autoremove_wake_function. */
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
#define init_wait(wait)		init_wait_entry(wait, 0)

static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry,
					struct task_struct *p)
{
	wq_entry->flags = 0;
	wq_entry->private = p;
	wq_entry->func = default_wake_function;
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/* Queues entry on wq (if it is not) and sets the current task's state
 * (TASK_INTERRUPTIBLE or TASK_UNINTERRUPTIBLE), before the caller checks
 * its condition and calls schedule(). */
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
		     int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
/* prepare_to_wait for the wait_event macros: returns -ERESTARTSYS (entry
 * off the queue) if a signal ends a sleep in state, -EDEADLK (reported)
 * if the caller may not sleep here at all, else 0. */
long prepare_to_wait_event(struct wait_queue_head *wq_head,
			   struct wait_queue_entry *wq_entry, int state);
/* Ends the wait: TASK_RUNNING, entry off wq. */
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/* Wakes the waiters in state mode: all non-exclusive ones and nr_exclusive
 * exclusive ones (0: all). Any context. */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive,
	       void *key);

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr)		__wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_nr(x, nr)	__wake_up(x, TASK_INTERRUPTIBLE, nr, NULL)
#define wake_up_interruptible_all(x)	__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)
#define wake_up_interruptible_sync(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)

static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/* --- the wait_event family: the loop every sleeper writes --- */

#define ___wait_is_interruptible(state)					\
	((state) == TASK_INTERRUPTIBLE || (state) == TASK_KILLABLE)

/* Sleeps in state until condition; cmd sleeps (schedule() or a timeout).
 * Evaluates to ret, or to the error prepare_to_wait_event gave. */
#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd) ({ \
	__label__ __out;						\
	struct wait_queue_entry __wq_entry;				\
	long __ret = ret;						\
									\
	init_wait_entry(&__wq_entry, exclusive ? WQ_FLAG_EXCLUSIVE : 0); \
	for (;;) {							\
		long __int = prepare_to_wait_event(&wq_head, &__wq_entry, state); \
		if (condition)						\
			break;						\
		if (__int) {						\
			__ret = __int;					\
			goto __out;					\
		}							\
		cmd;							\
	}								\
	finish_wait(&wq_head, &__wq_entry);				\
__out:	__ret;								\
})

/* Sleeps (uninterruptibly) until condition is true. */
#define wait_event(wq_head, condition)					\
do {									\
	if (condition)							\
		break;							\
	(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, \
			    schedule());				\
} while (0)

/* Linux's rule for the _timeout forms: a condition that became true just
 * as the time ran out still counts, returning 1. */
#define ___wait_cond_timeout(condition) ({				\
	bool __cond = (condition);					\
	if (__cond && !__ret)						\
		__ret = 1;						\
	__cond || !__ret;						\
})

/* Sleeps until condition or timeout ticks; returns 0 if the time ran out
 * with the condition false, else the ticks left (at least 1). */
#define wait_event_timeout(wq_head, condition, timeout) ({		\
	long __ret = timeout;						\
	if (!___wait_cond_timeout(condition))				\
		__ret = ___wait_event(wq_head, ___wait_cond_timeout(condition), \
				      TASK_UNINTERRUPTIBLE, 0, timeout,	\
				      __ret = schedule_timeout(__ret));	\
	__ret < 0 ? 0 : __ret;						\
})

/* Sleeps until condition or a signal: 0, or -ERESTARTSYS (a signal:
 * Ctrl-C), or -EDEADLK (it may not sleep here; reported). */
#define wait_event_interruptible(wq_head, condition) ({		\
	int __ret = 0;							\
	if (!(condition))						\
		__ret = ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, 0, \
				      schedule());			\
	__ret;								\
})

#define wait_event_interruptible_exclusive(wq_head, condition) ({	\
	int __ret = 0;							\
	if (!(condition))						\
		__ret = ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 1, 0, \
				      schedule());			\
	__ret;								\
})

/* As wait_event_interruptible, woken only by SIGKILL. */
#define wait_event_killable(wq_head, condition) ({			\
	int __ret = 0;							\
	if (!(condition))						\
		__ret = ___wait_event(wq_head, condition, TASK_KILLABLE, 0, 0, \
				      schedule());			\
	__ret;								\
})

/* 0 on timeout, the ticks left (>= 1) when condition became true, or
 * -ERESTARTSYS (a signal). */
#define wait_event_interruptible_timeout(wq_head, condition, timeout) ({ \
	long __ret = timeout;						\
	if (!___wait_cond_timeout(condition))				\
		__ret = ___wait_event(wq_head, ___wait_cond_timeout(condition), \
				      TASK_INTERRUPTIBLE, 0, timeout,	\
				      __ret = schedule_timeout(__ret));	\
	__ret;								\
})

#endif
