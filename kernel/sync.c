/*
 * Locks and waiting on one CPU with preemptible threads (APIs in
 * <linux/spinlock.h>, <linux/rwlock.h>, <linux/mutex.h>, <linux/wait.h>,
 * <linux/completion.h>, <linux/semaphore.h>). A spinlock disables
 * preemption (the holder's preempt_count): nobody else can run until it is
 * released, so finding one held can only be the same thread coming back
 * (or a handler interrupting a holder that left interrupts on), which
 * would spin forever: reported, not spun. Mutexes, semaphores, wait queues
 * and completions sleep in schedule() (kernel/sched.c) until woken. Every
 * list of sleepers is changed with interrupts masked. Layers: reporting;
 * spinlocks; rwlocks; mutexes; wait queues; completions; semaphores.
 */
#include "kernel/sync.h"
#include "kernel/sched.h"
#include <linux/completion.h>
#include "kernel/cpu.h"
#include "kernel/oops.h"
#include "kernel/module.h"
#include "kernel/printk.h"
#include "kernel/symbols.h"
#include <tessera/errno.h>

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

unsigned spin_depth(void)
{
	return (unsigned)current->preempt_count;
}

/* Preemption back on after the last spinlock: a thread woken meanwhile
 * runs now, if the unlock is module code (the kernel's own code is not
 * preempted, see kernel/sched.c) with interrupts on. */
static void preempt_point(void *caller)
{
	if (!current->preempt_count && !irqs_disabled() && !in_interrupt_context() &&
	    module_record_at((uintptr_t)caller))
		cond_resched();
}

/* --- spinlocks --- */

/* A lock released: preemption back on by one. A lock taken by a call a
 * fault ended (its holder never released it) and released by another
 * thread would take this one's count below zero: it stays at zero. */
static void preempt_put(void)
{
	if (current->preempt_count > 0)
		current->preempt_count--;
}

/* Takes lock for caller. A recursion is reported and not counted: the
 * inner unlock releases the lock, the outer one is then reported. */
static void spin_take(spinlock_t *lock, void *caller)
{
	if (lock->locked) {
		/* the holder is this task, or one that slept holding it (reported
		 * then) or whose call a fault ended: nobody can release it while
		 * this one spins */
		report("spin_lock", lock, caller, lock->owner == current ?
		       "already held (recursion), it would spin forever: not spinning; "
		       "taken at" : "held by another task that slept or faulted "
		       "holding it, it would spin forever: not spinning; taken at",
		       lock->owner_pc);
		return;
	}
	current->preempt_count++;
	lock->locked = 1;
	lock->owner_pc = caller;
	lock->owner = current;
}

static void spin_release(spinlock_t *lock, void *caller)
{
	if (!lock->locked)
		report("spin_unlock", lock, caller, "not locked", NULL);
	else
		preempt_put();
	lock->locked = 0;
	lock->owner = NULL;
}

void spin_lock(spinlock_t *lock)
{
	spin_take(lock, __builtin_return_address(0));
}

void spin_unlock(spinlock_t *lock)
{
	spin_release(lock, __builtin_return_address(0));
	preempt_point(__builtin_return_address(0));
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
	preempt_point(__builtin_return_address(0));
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
	preempt_point(__builtin_return_address(0));
}

/* --- rwlocks --- */

static void read_take(rwlock_t *lock, void *caller)
{
	if (lock->writer) {
		report("read_lock", lock, caller, "write-held, it would spin forever: "
		       "not spinning; write-locked at", lock->owner_pc);
		return;
	}
	current->preempt_count++;
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
	current->preempt_count++;
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
	preempt_put();
}

