/*
 * Workqueues (API in <linux/workqueue.h>): lists of work items, each list
 * served by one kernel thread that takes the first item, runs its
 * function in process context (it may sleep; a module's function runs
 * under a fault guard) and sleeps when the list is empty. Items are
 * queued from any context, so every list is changed with interrupts
 * masked. Flushing puts a barrier item behind what it waits for and
 * sleeps until the thread reaches it; cancelling claims the item (a
 * queue_work meanwhile fails, so an item that re-queues itself stops) and
 * sleeps until no thread runs it. Layers: queues and threads; queueing;
 * delayed work; flushing; cancelling; creating and destroying; unload.
 */
#include "kernel/workqueue.h"
#include "kernel/sched.h"
#include "kernel/cpu.h"
#include "kernel/oops.h"
#include "kernel/module.h"
#include "kernel/printk.h"
#include "kernel/symbols.h"
#include "lib/string.h"
#include <linux/completion.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include <stdarg.h>

#define WQ_NAME_LEN	24
#define DRAIN_ROUNDS	100	/* destroy_workqueue's flushes before it gives up */

struct workqueue_struct {
	char name[WQ_NAME_LEN];
	struct list_head works;		/* queued items, oldest first */
	struct work_struct *current_work;	/* the item its thread runs now */
	struct task_struct *thread;
	uintptr_t owner;		/* image base of the module that made it, or 0 */
	bool draining;			/* destroy_workqueue is emptying it */
	struct list_head list;		/* on wq_state.all */
};

static struct {
	struct list_head all;		/* every workqueue */
	struct list_head armed;		/* delayed work whose timer is armed */
	wait_queue_head_t done;		/* woken each time an item returns */
} wq_state = {
	.all = LIST_HEAD_INIT(wq_state.all),
	.armed = LIST_HEAD_INIT(wq_state.armed),
	.done = __WAIT_QUEUE_HEAD_INITIALIZER(wq_state.done),
};

struct workqueue_struct *system_wq;

/* --- queues and threads --- */

/* The queue whose thread runs work now, or NULL. Interrupts masked. */
static struct workqueue_struct *running_on(const struct work_struct *work)
{
	struct workqueue_struct *wq;

	list_for_each_entry(wq, &wq_state.all, list)
		if (wq->current_work == work)
			return wq;
	return NULL;
}

struct work_call {
	work_func_t func;
	struct work_struct *work;
};

static long call_work(void *arg)
{
	struct work_call *c = arg;

	c->func(c->work);
	return 0;
}

/* Runs one item's function; a module's under a fault guard, so a fault
 * in it marks the module and the thread goes on with the next item. */
static void run_work(work_func_t func, struct work_struct *work)
{
	struct module_record *rec = module_record_at((uintptr_t)func);
	struct work_call c = { func, work };
	struct fault_guard g;

	if (!rec) {
		func(work);
		return;
	}
	guard_call(&g, rec, "work", call_work, &c);
	if (g.faulted)
		printk(KERN_ERR "%s: work function ended by the fault; %s goes on\n",
		       rec->name, current->comm);
}

/* Takes wq's first item and runs it. Returns false if the list was
 * empty (interrupts then still masked, for the caller's sleep), true
 * after a run (interrupts on). */
static noinline bool run_one(struct workqueue_struct *wq)
{
	struct work_struct *work;
	work_func_t func;

	cpu_cli();
	if (list_empty(&wq->works))
		return false;
	work = list_first_entry(&wq->works, struct work_struct, entry);
	list_del_init(&work->entry);
	work->data &= ~WORK_STRUCT_PENDING;
	wq->current_work = work;
	func = work->func;	/* the function may free work */
	cpu_sti();
	run_work(func, work);
	cpu_cli();
	wq->current_work = NULL;
	cpu_sti();
	wake_up_all(&wq_state.done);
	return true;
}

/* A workqueue's thread: runs its items in order until kthread_stop finds
 * the list empty. */
static int worker_fn(void *arg)
{
	struct workqueue_struct *wq = arg;

	for (;;) {
		if (run_one(wq)) {
			cond_resched();	/* an item that re-queues itself shares the CPU */
			continue;
		}
		if (kthread_should_stop()) {
			cpu_sti();
			return 0;
		}
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
		cpu_sti();
	}
}

/* --- queueing --- */

/* Puts work (marked pending) on wq's list before pos and wakes the
 * thread. Interrupts masked. */
static void insert_work(struct workqueue_struct *wq, struct work_struct *work,
			struct list_head *pos)
{
	work->wq = wq;
	list_add_tail(&work->entry, pos);
	wake_up_process(wq->thread);
}

