/*
 * <linux/capability.h>: the capability numbers drivers test with
 * capable(). Tessera has one user, and it is root: every capability is
 * held. Declarations only: kernel/task.c implements capable.
 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <stdbool.h>

/* Linux's numbers (include/uapi/linux/capability.h). */
#define CAP_CHOWN		0
#define CAP_DAC_OVERRIDE	1
#define CAP_KILL		5
#define CAP_NET_ADMIN		12
#define CAP_NET_RAW		13
#define CAP_IPC_LOCK		14
#define CAP_SYS_MODULE		16
#define CAP_SYS_RAWIO		17
#define CAP_SYS_ADMIN		21
#define CAP_SYS_NICE		23
#define CAP_SYS_RESOURCE	24
#define CAP_SYS_TIME		25
#define CAP_SYS_TTY_CONFIG	26
#define CAP_MKNOD		27
#define CAP_LAST_CAP		40

/* Does the current task hold capability cap? True for 0..CAP_LAST_CAP:
 * the only user is root. False for a number past CAP_LAST_CAP (Linux
 * warns about it and says no). */
bool capable(int cap);

#endif
