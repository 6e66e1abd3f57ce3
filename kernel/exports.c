/*
 * The kernel's exported symbols: what a module may call or use. Each
 * EXPORT_SYMBOL puts { address, name, CRC } into __ksymtab, which
 * kernel/ksyms.c hashes at boot and /proc/ksyms lists. The CRC of each is
 * computed at build time from its declaration as this file sees it
 * (tools/symcrc, build/kernel-crcs.lds), so a module built against another
 * declaration is refused at load: "disagrees about version of symbol".
 * Keeping the list in one file makes the kernel's module API one page.
 */
#include <module.h>
#include "fs/vfs.h"
#include "kernel/timer.h"

/* printing */
EXPORT_SYMBOL(printk);
EXPORT_SYMBOL(vprintk);
EXPORT_SYMBOL(panic);

/* memory */
EXPORT_SYMBOL(kmalloc);
EXPORT_SYMBOL(kzalloc);
EXPORT_SYMBOL(kfree);
EXPORT_SYMBOL(vmalloc);
EXPORT_SYMBOL(vfree);
EXPORT_SYMBOL(page_alloc);
EXPORT_SYMBOL(page_free);
EXPORT_SYMBOL(page_address);

/* strings */
EXPORT_SYMBOL(memcpy);
EXPORT_SYMBOL(memmove);
EXPORT_SYMBOL(memset);
EXPORT_SYMBOL(memcmp);
EXPORT_SYMBOL(strlen);
EXPORT_SYMBOL(strnlen);
EXPORT_SYMBOL(strcmp);
EXPORT_SYMBOL(strncmp);
EXPORT_SYMBOL(strchr);
EXPORT_SYMBOL(strlcpy);
EXPORT_SYMBOL(snprintf);
EXPORT_SYMBOL(vsnprintf);
EXPORT_SYMBOL(strerror);

/* modules and devices */
EXPORT_SYMBOL(try_module_get);
EXPORT_SYMBOL(module_put);
EXPORT_SYMBOL(register_chrdev);
EXPORT_SYMBOL(unregister_chrdev);

/* time */
EXPORT_SYMBOL(jiffies);
EXPORT_SYMBOL(msleep);
EXPORT_SYMBOL(timer_setup);
EXPORT_SYMBOL(mod_timer);
EXPORT_SYMBOL(del_timer);
EXPORT_SYMBOL(del_timer_sync);