/* "BUG: <what> from <caller>: <why>". */
static void wq_report(const char *what, const void *caller, const char *why,
		      const char *name)
{
	char c[96];

	sym_format((uintptr_t)caller, c, sizeof(c));
	printk(KERN_ERR "BUG: %s from %s: %s%s\n", what, c, why, name ? name : "");
}

/* Refuses new work on a queue being destroyed, but for its own items. */
static bool wq_accepts(struct workqueue_struct *wq, const void *caller)
{
	if (!wq->draining || current == wq->thread)
		return true;
	wq_report("queue_work", caller, "the workqueue is being destroyed: ", wq->name);
	return false;
}

bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	uint32_t flags = irq_save();
	bool queued = false;

	if (!(work->data & WORK_STRUCT_PENDING) &&
	    wq_accepts(wq, __builtin_return_address(0))) {
		work->data |= WORK_STRUCT_PENDING;
		insert_work(wq, work, &wq->works);
		queued = true;
	}
	irq_restore(flags);
	return queued;
}

/* --- delayed work --- */

/* Queues a pending dwork on wq now (delay 0) or arms its timer.
 * Interrupts masked. */
static void queue_delayed(struct workqueue_struct *wq, struct delayed_work *dwork,
			  unsigned long delay)
{
	dwork->wq = wq;
	dwork->work.wq = wq;
	if (!delay) {
		insert_work(wq, &dwork->work, &wq->works);
		return;
	}
	list_add_tail(&dwork->armed, &wq_state.armed);
	mod_timer(&dwork->timer, jiffies + delay);
}

/* The timer of a delayed item (ksoftirqd): queues the item. */
void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);
	uint32_t flags = irq_save();

	list_del_init(&dwork->armed);
	insert_work(dwork->wq, &dwork->work, &dwork->wq->works);
	irq_restore(flags);
}

bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay)
{
	uint32_t flags = irq_save();
	bool queued = false;

	if (!(dwork->work.data & WORK_STRUCT_PENDING) &&
	    wq_accepts(wq, __builtin_return_address(0))) {
		dwork->work.data |= WORK_STRUCT_PENDING;
		queue_delayed(wq, dwork, delay);
		queued = true;
	}
	irq_restore(flags);
	return queued;
}

/* Takes a pending delayed item off its timer or its queue, not pending
 * any more. Returns whether it was pending. Interrupts masked. */
static bool unqueue_delayed(struct delayed_work *dwork)
{
	if (!(dwork->work.data & WORK_STRUCT_PENDING))
		return false;
	if (del_timer(&dwork->timer))
		list_del_init(&dwork->armed);
	else if (!list_empty(&dwork->work.entry))
		list_del_init(&dwork->work.entry);
	else
		return false;
	dwork->work.data &= ~WORK_STRUCT_PENDING;
	return true;
}

bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay)
{
	uint32_t flags = irq_save();
	bool was = false;

	if (!(dwork->work.data & WORK_STRUCT_CANCELING)) {
		was = unqueue_delayed(dwork);
		dwork->work.data |= WORK_STRUCT_PENDING;
		queue_delayed(wq, dwork, delay);
	}
	irq_restore(flags);
	return was;
}

bool cancel_delayed_work(struct delayed_work *dwork)
{
	uint32_t flags = irq_save();
	bool was = false;

	if (!(dwork->work.data & WORK_STRUCT_CANCELING))
		was = unqueue_delayed(dwork);
	irq_restore(flags);
	return was;
}

/* --- flushing --- */

/* An item put behind what a flush waits for: when the thread reaches it,
 * everything before it has run. */
struct wq_barrier {
	struct work_struct work;
	struct completion done;
};

static void barrier_fn(struct work_struct *work)
{
	complete(&container_of(work, struct wq_barrier, work)->done);
}

/* May the caller sleep until wq's thread gets somewhere? Not in interrupt
 * context, nor in wq's own thread (it would wait for itself): reported. */
static bool may_wait_for(struct workqueue_struct *wq, const char *what, const void *caller)
{
	if (in_interrupt_context()) {
		wq_report(what, caller, "it sleeps, not allowed in interrupt context or "
			  "a timer function; not waiting", NULL);
		return false;
	}
	if (wq && current == wq->thread) {
		wq_report(what, caller, "a work item waiting for its own workqueue would "
			  "wait forever; not waiting: ", wq->name);
		return false;
	}
	return true;
}

/* Puts b on wq before pos and sleeps until the thread has run it.
 * Interrupts masked on entry (restored with flags). */
