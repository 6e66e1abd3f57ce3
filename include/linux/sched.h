/*
 * <linux/sched.h>: Tessera has one flow of control and no processes yet,
 * so no `current` task; what drivers include this header for that exists
 * here is time (jiffies, HZ) and the process-state names, which mean
 * nothing yet. docs/linux-compat.md lists what is missing.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/jiffies.h>

#define TASK_RUNNING		0
#define TASK_INTERRUPTIBLE	1
#define TASK_UNINTERRUPTIBLE	2

#endif
