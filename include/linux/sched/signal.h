/*
 * <linux/sched/signal.h>: a task's signals. The only sender is the
 * console: Ctrl-C sends SIGINT to the shell's foreground command (which
 * runs in the shell's thread, pid 1). A signal makes an interruptible
 * sleep end (wait_event_interruptible returns -ERESTARTSYS, which the
 * shell sees as -EINTR); kernel threads get signals only from send_sig
 * and ignore them unless they look (signal_pending). The signal_struct
 * holds the controlling tty: NULL, there is no tty layer.
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

/* Has p a signal waiting? */
static inline int signal_pending(struct task_struct *p)
{
	return (p->pending.signal.sig[0] & ~p->blocked.sig[0]) != 0;
}

/* SIGKILL waiting (what a TASK_KILLABLE sleep wakes for). */
static inline int fatal_signal_pending(struct task_struct *p)
{
	return (p->pending.signal.sig[0] & (1UL << (SIGKILL - 1))) != 0;
}

/* Would a sleep in state end for p's signals? */
static inline int signal_pending_state(unsigned int state, struct task_struct *p)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))
		return 0;
	if (!signal_pending(p))
		return 0;
	return (state & TASK_INTERRUPTIBLE) || fatal_signal_pending(p);
}

/* Sends sig to p (waking it from an interruptible sleep); returns 0, or
 * -EINVAL for a number outside 1..31. priv is ignored. */
int send_sig(int sig, struct task_struct *p, int priv);
/* Forgets p's pending signals. */
void flush_signals(struct task_struct *p);
/* Kernel threads ignore signals unless they allow them: here every
 * signal reaches a thread that looks, so these only exist for Linux code. */
static inline void allow_signal(int sig) { (void)sig; }
static inline void disallow_signal(int sig) { (void)sig; }

#endif
