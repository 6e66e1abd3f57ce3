/*
 * Locks and waiting with one CPU and one flow of control (APIs in
 * <linux/spinlock.h>, <linux/rwlock.h>, <linux/mutex.h>, <linux/wait.h>).
 * Nothing else can ever release a lock while its taker waits, so every
 * wait a lock would need is a deadlock: each one is reported (the lock
 * and both callers symbolized) and the call returns without waiting.
 * Layers: reporting; spinlocks; rwlocks; mutexes; idling for wait queues;
 * semaphores.
 */
#include "kernel/sync.h"
#include <linux/sched.h>
#include "kernel/cpu.h"
#include "kernel/oops.h"
#include "kernel/module.h"
#include "kernel/printk.h"
#include "kernel/symbols.h"
#include <tessera/errno.h>

static struct {
	unsigned spin_depth;		/* spinlocks and rwlocks held */
} sync;

/* --- reporting --- */

/* "BUG: <op> of <lock> by <caller>: <what>", both symbolized. */
static void report(const char *op, const void *lock, void *caller, const char *what,
		   void *holder)
{
	char l[96], c[96], h[96];

	sym_format((uintptr_t)lock, l, sizeof(l));
	sym_format((uintptr_t)caller, c, sizeof(c));
	sym_format((uintptr_t)holder, h, sizeof(h));
	printk(KERN_ERR "BUG: %s of %s by %s: %s%s%s\n", op, l, c, what,
	       holder ? " " : "", holder ? h : "");
}

bool sleep_allowed(const char *what, void *caller)
{
	char c[96];

	if (!irq_depth() && !sync.spin_depth)
		return true;
	sym_format((uintptr_t)caller, c, sizeof(c));
	if (irq_depth()) {
		printk(KERN_ERR "BUG: %s called from %s in interrupt context: it could "
		       "never end; not waiting\n", what, c);
		return false;
	}
	printk(KERN_ERR "BUG: %s called from %s with %u spinlock%s held\n", what, c,
	       sync.spin_depth, sync.spin_depth == 1 ? "" : "s");
	return true;
}

unsigned spin_depth(void)
{
	return sync.spin_depth;
}

/* --- spinlocks --- */

/* Takes lock for caller. A recursion is reported and not counted: the
 * inner unlock releases the lock, the outer one is then reported. */
static void spin_take(spinlock_t *lock, void *caller)
{
	if (lock->locked) {
		report("spin_lock", lock, caller, "already held (recursion), it would "
		       "spin forever: not spinning; taken at", lock->owner_pc);
		return;
	}
	sync.spin_depth++;
	lock->locked = 1;
	lock->owner_pc = caller;
}

static void spin_release(spinlock_t *lock, void *caller)
{
	if (!lock->locked)
		report("spin_unlock", lock, caller, "not locked", NULL);
	else
		sync.spin_depth--;
	lock->locked = 0;
}

void spin_lock(spinlock_t *lock)
{
	spin_take(lock, __builtin_return_address(0));
}

void spin_unlock(spinlock_t *lock)
{
	spin_release(lock, __builtin_return_address(0));
}

int spin_trylock(spinlock_t *lock)
{
	if (lock->locked)
		return 0;
	spin_take(lock, __builtin_return_address(0));
	return 1;
}

unsigned long _spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags = irq_save();

	spin_take(lock, __builtin_return_address(0));
	return flags;
}

void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_release(lock, __builtin_return_address(0));
	irq_restore(flags);
}

void spin_lock_irq(spinlock_t *lock)
{
	cpu_cli();
	spin_take(lock, __builtin_return_address(0));
}

void spin_unlock_irq(spinlock_t *lock)
{
	spin_release(lock, __builtin_return_address(0));
	cpu_sti();
}

/* --- rwlocks --- */

static void read_take(rwlock_t *lock, void *caller)
{
	if (lock->writer) {
		report("read_lock", lock, caller, "write-held, it would spin forever: "
		       "not spinning; write-locked at", lock->owner_pc);
		return;
	}
	sync.spin_depth++;
	lock->readers++;
}

static void write_take(rwlock_t *lock, void *caller)
{
	if (lock->writer || lock->readers) {
		report("write_lock", lock, caller, lock->writer ?
		       "write-held, it would spin forever: not spinning; write-locked at" :
		       "read-held, it would spin forever: not spinning", lock->writer ?
		       lock->owner_pc : NULL);
		return;
	}
	sync.spin_depth++;
	lock->writer = 1;
	lock->owner_pc = caller;
}

static void read_release(rwlock_t *lock, void *caller)
{
	if (lock->readers <= 0) {
		report("read_unlock", lock, caller, "not read-locked", NULL);
		return;
	}
	lock->readers--;
	sync.spin_depth--;
}

static void write_release(rwlock_t *lock, void *caller)
{
	if (!lock->writer) {
		report("write_unlock", lock, caller, "not write-locked", NULL);
		return;
	}
	lock->writer = 0;
	sync.spin_depth--;
}

void read_lock(rwlock_t *lock)
{
	read_take(lock, __builtin_return_address(0));
}

void read_unlock(rwlock_t *lock)
{
	read_release(lock, __builtin_return_address(0));
}

void write_lock(rwlock_t *lock)
{
	write_take(lock, __builtin_return_address(0));
}

void write_unlock(rwlock_t *lock)
{
	write_release(lock, __builtin_return_address(0));
}

int read_trylock(rwlock_t *lock)
{
	if (lock->writer)
		return 0;
	read_take(lock, __builtin_return_address(0));
	return 1;
}