static void write_release(rwlock_t *lock, void *caller)
{
	if (!lock->writer) {
		report("write_unlock", lock, caller, "not write-locked", NULL);
		return;
	}
	lock->writer = 0;
	preempt_put();
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

/* One task sleeping for a mutex or a semaphore. */
struct lock_waiter {
	struct list_head list;
	struct task_struct *task;
};

/* Sleeps in state until woken: the waiter is queued on list meanwhile.
 * Interrupts masked on entry and return. Returns -EINTR if a signal is
 * pending before it sleeps (interruptible or killable), else 0: a signal
 * that comes after mutex_unlock woke this waiter does not count, the
 * caller looks at the lock again first (else the wake-up meant for the
 * next waiter would be lost with the mutex free, as in Linux's loop). */
static int sleep_on(struct list_head *list, int state, const void *caller, bool again)
{
	struct lock_waiter w = { .task = current };
	int err = 0;

	if (again)	/* woken, but another task took it first: keep our place */
		list_add(&w.list, list);
	else
		list_add_tail(&w.list, list);
	set_current_state(state);
	if (signal_pending_state(state, current))
		err = -EINTR;
	else
		sched_schedule_as("mutex_lock", caller);
	__set_current_state(TASK_RUNNING);
	list_del(&w.list);
	return err;
}

static void wake_first(struct list_head *list)
{
	if (!list_empty(list))
		wake_up_process(list_first_entry(list, struct lock_waiter, list)->task);
}

/* Locks m for caller, sleeping in state while another task holds it;
 * returns 0, -EINTR (a signal), or -EDEADLK (reported): the caller holds
 * it already, or this is interrupt context. */
static int mutex_take(struct mutex *m, int state, void *caller)
{
	uint32_t flags;
	int err = 0, slept = 0;

	if (in_interrupt_context()) {
		report("mutex_lock", m, caller, "in interrupt context, where it may "
		       "not sleep", NULL);
		return -EDEADLK;
	}
	flags = irq_save();
	while (m->owner && !err) {
		if (m->owner == current) {
			irq_restore(flags);
			report("mutex_lock", m, caller, "already held by this task, so it "
			       "would sleep forever: not waiting; locked at", m->owner_pc);
			return -EDEADLK;
		}
		if (current->preempt_count)
			sleep_allowed("mutex_lock", caller);
		err = sleep_on(&m->wait_list, state, caller, slept++ > 0);
	}
	if (!err) {
		m->owner = current;
		m->owner_pc = caller;
	}
	irq_restore(flags);
	return err;
}

void mutex_lock(struct mutex *lock)
{
	mutex_take(lock, TASK_UNINTERRUPTIBLE, __builtin_return_address(0));
}

int mutex_lock_interruptible(struct mutex *lock)
{
	return mutex_take(lock, TASK_INTERRUPTIBLE, __builtin_return_address(0));
}

int mutex_lock_killable(struct mutex *lock)
{
	return mutex_take(lock, TASK_KILLABLE, __builtin_return_address(0));
}

int mutex_trylock(struct mutex *lock)
{
	uint32_t flags;
	int ok = 0;

	if (in_interrupt_context())
		return 0;
	flags = irq_save();
	if (!lock->owner) {
		lock->owner = current;
		lock->owner_pc = __builtin_return_address(0);
		ok = 1;
	}
	irq_restore(flags);
	return ok;
}

void mutex_unlock(struct mutex *lock)
{
	void *caller = __builtin_return_address(0);
	uint32_t flags;

	if (!lock->owner)
		report("mutex_unlock", lock, caller, "not locked", NULL);
	else if (in_interrupt_context())
		report("mutex_unlock", lock, caller, "in interrupt context, which does "
		       "not own it; locked at", lock->owner_pc);
	else if (lock->owner != current)
		report("mutex_unlock", lock, caller, "by a task that does not own it; "
		       "locked at", lock->owner_pc);
	flags = irq_save();
	lock->owner = NULL;
	lock->owner_pc = NULL;
	wake_first(&lock->wait_list);
	irq_restore(flags);
}

/* --- wait queues --- */

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags,
			  void *key)
{
	struct task_struct *p = wq_entry->private;

	(void)flags;
	(void)key;
	if (!(p->__state & mode))
		return 0;
	return wake_up_process(p);
}

int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode,
			     int flags, void *key)
{
	int ret = default_wake_function(wq_entry, mode, flags, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags)
{
	wq_entry->flags = (unsigned)flags;
	wq_entry->private = current;
	wq_entry->func = autoremove_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	uint32_t flags = irq_save();

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	list_add(&wq_entry->entry, &wq_head->head);
	irq_restore(flags);
}

void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry)
{
	uint32_t flags = irq_save();

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	list_add_tail(&wq_entry->entry, &wq_head->head);
	irq_restore(flags);
}

void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	uint32_t flags = irq_save();

	(void)wq_head;
	list_del_init(&wq_entry->entry);
	irq_restore(flags);
}

/* Queues the entry if it is not on a queue: non-exclusive waiters first,
 * exclusive ones at the end (wake_up wakes in order). */
static void queue_entry(struct wait_queue_head *wq_head, struct wait_queue_entry *e)
{
	if (!list_empty(&e->entry) && e->entry.next)
		return;
	if (e->flags & WQ_FLAG_EXCLUSIVE)
		list_add_tail(&e->entry, &wq_head->head);
	else
		list_add(&e->entry, &wq_head->head);
}

void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
		     int state)
{
	uint32_t flags = irq_save();

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	queue_entry(wq_head, wq_entry);
	set_current_state((unsigned)state);
	irq_restore(flags);
}

void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state)
{
	uint32_t flags = irq_save();

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	queue_entry(wq_head, wq_entry);
	set_current_state((unsigned)state);
	irq_restore(flags);
}

long prepare_to_wait_event(struct wait_queue_head *wq_head,
			   struct wait_queue_entry *wq_entry, int state)
{
	void *caller = __builtin_return_address(0);
	uint32_t flags;
	long ret = 0;

