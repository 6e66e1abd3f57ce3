/* Stub of Linux's <linux/fs.h> for the chardev branch (replaced by the
 * headers branch): struct file_operations, struct file and struct inode
 * come from Tessera's module API; the chrdev part is <linux/chrdev.h>. */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <module.h>
#include <linux/chrdev.h>

#endif
