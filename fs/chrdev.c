/*
 * Character-device numbers and the drivers behind them, as Linux drivers
 * see them: regions of numbers (alloc_chrdev_region ...), cdevs serving a
 * range of numbers, misc devices (major 10, node made at once), classes and
 * the devices whose /dev nodes device_create makes; and the stock llseek
 * methods. devfs.c's chrdev_open finds a node's driver here by its number.
 * What a module leaves registered is taken out by chrdev_reap.
 */
#include "fs/internal.h"
#include "kernel/module.h"
#include "kernel/symbols.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <linux/err.h>
#include <linux/cdev.h>
#include <linux/miscdevice.h>
#include <linux/device.h>

#define MAX_REGIONS	32
#define MAX_CDEVS	32
#define MAX_MISC	32
#define MAX_CLASSES	16
#define MAX_DEVICES	32
#define REGION_NAME	32
#define DYNAMIC_MAJOR_HIGH 254
#define DYNAMIC_MAJOR_LOW  200
#define MISC_DYNAMIC_HIGH  63
#define MISC_DYNAMIC_LOW   1

struct region {
	dev_t from;
	unsigned count;		/* 0: free slot */
	char name[REGION_NAME];
	struct module_record *owner;	/* who claimed it (NULL: the kernel) */
};

struct misc_slot {
	struct miscdevice *misc;	/* NULL: free slot */
	struct dentry *node;
	bool dynamic;		/* minor chosen here: given back at the end */
	struct device dev;	/* what misc->this_device points at */
};

struct class_rec {
	struct class cls;	/* first: a struct class * is a class_rec * */
	char name[REGION_NAME];
	struct module_record *owner;
};

struct device_rec {
	struct device dev;	/* first: a struct device * is a device_rec * */
	struct dentry *node;
	struct module_record *owner;
};

static struct {
	struct region regions[MAX_REGIONS];
	struct cdev *cdevs[MAX_CDEVS];
	struct misc_slot miscs[MAX_MISC];
	struct class_rec *classes[MAX_CLASSES];
	struct device_rec *devices[MAX_DEVICES];
} chrdevs;

static void find_running(struct module_record *rec, void *arg)
{
	if (rec->state == MODULE_STATE_COMING || rec->state == MODULE_STATE_GOING)
		*(struct module_record **)arg = rec;
}

struct module_record *fs_caller_module(const void *ret)
{
	struct module_record *rec = module_record_at((uintptr_t)ret);

	if (!rec)
		module_for_each(find_running, &rec);
	return rec;
}

static bool inside(const void *p, uintptr_t start, uintptr_t len)
{
	return (uintptr_t)p >= start && (uintptr_t)p - start < len;
}

/* Do [a, a + na) and [b, b + nb) share a number? */
static bool overlaps(dev_t a, unsigned na, dev_t b, unsigned nb)
{
	return (uint64_t)a < (uint64_t)b + nb && (uint64_t)b < (uint64_t)a + na;
}

/* ---- regions ---- */

bool chrdev_region_taken(dev_t from, unsigned count)
{
	for (unsigned i = 0; i < MAX_REGIONS; i++) {
		const struct region *r = &chrdevs.regions[i];

		if (r->count && overlaps(r->from, r->count, from, count))
			return true;
	}
	return false;
}

static int region_add(dev_t from, unsigned count, const char *name,
		      struct module_record *owner)
{
	struct region *slot = NULL;

	if (!count || !name || !name[0] ||
	    (uint64_t)from + count - 1 > MKDEV(CHRDEV_MAJOR_MAX - 1, MINORMASK))
		return -EINVAL;
	if (chrdev_region_taken(from, count))
		return -EBUSY;
	for (unsigned ma = MAJOR(from); ma <= MAJOR(from + count - 1); ma++)
		if (chrdev_major_taken(ma))
			return -EBUSY;
	for (unsigned i = 0; i < MAX_REGIONS && !slot; i++)
		if (!chrdevs.regions[i].count)
			slot = &chrdevs.regions[i];
	if (!slot)
		return -ENOMEM;
	slot->from = from;
	slot->count = count;
	strlcpy(slot->name, name, sizeof(slot->name));
	slot->owner = owner;
	return 0;
}

