/*
 * The init image of a module loaded with insmod --init=split (Richter's
 * design, docs/modfs.md "Init strategies"): /mod/NAME/init, a second
 * page-backed file the loader creates beside `module`. It holds only the
 * init part; the core image `module` holds only the core, so neither
 * shares a page with the other. Its control commands:
 *
 *   map init     vmap the init file's own pages (after map module, before
 *                init module); the kernel then knows the init range for
 *                the oops printer, the unload-safety check and leftovers
 *   unmap init   undo it; once the module is live this discards the init
 *                part (its symbols go); unlinking `init` frees its pages
 *   keep init    insmod --init=keep: the init part stays, never truncated
 *
 * The file's writes follow the same rules as `module`'s: free while not
 * mapped, no growth while mapped, read-only once init has started.
 */
#include "fs/modfs/internal.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

struct inode *modfs_init_inode(const struct dentry *d)
{
	struct dentry *image = d->parent ? d_find_child(d->parent, "init") : NULL;

	return image ? image->inode : NULL;
}

/* vmaps the init file's pages (modfs_vmap_file: undone on failure). */
static int map_init(struct module_record *rec, struct inode *image)
{
	struct pagefile *pf = &image->data;
	void *base;
	int err;

	if (!pf->size)
		return module_fail(rec, -EINVAL, "map init: the init file is empty; "
				   "ftruncate it to the init part's size first");
	if (rec->state != MODULE_STATE_MAPPED || rec->init_image || rec->init_dropped ||
	    rec->init_kept)
		return module_set_init_mapped(rec, NULL, 0);	/* says why not */
	err = modfs_vmap_file(rec, pf, "map init", "init image", &base);
	if (err)
		return err;
	err = module_set_init_mapped(rec, base, pf->size);
	if (err)
		vunmap(base);
	return err;
}

int modfs_unmap_init(struct module_record *rec)
{
	void *base = rec->init_image;
	int err = module_set_init_unmapped(rec);

	if (!err)
		vunmap(base);
	return err;
}

int modfs_init_command(struct module_record *rec, struct dentry *control, const char *cmd)
{
	struct inode *image = modfs_init_inode(control);

	if (!strcmp(cmd, "map"))
		return image ? map_init(rec, image)
			     : module_fail(rec, -ENOENT, "map init: no file 'init' in "
					   "/mod/%s; create it first", rec->name);
	if (!strcmp(cmd, "unmap"))
		return modfs_unmap_init(rec);
	if (!strcmp(cmd, "keep"))
		return module_keep_init(rec);
	return module_fail(rec, -EINVAL, "%s init: expected 'map init', 'unmap init' "
			   "or 'keep init'", cmd);
}

static ssize_t init_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	struct module_record *rec = modfs_record(f->inode);

	if (!rec)
		return -ENOENT;
	if (rec->init_image && rec->state >= MODULE_STATE_COMING)
		return module_fail(rec, -EBUSY, "write: the init image of a %s module is "
				   "read-only", module_state_name(rec->state));
	if (rec->init_image && (f->flags & O_APPEND || *pos + count > rec->init_image_size))
		return module_fail(rec, -EFBIG, "write: %u bytes at %u would grow a mapped "
				   "init image of %u bytes", (uint32_t)count, (uint32_t)*pos,
				   rec->init_image_size);
	return pagefile_fop_write(f, buf, count, pos);
}

const struct file_operations modfs_init_fops = {
	.read = pagefile_fop_read,
	.write = init_write,
};

/* ftruncate of `init`: only while it is not mapped. */
static int init_setsize(struct inode *inode, uint32_t size)
{
	struct module_record *rec = modfs_record(inode);

	if (rec && rec->init_image)
		return module_fail(rec, -EBUSY, "truncate: the init image is mapped; "
				   "unmap init first");
	return pagefile_truncate(&inode->data, size);
}

const struct inode_operations modfs_init_iops = {
	.setsize = init_setsize,
};
