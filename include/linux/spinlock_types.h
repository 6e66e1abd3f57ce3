/*
 * <linux/spinlock_types.h>: spinlock_t and rwlock_t and their static
 * initializers. The meaning on one CPU is in <linux/spinlock.h>.
 */
#ifndef _LINUX_SPINLOCK_TYPES_H
#define _LINUX_SPINLOCK_TYPES_H

typedef struct spinlock {
	volatile unsigned int locked;	/* 1 while held */
	void *owner_pc;			/* where it was taken (for reports) */
	void *owner;			/* the task holding it (for reports) */
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname)	{ .locked = 0, .owner_pc = 0, .owner = 0 }
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

typedef struct {
	volatile int readers;		/* read_lock holders */
	volatile unsigned int writer;	/* 1 while write-held */
	void *owner_pc;			/* where the writer took it */
} rwlock_t;

#define __RW_LOCK_UNLOCKED(lockname)	{ .readers = 0, .writer = 0, .owner_pc = 0 }
#define DEFINE_RWLOCK(x)	rwlock_t x = __RW_LOCK_UNLOCKED(x)

#endif