int register_chrdev_region(dev_t from, unsigned count, const char *name)
{
	return region_add(from, count, name,
			  fs_caller_module(__builtin_return_address(0)));
}

int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count,
			const char *name)
{
	struct module_record *owner = fs_caller_module(__builtin_return_address(0));
	int err;

	if (!count || baseminor > MINORMASK || count > MINORMASK + 1 - baseminor)
		return -EINVAL;
	for (unsigned major = DYNAMIC_MAJOR_HIGH; major >= DYNAMIC_MAJOR_LOW; major--) {
		if (chrdev_major_taken(major) ||
		    chrdev_region_taken(MKDEV(major, 0), MINORMASK + 1))
			continue;
		err = region_add(MKDEV(major, baseminor), count, name, owner);
		if (!err)
			*dev = MKDEV(major, baseminor);
		return err;
	}
	return -EBUSY;
}

void unregister_chrdev_region(dev_t from, unsigned count)
{
	for (unsigned i = 0; i < MAX_REGIONS; i++) {
		struct region *r = &chrdevs.regions[i];

		if (r->count && r->from == from && r->count == count) {
			memset(r, 0, sizeof(*r));
			return;
		}
	}
}

/* Linux lists each region under its first major, and a driver's regions
 * in the order they were claimed. */
int chrdev_show_devices(struct seq_buf *m, void *arg)
{
	seq_buf_printf(m, "Character devices:\n");
	for (unsigned major = 0; major < CHRDEV_MAJOR_MAX; major++) {
		const char *name = chrdev_major_name(major);

		if (name)
			seq_buf_printf(m, "%3u %s\n", major, name);
		for (unsigned i = 0; i < MAX_REGIONS; i++) {
			const struct region *r = &chrdevs.regions[i];

			if (r->count && MAJOR(r->from) == major)
				seq_buf_printf(m, "%3u %s\n", major, r->name);
		}
	}
	seq_buf_printf(m, "\nBlock devices:\n");
	return 0;
}

/* ---- cdevs ---- */

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	memset(cdev, 0, sizeof(*cdev));
	cdev->ops = fops;
}

int kobject_set_name(struct kobject *kobj, const char *fmt, ...)
{
	va_list ap;

	if (!fmt)
		return -EINVAL;
	va_start(ap, fmt);
	vsnprintf(kobj->name_buf, sizeof(kobj->name_buf), fmt, ap);
	va_end(ap);
	kobj->name = kobj->name_buf;
	return 0;
}

struct cdev *cdev_alloc(void)
{
	struct cdev *cdev = kzalloc(sizeof(*cdev));

	if (cdev)
		cdev->allocated = true;
	return cdev;
}

int cdev_add(struct cdev *cdev, dev_t dev, unsigned count)
{
	struct cdev **slot = NULL;

	if (!count || !cdev->ops || cdev->added)
		return -EINVAL;
	for (unsigned i = 0; i < MAX_CDEVS; i++) {
		struct cdev *c = chrdevs.cdevs[i];

		if (c && overlaps(c->dev, c->count, dev, count))
			return -EBUSY;
		if (!c && !slot)
			slot = &chrdevs.cdevs[i];
	}
	if (!slot)
		return -ENOMEM;
	cdev->dev = dev;
	cdev->count = count;
	cdev->added = true;
	*slot = cdev;
	return 0;
}

void cdev_del(struct cdev *cdev)
{
	for (unsigned i = 0; i < MAX_CDEVS; i++)
		if (chrdevs.cdevs[i] == cdev)
			chrdevs.cdevs[i] = NULL;
	cdev->added = false;
	if (cdev->allocated)
		kfree(cdev);
}

