/* errno values, Linux's numbers (include/tessera/errno.h). */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <tessera/errno.h>

/* Linux's kernel-only numbers: a driver returns them, the system-call
 * layer turns them into others before a program sees them. Tessera has
 * no signals and no system-call restart yet (the concurrency issue), so
 * one that reaches the shell prints as "Unknown error". */
#define ERESTARTSYS	512	/* a wait interrupted by a signal */
#define ENOIOCTLCMD	515	/* ioctl: no such command (-ENOTTY for the caller) */
#define EIOCBQUEUED	529	/* asynchronous I/O queued */

#endif
