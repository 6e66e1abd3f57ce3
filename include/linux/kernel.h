/* STUB (replaced by the headers branch): printk, pr_*, min/max... */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H
#include <module.h>
#endif
