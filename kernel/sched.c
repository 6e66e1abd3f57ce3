/*
 * Threads on one CPU (APIs in <linux/sched.h>, <linux/kthread.h>,
 * kernel/sched.h). Every task is a kernel thread with its own stack: the
 * boot flow becomes the shell (pid 1), an idle thread (pid 0) halts the
 * CPU when nobody else can run, and kthread_create makes the others.
 *
 * Scheduling is round-robin: a run queue of runnable threads, the running
 * one not on it. A thread gives up the CPU by calling schedule() (after
 * setting a sleeping state, to sleep; still TASK_RUNNING, to yield) or is
 * preempted when the timer tick finds its slice used up. Preemption
 * happens only where the interrupted code allows it: module code (which
 * is fully preemptible, as all kernel code is in a CONFIG_PREEMPT Linux),
 * the kernel's delay loops and the idle loop; the kernel's own code
 * otherwise runs until it sleeps, so its lists and allocators need no
 * locks, and the races a module writer must handle are all in module
 * code, where they can be shown. A woken thread goes to the front of the
 * queue and runs at the next preemption point.
 *
 * Layers: tasks and stacks; the run queue and the switch; sleeping and
 * waking; kthreads; signals; the tick and interrupt exit; what modfs,
 * the oops code and ps ask.
 */
#include "kernel/sched.h"
#include "kernel/arch.h"
#include "kernel/cpu.h"
#include "kernel/oops.h"
#include "kernel/module.h"
#include "kernel/printk.h"
#include "kernel/symbols.h"
#include "mm/mm.h"
#include "lib/string.h"
#include "fs/vfs.h"
#include <stdarg.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/ktime.h>
#include <linux/tick.h>
#include <linux/completion.h>
#include <tessera/errno.h>

extern char boot_stack_bottom[], boot_stack_top[];
void switch_to(unsigned long *save_sp, unsigned long next_sp);
extern char isr_dispatch_ret[];
void thread_entry(void);
void thread_start(void);

static struct signal_struct no_tty = { .tty = NULL };

/* The boot flow: the shell, whose comm is the command it runs. */
static struct task_struct init_task = {
	.pid = 1,
	.tgid = 1,
	.comm = "sh",
	.__state = TASK_RUNNING,
	.signal = &no_tty,
	.flags = PF_KTHREAD,
	.slice = SCHED_SLICE,
	.started = 1,
};

static struct {
	struct list_head runq;		/* runnable, waiting for the CPU */
	struct list_head all;		/* every task but idle, oldest first */
	struct list_head timed;		/* sleepers with a deadline */
	struct task_struct *curr;
	struct task_struct *idle;
	struct task_struct *dead;	/* switched away from for good */
	struct task_struct *foreground;	/* Ctrl-C goes to it */
	bool need_resched;
	pid_t next_pid;
} sched = {
	.curr = &init_task,
	.next_pid = 2,
};

struct task_struct *get_current(void)
{
	return sched.curr;
}

/* --- tasks and stacks --- */

/* The words switch_to pops, lowest first, then its return address. */
struct switch_frame {
	uint32_t eflags, edi, esi, ebx, ebp;
	void (*ret)(void);
};

static void task_free(struct task_struct *t)
{
	vfree(t->stack);
	kfree(t);
}

/* A task that will start in thread_start and run fn(data), not yet on
 * any queue but the list of all (sleeping, not started). */
static struct task_struct *task_new(int (*fn)(void *data), void *data, const char *name,
				    va_list ap)
{
	struct task_struct *t = kzalloc(sizeof(*t));
	struct switch_frame *f;
	uint32_t flags;

	if (!t)
		return NULL;
	t->stack = vmalloc(THREAD_STACK_SIZE);
	if (!t->stack) {
		kfree(t);
		return NULL;
	}
	vm_set_owner(t->stack, "thread stack");
	t->stack_size = THREAD_STACK_SIZE;
	f = (struct switch_frame *)((char *)t->stack + THREAD_STACK_SIZE) - 1;
	*f = (struct switch_frame){ .eflags = 0x2, .ret = thread_entry };
	t->sp = (unsigned long)f;
	vsnprintf(t->comm, sizeof(t->comm), name, ap);
	t->__state = TASK_UNINTERRUPTIBLE;
	t->signal = &no_tty;
	t->flags = PF_KTHREAD;
	t->threadfn = fn;
	t->data = data;
	INIT_LIST_HEAD(&t->run_list);
	INIT_LIST_HEAD(&t->timed);
	flags = irq_save();
	t->pid = t->tgid = sched.next_pid++;
	list_add_tail(&t->tasks, &sched.all);
	irq_restore(flags);
	return t;
}

