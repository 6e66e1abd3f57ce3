/*
 * <linux/kthread.h>: kernel threads (kernel/sched.c). kthread_create makes
 * a sleeping thread that will run threadfn(data); wake_up_process starts
 * it (kthread_run does both). The thread runs until threadfn returns;
 * a thread meant to be stopped loops until kthread_should_stop(), and
 * kthread_stop() (from the module's exit, say) asks it to, waits for it
 * and returns what threadfn returned. A fault in threadfn ends the thread
 * (its result is then -EFAULT) and marks its module (D).
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

#define NUMA_NO_NODE	(-1)

/* A new thread named by namefmt (printf-style), sleeping until woken;
 * returns it, or ERR_PTR(-ENOMEM). node is ignored (one CPU). */
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data,
					   int node, const char namefmt[], ...)
	__attribute__((format(printf, 4, 5)));

#define kthread_create(threadfn, data, namefmt, ...)			\
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##__VA_ARGS__)

/* kthread_create, then wake_up_process: the thread starts. */
#define kthread_run(threadfn, data, namefmt, ...) ({			\
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, \
						 ##__VA_ARGS__);	\
	if (!IS_ERR(__k))						\
		wake_up_process(__k);					\
	__k;								\
})

/* Asks k to stop (kthread_should_stop() becomes true, k is woken),
 * waits until its function returns and gives back what it returned.
 * A thread that has not yet run returns -EINTR without running. Process
 * context; k must not be the caller. */
int kthread_stop(struct task_struct *k);
/* Ends the current thread at once with result code (what kthread_stop
 * returns): as if its function had returned it. */
void kthread_exit(long code) __attribute__((noreturn));
/* complete(comp), then kthread_exit(code): a module's thread signals its
 * exit from kernel code, so the module may go as soon as comp is done. */
struct completion;
void kthread_complete_and_exit(struct completion *comp, long code)
	__attribute__((noreturn));

/* Has kthread_stop been called on the current thread? */
bool kthread_should_stop(void);
/* One CPU: binding is a no-op. */
static inline void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	(void)k;
	(void)cpu;
}

#endif