/* ---- misc devices ---- */

static struct misc_slot *misc_by_minor(unsigned minor)
{
	for (unsigned i = 0; i < MAX_MISC; i++)
		if (chrdevs.miscs[i].misc && (unsigned)chrdevs.miscs[i].misc->minor == minor)
			return &chrdevs.miscs[i];
	return NULL;
}

/* The minor misc asks for, or the highest free dynamic one; -EBUSY. */
static int misc_pick_minor(const struct miscdevice *misc)
{
	if (misc->minor != MISC_DYNAMIC_MINOR)
		return misc->minor < 0 || misc->minor > 255 ? -EINVAL :
		       misc_by_minor(misc->minor) ? -EBUSY : misc->minor;
	for (int minor = MISC_DYNAMIC_HIGH; minor >= MISC_DYNAMIC_LOW; minor--)
		if (!misc_by_minor(minor))
			return minor;
	return -EBUSY;
}

int misc_register(struct miscdevice *misc)
{
	const char *name = misc->nodename ? misc->nodename : misc->name;
	struct misc_slot *slot = NULL;
	int minor, err;

	if (!misc->fops || !name)
		return -EINVAL;
	for (unsigned i = 0; i < MAX_MISC && !slot; i++)
		if (!chrdevs.miscs[i].misc)
			slot = &chrdevs.miscs[i];
	if (!slot)
		return -ENOMEM;
	minor = misc_pick_minor(misc);
	if (minor < 0)
		return minor;
	err = devfs_mknod(name, MKDEV(MISC_MAJOR, minor), misc->mode ? misc->mode : 0600,
			  &slot->node);
	if (err)
		return err == -EEXIST ? -EBUSY : err;
	slot->dynamic = misc->minor == MISC_DYNAMIC_MINOR;
	memset(&slot->dev, 0, sizeof(slot->dev));
	slot->dev.devt = MKDEV(MISC_MAJOR, minor);
	strlcpy(slot->dev.name, name, sizeof(slot->dev.name));
	misc->minor = minor;
	misc->this_device = &slot->dev;
	slot->misc = misc;
	return 0;
}

static void misc_slot_free(struct misc_slot *slot)
{
	devfs_rmnod(slot->node);
	if (slot->dynamic)
		slot->misc->minor = MISC_DYNAMIC_MINOR;
	slot->misc->this_device = NULL;
	slot->misc = NULL;
	slot->node = NULL;
}

void misc_deregister(struct miscdevice *misc)
{
	for (unsigned i = 0; i < MAX_MISC; i++)
		if (chrdevs.miscs[i].misc == misc) {
			misc_slot_free(&chrdevs.miscs[i]);
			return;
		}
}

int chrdev_find(dev_t dev, const struct file_operations **fops, void **priv,
		struct cdev **cdev)
{
	*cdev = NULL;
	if (MAJOR(dev) == MISC_MAJOR) {
		struct misc_slot *slot = misc_by_minor(MINOR(dev));

		if (slot) {
			*fops = slot->misc->fops;
			*priv = slot->misc;
			return 0;
		}
	}
	for (unsigned i = 0; i < MAX_CDEVS; i++) {
		struct cdev *c = chrdevs.cdevs[i];

		if (c && overlaps(c->dev, c->count, dev, 1)) {
			*fops = c->ops;
			*priv = NULL;
			*cdev = c;
			return 0;
		}
	}
	return -ENXIO;
}

/* ---- classes and devices ---- */

struct class *(class_create)(const char *name)
{
	struct module_record *owner = fs_caller_module(__builtin_return_address(0));
	struct class_rec *rec, **slot = NULL;