/* Frees t if it is dead, its stack gone, and nobody holds it. */
static void task_release_if_unused(struct task_struct *t)
{
	if (t->__state != TASK_DEAD || t->stack || t->refs || t->stopper)
		return;
	list_del(&t->tasks);
	task_free(t);
}

/* A module's thread that ends by itself is kept (a zombie) until
 * kthread_stop collects its result or the module goes. */
static bool keep_zombie(const struct task_struct *t)
{
	return module_record_at((uintptr_t)t->threadfn) != NULL;
}

/* After every switch, on the new thread's stack: free the stack of the
 * thread that just died (it could not free the stack it ran on). */
static void finish_switch(void)
{
	struct task_struct *t = sched.dead;

	if (!t)
		return;
	sched.dead = NULL;
	vfree(t->stack);
	t->stack = NULL;
	if (!keep_zombie(t))
		task_release_if_unused(t);
}

/* --- the run queue and the switch (interrupts masked) --- */

static void enqueue(struct task_struct *t, bool front)
{
	if (t->on_rq || t == sched.idle)
		return;
	if (front)
		list_add(&t->run_list, &sched.runq);
	else
		list_add_tail(&t->run_list, &sched.runq);
	t->on_rq = 1;
}

static struct task_struct *pick_next(void)
{
	struct task_struct *t;

	if (list_empty(&sched.runq))
		return sched.idle;
	t = list_first_entry(&sched.runq, struct task_struct, run_list);
	list_del_init(&t->run_list);
	t->on_rq = 0;
	return t;
}

/* Switches to the next thread. prev stays runnable if it is TASK_RUNNING,
 * if a signal ends its interruptible sleep, or if it is preempted (a
 * preempted thread that had just set a sleeping state has not yet looked
 * at its condition: it must run again to do so, or a wake-up is lost). */
static void switch_away(bool preempted)
{
	struct task_struct *prev = sched.curr, *next;

	if (prev->__state != TASK_RUNNING && prev->__state != TASK_DEAD &&
	    signal_pending_state(prev->__state, prev))
		prev->__state = TASK_RUNNING;
	if (prev->__state == TASK_RUNNING || (preempted && prev->__state != TASK_DEAD))
		enqueue(prev, false);
	next = pick_next();
	sched.need_resched = false;
	next->slice = SCHED_SLICE;
	if (next == prev)
		return;
	prev->switches++;
	prev->slept_at = jiffies;
	prev->hung_told = 0;
	sched.curr = next;
	switch_to(&prev->sp, next->sp);
	finish_switch();	/* on prev's stack again, later */
}

/* --- sleeping and waking --- */

/* Reports a sleep where none is allowed; returns false if the caller
 * must not sleep at all (interrupt or timer-function context). */
static bool may_sleep(const char *what, const void *caller)
{
	struct task_struct *t = sched.curr;
	char c[96];

	if (!in_interrupt_context() && !t->preempt_count)
		return true;
	sym_format((uintptr_t)caller, c, sizeof(c));
	if (in_interrupt_context()) {
		printk(KERN_ERR "BUG: %s called from %s in %s: it may not sleep there; "
		       "not sleeping\n", what, c, irq_depth() ? "interrupt context" :
		       "a timer function or tasklet (softirq context)");
		return false;
	}
	printk(KERN_ERR "BUG: scheduling while atomic: %s/%d: %s called from %s with "
	       "%d spinlock%s held or preemption disabled\n", t->comm, t->pid, what, c,
	       t->preempt_count, t->preempt_count == 1 ? "" : "s");
	return true;
}

bool sleep_allowed(const char *what, void *caller)
{
	return may_sleep(what, caller);
}

/* A module call that slept has not been looping since it began: the
 * soft-lockup clock of each guarded call in progress restarts. */
