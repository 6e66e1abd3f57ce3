/* Stub: <linux/module.h> as <module.h> (replaced by the headers branch). */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H
#include <module.h>
#endif
