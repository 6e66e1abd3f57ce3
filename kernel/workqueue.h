/*
 * Deferred work, the kernel's side (kernel/workqueue.c, kernel/tasklet.c):
 * starting the system workqueue at boot and taking out what a module left
 * queued, armed or created before its code is unmapped. Modules see
 * <linux/workqueue.h> and <linux/interrupt.h>.
 */
#ifndef KERNEL_WORKQUEUE_H
#define KERNEL_WORKQUEUE_H

#include <stdint.h>
#include <linux/workqueue.h>
#include <linux/interrupt.h>

/* Makes system_wq ("events") and its thread kworker/0. Boot only, after
 * softirq_init. Panics without memory. */
void workqueue_init(void);
/* Registers the tasklet softirq. Boot only, after softirq_init. */
void tasklet_init_softirq(void);

/* Takes off every queue each work item whose structure or function lies
 * in [start, start + len) (a module's image about to be unmapped), and
 * deletes the timers of such delayed work, calling report(work, what, arg)
 * first for each (what: "work queued on events", "delayed work armed for
 * events"); interrupts are masked meanwhile. Returns how many. */
unsigned work_remove_range(uintptr_t start, uintptr_t len,
			   void (*report)(const struct work_struct *work, const char *what,
					  void *arg), void *arg);
/* Destroys every workqueue created by code in [start, start + len) (its
 * items run, its thread stopped), calling report(name, arg) first for
 * each. Process context: it sleeps. Returns how many. */
unsigned workqueue_remove_range(uintptr_t start, uintptr_t len,
				void (*report)(const char *name, void *arg), void *arg);
/* Unschedules every scheduled tasklet whose structure or function lies in
 * [start, start + len), calling report(t, arg) first for each. Returns how
 * many. */
unsigned tasklet_remove_range(uintptr_t start, uintptr_t len,
			      void (*report)(const struct tasklet_struct *t, void *arg),
			      void *arg);

#endif
