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

/* The fields drivers read; Linux's task_struct has hundreds more. */
struct task_struct {
	pid_t pid;
	pid_t tgid;
	char comm[TASK_COMM_LEN];	/* the command's name, NUL-terminated */
};

#define TASK_RUNNING		0
#define TASK_INTERRUPTIBLE	1
#define TASK_UNINTERRUPTIBLE	2

#endif
