/*
 * <linux/sched.h>: Tessera has one flow of control and no processes yet.
 * Its single task is `current` (<asm/current.h>): pid 1, the shell, named
 * by the command it runs. Also time (jiffies, HZ) and the process-state
 * names, which mean nothing yet. docs/linux-compat.md lists what is
 * missing.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/jiffies.h>
#include <asm/current.h>

#define TASK_COMM_LEN		16

struct signal_struct;	/* <linux/sched/signal.h> */

/* The fields drivers read; Linux's task_struct has hundreds more. */
struct task_struct {
	pid_t pid;
	pid_t tgid;
	char comm[TASK_COMM_LEN];	/* the command's name, NUL-terminated */
	unsigned int __state;		/* TASK_*: set before schedule() */
	struct signal_struct *signal;	/* never NULL */
};

#define TASK_RUNNING		0
#define TASK_INTERRUPTIBLE	1
#define TASK_UNINTERRUPTIBLE	2
#define TASK_KILLABLE		TASK_UNINTERRUPTIBLE

#define __set_current_state(s)	do { current->__state = (s); } while (0)
#define set_current_state(s)	__set_current_state(s)

/*
 * Gives up the CPU. Single-flow form (no other task to run yet): if the
 * current state is TASK_RUNNING it returns at once; otherwise it idles
 * (`sti; hlt`) until the next interrupt, sets TASK_RUNNING and returns, so
 * the caller's loop (prepare_to_wait ... schedule ... finish_wait)
 * checks its condition again after every interrupt; only an interrupt
 * handler or timer can make it true. With interrupts masked or in
 * interrupt context it could never end: reported, and it returns at once.
 * Issue 9 brings tasks that really sleep and are woken.
 */
void schedule(void);

#endif