static void restart_guards(struct task_struct *t)
{
	for (struct fault_guard *g = t->guard; g; g = g->prev)
		g->start = jiffies;
}

/* schedule() for the kernel's sleeping functions: what names the call
 * that sleeps ("msleep"), where its caller. */
void sched_schedule_as(const char *what, const void *where)
{
	struct task_struct *t = sched.curr;
	uint32_t flags;

	if (!may_sleep(what, where)) {
		__set_current_state(TASK_RUNNING);
		return;
	}
	flags = irq_save();
	t->wchan = where;
	switch_away(false);
	t->wchan = NULL;
	restart_guards(t);
	irq_restore(flags);
}

static void schedule_at(const void *where)
{
	sched_schedule_as("schedule", where);
}

void schedule(void)
{
	schedule_at(__builtin_return_address(0));
}

int wake_up_process(struct task_struct *p)
{
	uint32_t flags = irq_save();
	int woke = 0;

	if (p->__state != TASK_RUNNING && p->__state != TASK_DEAD) {
		p->__state = TASK_RUNNING;
		p->started = 1;
		if (p != sched.curr && !p->on_rq) {
			enqueue(p, true);
			sched.need_resched = true;
		}
		woke = 1;
	}
	irq_restore(flags);
	return woke;
}

static void timed_remove(struct task_struct *t)
{
	if (t->on_timed) {
		list_del_init(&t->timed);
		t->on_timed = 0;
	}
}

long sched_sleep_timeout(long timeout, const char *what, const void *where)
{
	struct task_struct *t = sched.curr;
	unsigned long expire;
	uint32_t flags;
	long left;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		sched_schedule_as(what, where);
		return timeout;
	}
	if (timeout < 0) {
		char c[96];

		sym_format((uintptr_t)where, c, sizeof(c));
		printk(KERN_ERR "schedule_timeout: wrong timeout value %ld from %s\n",
		       timeout, c);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	if (in_interrupt_context()) {	/* reported; the time "ran out" */
		may_sleep(what, where);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + (unsigned long)timeout;
	flags = irq_save();
	t->wake_at = expire;
	list_add_tail(&t->timed, &sched.timed);
	t->on_timed = 1;
	irq_restore(flags);
	sched_schedule_as(what, where);
	flags = irq_save();
	timed_remove(t);
	irq_restore(flags);
	left = (long)(expire - jiffies);
	return left < 0 ? 0 : left;
}

long schedule_timeout(long timeout)
{
	return sched_sleep_timeout(timeout, "schedule_timeout", __builtin_return_address(0));
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return sched_sleep_timeout(timeout, "schedule_timeout", __builtin_return_address(0));
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return sched_sleep_timeout(timeout, "schedule_timeout", __builtin_return_address(0));
}

long schedule_timeout_killable(long timeout)
{
	__set_current_state(TASK_KILLABLE);
	return sched_sleep_timeout(timeout, "schedule_timeout", __builtin_return_address(0));
}

int _cond_resched(void)
{
	if (!sched.need_resched || in_interrupt_context() || sched.curr->preempt_count)
		return 0;
	__set_current_state(TASK_RUNNING);
	schedule_at(__builtin_return_address(0));
	return 1;
}

void yield(void)
{
	__set_current_state(TASK_RUNNING);
	schedule_at(__builtin_return_address(0));
}

void get_task_struct(struct task_struct *t)
{
	uint32_t flags = irq_save();

	t->refs++;
	irq_restore(flags);
}

void put_task_struct(struct task_struct *t)
{
	uint32_t flags = irq_save();

	if (t->refs > 0)
		t->refs--;
	task_release_if_unused(t);
	irq_restore(flags);
}

/* --- kthreads --- */

static long call_threadfn(void *arg)
{
	struct task_struct *t = arg;

	return t->threadfn(t->data);
}

/* Ends the current thread with code: never returns. */
static void __attribute__((noreturn)) thread_exit(int code)
{
	struct task_struct *t = sched.curr;

	cpu_cli();
	t->exit_code = code;
	t->flags |= PF_EXITING;
	timed_remove(t);
	t->__state = TASK_DEAD;
	if (t->stopper)
		wake_up_process(t->stopper);
	if (sched.foreground == t)
		sched.foreground = NULL;
	sched.dead = t;
	switch_away(false);
	panic("a dead thread (%s, pid %d) was scheduled again", t->comm, t->pid);
}

void kthread_exit(long code)
{
	thread_exit((int)code);
}

void kthread_complete_and_exit(struct completion *comp, long code)
{
	if (comp)
		complete(comp);
	thread_exit((int)code);
}

/* Where every new thread starts (from thread_entry): a module's function
 * runs under a fault guard, so a fault ends the thread, not the kernel. */
void thread_start(void)
{
	struct task_struct *t = sched.curr;
	struct module_record *rec = module_record_at((uintptr_t)t->threadfn);
	struct fault_guard g;
	long ret;

	finish_switch();
	cpu_sti();
	if (t->should_stop) {	/* kthread_stop before it first ran: as Linux */
		ret = -EINTR;
	} else if (rec) {
		ret = guard_call(&g, rec, "thread", call_threadfn, t);
		if (g.faulted)
			printk(KERN_ERR "%s: thread %s (pid %d) ended by the fault\n",
			       rec->name, t->comm, t->pid);
	} else {
		ret = call_threadfn(t);
	}
	thread_exit((int)ret);
}

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data,
					   int node, const char namefmt[], ...)
{
	struct task_struct *t;
	va_list ap;

	(void)node;
	va_start(ap, namefmt);
	t = task_new(threadfn, data, namefmt, ap);
	va_end(ap);
	return t ? t : ERR_PTR(-ENOMEM);
}

