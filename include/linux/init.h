/* Stub: <linux/init.h> as <module.h> (replaced by the headers branch). */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H
#include <module.h>
#endif
