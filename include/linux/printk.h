/* Stub: <linux/printk.h> as <module.h> (replaced by the headers branch). */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H
#include <module.h>
#endif
