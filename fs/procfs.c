/*
 * procfs, mounted on /proc: one flat directory of generated files. Each
 * file is a show function registered with proc_create; opening the file
 * runs it into a seq_buf, and reads copy from that text, so one open sees
 * one consistent snapshot.
 */
#include "fs/internal.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

struct proc_entry {
	int (*show)(struct seq_buf *m, void *arg);
	void *arg;
};

static struct {
	struct super_block *sb;
} procfs;

static int proc_open(struct inode *inode, struct file *f)
{
	const struct proc_entry *pe = inode->private;

	return seq_file_open(f, pe->show, pe->arg);
}

static const struct file_operations proc_fops = {
	.open = proc_open,
	.read = seq_file_read,
	.release = seq_file_release,
};

static void proc_evict(struct inode *inode)
{
	kfree(inode->private);
}

static const struct inode_operations proc_file_iops = {
	.evict = proc_evict,
};

/* The directory dir/name, made (mode 0555) if missing. NULL for no
 * memory or if name is a file. */
static struct dentry *proc_subdir(struct dentry *dir, const char *name)
{
	struct dentry *d = d_find_child(dir, name);
	struct inode *inode;

	if (d)
		return S_ISDIR(d->inode->mode) ? d : NULL;
	inode = inode_alloc(procfs.sb, S_IFDIR | 0555);
	if (!inode)
		return NULL;
	inode->i_fop = &dir_fops;
	d = d_add_child(dir, name, inode);
	if (!d)
		inode_free(inode);
	return d;
}

/* Walks "bus/pci/devices" to the directory of its last part, making the
 * directories on the way; *name gets the last part. */
static int proc_walk(const char *path, struct dentry **dir, const char **name)
{
	char part[NAME_MAX + 1];
	const char *slash;

	*dir = procfs.sb->root;
	while ((slash = strchr(path, '/')) != NULL) {
		if (slash == path || slash - path > NAME_MAX)
			return -EINVAL;
		memcpy(part, path, slash - path);
		part[slash - path] = '\0';
		*dir = proc_subdir(*dir, part);
		if (!*dir)
			return -ENOMEM;
		path = slash + 1;
	}
	*name = path;
	return 0;
}

int proc_create(const char *path, int (*show)(struct seq_buf *m, void *arg),
		void *arg)
{
	struct proc_entry *pe;
	struct inode *inode;
	struct dentry *dir;
	const char *name;
	int err;

	if (!procfs.sb)
		return -ENOENT;
	err = proc_walk(path, &dir, &name);
	if (err)
		return err;
	if (!name[0] || strlen(name) > NAME_MAX)
		return -EINVAL;
	if (d_find_child(dir, name))
		return -EEXIST;
	pe = kmalloc(sizeof(*pe));
	inode = inode_alloc(procfs.sb, S_IFREG | 0444);
	if (!pe || !inode)
		goto out_free;
	pe->show = show;
	pe->arg = arg;
	inode->private = pe;
	inode->i_op = &proc_file_iops;
	inode->i_fop = &proc_fops;
	if (!d_add_child(dir, name, inode)) {
		inode_free(inode);	/* frees pe too */
		return -ENOMEM;
	}
	return 0;

out_free:
	kfree(pe);
	kfree(inode);
	return -ENOMEM;
}

static int procfs_fill_super(struct super_block *sb, void *data)
{
	int err = sb_make_root(sb, 0555, NULL);

	if (!err)
		procfs.sb = sb;
	return err;
}

const struct fs_type procfs_type = {
	.name = "proc",
	.fill_super = procfs_fill_super,
};
