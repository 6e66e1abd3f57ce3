/*
 * <linux/mutex.h>: sleeping locks (kernel/sync.c). A task that finds the
 * mutex locked sleeps until its owner unlocks it. Only the owner may
 * unlock. Misuse is reported with the mutex and callers symbolized:
 * locking a mutex one already holds (it would sleep forever: the call
 * returns without locking, -EDEADLK from the forms that return), unlocking
 * one not held or held by another task, locking in interrupt context.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <stdbool.h>
#include <linux/list.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;	/* NULL when unlocked */
	void *owner_pc;			/* where it was locked */
	struct list_head wait_list;	/* tasks sleeping for it */
};

#define __MUTEX_INITIALIZER(lockname)					\
	{ .owner = 0, .owner_pc = 0, .wait_list = LIST_HEAD_INIT((lockname).wait_list) }
#define DEFINE_MUTEX(mutexname)	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

static inline void __mutex_init(struct mutex *m)
{
	m->owner = 0;
	m->owner_pc = 0;
	INIT_LIST_HEAD(&m->wait_list);
}
#define mutex_init(m)		__mutex_init(m)
#define mutex_destroy(m)	((void)(m))

/* Locks lock, sleeping while another task holds it. */
void mutex_lock(struct mutex *lock);
/* mutex_lock; returns 0, -EINTR if a signal ends the sleep, -EDEADLK
 * (reported) if the caller holds it already or may not sleep. */
int mutex_lock_interruptible(struct mutex *lock);
/* As mutex_lock_interruptible, woken only by SIGKILL. */
int mutex_lock_killable(struct mutex *lock);
/* Locks lock if it is free: returns 1, else 0 (no report). */
int mutex_trylock(struct mutex *lock);
/* Unlocks lock and wakes the first sleeper; misuse is reported (see
 * above) and the mutex is left unlocked. */
void mutex_unlock(struct mutex *lock);

static inline bool mutex_is_locked(struct mutex *lock)
{
	return lock->owner != 0;
}

#define mutex_lock_nested(lock, subclass)	mutex_lock(lock)

#endif
