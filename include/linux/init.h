/* STUB (replaced by the headers branch): __init, module_init... */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H
#include <module.h>
#endif
