/*
 * modfs, the filesystem: its root directory, where mkdir makes a module
 * (its record and its files) and rmdir unloads one, and the module
 * directories, where only the image file `module` may be unlinked, and
 * only while it is not mapped.
 */
#include "fs/modfs/modfs.h"
#include "fs/modfs/internal.h"
#include "kernel/printk.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

static const struct inode_operations moddir_iops;

/* A module directory's files, made in one allocation (d_add_files), in
 * name order: d_add_files links each after the one before. */
static const struct d_file module_files[] = {
	{ "args", 0600, &modfs_args_fops, NULL },
	{ "base", 0444, &modfs_base_fops, NULL },
	{ "control", 0600, &modfs_control_fops, NULL },
	{ "error", 0444, &modfs_error_fops, NULL },
	{ "module", 0600, &modfs_module_fops, &modfs_module_iops },
	{ "status", 0444, &modfs_status_fops, NULL },
	{ "symbols", 0600, &modfs_symbols_fops, NULL },
};
#define NFILES (sizeof(module_files) / sizeof(module_files[0]))
#define FILE_MODULE 4	/* module_files[FILE_MODULE] is the image file */
_Static_assert(FILE_MODULE < NFILES, "module_files: FILE_MODULE is its row");

/* mkdir /mod/NAME: the record, then args, base, control, error, module,
 * status and symbols. On any
 * failure the VFS frees d with the files already attached to it. */
static int modfs_mkdir(struct inode *dir, struct dentry *d)
{
	struct inode *inode;
	struct module_record *rec;
	int err;

	rec = module_create(d->name, &err);
	if (!rec)
		return err;
	inode = inode_alloc(dir->sb, S_IFDIR | 0755);
	if (!inode) {
		err = -ENOMEM;
		goto out_destroy;
	}
	inode->i_op = &moddir_iops;
	inode->i_fop = &dir_fops;
	inode->private = rec;
	d_instantiate(d, inode);
	/* the record keeps its image file's inode: map and unmap find it
	 * there, not by a search of the directory for "module" */
	err = d_add_files(d, NFILES, module_files, rec, FILE_MODULE, &rec->image);
	if (err)
		goto out_destroy;
	return 0;
out_destroy:
	module_destroy(rec);
	return err;
}

static void forget_record(struct dentry *d)
{
	d->inode->private = NULL;
	for (struct dentry *c = d->children; c; c = c->next)
		c->inode->private = NULL;
}

/* rmdir /mod/NAME: exit if live (refused while in use), unmap if mapped,
 * then forget the record; the VFS frees the files and their pages. */
static int modfs_rmdir(struct inode *dir, struct dentry *d)
{
	struct module_record *rec = modfs_record(d->inode);
	int err = 0;

	if (!rec)
		return -ENOENT;
	if (rec->state == MODULE_STATE_LIVE)
		err = modfs_stop(rec);
	else if (rec->state != MODULE_STATE_MAPPED && rec->state != MODULE_STATE_UNMAPPED)
		err = -EBUSY;
	if (!err && rec->state == MODULE_STATE_MAPPED)
		err = modfs_unmap(rec, rec->image);
	if (err)
		return err;
	forget_record(d);
	return module_destroy(rec);
}

static int moddir_unlink(struct inode *dir, struct dentry *d)
{
	struct module_record *rec = modfs_record(dir);

	if (!strcmp(d->name, "init") && rec && rec->init_image)
		return module_fail(rec, -EBUSY, "unlink: the init image is mapped; "
				   "unmap init first");
	if (strcmp(d->name, "module") && strcmp(d->name, "init"))
		return -EPERM;
	if (!strcmp(d->name, "module") && rec && rec->state != MODULE_STATE_UNMAPPED)
		return module_fail(rec, -EBUSY, "unlink: the image is mapped; unmap it first");
	/* a file still open on the unlinked image belongs to no module now:
	 * its writes fail with ENOENT instead of reaching a freed record */
	d->inode->private = NULL;
	if (rec && rec->image == d->inode)
		rec->image = NULL;	/* `module` unlinked */
	return 0;
}

/* Re-creating the image file after an unlink, with O_CREAT; or creating
 * the init image `init` (insmod --init=split, initimage.c). */
static int moddir_create(struct inode *dir, struct dentry *d, uint32_t mode)
{
	struct module_record *rec = modfs_record(dir);
	struct inode *inode;

	bool init = !strcmp(d->name, "init");	/* insmod --init=split */

	if ((strcmp(d->name, "module") && !init) || !rec)
		return -EPERM;
	inode = inode_alloc(dir->sb, S_IFREG | 0600);
	if (!inode)
		return -ENOMEM;
	inode->i_fop = init ? &modfs_init_fops : &modfs_module_fops;
	inode->i_op = init ? &modfs_init_iops : &modfs_module_iops;
	inode->private = rec;
	if (!init)
		rec->image = inode;	/* `module` made again */
	d_instantiate(d, inode);
	return 0;
}

static const struct inode_operations root_iops = {
	.mkdir = modfs_mkdir,
	.rmdir = modfs_rmdir,
};

static const struct inode_operations moddir_iops = {
	.unlink = moddir_unlink,
	.create = moddir_create,
};

static int modfs_fill_super(struct super_block *sb, void *data)
{
	return sb_make_root(sb, 0755, &root_iops);
}

static const struct fs_type modfs_type = {
	.name = "modfs",
	.fill_super = modfs_fill_super,
};

void modfs_init(void)
{
	int err = vfs_mkdir(NULL, "/mod");

	if (!err || err == -EEXIST)
		err = vfs_mount(&modfs_type, "/mod", NULL);
	modalloc_init();
	if (!err)
		err = modfs_proc_init();
	if (!err)
		err = modalloc_proc_init();
	if (err)
		panic("modfs: cannot mount /mod: %s", strerror(err));
}
