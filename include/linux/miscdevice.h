/*
 * Miscellaneous devices: one minor of major 10 each, and a /dev node named
 * after the device, in one call (fs/chrdev.c). Opening the node sets
 * file->private_data to the struct miscdevice, as Linux does, then calls
 * fops->open if there is one.
 */
#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H

#include <linux/chrdev.h>

#define MISC_MAJOR		10
#define MISC_DYNAMIC_MINOR	255

struct device;
struct file_operations;

struct miscdevice {
	int minor;		/* MISC_DYNAMIC_MINOR: chosen by misc_register */
	const char *name;	/* of the /dev node */
	const struct file_operations *fops;
	struct device *parent;
	struct device *this_device;	/* set by misc_register */
	const char *nodename;	/* /dev name if not NULL (instead of name) */
	umode_t mode;		/* node permissions (0: 0600 as Linux) */
};

/* Registers misc (minor MISC_DYNAMIC_MINOR: the highest free one of
 * 63..1, written back into misc->minor) and makes /dev/NAME. Returns 0,
 * -EBUSY (minor or name taken), -EINVAL, -ENOMEM. */
int misc_register(struct miscdevice *misc);
/* Removes the device and its node; a dynamic minor goes back to
 * MISC_DYNAMIC_MINOR. */
void misc_deregister(struct miscdevice *misc);

#endif
