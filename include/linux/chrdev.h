/*
 * The character-device part of Linux's <linux/fs.h>: device-number
 * regions and the stock llseek methods. <linux/fs.h> includes it; a module
 * need not name it. Declarations only: fs/chrdev.c implements them.
 */
#ifndef _LINUX_CHRDEV_H
#define _LINUX_CHRDEV_H

#include <stddef.h>
#include <stdint.h>
#include <linux/types.h>
#include <tessera/fstypes.h>
#include <linux/kdev_t.h>
#ifdef HOST_TEST	/* libc's dev_t on x86-64 (the same type: no clash) */
typedef unsigned long dev_t;
#endif

typedef long long loff_t;	/* 64 bits, as Linux's */
typedef unsigned short umode_t;
#ifndef __user
#define __user
#endif

struct file;
struct inode;

/* Dynamic majors are handed out from 254 down to 200; a major is 1..511. */
#define CHRDEV_MAJOR_MAX	512

/* Claims minors baseminor .. baseminor+count-1 of a free major, the highest
 * free one of 254..200, and puts MKDEV(major, baseminor) in *dev. Returns 0,
 * -EINVAL (count 0, minors past MINORMASK, bad name), -EBUSY (no major
 * free), -ENOMEM. Makes no /dev node: device_create or misc_register do. */
int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count,
			const char *name);
/* Claims count minors from from (they may run into the next majors, as in
 * Linux). Returns 0, -EBUSY (any of them already claimed, also by
 * register_chrdev), -EINVAL, -ENOMEM. */
int register_chrdev_region(dev_t from, unsigned count, const char *name);
/* Gives back a region exactly as claimed (from, count); anything else is
 * ignored. */
void unregister_chrdev_region(dev_t from, unsigned count);

/* llseek methods for file_operations.llseek. default_llseek moves f_pos
 * from SEEK_SET, SEEK_CUR or SEEK_END (the inode's size) and returns it, or
 * -EINVAL (negative result, unknown whence); noop_llseek leaves it and
 * returns it; no_llseek refuses with -ESPIPE (Linux 6.1's meaning for a
 * device that cannot seek); fixed_size_llseek is default_llseek for a
 * device of size bytes, refusing positions past the end with -EINVAL. */
loff_t default_llseek(struct file *file, loff_t offset, int whence);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
loff_t no_llseek(struct file *file, loff_t offset, int whence);
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence,
			 loff_t size);

#endif
