/*
 * devfs, mounted on /dev: the character-device registry and its nodes.
 * Each registered device is a node /dev/NAME (S_IFCHR, its device number
 * in rdev); opening a node finds the device's file_operations, pins their
 * owner module and switches the file over to them, as Linux's chrdev_open.
 */
#include "fs/internal.h"
#include "kernel/module.h"
#include "lib/string.h"
#include <tessera/errno.h>

#define MAX_CHRDEVS	32
#define DYNAMIC_MAJOR_HIGH 254
#define DYNAMIC_MAJOR_LOW  200

struct chrdev {
	uint32_t dev;		/* MKDEV(major, minor) */
	const struct file_operations *fops;
	struct dentry *node;	/* /dev/NAME; NULL: free slot */
};

static struct {
	struct super_block *sb;
	struct chrdev devs[MAX_CHRDEVS];
} devfs;

static struct chrdev *find_dev(uint32_t dev)
{
	for (unsigned i = 0; i < MAX_CHRDEVS; i++)
		if (devfs.devs[i].node && devfs.devs[i].dev == dev)
			return &devfs.devs[i];
	return NULL;
}

static bool major_used(unsigned major)
{
	for (unsigned i = 0; i < MAX_CHRDEVS; i++)
		if (devfs.devs[i].node && MAJOR(devfs.devs[i].dev) == major)
			return true;
	return false;
}

static const struct file_operations chrdev_fops;

/* The open of every node: hand the file to the device's operations. */
static int chrdev_open(struct inode *inode, struct file *f)
{
	struct chrdev *c = find_dev(inode->rdev);
	int err;

	if (!c || !try_module_get(c->fops->owner))
		return -ENODEV;
	f->f_op = c->fops;
	if (c->fops->open) {
		err = c->fops->open(inode, f);
		if (err) {
			module_put(c->fops->owner);
			f->f_op = &chrdev_fops;
			return err;
		}
	}
	return 0;
}

static const struct file_operations chrdev_fops = {
	.open = chrdev_open,
};

/* Adds a device and its node. Returns 0, -EBUSY, -EINVAL, -ENOMEM. */
int devfs_add(uint32_t dev, const char *name, const struct file_operations *fops)
{
	struct chrdev *slot = NULL;
	struct inode *inode;

	if (!devfs.sb || !fops || !name || !name[0] || strchr(name, '/') ||
	    strlen(name) > NAME_MAX)
		return -EINVAL;
	for (unsigned i = 0; i < MAX_CHRDEVS && !slot; i++)
		if (!devfs.devs[i].node)
			slot = &devfs.devs[i];
	if (!slot || find_dev(dev) || d_find_child(devfs.sb->root, name))
		return -EBUSY;
	inode = inode_alloc(devfs.sb, S_IFCHR | 0666);
	if (!inode)
		return -ENOMEM;
	inode->rdev = dev;
	inode->i_fop = &chrdev_fops;
	slot->node = d_add_child(devfs.sb->root, name, inode);
	if (!slot->node) {
		inode_free(inode);
		return -ENOMEM;
	}
	slot->dev = dev;
	slot->fops = fops;
	return 0;
}

int register_chrdev(unsigned major, const char *name,
		    const struct file_operations *fops)
{
	bool fixed = major != 0;
	int err;

	if (major > 255)
		return -EINVAL;
	if (major == 0) {
		for (major = DYNAMIC_MAJOR_HIGH; major >= DYNAMIC_MAJOR_LOW; major--)
			if (!major_used(major))
				break;
		if (major < DYNAMIC_MAJOR_LOW)
			return -EBUSY;
	} else if (major_used(major)) {
		return -EBUSY;
	}
	err = devfs_add(MKDEV(major, 0), name, fops);
	if (err)
		return err;
	return fixed ? 0 : (int)major;
}

static bool inside(const void *p, uintptr_t start, uintptr_t len)
{
	return (uintptr_t)p >= start && (uintptr_t)p - start < len;
}

/* Do the device's operations (the table, or any function in it) live in
 * [start, start + len)? */
static bool ops_inside(const struct file_operations *f, uintptr_t start, uintptr_t len)
{
	return inside(f, start, len) || inside((const void *)f->open, start, len) ||
	       inside((const void *)f->read, start, len) ||
	       inside((const void *)f->write, start, len) ||
	       inside((const void *)f->release, start, len);
}

unsigned chrdev_remove_range(uintptr_t start, uintptr_t len,
			     void (*report)(const char *name, void *arg), void *arg)
{
	unsigned n = 0;

	for (unsigned i = 0; i < MAX_CHRDEVS; i++) {
		struct chrdev *c = &devfs.devs[i];

		if (!c->node || !ops_inside(c->fops, start, len))
			continue;
		if (report)
			report(c->node->name, arg);
		d_remove(c->node);
		c->node = NULL;
		c->fops = NULL;
		n++;
	}
	return n;
}

void unregister_chrdev(unsigned major, const char *name)
{
	for (unsigned i = 0; i < MAX_CHRDEVS; i++) {
		struct chrdev *c = &devfs.devs[i];

		if (c->node && MAJOR(c->dev) == major && !strcmp(c->node->name, name)) {
			d_remove(c->node);
			c->node = NULL;
			c->fops = NULL;
			return;
		}
	}
}

static int devfs_fill_super(struct super_block *sb, void *data)
{
	int err = sb_make_root(sb, 0755, NULL);

	if (!err)
		devfs.sb = sb;
	return err;
}

const struct fs_type devfs_type = {
	.name = "devfs",
	.fill_super = devfs_fill_super,
};
