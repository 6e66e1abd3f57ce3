/*
 * procfs, mounted on /proc: one flat directory of generated files. Each
 * file is a show function registered with proc_create_show; opening the file
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

int proc_create_show(const char *name, int (*show)(struct seq_buf *m, void *arg),
		void *arg)
{
	struct proc_entry *pe;
	struct inode *inode;

	if (!procfs.sb)
		return -ENOENT;
	if (!name[0] || strchr(name, '/') || strlen(name) > NAME_MAX)
		return -EINVAL;
	if (d_find_child(procfs.sb->root, name))
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
	if (!d_add_child(procfs.sb->root, name, inode)) {
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
