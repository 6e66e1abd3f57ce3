/*
 * <linux/poll.h>: the poll method's types and event bits, so that a
 * driver with a .poll method builds. Nothing calls .poll yet (no poll or
 * select system call: the shell has no use for one until user processes
 * come); poll_wait has no one to register, so it does nothing.
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/fs.h>
#include <linux/wait.h>

/* Linux's numbers (include/uapi/asm-generic/poll.h). */
#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLRDBAND	0x0080
#define POLLWRNORM	0x0100
#define POLLWRBAND	0x0200

#define EPOLLIN		POLLIN
#define EPOLLOUT	POLLOUT
#define EPOLLERR	POLLERR
#define EPOLLHUP	POLLHUP
#define EPOLLRDNORM	POLLRDNORM
#define EPOLLWRNORM	POLLWRNORM

typedef unsigned int __poll_t;

typedef struct poll_table_struct {
	unsigned long _key;
} poll_table;

static inline void poll_wait(struct file *filp, wait_queue_head_t *queue, poll_table *p)
{
	(void)filp;
	(void)queue;
	(void)p;
}

#endif
