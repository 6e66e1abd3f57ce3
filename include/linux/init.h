/* Stub of Linux's <linux/init.h> for the chardev branch (replaced by the
 * headers branch): Tessera's module API. */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <module.h>

#endif
