/* errno values, Linux's numbers (include/tessera/errno.h). */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <tessera/errno.h>

#endif
