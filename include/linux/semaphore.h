/*
 * <linux/semaphore.h>: counting semaphores (kernel/sync.c). down() takes
 * one from the count, sleeping while it is 0 until an up() (from any task
 * or interrupt handler) gives one back.
 */
#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H

#include <linux/list.h>

struct semaphore {
	int count;			/* how many more down()s succeed now */
	struct list_head wait_list;	/* tasks sleeping in down() */
	void *last_down;		/* caller of the last successful down */
};

#define __SEMAPHORE_INITIALIZER(name, n)				\
	{ .count = (n), .wait_list = LIST_HEAD_INIT((name).wait_list), .last_down = 0 }
#define DEFINE_SEMAPHORE(name)	struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)

static inline void sema_init(struct semaphore *sem, int val)
{
	sem->count = val;
	INIT_LIST_HEAD(&sem->wait_list);
	sem->last_down = 0;
}

/* Takes one from the count, sleeping (uninterruptibly) while it is 0. In
 * interrupt context it is reported and returns without taking. */
void down(struct semaphore *sem);
/* As down; returns 0 when taken, -EINTR if a signal ends the sleep. */
int down_interruptible(struct semaphore *sem);
int down_killable(struct semaphore *sem);
/* down with a limit of timeout ticks: 0, or -ETIME. */
int down_timeout(struct semaphore *sem, long timeout);
/* Takes one if the count is above 0: returns 0 then, else 1 (Linux's
 * inverted sense). Any context. */
int down_trylock(struct semaphore *sem);
/* Gives one back and wakes the first sleeper; any context. */
void up(struct semaphore *sem);

#endif
