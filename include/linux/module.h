/* Stub of Linux's <linux/module.h> for the chardev branch (replaced by the
 * headers branch): Tessera's module API. */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <module.h>

#endif
