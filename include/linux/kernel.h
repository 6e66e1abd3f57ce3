/* Stub of Linux's <linux/kernel.h> for the chardev branch (replaced by the
 * headers branch): Tessera's module API. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <module.h>

#endif
