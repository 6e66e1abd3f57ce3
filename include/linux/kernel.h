/*
 * Stub of <linux/kernel.h> for the params branch, replaced by the headers
 * branch: Tessera's module API under Linux's include line.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H
#include <module.h>
#endif
