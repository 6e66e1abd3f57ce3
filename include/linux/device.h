/*
 * Device classes and devices, as far as a character driver uses them
 * (and the DMA masks and private pointer the pci family uses):
 * class_create names a group, device_create makes the /dev node for one
 * device number in it and device_destroy removes it (Tessera has no udev:
 * the kernel makes the node itself, fs/chrdev.c). What a module leaves
 * created at unload is removed by the kernel, with a message.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <stdarg.h>
#include <linux/chrdev.h>
#include <linux/err.h>	/* IS_ERR, PTR_ERR: Linux's device.h brings them */
#include <linux/dev_printk.h>	/* dev_err, dev_info...: so does Linux's */

struct module;
struct device;

struct class {
	const char *name;	/* a copy, owned by the class */
	/* If set, called by device_create: may set *mode (the node's
	 * permissions, default 0600) and return a kmalloc'd name for the node
	 * (freed by the kernel) or NULL to keep the device's name. */
	char *(*devnode)(const struct device *dev, umode_t *mode);
};

struct device {
	dev_t devt;
	const struct class *class;
	struct device *parent;
	void *driver_data;	/* dev_set_drvdata / dev_get_drvdata */
	char name[32];		/* the /dev node's name; a PCI device's bus id */
	u64 *dma_mask;		/* streaming DMA mask (dma_set_mask) */
	u64 coherent_dma_mask;	/* dma_alloc_coherent's limit */
	const char *bus_name;	/* "pci" for a PCI device, else NULL */
	const char *drv_name;	/* the bound driver's name, else NULL */
};

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline const char *dev_name(const struct device *dev)
{
	return dev->name;
}

/* What dev_info & co. print before the device's name, as Linux: the bound
 * driver's name, else the class's, else the bus's ("pci"), else "". */
static inline const char *dev_driver_string(const struct device *dev)
{
	return dev->drv_name ? dev->drv_name : dev->class ? dev->class->name :
	       dev->bus_name ? dev->bus_name : "";
}

/* A new class named name. Returns it, or ERR_PTR(-EINVAL / -ENOMEM).
 * Linux before 6.4 took the owner first: class_create(THIS_MODULE, name)
 * works too (the owner is ignored). */
struct class *class_create(const char *name);
#define __class_create_pick(a, b, fn, ...)	fn
#define class_create(...)						\
	__class_create_pick(__VA_ARGS__, __class_create_owner,		\
			    class_create, 0)(__VA_ARGS__)
static inline struct class *__class_create_owner(struct module *owner,
						 const char *name)
{
	return (class_create)(name);
}
/* Removes the class; devices still in it are destroyed first. NULL and
 * ERR_PTR values are ignored. */
void class_destroy(const struct class *cls);

/* Makes the device devt in cls with the node /dev/NAME, NAME from the
 * printf-style fmt (or cls->devnode). Opening the node finds the driver
 * through the number (a cdev, misc device or register_chrdev major).
 * register_chrdev has made /dev/NAME already when NAME is its name: that
 * node, with the same number, is used (and stays register_chrdev's).
 * Returns the device, or ERR_PTR(-EINVAL / -EEXIST / -ENOMEM). */
struct device *device_create(const struct class *cls, struct device *parent,
			     dev_t devt, void *drvdata, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Removes the device devt of cls and its node; absent ones are ignored. */
void device_destroy(const struct class *cls, dev_t devt);

#endif
