/*
 * <linux/fcntl.h>: the open flags a driver tests in file->f_flags
 * (O_ACCMODE, O_WRONLY, O_NONBLOCK...), Linux's numbers. Tessera's own
 * are in <tessera/fstypes.h>; the ones it does not act on yet are here
 * so that drivers testing them build (they are never set).
 */
#ifndef _LINUX_FCNTL_H
#define _LINUX_FCNTL_H

#include <tessera/fstypes.h>

#define O_NOCTTY	0x0100
#define O_NONBLOCK	0x0800	/* never set: the shell has no way to ask for it */
#define O_NDELAY	O_NONBLOCK
#define O_SYNC		0x101000

#endif