	if (in_interrupt_context()) {
		sleep_allowed("wait_event", caller);
		return -EDEADLK;
	}
	flags = irq_save();
	if (signal_pending_state((unsigned)state, current)) {
		list_del_init(&wq_entry->entry);
		ret = -ERESTARTSYS;
	} else {
		queue_entry(wq_head, wq_entry);
		set_current_state((unsigned)state);
	}
	irq_restore(flags);
	return ret;
}

void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	uint32_t flags;

	(void)wq_head;
	__set_current_state(TASK_RUNNING);
	flags = irq_save();
	if (wq_entry->entry.next && !list_empty(&wq_entry->entry))
		list_del_init(&wq_entry->entry);
	irq_restore(flags);
}

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive,
	       void *key)
{
	uint32_t flags = irq_save();
	struct wait_queue_entry *e, *n;

	list_for_each_entry_safe(e, n, &wq_head->head, entry) {
		unsigned excl = e->flags & WQ_FLAG_EXCLUSIVE;
		int ret = e->func(e, mode, 0, key);

		if (ret < 0)
			break;
		if (ret && excl && !--nr_exclusive)
			break;
	}
	irq_restore(flags);
}

/* --- completions --- */

/* Takes one completion if there is one. */
static bool completion_take(struct completion *x)
{
	uint32_t flags = irq_save();
	bool ok = x->done != 0;

	if (ok && x->done != UINT_MAX)
		x->done--;
	irq_restore(flags);
	return ok;
}

void complete(struct completion *x)
{
	uint32_t flags = irq_save();

	if (x->done != UINT_MAX)
		x->done++;
	__wake_up(&x->wait, TASK_NORMAL, 1, NULL);
	irq_restore(flags);
}

void complete_all(struct completion *x)
{
	uint32_t flags = irq_save();

	x->done = UINT_MAX;
	__wake_up(&x->wait, TASK_NORMAL, 0, NULL);
	irq_restore(flags);
}

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, completion_take(x));
}

unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return (unsigned long)wait_event_timeout(x->wait, completion_take(x), (long)timeout);
}

int wait_for_completion_interruptible(struct completion *x)
{
	return wait_event_interruptible(x->wait, completion_take(x));
}

int wait_for_completion_killable(struct completion *x)
{
	return wait_event_killable(x->wait, completion_take(x));
}

long wait_for_completion_interruptible_timeout(struct completion *x,
					       unsigned long timeout)
{
	return wait_event_interruptible_timeout(x->wait, completion_take(x), (long)timeout);
}

bool try_wait_for_completion(struct completion *x)
{
	return completion_take(x);
}

bool completion_done(struct completion *x)
{
	return x->done != 0;
}

/* --- semaphores --- */

/* Takes one for caller, sleeping in state (at most timeout ticks) while
 * the count is 0; returns 0, -EINTR, -ETIME, or -EDEADLK in interrupt
 * context (reported). */
static int sem_take(struct semaphore *sem, int state, long timeout, void *caller)
{
	unsigned long end = jiffies + (unsigned long)timeout;
	uint32_t flags;
	int err = 0;

	if (in_interrupt_context()) {
		report("down", sem, caller, "in interrupt context, where it may not "
		       "sleep", NULL);
		return -EDEADLK;
	}
	flags = irq_save();
	while (sem->count <= 0 && !err) {
		struct lock_waiter w = { .task = current };

		if (timeout != MAX_SCHEDULE_TIMEOUT && (long)(end - jiffies) <= 0) {
			err = -ETIME;
			break;
		}
		list_add_tail(&w.list, &sem->wait_list);
		set_current_state(state);
		if (signal_pending_state(state, current))
			err = -EINTR;
		else if (timeout == MAX_SCHEDULE_TIMEOUT)
			sched_schedule_as("down", caller);
		else
			sched_sleep_timeout((long)(end - jiffies), "down_timeout", caller);
		__set_current_state(TASK_RUNNING);
		list_del(&w.list);
	}
	if (!err) {
		sem->count--;
		sem->last_down = caller;
	}
	irq_restore(flags);
	return err;
}

void down(struct semaphore *sem)
{
	sem_take(sem, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT, __builtin_return_address(0));
}

int down_interruptible(struct semaphore *sem)
{
	return sem_take(sem, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT,
			__builtin_return_address(0));
}

int down_killable(struct semaphore *sem)
{
	return sem_take(sem, TASK_KILLABLE, MAX_SCHEDULE_TIMEOUT,
			__builtin_return_address(0));
}

int down_timeout(struct semaphore *sem, long timeout)
{
	return sem_take(sem, TASK_UNINTERRUPTIBLE, timeout, __builtin_return_address(0));
}

int down_trylock(struct semaphore *sem)
{
	uint32_t flags = irq_save();
	int busy = sem->count <= 0;

	if (!busy) {
		sem->count--;
		sem->last_down = __builtin_return_address(0);
	}
	irq_restore(flags);
	return busy;
}

void up(struct semaphore *sem)
{
	uint32_t flags = irq_save();

	sem->count++;
	wake_first(&sem->wait_list);
	irq_restore(flags);
}
