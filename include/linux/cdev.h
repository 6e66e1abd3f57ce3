/*
 * A character device as Linux's drivers add one: a struct cdev ties a
 * range of device numbers to file_operations. Opening a /dev node whose
 * number falls in the range switches the file to those operations and pins
 * their owner (fs/chrdev.c). cdev_add makes no /dev node: device_create
 * (<linux/device.h>) does.
 */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H

#include <stdbool.h>
#include <linux/chrdev.h>
#include <linux/kobject.h>

struct module;
struct file_operations;

struct cdev {
	struct module *owner;
	const struct file_operations *ops;
	dev_t dev;		/* first number, set by cdev_add */
	unsigned int count;	/* numbers from dev */
	bool added;		/* in the kernel's table (cdev_add .. cdev_del) */
	bool allocated;		/* from cdev_alloc: cdev_del frees it */
	struct kobject kobj;	/* its name only (kobject_set_name) */
};

/* Prepares a cdev the caller holds (zeroes it, sets ops). Never fails. */
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
/* A zeroed cdev from kmalloc that cdev_del frees, or NULL. */
struct cdev *cdev_alloc(void);
/* Makes numbers dev .. dev+count-1 open through cdev->ops. Returns 0,
 * -EINVAL (count 0), -EBUSY (overlaps another cdev's or a misc device's
 * numbers), -ENOMEM (table full). */
int cdev_add(struct cdev *cdev, dev_t dev, unsigned count);
/* Takes the cdev out (files open keep its operations) and frees a
 * cdev_alloc'd one. */
void cdev_del(struct cdev *cdev);

#endif
