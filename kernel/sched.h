/*
 * The scheduler's kernel side (kernel/sched.c): what the boot code, the
 * interrupt path, the timer tick, the console, the oops code and modfs
 * call. Modules see <linux/sched.h> and <linux/kthread.h>. docs/kernel.md
 * ("Threads") tells the whole story.
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/kthread.h>

struct regs;
struct module_record;

#define THREAD_STACK_SIZE	8192	/* two pages, as i386 Linux */
#define SCHED_SLICE		1	/* ticks a thread runs before others go */

/* Makes the boot flow the shell's task (pid 1) and starts the idle
 * thread (pid 0). Boot only, after memory and before interrupts are on.
 * Never fails: without memory for the idle thread the kernel stops. */
void sched_init(void);
/* The timer tick (IRQ 0): charges the tick, ends timed sleeps whose time
 * came, asks for a switch when the running thread's slice is used up. */
void sched_tick(void);
/* The end of a hardware interrupt, outermost level, after the EOI: switches
 * to another thread if one should run and the interrupted code may be
 * preempted (module code, a delay loop, the idle loop; not a spinlock
 * holder). The interrupted thread resumes here later. */
void sched_irq_exit(struct regs *r);

/* schedule_timeout(timeout) in the state the caller set, for the
 * kernel's sleeping functions: a sleep where none is allowed is reported
 * as what (e.g. "msleep") called from where. */
long sched_sleep_timeout(long timeout, const char *what, const void *where);
/* schedule() likewise: ps shows where as the sleeper's WCHAN. */
void sched_schedule_as(const char *what, const void *where);

/* In interrupt context or running timer functions and tasklets: where
 * sleeping is not allowed and a fault cannot be contained. */
bool in_interrupt_context(void);

/* Lets the current thread's own kernel code be preempted while it busy-
 * waits (udelay); pairs, nest. */
void kpreempt_begin(void);
void kpreempt_end(void);

/* A kernel thread of the kernel's own: runs fn(data), named name. Starts
 * at once. Returns it, or NULL without memory. */
struct task_struct *kthread_start_kernel(int (*fn)(void *data), void *data,
					 const char *name);

/* --- threads and modules --- */

/* Looks for a thread other than the caller still running code in
 * [start, start + len) (a module's image after its exit returned): a
 * return address in one of its frames, or the instruction pointer of an
 * interrupted frame (preempted there). Returns the first found (holding a reference:
 * put_task_struct it) with *where the address and *how what it was
 * ("is still in it: preempted at"), or NULL. */
struct task_struct *sched_find_user(uintptr_t start, uintptr_t len, uintptr_t *where,
				    const char **how);
/* Frees the records of threads of this module that ended and were never
 * collected by kthread_stop. Before the image goes. */
void sched_reap_module(uintptr_t start, uintptr_t len);

/* Calls fn(task, arg) for each thread, in pid order of creation, with
 * interrupts masked: fn must not sleep. */
void sched_for_each(void (*fn)(struct task_struct *t, void *arg), void *arg);
/* The idle thread's ticks: how long the CPU had nothing to do. */
unsigned long sched_idle_ticks(void);

/* --- the console's foreground command (Ctrl-C) --- */

/* The shell marks the command it runs: Ctrl-C then sends SIGINT to it
 * (sched_console_intr, from the console's interrupt). */
void sched_set_foreground(struct task_struct *t);
/* Ctrl-C arrived: SIGINT to the foreground command. Returns true if there
 * was one (the byte is then not input). */
bool sched_console_intr(void);

/* /proc/threads: one line per thread (pid, state letter, CPU time, name,
 * its function, where it sleeps), what the shell's ps prints. */
struct seq_buf;
int sched_show_threads(struct seq_buf *m, void *arg);

/* Is addr on the current thread's stack ([addr, addr + len))? */
bool on_thread_stack(uintptr_t addr, size_t len);
/* Is addr the page under the current thread's stack (its guard)? */
bool in_thread_stack_guard(uintptr_t addr);

#endif
