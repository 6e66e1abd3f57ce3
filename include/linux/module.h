/*
 * What every module includes (<linux/module.h>): module_init/module_exit
 * and __init/__exit (<linux/init.h>), MODULE_LICENSE and friends,
 * THIS_MODULE, EXPORT_SYMBOL, try_module_get/module_put, module
 * parameters, and, as Linux's does through its own includes, printk and
 * <linux/kernel.h>'s helpers.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <stdbool.h>
#include <linux/types.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/stringify.h>
#include <linux/kernel.h>
#include <linux/stat.h>
#include <linux/moduleparam.h>
#ifndef HOST_TEST	/* the host tests have libc's <string.h> */
#include <linux/string.h>	/* as Linux's module.h brings it, through many headers */
#endif
#include <tessera/modformat.h>	/* struct module: the module's header */

#ifdef MODULE
/* The header of this module (NAME.mod.c defines it): a constant address,
 * usable in static initializers such as `.owner = THIS_MODULE`. */
extern struct module __this_module;
#define THIS_MODULE	(&__this_module)
/* What module_init/module_exit define (or the module itself, old style). */
int init_module(void);
void cleanup_module(void);
#else
#define THIS_MODULE	((struct module *)0)
#endif

#define MODULE_LICENSE(s)	MODULE_INFO(license, s)
#define MODULE_AUTHOR(s)	MODULE_INFO(author, s)
#define MODULE_DESCRIPTION(s)	MODULE_INFO(description, s)
#define MODULE_VERSION(s)	MODULE_INFO(version, s)
#define MODULE_ALIAS(name)	MODULE_INFO(alias, name)
#define MODULE_SOFTDEP(s)	MODULE_INFO(softdep, s)
/* Linux 2.6 had it and ignored it too. */
#define MODULE_SUPPORTED_DEVICE(name)
/* As in Linux: a second name for the device table, which modpost finds
 * and turns into alias= strings (for pci: kmod's "pci:v...d...sv*sd*bc*
 * sc*i*" patterns); depmod gathers them into modules.alias, and modprobe
 * and coldplug load drivers by them (docs/modules.md, "Module tools"). */
#define MODULE_DEVICE_TABLE(type, name)					\
	extern typeof(name) __mod_##type##__##name##_device_table	\
		__attribute__((unused, alias(#name)))

/* Takes a reference on mod (NULL: built-in code, always succeeds) so it
 * cannot be unloaded; false if it is not live (going away, or faulted). */
bool try_module_get(struct module *mod);
/* Drops a reference taken with try_module_get (NULL: nothing). */
void module_put(struct module *mod);
/* The name of mod ("kernel" for NULL). */
#define module_name(mod)	((mod) ? (mod)->name : "kernel")

#endif