int write_trylock(rwlock_t *lock)
{
	if (lock->writer || lock->readers)
		return 0;
	write_take(lock, __builtin_return_address(0));
	return 1;
}

unsigned long _read_lock_irqsave(rwlock_t *lock)
{
	unsigned long flags = irq_save();

	read_take(lock, __builtin_return_address(0));
	return flags;
}

unsigned long _write_lock_irqsave(rwlock_t *lock)
{
	unsigned long flags = irq_save();

	write_take(lock, __builtin_return_address(0));
	return flags;
}

void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	read_release(lock, __builtin_return_address(0));
	irq_restore(flags);
}

void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	write_release(lock, __builtin_return_address(0));
	irq_restore(flags);
}

/* --- mutexes --- */

/* Locks m for caller; returns 0, or -EDEADLK if it was locked (or this is
 * interrupt context), reported. */
static int mutex_take(struct mutex *m, void *caller)
{
	if (irq_depth()) {
		report("mutex_lock", m, caller, "in interrupt context, where it may "
		       "not sleep", NULL);
		return -EDEADLK;
	}
	if (m->locked) {
		report("mutex_lock", m, caller, "already locked, so it would wait "
		       "forever (one flow of control): not waiting; locked at",
		       m->owner_pc);
		return -EDEADLK;
	}
	m->locked = 1;
	m->owner_pc = caller;
	m->owner_irq = false;
	return 0;
}

void mutex_lock(struct mutex *lock)
{
	mutex_take(lock, __builtin_return_address(0));
}

int mutex_lock_interruptible(struct mutex *lock)
{
	return mutex_take(lock, __builtin_return_address(0));
}

int mutex_lock_killable(struct mutex *lock)
{
	return mutex_take(lock, __builtin_return_address(0));
}

int mutex_trylock(struct mutex *lock)
{
	if (lock->locked || irq_depth())
		return 0;
	return mutex_take(lock, __builtin_return_address(0)) == 0;
}

void mutex_unlock(struct mutex *lock)
{
	void *caller = __builtin_return_address(0);

	if (!lock->locked)
		report("mutex_unlock", lock, caller, "not locked", NULL);
	else if ((irq_depth() != 0) != lock->owner_irq)
		report("mutex_unlock", lock, caller, "in interrupt context, which does "
		       "not own it; locked at", lock->owner_pc);
	else if (module_record_at((uintptr_t)caller) !=
		 module_record_at((uintptr_t)lock->owner_pc))
		report("mutex_unlock", lock, caller, "which does not own it; locked at",
		       lock->owner_pc);
	lock->locked = 0;
	lock->owner_pc = NULL;
}

/* --- idling for wait queues --- */

int __wait_idle(wait_queue_head_t *wq, unsigned long flags)
{
	void *caller = __builtin_return_address(0);

	if (!(flags & X86_EFLAGS_IF)) {
		char c[96];

		sym_format((uintptr_t)caller, c, sizeof(c));
		printk(KERN_ERR "BUG: wait_event called from %s with interrupts masked: "
		       "nothing could wake it; not waiting\n", c);
		return -EDEADLK;
	}
	if (!sleep_allowed("wait_event", caller))
		return -EDEADLK;
	wq->waiters = 1;
	cpu_sti_hlt();
	cpu_cli();
	wq->waiters = 0;
	return 0;
}

/* --- open-coded waits: prepare_to_wait, schedule, finish_wait --- */

void prepare_to_wait(wait_queue_head_t *wq, struct wait_queue_entry *entry,
		     int state)
{
	entry->head = wq;
	wq->waiters = 1;
	set_current_state((unsigned int)state);
}

void finish_wait(wait_queue_head_t *wq, struct wait_queue_entry *entry)
{
	__set_current_state(TASK_RUNNING);
	entry->head = NULL;
	wq->waiters = 0;
}

void schedule(void)
{
	void *caller = __builtin_return_address(0);
	unsigned long flags;

	local_irq_save(flags);
	if (current->__state != TASK_RUNNING) {
		if (!(flags & X86_EFLAGS_IF)) {
			char c[96];

			sym_format((uintptr_t)caller, c, sizeof(c));
			printk(KERN_ERR "BUG: schedule called from %s with interrupts "
			       "masked: nothing could wake it; not waiting\n", c);
		} else if (sleep_allowed("schedule", caller)) {
			cpu_sti_hlt();
			cpu_cli();
		}
		__set_current_state(TASK_RUNNING);
	}
	local_irq_restore(flags);
}

/* --- semaphores --- */

/* Takes one for caller; returns 0, or -EDEADLK (reported) when it would
 * wait: the count is 0, or this is interrupt context. */
static int sem_take(struct semaphore *sem, void *caller)
{
	if (irq_depth()) {
		report("down", sem, caller, "in interrupt context, where it may not "
		       "sleep", NULL);
		return -EDEADLK;
	}
	if (sem->count <= 0) {
		report("down", sem, caller, "count is 0, so it would wait forever "
		       "(one flow of control): not waiting; last taken at",
		       sem->last_down);
		return -EDEADLK;
	}
	sem->count--;
	sem->last_down = caller;
	return 0;
}

void down(struct semaphore *sem)
{
	sem_take(sem, __builtin_return_address(0));
}

int down_interruptible(struct semaphore *sem)
{
	return sem_take(sem, __builtin_return_address(0));
}

int down_killable(struct semaphore *sem)
{
	return sem_take(sem, __builtin_return_address(0));
}

int down_trylock(struct semaphore *sem)
{
	if (sem->count <= 0)
		return 1;
	sem->count--;
	sem->last_down = __builtin_return_address(0);
	return 0;
}

void up(struct semaphore *sem)
{
	sem->count++;
}