static struct task_struct *kernel_thread(int (*fn)(void *data), void *data,
					 const char *fmt, ...)
{
	struct task_struct *t;
	va_list ap;

	va_start(ap, fmt);
	t = task_new(fn, data, fmt, ap);
	va_end(ap);
	return t;
}

struct task_struct *kthread_start_kernel(int (*fn)(void *data), void *data,
					 const char *name)
{
	struct task_struct *t = kernel_thread(fn, data, "%s", name);

	if (t)
		wake_up_process(t);
	return t;
}

static bool task_exists(const struct task_struct *k)
{
	struct task_struct *t;

	list_for_each_entry(t, &sched.all, tasks)
		if (t == k)
			return true;
	return false;
}

/* Also a preemption point for module code, as spin_unlock is: a tick
 * that lands in here (kernel code, not preempted) while a module thread
 * polls it in a loop would otherwise give that thread the next slice too,
 * and two such threads would share the CPU in long, uneven streaks. */
bool kthread_should_stop(void)
{
	if (sched.need_resched && !irqs_disabled() &&
	    module_record_at((uintptr_t)__builtin_return_address(0)))
		_cond_resched();
	return sched.curr->should_stop != 0;
}

int kthread_stop(struct task_struct *k)
{
	void *caller = __builtin_return_address(0);
	uint32_t flags;
	char c[96];
	int ret;

	flags = irq_save();
	if (k == sched.curr || !task_exists(k) || k->stopper) {
		bool busy = k != sched.curr && task_exists(k);
		const char *why = k == sched.curr ? "a thread cannot stop itself" :
				  busy ? "another kthread_stop of it is waiting already" :
				  "no such thread (it ended and was freed, or never was)";

		irq_restore(flags);
		sym_format((uintptr_t)caller, c, sizeof(c));
		printk(KERN_ERR "BUG: kthread_stop(%p) from %s: %s; not stopping\n", k, c,
		       why);
		return busy ? -EBUSY : -ESRCH;
	}
	k->should_stop = 1;
	k->refs++;
	if (!k->started) {	/* never ran: it ends without running */
		k->started = 1;
		k->__state = TASK_RUNNING;
		k->threadfn = NULL;
		list_del(&k->tasks);
		irq_restore(flags);
		task_free(k);
		return -EINTR;
	}
	while (k->__state != TASK_DEAD) {
		k->stopper = sched.curr;
		set_current_state(TASK_UNINTERRUPTIBLE);
		wake_up_process(k);
		if (k->__state != TASK_DEAD)
			schedule_at(caller);
		__set_current_state(TASK_RUNNING);
	}
	k->stopper = NULL;
	ret = k->exit_code;
	k->refs--;
	task_release_if_unused(k);
	irq_restore(flags);
	return ret;
}

/* --- signals --- */

