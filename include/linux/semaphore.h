/*
 * <linux/semaphore.h>: counting semaphores in their single-flow form. With
 * one flow of control a down() that finds the count at 0 would wait
 * forever (nobody else could up() it): it is reported, like a mutex locked
 * twice (kernel/sync.c), and returns without taking it. Declarations only:
 * kernel/sync.c implements them.
 */
#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H

struct semaphore {
	int count;		/* how many more down()s succeed */
	void *last_down;	/* caller of the last successful down */
};

#define __SEMAPHORE_INITIALIZER(name, n)	{ .count = (n), .last_down = 0 }
#define DEFINE_SEMAPHORE(name)	struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)

static inline void sema_init(struct semaphore *sem, int val)
{
	sem->count = val;
	sem->last_down = 0;
}

/* Takes one from the count. At 0 (or in interrupt context) it reports
 * "BUG: down of SEM by CALLER: ..." and returns without taking. */
void down(struct semaphore *sem);
/* As down; returns 0 when taken, -EDEADLK when it would wait forever
 * (reported). Linux's -EINTR cannot happen: there are no signals. */
int down_interruptible(struct semaphore *sem);
int down_killable(struct semaphore *sem);
/* Takes one if the count is above 0: returns 0 then, else 1 (Linux's
 * inverted sense). Never reports; allowed in interrupt context. */
int down_trylock(struct semaphore *sem);
/* Gives one back; allowed in interrupt context. */
void up(struct semaphore *sem);

#endif
