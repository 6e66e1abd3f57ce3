/*
 * Tessera's one-include convenience: everything a module may use, under
 * Linux's names, in one line:
 *   #include <module.h>
 * It includes only the module-visible headers, those of include/linux/ and
 * include/asm/ (a Linux driver includes those itself), never the
 * kernel's own: a module sees exactly the exported API (kernel/exports.c),
 * and calling anything else fails at build time (docs/modules.md).
 * Modules are compiled with -DMODULE; kernel code includes this header
 * too (kernel/exports.c): it sees the same declarations, without the
 * module-only macros.
 */
#ifndef TESSERA_MODULE_H
#define TESSERA_MODULE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <tessera/errno.h>
#include <tessera/modformat.h>
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/err.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/vmalloc.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/timer.h>
#include <linux/moduleparam.h>
#include <linux/version.h>

#endif