int send_sig(int sig, struct task_struct *p, int priv)
{
	uint32_t flags;

	(void)priv;
	if (sig < 1 || sig > 31)
		return -EINVAL;
	flags = irq_save();
	p->pending.signal.sig[0] |= 1UL << (sig - 1);
	if ((p->__state & TASK_INTERRUPTIBLE) ||
	    ((p->__state & TASK_WAKEKILL) && sig == SIGKILL))
		wake_up_process(p);
	irq_restore(flags);
	return 0;
}

void flush_signals(struct task_struct *p)
{
	uint32_t flags = irq_save();

	p->pending.signal.sig[0] = 0;
	irq_restore(flags);
}

void sched_set_foreground(struct task_struct *t)
{
	sched.foreground = t;
}

bool sched_console_intr(void)
{
	if (!sched.foreground)
		return false;
	send_sig(SIGINT, sched.foreground, 1);
	return true;
}

/* --- the tick and interrupt exit --- */

bool in_interrupt_context(void)
{
	return irq_depth() != 0 || sched.curr->softirq > 0;
}

void kpreempt_begin(void)
{
	sched.curr->kpreempt++;
}

void kpreempt_end(void)
{
	sched.curr->kpreempt--;
}

/* Linux's hung task warning (its khungtaskd waits 120 s; a teaching
 * kernel tells sooner): a thread asleep uninterruptibly, with no time
 * limit, for HUNG_TASK_SECONDS, is named once per sleep, with where. */
#define HUNG_TASK_SECONDS 10

static void hung_check(struct task_struct *t)
{
	char where[96];

	if ((t->__state & ~TASK_WAKEKILL) != TASK_UNINTERRUPTIBLE || t->on_timed ||
	    t->hung_told ||
	    (long)(jiffies - t->slept_at) < HUNG_TASK_SECONDS * HZ)
		return;
	t->hung_told = 1;
	sym_format((uintptr_t)t->wchan, where, sizeof(where));
	printk(KERN_ERR "INFO: task %s:%d blocked for more than %d seconds, in %s\n",
	       t->comm, t->pid, HUNG_TASK_SECONDS, where);
}

void sched_tick(void)
{
	struct task_struct *t = sched.curr, *s, *n;

	t->ticks++;
	if (jiffies % HZ == 0)
		list_for_each_entry(s, &sched.all, tasks)
			hung_check(s);
	list_for_each_entry_safe(s, n, &sched.timed, timed)
		if ((long)(jiffies - s->wake_at) >= 0) {
			timed_remove(s);
			wake_up_process(s);
		}
	if (list_empty(&sched.runq))
		return;
	if (t == sched.idle || --t->slice <= 0)
		sched.need_resched = true;
}

void sched_irq_exit(struct regs *r)
{
	struct task_struct *t = sched.curr;

	if (!sched.need_resched || irq_depth() || t->preempt_count || !sched.idle)
		return;
	if (!t->kpreempt && !module_record_at(r->eip))
		return;
	t->wchan = (const void *)(uintptr_t)r->eip;
	switch_away(true);
	t->wchan = NULL;
}

/* --- idle --- */

static int idle_fn(void *unused)
{
	(void)unused;
	for (;;) {
		cpu_cli();
		if (!list_empty(&sched.runq))
			switch_away(false);
		cpu_sti_hlt();
	}
	return 0;
}

void sched_init(void)
{
	struct task_struct *idle;

	INIT_LIST_HEAD(&sched.runq);
	INIT_LIST_HEAD(&sched.all);
	INIT_LIST_HEAD(&sched.timed);
	INIT_LIST_HEAD(&init_task.run_list);
	INIT_LIST_HEAD(&init_task.timed);
	init_task.stack = boot_stack_bottom;
	init_task.stack_size = boot_stack_top - boot_stack_bottom;
	list_add_tail(&init_task.tasks, &sched.all);
	idle = kernel_thread(idle_fn, NULL, "swapper/0");
	if (!idle)
		panic("sched_init: no memory for the idle thread");
	list_del(&idle->tasks);		/* listed first, by sched_for_each */
	idle->pid = idle->tgid = 0;
	idle->kpreempt = 1;
	idle->__state = TASK_RUNNING;
	idle->started = 1;
	sched.next_pid = 2;
	sched.idle = idle;
}

