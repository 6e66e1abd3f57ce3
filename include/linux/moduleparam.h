/*
 * STUB (replaced by the params branch): module parameters as
 * include/module.h had them: recorded in .modinfo as Linux records them
 * ("parmtype=name:type", "parm=name:description"), but insmod does not set
 * them yet: the variable keeps its initial value.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/init.h>		/* MODULE_INFO */
#include <linux/stat.h>		/* permission bits */

#ifdef MODULE
#define module_param(name, type, perm)					\
	MODULE_INFO(parmtype, #name ":" #type);				\
	static inline __attribute__((unused)) void *__param_check_##name(void) \
	{ return &(name); }
#define MODULE_PARM_DESC(name, desc)	MODULE_INFO(parm, #name ":" desc)
#else
#define module_param(name, type, perm)
#define MODULE_PARM_DESC(name, desc)
#endif

#endif