static void barrier_wait(struct workqueue_struct *wq, struct list_head *pos,
			 uint32_t flags)
{
	struct wq_barrier b;

	__init_work(&b.work, barrier_fn);
	init_completion(&b.done);
	b.work.data = WORK_STRUCT_PENDING;
	insert_work(wq, &b.work, pos);
	irq_restore(flags);
	wait_for_completion(&b.done);
}

bool flush_work(struct work_struct *work)
{
	const void *caller = __builtin_return_address(0);
	uint32_t flags = irq_save();
	struct workqueue_struct *wq = running_on(work);
	struct list_head *pos;

	if (!list_empty(&work->entry) && work->wq) {
		wq = work->wq;
		pos = work->entry.next;		/* just behind it */
	} else if (wq) {
		pos = wq->works.next;		/* first: behind the run in progress */
	} else {
		irq_restore(flags);
		return false;
	}
	if (!may_wait_for(wq, "flush_work", caller)) {
		irq_restore(flags);
		return false;
	}
	barrier_wait(wq, pos, flags);
	return true;
}

bool flush_delayed_work(struct delayed_work *dwork)
{
	uint32_t flags = irq_save();

	if (del_timer(&dwork->timer)) {
		list_del_init(&dwork->armed);
		insert_work(dwork->wq, &dwork->work, &dwork->wq->works);
	}
	irq_restore(flags);
	return flush_work(&dwork->work);
}

void flush_workqueue(struct workqueue_struct *wq)
{
	uint32_t flags;

	if (!may_wait_for(wq, "flush_workqueue", __builtin_return_address(0)))
		return;
	flags = irq_save();
	barrier_wait(wq, &wq->works, flags);
}

/* --- cancelling --- */

/* Takes work off its queue and marks it claimed (pending and canceling:
 * queue_work fails meanwhile). Returns whether it was pending. Interrupts
 * masked. */
static bool cancel_claim(struct work_struct *work)
{
	bool was = (work->data & WORK_STRUCT_PENDING) != 0;

	if (!list_empty(&work->entry))
		list_del_init(&work->entry);
	work->data |= WORK_STRUCT_PENDING | WORK_STRUCT_CANCELING;
	return was;
}

/* Sleeps until no thread runs work, then releases the claim. */
static void cancel_finish(struct work_struct *work)
{
	uint32_t flags;

	wait_event(wq_state.done, !running_on(work));
	flags = irq_save();
	work->data &= ~(WORK_STRUCT_PENDING | WORK_STRUCT_CANCELING);
	irq_restore(flags);
}

bool cancel_work_sync(struct work_struct *work)
{
	const void *caller = __builtin_return_address(0);
	uint32_t flags = irq_save();
	struct workqueue_struct *wq = running_on(work);
	bool was;

	if (!may_wait_for(wq, "cancel_work_sync", caller)) {
		irq_restore(flags);
		return false;
	}
	was = cancel_claim(work);
	irq_restore(flags);
	cancel_finish(work);
	return was;
}

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	const void *caller = __builtin_return_address(0);
	uint32_t flags = irq_save();
	struct workqueue_struct *wq = running_on(&dwork->work);
	bool was;

	if (!may_wait_for(wq, "cancel_delayed_work_sync", caller)) {
		irq_restore(flags);
		return false;
	}
	was = cancel_claim(&dwork->work);
	if (del_timer(&dwork->timer))
		list_del_init(&dwork->armed);
	irq_restore(flags);
	cancel_finish(&dwork->work);
	return was;
}

/* --- creating and destroying --- */

/* A queue and its thread, named name; owner is the creating module's
 * image base (0: the kernel's). NULL without memory. */
static struct workqueue_struct *wq_create(const char *name, uintptr_t owner)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq));
	uint32_t flags;

	if (!wq)
		return NULL;
	strlcpy(wq->name, name, sizeof(wq->name));
	INIT_LIST_HEAD(&wq->works);
	wq->owner = owner;
	wq->thread = kthread_start_kernel(worker_fn, wq, name);
	if (!wq->thread) {
		kfree(wq);
		return NULL;
	}
	flags = irq_save();
	list_add_tail(&wq->list, &wq_state.all);
	irq_restore(flags);
	return wq;
}

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
{
	struct module_record *rec = module_record_at((uintptr_t)__builtin_return_address(0));
	char name[WQ_NAME_LEN];
	va_list ap;

	(void)flags;
	va_start(ap, max_active);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	return wq_create(name, rec ? (uintptr_t)rec->hdr : 0);
}

/* Cancels delayed items still armed to queue onto wq (they would queue
 * onto freed memory), reporting each. */
