/*
 * Locks and waiting on one CPU (kernel/sync.c). What modules see is
 * declared in <linux/spinlock.h>, <linux/rwlock.h>, <linux/mutex.h> and
 * <linux/wait.h>; this header adds what the kernel's own waits call.
 */
#ifndef KERNEL_SYNC_H
#define KERNEL_SYNC_H

#include <stdbool.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/semaphore.h>

/* Before a wait that idles the CPU (what names it: "msleep"), called from
 * caller: returns false, having reported it, in interrupt context (where
 * the wait could never end: the caller must not wait); reports, and
 * returns true, with a spinlock held (Linux's "sleeping function called
 * from invalid context"). */
bool sleep_allowed(const char *what, void *caller);

/* Spinlocks held now (the preemption depth Linux would count). */
unsigned spin_depth(void);

#endif
