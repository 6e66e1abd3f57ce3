/*
 * <linux/signal.h>: signal numbers (i386's, as Linux's) and the poll band
 * codes kill_fasync takes. Tasks' pending signals and send_sig are in
 * <linux/sched/signal.h>; the console's Ctrl-C sends SIGINT.
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGURG		23
#define SIGIO		29
#define SIGPOLL		SIGIO

/* si_code of SIGIO: why the file became ready (kill_fasync's band). */
#define POLL_IN		1
#define POLL_OUT	2
#define POLL_MSG	3
#define POLL_ERR	4
#define POLL_PRI	5
#define POLL_HUP	6

#endif
