/*
 * <linux/completion.h>: "this has happened" flags to wait for, over the
 * single-flow wait queues of <linux/wait.h>: complete() is called by an
 * interrupt handler or timer function, wait_for_completion idles until
 * then. All inline.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <stdbool.h>
#include <linux/wait.h>

#define COMPLETION_ALL	(~0U >> 1)	/* done after complete_all */

struct completion {
	unsigned int done;		/* completions not yet waited for */
	wait_queue_head_t wait;
};

#define COMPLETION_INITIALIZER(work)	{ 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work)	struct completion work = COMPLETION_INITIALIZER(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

/* Lets one waiter (the next wait_for_completion) through. */
static inline void complete(struct completion *x)
{
	unsigned long flags;

	local_irq_save(flags);
	if (x->done != COMPLETION_ALL)
		x->done++;
	local_irq_restore(flags);
}

/* Lets every waiter through, now and later, until reinit_completion. */
static inline void complete_all(struct completion *x)
{
	x->done = COMPLETION_ALL;
}

/* Takes one completion if there is one; true if it did. Interrupts off. */
static inline bool __completion_take(struct completion *x)
{
	if (!x->done)
		return false;
	if (x->done != COMPLETION_ALL)
		x->done--;
	return true;
}

static inline void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, __completion_take(x));
}

/* Returns 0 on timeout, else the ticks left (at least 1). */
static inline unsigned long wait_for_completion_timeout(struct completion *x,
							unsigned long timeout)
{
	return wait_event_timeout(x->wait, __completion_take(x), timeout);
}

static inline int wait_for_completion_interruptible(struct completion *x)
{
	return wait_event_interruptible(x->wait, __completion_take(x));
}

static inline bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ok;

	local_irq_save(flags);
	ok = __completion_take(x);
	local_irq_restore(flags);
	return ok;
}

static inline bool completion_done(struct completion *x)
{
	return x->done != 0;
}

#endif
