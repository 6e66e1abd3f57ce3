/* Stub: <linux/kernel.h> as <module.h> (replaced by the headers branch). */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H
#include <module.h>
#endif