	if (!name || !name[0] || strlen(name) >= REGION_NAME)
		return ERR_PTR(-EINVAL);
	for (unsigned i = 0; i < MAX_CLASSES && !slot; i++)
		if (!chrdevs.classes[i])
			slot = &chrdevs.classes[i];
	rec = slot ? kzalloc(sizeof(*rec)) : NULL;
	if (!rec)
		return ERR_PTR(-ENOMEM);
	strlcpy(rec->name, name, sizeof(rec->name));
	rec->cls.name = rec->name;
	rec->owner = owner;
	*slot = rec;
	return &rec->cls;
}

static void device_free(unsigned i)
{
	struct device_rec *d = chrdevs.devices[i];

	devfs_rmnod(d->node);
	chrdevs.devices[i] = NULL;
	kfree(d);
}

void class_destroy(const struct class *cls)
{
	if (IS_ERR_OR_NULL(cls))
		return;
	for (unsigned i = 0; i < MAX_DEVICES; i++)
		if (chrdevs.devices[i] && chrdevs.devices[i]->dev.class == cls)
			device_free(i);
	for (unsigned i = 0; i < MAX_CLASSES; i++)
		if (chrdevs.classes[i] && &chrdevs.classes[i]->cls == cls) {
			kfree(chrdevs.classes[i]);
			chrdevs.classes[i] = NULL;
		}
}

/* The node name and mode of a new device: from fmt, or cls->devnode. */
static void device_name(struct device_rec *d, umode_t *mode, const char *fmt,
			va_list ap)
{
	char *name;

	vsnprintf(d->dev.name, sizeof(d->dev.name), fmt, ap);
	*mode = 0600;
	if (d->dev.class && d->dev.class->devnode) {
		name = d->dev.class->devnode(&d->dev, mode);
		if (name) {
			strlcpy(d->dev.name, name, sizeof(d->dev.name));
			kfree(name);
		}
	}
}

struct device *device_create(const struct class *cls, struct device *parent,
			     dev_t devt, void *drvdata, const char *fmt, ...)
{
	struct module_record *owner = fs_caller_module(__builtin_return_address(0));
	struct device_rec *d, **slot = NULL;
	umode_t mode;
	va_list ap;
	int err;

	if (!fmt)
		return ERR_PTR(-EINVAL);
	for (unsigned i = 0; i < MAX_DEVICES && !slot; i++)
		if (!chrdevs.devices[i])
			slot = &chrdevs.devices[i];
	d = slot ? kzalloc(sizeof(*d)) : NULL;
	if (!d)
		return ERR_PTR(-ENOMEM);
	d->dev.devt = devt;
	d->dev.class = cls;
	d->dev.parent = parent;
	d->dev.driver_data = drvdata;
	d->owner = owner;
	va_start(ap, fmt);
	device_name(d, &mode, fmt, ap);
	va_end(ap);
	err = devfs_mknod(d->dev.name, devt, mode, &d->node);
	if (err == -EEXIST && devfs_node_is(d->dev.name, devt))
		err = 0;	/* register_chrdev's node: used, not owned */
	if (err) {
		kfree(d);
		return ERR_PTR(err);
	}
	*slot = d;
	return &d->dev;
}

void device_destroy(const struct class *cls, dev_t devt)
{
	for (unsigned i = 0; i < MAX_DEVICES; i++)
		if (chrdevs.devices[i] && chrdevs.devices[i]->dev.class == cls &&
		    chrdevs.devices[i]->dev.devt == devt) {
			device_free(i);
			return;
		}
}

/* ---- what a module left ---- */

static void reap_devices(struct module_record *rec, char *what, size_t size,
			 void (*report)(const char *what, void *arg), void *arg)
{
	for (unsigned i = 0; i < MAX_DEVICES; i++) {
		struct device_rec *d = chrdevs.devices[i];

		if (!d || d->owner != rec)
			continue;
		snprintf(what, size, "device /dev/%s %u:%u (class %s)", d->dev.name,
			 MAJOR(d->dev.devt), MINOR(d->dev.devt),
			 d->dev.class ? d->dev.class->name : "none");
		report(what, arg);
		device_free(i);
	}
	for (unsigned i = 0; i < MAX_CLASSES; i++) {
		struct class_rec *c = chrdevs.classes[i];

		if (!c || c->owner != rec)
			continue;
		snprintf(what, size, "class %s", c->name);
		report(what, arg);
		class_destroy(&c->cls);
	}
}

