/*
 * Tasklets (API in <linux/interrupt.h>): two lists of scheduled tasklets,
 * high priority first, run one at a time by the TASKLET_SOFTIRQ action in
 * ksoftirqd (softirq context, kernel/softirq.c). A disabled tasklet stays
 * on its list until enabled. The lists are changed with interrupts
 * masked: tasklet_schedule is called from interrupt handlers. Waiters
 * (tasklet_kill, tasklet_disable) sleep on a wait queue woken after each
 * run.
 */
#include "kernel/workqueue.h"
#include "kernel/softirq.h"
#include "kernel/sched.h"
#include "kernel/cpu.h"
#include "kernel/printk.h"
#include "kernel/symbols.h"
#include <linux/wait.h>

#define SCHED	(1UL << TASKLET_STATE_SCHED)
#define RUN	(1UL << TASKLET_STATE_RUN)

static struct {
	struct tasklet_struct *list[2];		/* [0] high priority, [1] normal */
	wait_queue_head_t done;			/* woken after each run */
} tasklets = {
	.done = __WAIT_QUEUE_HEAD_INITIALIZER(tasklets.done),
};

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data)
{
	*t = (struct tasklet_struct){ .func = func, .data = data };
}

void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *))
{
	*t = (struct tasklet_struct){ .use_callback = true, .callback = callback };
}

/* Appends t to list l. Interrupts masked. */
static void append(int l, struct tasklet_struct *t)
{
	struct tasklet_struct **p = &tasklets.list[l];

	while (*p)
		p = &(*p)->next;
	t->next = NULL;
	*p = t;
}

/* Takes t off its list if it is on one. Interrupts masked. */
static bool unlink_tasklet(struct tasklet_struct *t)
{
	for (int l = 0; l < 2; l++)
		for (struct tasklet_struct **p = &tasklets.list[l]; *p; p = &(*p)->next)
			if (*p == t) {
				*p = t->next;
				t->next = NULL;
				return true;
			}
	return false;
}

static void schedule_on(int l, struct tasklet_struct *t)
{
	uint32_t flags = irq_save();

	if (!(t->state & SCHED)) {
		t->state |= SCHED;
		append(l, t);
		raise_softirq(TASKLET_SOFTIRQ);
	}
	irq_restore(flags);
}

void tasklet_schedule(struct tasklet_struct *t)
{
	schedule_on(1, t);
}

void tasklet_hi_schedule(struct tasklet_struct *t)
{
	schedule_on(0, t);
}

/* The first enabled tasklet scheduled, taken off its list (running), or
 * NULL. Interrupts masked. */
static struct tasklet_struct *take_runnable(void)
{
	for (int l = 0; l < 2; l++)
		for (struct tasklet_struct *t = tasklets.list[l]; t; t = t->next)
			if (!atomic_read(&t->count)) {
				unlink_tasklet(t);
				t->state = (t->state & ~SCHED) | RUN;
				return t;
			}
	return NULL;
}

/* TASKLET_SOFTIRQ, in ksoftirqd: runs as many tasklets as were scheduled
 * on entry (one that schedules itself again runs on the next round). */
static void tasklets_run(void)
{
	uint32_t flags = irq_save();
	unsigned n = 0;

	for (int l = 0; l < 2; l++)
		for (struct tasklet_struct *t = tasklets.list[l]; t; t = t->next)
			n++;
	irq_restore(flags);
	while (n--) {
		struct tasklet_struct *t;

		flags = irq_save();
		t = take_runnable();
		irq_restore(flags);
		if (!t)
			break;
		if (t->use_callback)
			t->callback(t);
		else
			t->func(t->data);
		flags = irq_save();
		t->state &= ~RUN;
		irq_restore(flags);
		wake_up_all(&tasklets.done);
	}
	flags = irq_save();
	for (int l = 0; l < 2; l++)
		for (struct tasklet_struct *t = tasklets.list[l]; t; t = t->next)
			if (!atomic_read(&t->count))
				raise_softirq(TASKLET_SOFTIRQ);
	irq_restore(flags);
}

void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
}

void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	if (!in_interrupt_context())
		wait_event(tasklets.done, !(t->state & RUN));
}

void tasklet_enable(struct tasklet_struct *t)
{
	uint32_t flags = irq_save();

	if (atomic_dec_return(&t->count) == 0 && (t->state & SCHED))
		raise_softirq(TASKLET_SOFTIRQ);
	irq_restore(flags);
}

void tasklet_kill(struct tasklet_struct *t)
{
	uint32_t flags;

	if (in_interrupt_context()) {
		char c[96];

		sym_format((uintptr_t)__builtin_return_address(0), c, sizeof(c));
		printk(KERN_ERR "BUG: tasklet_kill from %s: it sleeps, not allowed in "
		       "interrupt context or a tasklet; not waiting\n", c);
		return;
	}
	flags = irq_save();
	if ((t->state & SCHED) && atomic_read(&t->count) && unlink_tasklet(t))
		t->state &= ~SCHED;
	irq_restore(flags);
	wait_event(tasklets.done, !(t->state & (SCHED | RUN)));
}

void tasklet_init_softirq(void)
{
	open_softirq(TASKLET_SOFTIRQ, tasklets_run);
}

static bool inside(uintptr_t p, uintptr_t start, uintptr_t len)
{
	return p - start < len;
}

unsigned tasklet_remove_range(uintptr_t start, uintptr_t len,
			      void (*report)(const struct tasklet_struct *t, void *arg),
			      void *arg)
{
	uint32_t flags = irq_save();
	unsigned n = 0;

	for (int l = 0; l < 2; l++) {
		struct tasklet_struct **p = &tasklets.list[l];

		while (*p) {
			struct tasklet_struct *t = *p;

			if (!inside((uintptr_t)t, start, len) &&
			    !inside((uintptr_t)t->func, start, len)) {
				p = &t->next;
				continue;
			}
			if (report)
				report(t, arg);
			*p = t->next;
			t->next = NULL;
			t->state &= ~SCHED;
			n++;
		}
	}
	irq_restore(flags);
	return n;
}
