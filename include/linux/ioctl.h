/* Linux's <linux/ioctl.h>: the command-number macros of <asm/ioctl.h>. */
#ifndef _LINUX_IOCTL_H
#define _LINUX_IOCTL_H

#include <asm/ioctl.h>

#endif