/* The misc devices and cdevs whose structure or file operations lie in
 * [start, start + len): rec's core image, or its separate init image. */
static void reap_drivers(uintptr_t start, uintptr_t len, char *what, size_t size,
			 void (*report)(const char *what, void *arg), void *arg)
{
	char sym[96];

	for (unsigned i = 0; i < MAX_MISC; i++) {
		struct misc_slot *s = &chrdevs.miscs[i];

		if (!s->misc || (!inside(s->misc, start, len) &&
				 !fops_inside(s->misc->fops, start, len)))
			continue;
		sym_format((uintptr_t)s->misc->fops, sym, sizeof(sym));
		snprintf(what, size, "misc device /dev/%s 10:%d (%s)", s->dev.name,
			 s->misc->minor, sym);
		report(what, arg);
		misc_slot_free(s);
	}
	for (unsigned i = 0; i < MAX_CDEVS; i++) {
		struct cdev *c = chrdevs.cdevs[i];

		if (!c || (!inside(c, start, len) && !fops_inside(c->ops, start, len)))
			continue;
		sym_format((uintptr_t)c->ops, sym, sizeof(sym));
		snprintf(what, size, "cdev %u:%u, %u minor%s (%s)", MAJOR(c->dev),
			 MINOR(c->dev), c->count, c->count == 1 ? "" : "s", sym);
		report(what, arg);
		cdev_del(c);
	}
}

void chrdev_reap(struct module_record *rec,
		 void (*report)(const char *what, void *arg), void *arg)
{
	char what[192];

	reap_devices(rec, what, sizeof(what), report, arg);
	reap_drivers((uintptr_t)rec->hdr, rec->mapped_size, what, sizeof(what), report, arg);
	if (rec->init_image)	/* insmod --init=split: what a failed init left there */
		reap_drivers((uintptr_t)rec->init_image, rec->init_image_size, what,
			     sizeof(what), report, arg);
	for (unsigned i = 0; i < MAX_REGIONS; i++) {
		struct region *r = &chrdevs.regions[i];

		if (!r->count || r->owner != rec)
			continue;
		snprintf(what, sizeof(what), "chrdev region %u:%u, %u minor%s (%s)",
			 MAJOR(r->from), MINOR(r->from), r->count,
			 r->count == 1 ? "" : "s", r->name);
		report(what, arg);
		memset(r, 0, sizeof(*r));
	}
}

/* ---- llseek methods ---- */

/* Moves file->pos to base + offset if that lies in 0 .. limit. */
static loff_t seek_to(struct file *file, int64_t base, loff_t offset, int64_t limit)
{
	int64_t pos = base + offset;

	if (pos < 0 || pos > limit)
		return -EINVAL;
	file->pos = (loff_t)pos;
	return file->pos;
}

loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size)
{
	switch (whence) {
	case SEEK_SET: return seek_to(file, 0, offset, size);
	case SEEK_CUR: return seek_to(file, file->pos, offset, size);
	case SEEK_END: return seek_to(file, size, offset, size);
	default: return -EINVAL;
	}
}

loff_t default_llseek(struct file *file, loff_t offset, int whence)
{
	switch (whence) {
	case SEEK_SET: return seek_to(file, 0, offset, PAGEFILE_MAX_SIZE);
	case SEEK_CUR: return seek_to(file, file->pos, offset, PAGEFILE_MAX_SIZE);
	case SEEK_END:
		return seek_to(file, file->inode->data.size, offset, PAGEFILE_MAX_SIZE);
	default: return -EINVAL;
	}
}

int nonseekable_open(struct inode *inode, struct file *filp)
{
	(void)inode;
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->pos;
}

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}
