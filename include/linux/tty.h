/*
 * <linux/tty.h>: terminals. Tessera has no tty layer (not planned): the
 * type exists so that drivers which look at the caller's controlling
 * terminal (current->signal->tty, always NULL here) build.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>
#include <linux/sched/signal.h>

struct tty_struct {
	int index;		/* the line's number within its driver */
};

/* The device number of tty's node. No tty exists, so nobody can hold one:
 * returns 0 (no device) for any argument, NULL included. */
dev_t tty_devnum(struct tty_struct *tty);

#endif