/* --- what modfs, the oops code and ps ask --- */

static bool inside(uintptr_t p, uintptr_t start, uintptr_t len)
{
	return p - start < len;
}

/* Is [p, p + len) inside t's stack? */
static bool on_stack_of(const struct task_struct *t, uintptr_t p, size_t len)
{
	uintptr_t lo = (uintptr_t)t->stack, hi = lo + t->stack_size;

	return p >= lo && p < hi && len <= hi - p;
}

/* Walks the frames of a switched-out thread t, from the frame switch_to
 * left (its saved EBP) up through every saved EBP: is a return address, or
 * the instruction pointer of an interrupted frame (a thread preempted at
 * the tick), inside [start, start + len)? *where gets the address, *how
 * what it was. Frames are found by EBP (everything is built with frame
 * pointers), so stale words on the stack never count. Registers are not
 * looked at: a correct caller that has just put its reference may still
 * have a dead pointer to the module in one (race_ops_stress found it),
 * and a check that stops a correct unload teaches the wrong lesson. */
static bool frames_point_into(const struct task_struct *t, uintptr_t start, uintptr_t len,
			      uintptr_t *where, const char **how)
{
	const struct switch_frame *sf = (const struct switch_frame *)t->sp;
	uintptr_t fp;

	if (!t->stack || !on_stack_of(t, t->sp, sizeof(*sf)))
		return false;
	fp = sf->ebp;
	for (int depth = 0; depth < 64 && on_stack_of(t, fp, 12); depth++) {
		const uint32_t *frame = (const uint32_t *)fp;
		uintptr_t ret = frame[1];

		if (inside(ret, start, len)) {
			*where = ret;
			*how = "is still in it: a call returns to";
			return true;
		}
		if (ret == (uintptr_t)isr_dispatch_ret && on_stack_of(t, frame[2],
								   sizeof(struct regs))) {
			const struct regs *r = (const struct regs *)frame[2];

			if (inside(r->eip, start, len)) {
				*where = r->eip;
				*how = "is still in it: preempted at";
				return true;
			}
		}
		if (frame[0] <= fp)	/* frames go up the stack */
			break;
		fp = frame[0];
	}
	return false;
}

/* Was t woken (started) but has not run yet? Its saved frame still
 * returns to thread_entry: no frame of it points into its function. */
static bool never_ran(const struct task_struct *t)
{
	const struct switch_frame *sf = (const struct switch_frame *)t->sp;

	return t->stack && on_stack_of(t, t->sp, sizeof(*sf)) && sf->ret == thread_entry;
}

struct task_struct *sched_find_user(uintptr_t start, uintptr_t len, uintptr_t *where,
				    const char **how)
{
	uint32_t flags = irq_save();
	struct task_struct *t, *found = NULL;

	list_for_each_entry(t, &sched.all, tasks) {
		if (t == sched.curr || t->__state == TASK_DEAD)
			continue;
		if (!t->started && inside((uintptr_t)t->threadfn, start, len)) {
			*where = (uintptr_t)t->threadfn;
			*how = "was made to run it, not started:";
		} else if (never_ran(t) && inside((uintptr_t)t->threadfn, start, len)) {
			*where = (uintptr_t)t->threadfn;
			*how = "was woken to run it, not run yet:";
		} else if (!frames_point_into(t, start, len, where, how)) {
			continue;
		}
		found = t;
		t->refs++;
		break;
	}
	irq_restore(flags);
	return found;
}

void sched_reap_module(uintptr_t start, uintptr_t len)
{
	uint32_t flags = irq_save();
	struct task_struct *t, *n;

	list_for_each_entry_safe(t, n, &sched.all, tasks)
		if (t->__state == TASK_DEAD && inside((uintptr_t)t->threadfn, start, len)) {
			t->threadfn = NULL;
			task_release_if_unused(t);
		}
	irq_restore(flags);
}

void sched_for_each(void (*fn)(struct task_struct *t, void *arg), void *arg)
{
	uint32_t flags = irq_save();
	struct task_struct *t;

	if (sched.idle)
		fn(sched.idle, arg);
	list_for_each_entry(t, &sched.all, tasks)
		fn(t, arg);
	irq_restore(flags);
}

