/*
 * <linux/completion.h>: "this has happened", to wait for (kernel/sync.c).
 * complete() lets one waiter through (or the next wait_for_completion, if
 * nobody waits yet), complete_all() every waiter until reinit_completion.
 * Waiting sleeps on the completion's wait queue; complete() may be
 * called from any context, an interrupt handler included.
 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <stdbool.h>
#include <linux/wait.h>

struct completion {
	unsigned int done;		/* completions not yet waited for */
	wait_queue_head_t wait;
};

#define COMPLETION_INITIALIZER(work)					\
	{ 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work)	struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

/* Lets one waiter (the next wait_for_completion) through. Any context. */
void complete(struct completion *x);
/* Lets every waiter through, now and later, until reinit_completion. */
void complete_all(struct completion *x);
/* Sleeps (uninterruptibly) until x is completed, and takes it. */
void wait_for_completion(struct completion *x);
/* Returns 0 on timeout, else the ticks left (at least 1). */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
/* 0, or -ERESTARTSYS if a signal came first. */
int wait_for_completion_interruptible(struct completion *x);
int wait_for_completion_killable(struct completion *x);
/* Ticks left (>= 1), 0 on timeout, -ERESTARTSYS on a signal. */
long wait_for_completion_interruptible_timeout(struct completion *x,
					       unsigned long timeout);
/* Takes a completion if there is one, without sleeping: true if it did. */
bool try_wait_for_completion(struct completion *x);
/* Is there a completion nobody took yet? */
bool completion_done(struct completion *x);

#endif
