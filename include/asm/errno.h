/* errno values, Linux's numbers (include/tessera/errno.h). */
#ifndef _ASM_ERRNO_H
#define _ASM_ERRNO_H

#include <tessera/errno.h>

#endif
