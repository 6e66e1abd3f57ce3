/*
 * <linux/sched.h>: tasks and the scheduler (kernel/sched.c). Tessera's
 * tasks are kernel threads on one CPU, scheduled round-robin and
 * preempted by the timer tick: the shell (pid 1, named by the command it
 * runs), the idle thread (pid 0), ksoftirqd (timers and tasklets),
 * kworker (work items) and whatever kthread_run starts. A task sleeps by
 * setting its state and calling schedule(); wake_up_process makes it
 * runnable again. `current` is <asm/current.h>'s.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/jiffies.h>
#include <asm/current.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <asm/page.h>
#include <asm/processor.h>

#define TASK_COMM_LEN		16

struct signal_struct;	/* <linux/sched/signal.h> */

/* A set of signals, as Linux's on i386: bit (sig - 1) of the words. */
#define _NSIG		64
#define _NSIG_BPW	32
#define _NSIG_WORDS	(_NSIG / _NSIG_BPW)
typedef struct {
	unsigned long sig[_NSIG_WORDS];
} sigset_t;

/* The signals sent to a task and not yet taken (Linux also queues their
 * siginfo on list; only the set is kept here). */
struct sigpending {
	struct list_head list;
	sigset_t signal;
};
struct fault_guard;	/* kernel/oops.h */

/* The first fields are those drivers read (Linux's names); the rest are
 * the scheduler's own, which a module must not touch. */
struct task_struct {
	pid_t pid;
	pid_t tgid;
	char comm[TASK_COMM_LEN];	/* the thread's name, NUL-terminated */
	volatile unsigned int __state;	/* TASK_*: set before schedule() */
	struct signal_struct *signal;	/* never NULL */
	struct sigpending pending;	/* signals sent, not yet taken */
	sigset_t blocked;		/* signals it does not take: none here */
	unsigned int flags;		/* PF_* */

	/* --- the scheduler's (kernel/sched.c) --- */
	unsigned long sp;		/* stack pointer while switched out */
	void *stack;			/* its stack's lowest byte (vmalloc'd) */
	unsigned long stack_size;	/* bytes */
	struct list_head run_list;	/* on the run queue while waiting to run */
	struct list_head tasks;		/* on the list of every task */
	struct list_head timed;		/* on the list of timed sleepers */
	unsigned long wake_at;		/* jiffies: when a timed sleep ends */
	int on_rq, on_timed;		/* on those lists now */
	int preempt_count;		/* spinlocks held + preempt_disable()s */
	int softirq;			/* > 0 while it runs timer functions/tasklets */
	int slice;			/* ticks left before it yields the CPU */
	struct fault_guard *guard;	/* its innermost guarded module call */
	int (*threadfn)(void *data);	/* a kthread's function and argument */
	void *data;
	int exit_code;			/* what threadfn returned */
	int started;			/* woken at least once */
	int should_stop;		/* kthread_stop was called */
	int kpreempt;			/* > 0: its kernel code may be preempted too */
	struct task_struct *stopper;	/* the task waiting in kthread_stop */
	const void *wchan;		/* where it sleeps: schedule()'s caller */
	unsigned long ticks;		/* ticks it was running at */
	unsigned long switches;		/* times it gave up the CPU */
	unsigned long slept_at;		/* jiffies when it last went to sleep */
	int hung_told;			/* this sleep was reported as hung */
	int refs;			/* get_task_struct() references */
};

/* __state values, as Linux's */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define TASK_DEAD		0x0080
#define TASK_WAKEKILL		0x0100
#define TASK_KILLABLE		(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_NOLOAD		0x0400	/* not counted as load, nor hung */
#define TASK_IDLE		(TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* flags */
#define PF_EXITING		0x00000004	/* its function has returned */
#define PF_KTHREAD		0x00200000	/* a kernel thread (all are) */

#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))

#define __set_current_state(s)	do { current->__state = (s); } while (0)
#define set_current_state(s)						\
	do { current->__state = (s); __asm__ volatile("" ::: "memory"); } while (0)
#define task_pid_nr(p)		((p)->pid)
#define task_is_running(p)	((p)->__state == TASK_RUNNING)

/*
 * Gives up the CPU. If the current state is TASK_RUNNING the task stays
 * runnable and another runnable one goes first (a yield); otherwise it
 * sleeps until wake_up_process (a wait queue's wake_up, a signal for
 * TASK_INTERRUPTIBLE, a timeout) makes it runnable. Process context only:
 * in interrupt context, in a timer function or with a spinlock held it is
 * reported ("BUG: scheduling while atomic") and returns at once.
 */
void schedule(void);
/* Sleeps (in the state the caller set) for at most timeout ticks; returns
 * the ticks left when woken earlier, else 0. MAX_SCHEDULE_TIMEOUT: no
 * limit (returns it). A task still TASK_RUNNING only yields. */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_killable(long timeout);
/* Makes p runnable if it sleeps; returns 1 if it did, 0 if p was running. */
int wake_up_process(struct task_struct *p);
/* Yields if the task's time slice is used up (or a woken task waits);
 * returns 1 if it did. */
int _cond_resched(void);
#define cond_resched()		_cond_resched()
/* Lets every other runnable task run once before this one again. */
void yield(void);

/* A reference keeps a dead task's task_struct (and exit code) readable. */
void get_task_struct(struct task_struct *t);
void put_task_struct(struct task_struct *t);

#endif