unsigned long sched_idle_ticks(void)
{
	return sched.idle ? sched.idle->ticks : 0;
}

u64 get_cpu_idle_time_us(int cpu, u64 *last_update_time)
{
	if (last_update_time)
		*last_update_time = ktime_get_ns() / 1000;
	if (cpu != 0)
		return (u64)-1;
	return (u64)sched_idle_ticks() * (1000000 / HZ);
}

bool on_thread_stack(uintptr_t addr, size_t len)
{
	const struct task_struct *t = sched.curr;
	uintptr_t lo = (uintptr_t)t->stack, hi = lo + t->stack_size;

	return t->stack && addr >= lo && addr < hi && len <= hi - addr;
}

bool in_thread_stack_guard(uintptr_t addr)
{
	const struct task_struct *t = sched.curr;

	return t->stack && t != &init_task && addr - ((uintptr_t)t->stack - 4096) < 4096;
}

/* --- /proc/threads, what ps prints --- */

static char state_letter(const struct task_struct *t)
{
	if (t->__state == TASK_RUNNING)
		return 'R';
	if (t->__state == TASK_DEAD)
		return 'Z';
	if (t->__state & TASK_INTERRUPTIBLE)
		return 'S';
	if (t->__state & TASK_NOLOAD)
		return 'I';	/* TASK_IDLE: an idle kernel thread, as Linux's ps */
	return 'D';
}

/* A kernel function by name ("ksoftirqd"); a module's as Linux prints it
 * ("race_loop+0x0/0x40 [race_kthread]"); "-" for none. */
static void where_format(const void *addr, char *buf, size_t size)
{
	char *plus;

	if (!addr) {
		strlcpy(buf, "-", size);
		return;
	}
	sym_format((uintptr_t)addr, buf, size);
	plus = strchr(buf, '+');
	if (plus && !module_record_at((uintptr_t)addr))
		*plus = '\0';
}

static void show_thread(struct task_struct *t, void *arg)
{
	struct seq_buf *m = arg;
	char fn[96], wchan[96];

	where_format(t == &init_task ? NULL : (const void *)t->threadfn, fn, sizeof(fn));
	where_format(t->__state == TASK_RUNNING || t->__state == TASK_DEAD ? NULL : t->wchan,
		     wchan, sizeof(wchan));
	seq_buf_printf(m, "%5d %c %4lu.%02lu %-15s %-40s %s\n", t->pid, state_letter(t),
		       t->ticks / HZ, t->ticks % HZ * 100 / HZ, t->comm, fn, wchan);
}

int sched_show_threads(struct seq_buf *m, void *arg)
{
	(void)arg;
	seq_buf_printf(m, "%5s %c %7s %-15s %-40s %s\n", "PID", 'S', "TIME", "COMMAND",
		       "FUNCTION", "WCHAN");
	sched_for_each(show_thread, m);
	return m->error;
}

/* --- <linux/preempt.h> --- */

void preempt_disable(void)
{
	sched.curr->preempt_count++;
}

void preempt_enable(void)
{
	void *caller = __builtin_return_address(0);

	if (sched.curr->preempt_count <= 0) {
		char c[96];

		sym_format((uintptr_t)caller, c, sizeof(c));
		printk(KERN_ERR "BUG: preempt_enable from %s without a preempt_disable\n", c);
		return;
	}
	/* from module code with interrupts on: a preemption point */
	if (--sched.curr->preempt_count == 0 && module_record_at((uintptr_t)caller) &&
	    !irqs_disabled())
		_cond_resched();
}

/* As Linux's count, whose higher bits say the context: SOFTIRQ_OFFSET
 * (0x100) while timer functions and tasklets run, HARDIRQ_OFFSET
 * (0x10000) per interrupt level (LDD3's jiq prints it). */
int preempt_count(void)
{
	return sched.curr->preempt_count + (sched.curr->softirq > 0 ? 0x100 : 0) +
	       (int)irq_depth() * 0x10000;
}

bool in_hardirq(void)
{
	return irq_depth() != 0;
}

bool in_softirq(void)
{
	return sched.curr->softirq > 0;
}

bool in_interrupt(void)
{
	return in_interrupt_context();
}

bool in_atomic(void)
{
	return in_interrupt_context() || sched.curr->preempt_count > 0;
}
