/*
 * <linux/sched/signal.h>: a task's signal state. Tessera has no signals
 * yet (one flow of control, no user processes): signal_pending() is always
 * 0, so a wait "interrupted by a signal" never happens and drivers' -ERESTARTSYS
 * paths are not taken. Issue 9 (processes) makes signals real. The task's
 * signal_struct holds its controlling tty: NULL, there is no tty layer.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>
#include <linux/signal.h>

struct tty_struct;

/* What Linux shares among a process's threads; here only the tty. */
struct signal_struct {
	struct tty_struct *tty;		/* controlling terminal: NULL (none) */
};

/* Has p a signal waiting? Never, yet (issue 9). */
static inline int signal_pending(struct task_struct *p)
{
	(void)p;
	return 0;
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	(void)p;
	return 0;
}

#endif
