/*
 * Deferred work from interrupts (Linux's softirqs, kernel/sched.h): the
 * timer tick raises TIMER_SOFTIRQ when a kernel timer is due,
 * tasklet_schedule raises TASKLET_SOFTIRQ, and one kernel thread,
 * ksoftirqd/0, runs the raised actions. Linux runs softirqs on the way
 * out of an interrupt and falls back to ksoftirqd under load; PREEMPT_RT
 * Linux always runs them in threads, as Tessera does: a timer function
 * then runs in a thread that can be preempted, so the races between a
 * timer and the code that deletes it can be seen on one CPU. While an
 * action runs, the thread is in softirq context (in_interrupt_context):
 * sleeping there is reported, and a fault panics.
 */
#include "kernel/softirq.h"
#include "kernel/sched.h"
#include "kernel/cpu.h"
#include "kernel/printk.h"

static struct {
	unsigned long pending;			/* raised, not yet run */
	void (*action[NR_SOFTIRQS])(void);
	struct task_struct *thread;
	unsigned long runs[NR_SOFTIRQS];	/* times each action ran */
} softirq;

void open_softirq(unsigned nr, void (*action)(void))
{
	softirq.action[nr] = action;
}

void raise_softirq(unsigned nr)
{
	uint32_t flags = irq_save();

	softirq.pending |= 1UL << nr;
	if (softirq.thread)
		wake_up_process(softirq.thread);
	irq_restore(flags);
}

static int ksoftirqd(void *unused)
{
	(void)unused;
	for (;;) {
		unsigned long todo;

		cpu_cli();
		todo = softirq.pending;
		softirq.pending = 0;
		if (!todo) {
			set_current_state(TASK_INTERRUPTIBLE);
			schedule();
			cpu_sti();
			continue;
		}
		cpu_sti();
		current->softirq++;
		for (unsigned nr = 0; nr < NR_SOFTIRQS; nr++)
			if ((todo & (1UL << nr)) && softirq.action[nr]) {
				softirq.runs[nr]++;
				softirq.action[nr]();
			}
		current->softirq--;
	}
	return 0;
}

bool in_softirq_thread(void)
{
	return current == softirq.thread;
}

void softirq_init(void)
{
	softirq.thread = kthread_start_kernel(ksoftirqd, NULL, "ksoftirqd/0");
	if (!softirq.thread)
		panic("softirq_init: no memory for ksoftirqd");
}
