/*
 * <linux/spinlock.h>: spinlocks with their meaning on one CPU
 * (kernel/sync.c). No other CPU can hold a lock, so spinning is never
 * needed: what a spinlock does here is what it does on a uniprocessor
 * Linux. spin_lock disables preemption (no other thread runs until the
 * unlock; sleeping meanwhile is reported), the _irq and _irqsave forms
 * also mask interrupts, so a handler cannot run in the middle. Taking a lock that is already held can only be the same flow of
 * control coming back (recursion, or a handler interrupting a holder that
 * did not mask interrupts): it would spin forever, so it is reported and
 * the call returns without spinning. Unlocking a lock not held is reported.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/spinlock_types.h>
#include <linux/irqflags.h>
#include <linux/rwlock.h>
#include <linux/preempt.h>

#define spin_lock_init(lock)						\
	do { *(lock) = (spinlock_t)__SPIN_LOCK_UNLOCKED(lock); } while (0)

/* Takes lock (preemption off). Never fails; a held lock is reported. */
void spin_lock(spinlock_t *lock);
/* Releases lock (preemption back on). */
void spin_unlock(spinlock_t *lock);
/* Takes lock if it is free: returns 1, else 0 (no report). */
int spin_trylock(spinlock_t *lock);
/* spin_lock with interrupts masked; returns the flags from before, for
 * spin_unlock_irqrestore. Use through spin_lock_irqsave(lock, flags). */
unsigned long _spin_lock_irqsave(spinlock_t *lock);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
/* spin_lock with interrupts masked; spin_unlock_irq unmasks them. */
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);

#define spin_lock_irqsave(lock, flags)					\
	do { (flags) = _spin_lock_irqsave(lock); } while (0)
/* There are no bottom halves: the _bh forms are the plain ones. */
#define spin_lock_bh(lock)		spin_lock(lock)
#define spin_unlock_bh(lock)		spin_unlock(lock)
#define spin_is_locked(lock)		((lock)->locked != 0)
#define assert_spin_locked(lock)	((void)0)

#endif
