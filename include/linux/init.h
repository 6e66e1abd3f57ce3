/*
 * Stub of <linux/init.h> for the params branch, replaced by the headers
 * branch: Tessera's module API under Linux's include line.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H
#include <module.h>
#endif
