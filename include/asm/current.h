/*
 * <asm/current.h>: `current`, the thread the CPU is running (in an
 * interrupt handler: the thread it interrupted). For the shell, pid 1, comm
 * is the name of the command it is running ("cat" while `cat /dev/scull0`
 * runs, "sh" between commands). kernel/sched.c keeps it.
 */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

struct task_struct;

/* The running task; never NULL. */
struct task_struct *get_current(void);
#define current get_current()

#endif
