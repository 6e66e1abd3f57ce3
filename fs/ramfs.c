/*
 * ramfs, the root filesystem: directories in the VFS's dentry tree,
 * regular files in their inodes' pages (pagefile). Everything a name can
 * do is allowed here; the only rule of its own is that rmdir wants an
 * empty directory.
 */
#include "fs/internal.h"
#include <tessera/errno.h>

static const struct inode_operations ramfs_iops;

static struct inode *ramfs_inode(struct super_block *sb, uint32_t mode)
{
	struct inode *inode = inode_alloc(sb, mode);

	if (!inode)
		return NULL;
	inode->i_op = &ramfs_iops;
	inode->i_fop = S_ISDIR(mode) ? &dir_fops : &pagefile_fops;
	return inode;
}

static int ramfs_create(struct inode *dir, struct dentry *d, uint32_t mode)
{
	struct inode *inode;

	if (!S_ISREG(mode))
		return -EINVAL;
	inode = ramfs_inode(dir->sb, mode);
	if (!inode)
		return -ENOMEM;
	d_instantiate(d, inode);
	return 0;
}

static int ramfs_mkdir(struct inode *dir, struct dentry *d)
{
	struct inode *inode = ramfs_inode(dir->sb, S_IFDIR | 0755);

	if (!inode)
		return -ENOMEM;
	d_instantiate(d, inode);
	return 0;
}

static int ramfs_rmdir(struct inode *dir, struct dentry *d)
{
	return d_is_empty(d) ? 0 : -ENOTEMPTY;
}

static int ramfs_unlink(struct inode *dir, struct dentry *d)
{
	return 0;
}

static int ramfs_rename(struct inode *odir, struct dentry *d,
			struct inode *ndir, const char *newname)
{
	return 0;
}

static const struct inode_operations ramfs_iops = {
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.rmdir = ramfs_rmdir,
	.unlink = ramfs_unlink,
	.rename = ramfs_rename,
};

static int ramfs_fill_super(struct super_block *sb, void *data)
{
	return sb_make_root(sb, 0755, &ramfs_iops);
}

const struct fs_type ramfs_type = {
	.name = "ramfs",
	.fill_super = ramfs_fill_super,
};