static void disarm_for(struct workqueue_struct *wq)
{
	uint32_t flags = irq_save();
	struct delayed_work *d, *n;
	char sym[96];

	list_for_each_entry_safe(d, n, &wq_state.armed, armed) {
		if (d->wq != wq)
			continue;
		unqueue_delayed(d);
		sym_format((uintptr_t)d->work.func, sym, sizeof(sym));
		printk(KERN_ERR "BUG: destroy_workqueue(%s): delayed work %s still armed; "
		       "cancelled it\n", wq->name, sym);
	}
	irq_restore(flags);
}

/* Runs everything queued on wq, items queued by its own items too; after
 * DRAIN_ROUNDS flushes what is still queued is dropped (reported). */
static void drain(struct workqueue_struct *wq)
{
	for (int round = 0; ; round++) {
		uint32_t flags;
		struct work_struct *w, *n;

		flush_workqueue(wq);
		flags = irq_save();
		if (list_empty(&wq->works) || round == DRAIN_ROUNDS) {
			list_for_each_entry_safe(w, n, &wq->works, entry) {
				list_del_init(&w->entry);
				w->data &= ~WORK_STRUCT_PENDING;
				printk(KERN_ERR "BUG: destroy_workqueue(%s): an item keeps "
				       "queueing itself; dropped it\n", wq->name);
			}
			irq_restore(flags);
			return;
		}
		irq_restore(flags);
	}
}

void destroy_workqueue(struct workqueue_struct *wq)
{
	const void *caller = __builtin_return_address(0);
	uint32_t flags;

	if (wq == system_wq) {
		wq_report("destroy_workqueue", caller, "the system workqueue stays", NULL);
		return;
	}
	if (!may_wait_for(wq, "destroy_workqueue", caller))
		return;
	wq->draining = true;
	disarm_for(wq);
	drain(wq);
	kthread_stop(wq->thread);
	/* its own last items may have armed delayed work for it meanwhile:
	 * no timer may queue onto it once it is freed */
	disarm_for(wq);
	flags = irq_save();
	list_del(&wq->list);
	irq_restore(flags);
	kfree(wq);
}

void workqueue_init(void)
{
	system_wq = wq_create("kworker/0", 0);
	if (!system_wq)
		panic("workqueue_init: no memory for kworker/0");
	strlcpy(system_wq->name, "events", sizeof(system_wq->name));
}

/* --- unload --- */

static bool inside(uintptr_t p, uintptr_t start, uintptr_t len)
{
	return p - start < len;
}

static bool work_inside(const struct work_struct *w, uintptr_t start, uintptr_t len)
{
	return inside((uintptr_t)w, start, len) || inside((uintptr_t)w->func, start, len);
}

unsigned work_remove_range(uintptr_t start, uintptr_t len,
			   void (*report)(const struct work_struct *work, const char *what,
					  void *arg), void *arg)
{
	uint32_t flags = irq_save();
	struct workqueue_struct *wq;
	struct work_struct *w, *wn;
	struct delayed_work *d, *dn;
	char what[64];
	unsigned n = 0;

	list_for_each_entry_safe(d, dn, &wq_state.armed, armed) {
		if (!work_inside(&d->work, start, len))
			continue;
		snprintf(what, sizeof(what), "delayed work armed for %s", d->wq->name);
		if (report)
			report(&d->work, what, arg);
		unqueue_delayed(d);
		n++;
	}
	list_for_each_entry(wq, &wq_state.all, list)
		list_for_each_entry_safe(w, wn, &wq->works, entry) {
			if (!work_inside(w, start, len))
				continue;
			snprintf(what, sizeof(what), "work queued on %s", wq->name);
			if (report)
				report(w, what, arg);
			list_del_init(&w->entry);
			w->data &= ~WORK_STRUCT_PENDING;
			n++;
		}
	irq_restore(flags);
	return n;
}

/* The first workqueue made by code in [start, start + len), or NULL. */
static struct workqueue_struct *made_in(uintptr_t start, uintptr_t len)
{
	struct workqueue_struct *wq;

	list_for_each_entry(wq, &wq_state.all, list)
		if (wq->owner && inside(wq->owner, start, len))
			return wq;
	return NULL;
}

unsigned workqueue_remove_range(uintptr_t start, uintptr_t len,
				void (*report)(const char *name, void *arg), void *arg)
{
	struct workqueue_struct *wq;
	unsigned n = 0;

	while ((wq = made_in(start, len))) {
		wq->owner = 0;
		if (report)
			report(wq->name, arg);
		destroy_workqueue(wq);
		n++;
	}
	return n;
}
