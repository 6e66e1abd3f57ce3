/*
 * Namespace operations: making and removing names (create, mkdir, rmdir,
 * unlink), moving them (rename) and stat. The VFS checks the rules every
 * filesystem shares (types, "." and "..", busy entries) and asks the
 * filesystem's inode_operations for consent and the real work.
 */
#include "fs/internal.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

/* "" (the path named "/" itself), "." or "..": looked at byte by byte
 * (strcmp's answers, without two calls for every name made). */
static bool is_dot_name(const char *s)
{
	return s[0] == '\0' || (s[0] == '.' && (s[1] == '\0' ||
						 (s[1] == '.' && s[2] == '\0')));
}

int namei_create(struct dentry *dir, const char *name, uint32_t mode,
		 struct dentry **out)
{
	const struct inode_operations *ops = dir->inode->i_op;
	bool is_dir = S_ISDIR(mode);
	struct dentry *d;
	int err;

	if (!ops || (is_dir && !ops->mkdir) || (!is_dir && !ops->create))
		return -EPERM;
	d = d_alloc(dir, name);
	if (!d)
		return -ENOMEM;
	err = is_dir ? ops->mkdir(dir->inode, d) : ops->create(dir->inode, d, mode);
	if (!err && !d->inode)
		err = -EIO;	/* a filesystem bug, not the caller's */
	if (err) {
		d_free(d);
		return err;
	}
	d_link(d);
	if (out)
		*out = d;
	return 0;
}

int vfs_mkdir(struct dentry *cwd, const char *path)
{
	struct dentry *d;
	struct walk w;
	int err = path_parent(cwd, path, &w);

	if (err)
		return err;
	if (is_dot_name(w.last))
		return -EEXIST;
	err = path_step(w.dir, w.last, &d);
	if (err != -ENOENT)
		return err ? err : -EEXIST;
	return namei_create(w.dir, w.last, S_IFDIR | 0755, NULL);
}

/* Finds the entry rmdir/unlink/rename would act on (mount points not
 * followed). Special names give dot_err. */
static int find_victim(struct dentry *cwd, const char *path, struct walk *w,
		       int dot_err, struct dentry **out)
{
	int err = path_parent(cwd, path, w);

	if (err)
		return err;
	if (is_dot_name(w->last))
		return dot_err;
	*out = d_find_child(w->dir, w->last);
	return *out ? 0 : -ENOENT;
}

static int rmdir_dot_error(const char *path)
{
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	if (n >= 2 && path[n - 1] == '.' && path[n - 2] == '.')
		return -ENOTEMPTY;
	if (n >= 1 && path[n - 1] == '.')
		return -EINVAL;
	return -EBUSY;	/* "/" */
}

int vfs_rmdir(struct dentry *cwd, const char *path)
{
	const struct inode_operations *ops;
	struct dentry *d;
	struct walk w;
	int err = find_victim(cwd, path, &w, rmdir_dot_error(path), &d);

	if (err)
		return err;
	if (!S_ISDIR(d->inode->mode))
		return -ENOTDIR;
	if (d->mounted || d->cwd_pins)
		return -EBUSY;
	ops = w.dir->inode->i_op;
	if (!ops || !ops->rmdir)
		return -EPERM;
	err = ops->rmdir(w.dir->inode, d);
	if (err)
		return err;
	d_remove(d);
	return 0;
}

int vfs_unlink(struct dentry *cwd, const char *path)
{
	const struct inode_operations *ops;
	struct dentry *d;
	struct walk w;
	int err = find_victim(cwd, path, &w, -EISDIR, &d);

	if (err)
		return err;
	if (S_ISDIR(d->inode->mode))
		return -EISDIR;
	if (w.slash)
		return -ENOTDIR;
	ops = w.dir->inode->i_op;
	if (!ops || !ops->unlink)
		return -EPERM;
	err = ops->unlink(w.dir->inode, d);
	if (err)
		return err;
	d_remove(d);
	return 0;
}

/* May d (at od) replace the existing target nd? */
static int rename_target_ok(struct dentry *d, struct dentry *nd)
{
	bool dir = S_ISDIR(d->inode->mode);

	if (nd->mounted || nd->cwd_pins)
		return -EBUSY;
	if (dir && !S_ISDIR(nd->inode->mode))
		return -ENOTDIR;
	if (!dir && S_ISDIR(nd->inode->mode))
		return -EISDIR;
	if (dir && !d_is_empty(nd))
		return -ENOTEMPTY;
	return 0;
}

/* The checks of rename that need no filesystem. */
static int rename_check(struct dentry *d, struct walk *ow, struct walk *nw,
			struct dentry *nd)
{
	bool dir = S_ISDIR(d->inode->mode);

	if (d->mounted)
		return -EBUSY;
	if (!dir && (ow->slash || nw->slash))
		return -ENOTDIR;
	if (ow->dir->sb != nw->dir->sb)
		return -EXDEV;
	for (struct dentry *p = nw->dir; dir && p; p = p->parent)
		if (p == d)
			return -EINVAL;	/* into itself */
	return nd && nd != d ? rename_target_ok(d, nd) : 0;
}

/* Moves d under nw->dir with the name nw->last, replacing nd if any. */
static int rename_move(struct dentry *d, struct walk *nw, struct dentry *nd)
{
	size_t len = strlen(nw->last);
	char *name = kmalloc(len + 1);

	if (!name)
		return -ENOMEM;
	memcpy(name, nw->last, len + 1);
	if (nd)
		d_remove(nd);
	d_unlink(d);
	d_set_name(d, name);
	d->parent = nw->dir;
	d_link(d);
	inode_touch(d->inode);
	return 0;
}

int vfs_rename(struct dentry *cwd, const char *oldpath, const char *newpath)
{
	const struct inode_operations *ops;
	struct dentry *d, *nd;
	struct walk ow, nw;
	int err = find_victim(cwd, oldpath, &ow, -EBUSY, &d);

	if (err)
		return err;
	err = path_parent(cwd, newpath, &nw);
	if (err)
		return err;
	if (is_dot_name(nw.last))
		return -EBUSY;
	nd = d_find_child(nw.dir, nw.last);
	err = rename_check(d, &ow, &nw, nd);
	if (err || nd == d)
		return err;
	ops = ow.dir->inode->i_op;
	if (!ops || !ops->rename)
		return -EPERM;
	err = ops->rename(ow.dir->inode, d, nw.dir->inode, nw.last);
	if (err)
		return err;
	return rename_move(d, &nw, nd);
}

int vfs_stat(struct dentry *cwd, const char *path, struct stat *st)
{
	struct dentry *d;
	int err = vfs_lookup(cwd, path, &d);

	if (err)
		return err;
	inode_fill_stat(d->inode, st);
	return 0;
}
