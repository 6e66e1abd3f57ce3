/* Stub of Linux's <linux/uaccess.h> for the chardev branch (replaced by the
 * headers branch): Tessera's module API. */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <module.h>

#endif
