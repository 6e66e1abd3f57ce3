/*
 * <asm/current.h>: `current`, the task the kernel is running for. Tessera
 * has one flow of control: the shell, pid 1, whose comm is the name of the
 * command it is running ("cat" while `cat /dev/scull0` runs, "sh" between
 * commands). kernel/task.c keeps it.
 */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

struct task_struct;

/* The running task; never NULL. */
struct task_struct *get_current(void);
#define current get_current()

#endif
