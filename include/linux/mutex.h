/*
 * <linux/mutex.h>: sleeping locks, with one flow of control
 * (kernel/sync.c). The owner of a locked mutex is whoever locked it: the
 * code (kernel or which module) and the context (process or interrupt).
 * Nobody else can ever release it, so mutex_lock on a locked mutex would
 * wait forever: it is reported (the mutex and both callers symbolized)
 * and returns without waiting. An unlock by a non-owner (another module,
 * or interrupt context when it was locked in process context), of an
 * unlocked mutex, and a lock in interrupt context are reported too.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <stdbool.h>

struct mutex {
	volatile int locked;		/* 1 while held */
	void *owner_pc;			/* where it was locked */
	bool owner_irq;			/* locked in interrupt context */
};

#define __MUTEX_INITIALIZER(lockname)	{ .locked = 0, .owner_pc = 0, .owner_irq = false }
#define DEFINE_MUTEX(mutexname)	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)
#define mutex_init(m)							\
	do { *(m) = (struct mutex)__MUTEX_INITIALIZER(m); } while (0)
#define mutex_destroy(m)	((void)(m))

/* Locks lock (a locked one is reported, not waited for). */
void mutex_lock(struct mutex *lock);
/* mutex_lock; returns 0, or -EDEADLK when the mutex was locked already
 * (reported). There are no signals yet, so never -EINTR. */
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
/* Locks lock if it is free: returns 1, else 0 (no report). */
int mutex_trylock(struct mutex *lock);
/* Unlocks lock; misuse is reported (see above) and the mutex is left
 * unlocked. */
void mutex_unlock(struct mutex *lock);

static inline bool mutex_is_locked(struct mutex *lock)
{
	return lock->locked != 0;
}

#define mutex_lock_nested(lock, subclass)	mutex_lock(lock)

#endif
