/*
 * devfs, mounted on /dev: the character-device registry and its nodes.
 * Each registered device is a node /dev/NAME (S_IFCHR, its device number
 * in rdev); opening a node finds the device's file_operations, pins their
 * owner module and switches the file over to them, as Linux's chrdev_open.
 * Operations without .owner that live in a module's image still pin that
 * module: the file records what it pinned (file->pinned), and the last
 * close puts exactly that.
 */
#include "fs/internal.h"
#include "kernel/module.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <linux/chrdev.h>

#define MAX_CHRDEVS	32
#define DYNAMIC_MAJOR_HIGH 254
#define DYNAMIC_MAJOR_LOW  200

struct chrdev {
	dev_t dev;		/* MKDEV(major, minor) */
	const struct file_operations *fops;
	struct dentry *node;	/* /dev/NAME; NULL: free slot */
	bool whole_major;	/* register_chrdev: every minor of the major */
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

/* The register_chrdev device that serves every minor of major, or NULL. */
static struct chrdev *find_major(unsigned major)
{
	for (unsigned i = 0; i < MAX_CHRDEVS; i++)
		if (devfs.devs[i].node && devfs.devs[i].whole_major &&
		    MAJOR(devfs.devs[i].dev) == major)
			return &devfs.devs[i];
	return NULL;
}

bool chrdev_major_taken(unsigned major)
{
	for (unsigned i = 0; i < MAX_CHRDEVS; i++)
		if (devfs.devs[i].node && MAJOR(devfs.devs[i].dev) == major)
			return true;
	return false;
}

const char *chrdev_major_name(unsigned major)
{
	struct chrdev *c = find_major(major);

	return c ? c->node->name : NULL;
}

static bool major_used(unsigned major)
{
	return chrdev_major_taken(major) ||
	       chrdev_region_taken(MKDEV(major, 0), MINORMASK + 1);
}

static const struct file_operations chrdev_fops;

/* The driver of device number dev: a built-in or register_chrdev device,
 * else a misc device or cdev (fs/chrdev.c). -ENXIO if none. */
static int find_driver(dev_t dev, const struct file_operations **fops, void **priv,
		       struct cdev **cdev)
{
	struct chrdev *c = find_dev(dev);

