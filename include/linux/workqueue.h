/*
 * <linux/workqueue.h>: work items run later, in process context, by a
 * kernel thread (kernel/workqueue.c). A work item is a function and the
 * structure it is given; queue_work puts it on a workqueue's list and the
 * queue's thread runs it (where it may sleep). system_wq, named "events"
 * as in Linux, is served by the thread kworker/0; alloc_workqueue makes a
 * queue with a thread of its own, named after it. Delayed work arms a
 * kernel timer whose function queues the work. A module's work items and
 * workqueues left behind at unload are removed (and reported) before its
 * code is unmapped.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <stddef.h>
#include <stdbool.h>
#include <linux/list.h>
#include <linux/timer.h>

struct work_struct;
struct workqueue_struct;
typedef void (*work_func_t)(struct work_struct *work);

/* work_struct.data bits */
#define WORK_STRUCT_PENDING	0x1UL	/* queued, or its delay timer armed */
#define WORK_STRUCT_CANCELING	0x2UL	/* cancel_work_sync owns it now */

/* One work item. Set it up with INIT_WORK or DECLARE_WORK. */
struct work_struct {
	unsigned long data;		/* WORK_STRUCT_* bits */
	struct list_head entry;		/* on its workqueue's list while queued */
	work_func_t func;
	struct workqueue_struct *wq;	/* the queue it was last queued on */
};

/* A work item queued when its timer fires. */
struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;	/* where the timer queues it */
	struct list_head armed;		/* kernel/workqueue.c: timers armed */
};

#define __WORK_INITIALIZER(n, f) {					\
	.data = 0,							\
	.entry = LIST_HEAD_INIT((n).entry),				\
	.func = (f),							\
}
#define DECLARE_WORK(n, f)						\
	struct work_struct n = __WORK_INITIALIZER(n, f)

void delayed_work_timer_fn(struct timer_list *t);

#define __DELAYED_WORK_INITIALIZER(n, f, tflags) {			\
	.work = __WORK_INITIALIZER((n).work, (f)),			\
	.timer = { .function = delayed_work_timer_fn, .flags = (tflags) }, \
	.armed = LIST_HEAD_INIT((n).armed),				\
}
#define DECLARE_DELAYED_WORK(n, f)					\
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)

static inline void __init_work(struct work_struct *work, work_func_t func)
{
	work->data = 0;
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
	work->wq = NULL;
}
#define INIT_WORK(_work, _func)		__init_work((_work), (_func))
#define INIT_WORK_ONSTACK(_work, _func)	__init_work((_work), (_func))

static inline void __init_delayed_work(struct delayed_work *dwork, work_func_t func)
{
	__init_work(&dwork->work, func);
	timer_setup(&dwork->timer, delayed_work_timer_fn, 0);
	dwork->wq = NULL;
	INIT_LIST_HEAD(&dwork->armed);
}
#define INIT_DELAYED_WORK(_work, _func)	__init_delayed_work((_work), (_func))
#define INIT_DEFERRABLE_WORK(_work, _func) __init_delayed_work((_work), (_func))

/* In a work function: the delayed_work its work_struct belongs to. */
static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return (struct delayed_work *)((char *)work - offsetof(struct delayed_work, work));
}

/* Is the work queued (or, for delayed work, its timer armed)? */
#define work_pending(work)	(((work)->data & WORK_STRUCT_PENDING) != 0)
#define delayed_work_pending(w)	work_pending(&(w)->work)

/* alloc_workqueue flags: accepted for Linux drivers and ignored (one CPU,
 * one thread per queue, items run in order). */
#define WQ_UNBOUND		(1 << 1)
#define WQ_FREEZABLE		(1 << 2)
#define WQ_MEM_RECLAIM		(1 << 3)
#define WQ_HIGHPRI		(1 << 4)
#define WQ_CPU_INTENSIVE	(1 << 5)
#define WQ_SYSFS		(1 << 6)
#define WQ_POWER_EFFICIENT	(1 << 7)
#define __WQ_ORDERED		(1 << 17)
#define WQ_MAX_ACTIVE		512

/* The kernel's queue ("events", thread kworker/0). */
extern struct workqueue_struct *system_wq;
#define system_highpri_wq	system_wq
#define system_long_wq		system_wq
#define system_unbound_wq	system_wq
#define system_freezable_wq	system_wq

/*
 * A new workqueue named by fmt (printf-style) with a thread of its own of
 * that name; flags and max_active are accepted and ignored. Returns it, or
 * NULL without memory. Process context. Destroy it with destroy_workqueue.
 */
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
	__attribute__((format(printf, 1, 4)));
#define alloc_ordered_workqueue(fmt, flags, args...)			\
	alloc_workqueue(fmt, __WQ_ORDERED | (flags), 1, ##args)
#define create_workqueue(name)						\
	alloc_workqueue("%s", WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name)				\
	alloc_ordered_workqueue("%s", WQ_MEM_RECLAIM, name)
/* Runs every item queued on wq (and those they queue there), then stops
 * its thread and frees it. Process context; not from wq's own items. */
void destroy_workqueue(struct workqueue_struct *wq);

/* Queues work on wq unless it is pending already. Returns true if it
 * queued it, false if it was pending. Any context (interrupt handlers and
 * timer functions too). */
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
/* Queues work on wq after delay jiffies (0: now). Returns false if it was
 * pending already (its delay is then unchanged). Any context. */
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay);
/* As queue_delayed_work, but a pending item gets the new delay. Returns
 * true if it was pending. Any context. */
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay);

static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

/* Sleeps until the last queueing of work has run (a later queueing, even
 * by the item itself, is not waited for). Returns true if it waited,
 * false if work was idle. Process context. */
bool flush_work(struct work_struct *work);
/* Queues a delayed item at once (its timer deleted) and flush_work. */
bool flush_delayed_work(struct delayed_work *dwork);
/* Sleeps until every item queued on wq before the call has run. Process
 * context; not from wq's own items (reported). */
void flush_workqueue(struct workqueue_struct *wq);
#define flush_scheduled_work()	flush_workqueue(system_wq)

/* Takes work off its queue if pending and waits for a run in progress: on
 * return it is neither pending nor running, even if it queues itself
 * again. Returns true if it was pending. Process context; not from the
 * item itself (reported). */
bool cancel_work_sync(struct work_struct *work);
/* Deletes the timer of a delayed item or takes it off its queue; does
 * not wait for a run in progress. Returns true if it was pending. Any
 * context. */
bool cancel_delayed_work(struct delayed_work *dwork);
/* cancel_delayed_work, then waits as cancel_work_sync. Process context. */
bool cancel_delayed_work_sync(struct delayed_work *dwork);

#endif
