/* Stub of Linux's <linux/slab.h> for the chardev branch (replaced by the
 * headers branch): Tessera's module API. */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <module.h>

#endif
