/*
 * <linux/rwlock.h>: reader-writer spinlocks on one CPU (kernel/sync.c):
 * any number of readers or one writer. Readers may nest (a read_lock
 * inside a read_lock is fine, as in Linux); a write_lock while the lock is
 * held in either mode would spin forever on one CPU: it is reported and
 * returns without spinning, as is read_lock while write-held. The _irq
 * and _irqsave forms also mask interrupts.
 */
#ifndef _LINUX_RWLOCK_H
#define _LINUX_RWLOCK_H

#include <linux/spinlock_types.h>
#include <linux/irqflags.h>

#define rwlock_init(lock)						\
	do { *(lock) = (rwlock_t)__RW_LOCK_UNLOCKED(lock); } while (0)

/* Each returns when the lock is taken (or the would-be deadlock
 * reported); the unlocks report a lock not held in that mode. */
void read_lock(rwlock_t *lock);
void read_unlock(rwlock_t *lock);
void write_lock(rwlock_t *lock);
void write_unlock(rwlock_t *lock);
/* 1 if taken, 0 if it would have to wait (no report). */
int read_trylock(rwlock_t *lock);
int write_trylock(rwlock_t *lock);
/* The forms masking interrupts; the _irqsave ones return the flags for
 * the matching _irqrestore. Use through read_lock_irqsave(lock, flags). */
unsigned long _read_lock_irqsave(rwlock_t *lock);
unsigned long _write_lock_irqsave(rwlock_t *lock);
void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);

#define read_lock_irqsave(lock, flags)					\
	do { (flags) = _read_lock_irqsave(lock); } while (0)
#define write_lock_irqsave(lock, flags)					\
	do { (flags) = _write_lock_irqsave(lock); } while (0)
#define read_lock_irq(lock)	do { local_irq_disable(); read_lock(lock); } while (0)
#define read_unlock_irq(lock)	do { read_unlock(lock); local_irq_enable(); } while (0)
#define write_lock_irq(lock)	do { local_irq_disable(); write_lock(lock); } while (0)
#define write_unlock_irq(lock)	do { write_unlock(lock); local_irq_enable(); } while (0)
#define read_lock_bh(lock)	read_lock(lock)
#define read_unlock_bh(lock)	read_unlock(lock)
#define write_lock_bh(lock)	write_lock(lock)
#define write_unlock_bh(lock)	write_unlock(lock)

#endif
