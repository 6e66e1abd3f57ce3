/*
 * Stub of <linux/module.h> for the params branch, replaced by the headers
 * branch: Tessera's module API under Linux's include line.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H
#include <module.h>
#endif