	*cdev = NULL;
	if (!c)
		c = find_major(MAJOR(dev));
	if (c) {
		*fops = c->fops;
		*priv = NULL;
		return 0;
	}
	return chrdev_find(dev, fops, priv, cdev);
}

/* The open of every node: pin the module that holds the device's
 * operations (.owner, or else the module whose image holds the table) and
 * hand the file to them; a cdev's node keeps the cdev in inode->i_cdev. */
static int chrdev_open(struct inode *inode, struct file *f)
{
	const struct file_operations *fops;
	struct module *mod;
	struct cdev *cdev;
	void *priv;
	int err = find_driver(inode->rdev, &fops, &priv, &cdev);

	if (err)
		return err;
	inode->i_cdev = cdev;	/* Linux's chrdev_open sets it too */
	mod = fops->owner ? fops->owner : module_of_addr(fops);
	if (!try_module_get(mod))
		return -ENODEV;
	f->f_op = fops;
	f->private_data = priv;	/* a misc device: its struct miscdevice */
	f->pinned = mod;	/* put by vfs_close after the device's release */
	if (f->f_op->open) {
		err = fop_open(inode, f);
		if (err) {
			f->f_op = &chrdev_fops;
			f->pinned = NULL;
			module_put(mod);
			return err;
		}
	}
	return 0;
}

static const struct file_operations chrdev_fops = {
	.open = chrdev_open,
};

int devfs_mknod(const char *name, dev_t dev, uint32_t perm, struct dentry **out)
{
	struct inode *inode;

	if (!devfs.sb || !name || !name[0] || strchr(name, '/') ||
	    strlen(name) > NAME_MAX)
		return -EINVAL;
	if (d_find_child(devfs.sb->root, name))
		return -EEXIST;
	inode = inode_alloc(devfs.sb, S_IFCHR | (perm & 0777));
	if (!inode)
		return -ENOMEM;
	inode->rdev = dev;
	inode->i_fop = &chrdev_fops;
	*out = d_add_child(devfs.sb->root, name, inode);
	if (!*out) {
		inode_free(inode);
		return -ENOMEM;
	}
	return 0;
}

bool devfs_node_is(const char *name, uint32_t dev)
{
	struct dentry *d = devfs.sb ? d_find_child(devfs.sb->root, name) : NULL;

	return d && S_ISCHR(d->inode->mode) && d->inode->rdev == dev;
}

void devfs_rmnod(struct dentry *node)
{
	if (node)
		d_remove(node);
}

/* Adds a device and its node. Returns 0, -EBUSY, -EINVAL, -ENOMEM. */
static int chrdev_add(dev_t dev, const char *name,
		      const struct file_operations *fops, bool whole_major)
{
	struct chrdev *slot = NULL;
	int err;

	if (!fops)
		return -EINVAL;
	for (unsigned i = 0; i < MAX_CHRDEVS && !slot; i++)
		if (!devfs.devs[i].node)
			slot = &devfs.devs[i];
	if (!slot || find_dev(dev))
		return -EBUSY;
	err = devfs_mknod(name, dev, 0666, &slot->node);
	if (err)
		return err == -EEXIST ? -EBUSY : err;
	slot->dev = dev;
	slot->fops = fops;
	slot->whole_major = whole_major;
	return 0;
}

int devfs_add(dev_t dev, const char *name, const struct file_operations *fops)
{
	return chrdev_add(dev, name, fops, false);
}

int register_chrdev(unsigned major, const char *name,
		    const struct file_operations *fops)
{
	bool fixed = major != 0;
	int err;

	if (major >= CHRDEV_MAJOR_MAX)
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
	err = chrdev_add(MKDEV(major, 0), name, fops, true);
	if (err)
		return err;
	return fixed ? 0 : (int)major;
}

static bool inside(const void *p, uintptr_t start, uintptr_t len)
{
	return (uintptr_t)p >= start && (uintptr_t)p - start < len;
}

bool fops_inside(const struct file_operations *f, uintptr_t start, uintptr_t len)
{
	return inside(f, start, len) || inside((const void *)f->open, start, len) ||
	       inside((const void *)f->read, start, len) ||
	       inside((const void *)f->write, start, len) ||
	       inside((const void *)f->release, start, len) ||
	       inside((const void *)f->llseek, start, len) ||
	       inside((const void *)f->unlocked_ioctl, start, len);
}

unsigned chrdev_remove_range(uintptr_t start, uintptr_t len,
			     void (*report)(const char *name, void *arg), void *arg)
{
	unsigned n = 0;

	for (unsigned i = 0; i < MAX_CHRDEVS; i++) {
		struct chrdev *c = &devfs.devs[i];

		if (!c->node || !fops_inside(c->fops, start, len))
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
			c->whole_major = false;
			return;
		}
	}
}

/* Marks the inodes of nodes made by mknod (inode->private): only those may
 * be removed; a driver's node goes when the driver unregisters. */
static char mknod_made;

int devfs_mknod_at(struct dentry *dir, const char *name, uint32_t mode, dev_t dev)
{
	struct dentry *node;
	int err;

	if (!devfs.sb || dir != devfs.sb->root)
		return -EPERM;
	if (!S_ISCHR(mode))
		return -EINVAL;
	err = devfs_mknod(name, dev, mode & 0777, &node);
	if (!err)
		node->inode->private = &mknod_made;
	return err;
}

static int devfs_unlink(struct inode *dir, struct dentry *d)
{
	(void)dir;
	return d->inode->private == &mknod_made ? 0 : -EPERM;
}

static const struct inode_operations devfs_dir_ops = {
	.unlink = devfs_unlink,
};

static int devfs_fill_super(struct super_block *sb, void *data)
{
	int err = sb_make_root(sb, 0755, &devfs_dir_ops);

	if (!err)
		devfs.sb = sb;
	return err;
}

const struct fs_type devfs_type = {
	.name = "devfs",
	.fill_super = devfs_fill_super,
};
