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
#include <linux/chrdev.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/miscdevice.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

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

/* chardev family: /proc for modules, seq_file, device numbers, cdev, misc,
 * classes and devices, llseek methods (fs/procfs.c, fs/seq_file.c,
 * fs/chrdev.c) */
EXPORT_SYMBOL(proc_create);
EXPORT_SYMBOL(proc_create_data);
EXPORT_SYMBOL(proc_mkdir);
EXPORT_SYMBOL(proc_remove);
EXPORT_SYMBOL(remove_proc_entry);
EXPORT_SYMBOL(proc_set_size);
EXPORT_SYMBOL(proc_set_user);
EXPORT_SYMBOL(pde_data);
EXPORT_SYMBOL(seq_open);
EXPORT_SYMBOL(__seq_open_private);
EXPORT_SYMBOL(seq_open_private);
EXPORT_SYMBOL(seq_read);
EXPORT_SYMBOL(seq_lseek);
EXPORT_SYMBOL(seq_release);
EXPORT_SYMBOL(seq_release_private);
EXPORT_SYMBOL(seq_printf);
EXPORT_SYMBOL(seq_vprintf);
EXPORT_SYMBOL(seq_puts);
EXPORT_SYMBOL(seq_putc);
EXPORT_SYMBOL(seq_write);
EXPORT_SYMBOL(single_open);
EXPORT_SYMBOL(single_release);
EXPORT_SYMBOL(alloc_chrdev_region);
EXPORT_SYMBOL(register_chrdev_region);
EXPORT_SYMBOL(unregister_chrdev_region);
EXPORT_SYMBOL(cdev_init);
EXPORT_SYMBOL(cdev_alloc);
EXPORT_SYMBOL(cdev_add);
EXPORT_SYMBOL(cdev_del);
EXPORT_SYMBOL(misc_register);
EXPORT_SYMBOL(misc_deregister);
EXPORT_SYMBOL(class_create);
EXPORT_SYMBOL(class_destroy);
EXPORT_SYMBOL(device_create);
EXPORT_SYMBOL(device_destroy);
EXPORT_SYMBOL(default_llseek);
EXPORT_SYMBOL(noop_llseek);
EXPORT_SYMBOL(no_llseek);
EXPORT_SYMBOL(fixed_size_llseek);
