/* errno values, Linux's numbers (include/tessera/errno.h). */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <tessera/errno.h>

/* Linux's kernel-only numbers: a driver returns them, the system-call
 * layer turns them into others before a program sees them. Tessera
 * restarts no call: -ERESTARTSYS and -ERESTARTNOINTR (a sleep ended by
 * Ctrl-C's SIGINT) reach the shell as -EINTR (fs/syscalls.c). */
#define ERESTARTSYS	512	/* a wait interrupted by a signal */
#define ERESTARTNOINTR	513
#define ENOIOCTLCMD	515	/* ioctl: no such command (-ENOTTY for the caller) */
#define EIOCBQUEUED	529	/* asynchronous I/O queued */

#endif
