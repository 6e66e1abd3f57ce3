/*
 * Open files: open (O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY), read,
 * pread (at an offset, the file position unmoved: Linux's pread64), write,
 * lseek, ftruncate, readdir, fstat and close, dispatching to each file's
 * file_operations; plus the reusable operations for page-backed regular
 * files and for directories. struct files come from a pool of FILE_POOL in
 * the kernel's data before kmalloc (an open and a close cost no
 * allocation; a file closed twice is reported, as kfree would).
 */
#include "fs/internal.h"
#include "kernel/module.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <linux/errno.h>	/* ENOIOCTLCMD */


/* struct files come from a small pool in the kernel's data, kept as a
 * list of the free ones (a free file's private_data is the next), and from
 * kmalloc when all are open: an open takes one off the list instead of a
 * kzalloc, a close puts it back instead of a kfree. The pool's memory is
 * the kernel's own, so the memory free before and after any open and
 * close is the same. */
#define FILE_POOL 32

static struct {
	struct file *free;	/* the free pool files, linked */
	uint32_t used;		/* pool files ever handed out: f[used..] never */
	struct file f[FILE_POOL];
} files;

static struct file *file_get(void)
{
	struct file *f = files.free;

	if (f)
		files.free = f->private_data;
	else if (files.used < FILE_POOL)
		f = &files.f[files.used++];
	else
		f = kmalloc(sizeof(*f));
	return f;
}

static void file_put(struct file *f)
{
	if (f >= files.f && f < files.f + FILE_POOL) {
		/* a free pool file has no dentry: a second put would corrupt
		 * the free list silently, where kfree would have said so */
		if (!f->dentry) {
			pr_err("vfs: a struct file closed twice (%p); kept closed\n", f);
			return;
		}
		f->dentry = NULL;
		f->private_data = files.free;
		files.free = f;
	} else {
		kfree(f);
	}
}

/* Makes the struct file for an existing d and runs the open hooks. */
static int file_alloc(struct dentry *d, int flags, struct file **out)
{
	struct file *f = file_get();
	int acc = flags & O_ACCMODE;
	int err;

	if (!f)
		return -ENOMEM;
	/* every field of struct file set, one store each (no zeroing of
	 * the whole first): what kzalloc and the stores gave */
	f->dentry = d;
	f->inode = d->inode;
	f->f_op = d->inode->i_fop;
	f->pos = 0;
	f->flags = flags;
	f->f_mode = FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE |
		    (acc != O_WRONLY ? FMODE_READ : 0) |
		    (acc != O_RDONLY ? FMODE_WRITE : 0);
	f->refs = 1;
	f->private_data = NULL;
	f->pinned = NULL;
	err = -ENXIO;
	if (!f->f_op)
		goto out_free;
	err = -ENODEV;
	f->pinned = f->f_op->owner;
	if (f->pinned && !try_module_get(f->pinned))	/* NULL: the kernel's */
		goto out_free;
	if (f->f_op->open) {
		err = fop_open(f->inode, f);
		if (err)
			goto out_put;
	}
	d_pin(d);
	*out = f;
	return 0;

out_put:
	module_put(f->pinned);
out_free:
	file_put(f);
	return err;
}

/* Can the file's size change? Only a page-backed file (pagefile_fops) or
 * one whose filesystem has a setsize hook has storage to resize; a
 * generated file (/proc, modfs' status, control...) has none. */
static bool inode_resizable(const struct inode *inode)
{
	return (inode->i_op && inode->i_op->setsize) || inode->i_fop == &pagefile_fops;
}

static int open_dentry(struct dentry *d, int flags, struct file **out)
{
	uint32_t mode = d->inode->mode;
	int acc = flags & O_ACCMODE;
	int err;

	if (S_ISDIR(mode) && (acc != O_RDONLY || (flags & O_CREAT)))
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(mode))
		return -ENOTDIR;
	err = file_alloc(d, flags, out);
	if (err)
		return err;
	/* O_TRUNC on a generated file changes nothing, as on Linux's /proc and
	 * sysfs (so `echo ... > FILE` writes it); ftruncate refuses. */
	if ((flags & O_TRUNC) && S_ISREG(mode) && acc != O_RDONLY &&
	    inode_resizable(d->inode)) {
		err = vfs_setsize(d->inode, 0);
		if (err) {
			vfs_close(*out);
			*out = NULL;
		}
	}
	return err;
}

int vfs_open(struct dentry *cwd, const char *path, int flags, struct file **out)
{
	struct dentry *d = NULL;
	struct walk w;
	int err;

	if ((flags & O_ACCMODE) == O_ACCMODE)
		return -EINVAL;
	/* a file in the tree: what the walk below finds, with no walk
	 * struct, no copy of the last name, no second search for it */
	if (path_walk_fast(cwd, path, &d))
		return (flags & O_CREAT) && (flags & O_EXCL) ? -EEXIST :
		       open_dentry(d, flags, out);
	err = path_parent(cwd, path, &w);
	if (err)
		return err;
	if (w.last[0])
		err = path_step(w.dir, w.last, &d);
	else
		d = w.dir;
	if (err == -ENOENT && (flags & O_CREAT))
		err = w.slash ? -EISDIR :
		      namei_create(w.dir, w.last, S_IFREG | 0644, &d);
	else if (!err && (flags & O_CREAT) && (flags & O_EXCL))
		err = -EEXIST;
	if (err)
		return err;
	if (w.slash && !S_ISDIR(d->inode->mode))
		return -ENOTDIR;
	return open_dentry(d, flags, out);
}

/* A read at *pos once vfs_read's checks passed. A page-backed file's
 * read (pagefile_fops: the kernel's own function, never guarded) is
 * called straight, as fop_read_at would call it. */
static ssize_t read_at(struct file *f, void *buf, size_t count, loff_t *pos)
{
	if (count > MAX_IO)
		count = MAX_IO;
	if (f->f_op == &pagefile_fops)
		return pagefile_fop_read(f, buf, count, pos);
	return fop_read_at(f, buf, count, pos);
}

/* read(2)'s and pread(2)'s checks of the file itself, in their order:
 * 0 or the -errno. */
static int read_checks(const struct file *f)
{
	if ((f->flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (S_ISDIR(f->inode->mode))
		return -EISDIR;
	return f->f_op->read ? 0 : -EINVAL;
}

ssize_t vfs_read(struct file *f, void *buf, size_t count)
{
	int err = read_checks(f);

	return err ? err : read_at(f, buf, count, &f->pos);
}

/* The checks in pread(2)'s order, for a pread that is not a page-backed
 * file's plain read (vfs_pread's fast path). */
static __attribute__((__noinline__)) ssize_t
pread_checked(struct file *f, void *buf, size_t count, loff_t pos)
{
	int err;

	if (pos < 0)
		return -EINVAL;
	if (!(f->f_mode & FMODE_PREAD))
		return -ESPIPE;
	if ((err = read_checks(f)))
		return err;
	/* a page-backed file: pagefile_fop_read's pagefile_read, with no
	 * position to move (a position past the size reads nothing) */
	if (f->f_op == &pagefile_fops)
		return pos >= f->inode->data.size ? 0 :
		       pagefile_read(&f->inode->data, buf,
				     count > MAX_IO ? MAX_IO : count, (uint32_t)pos);
	return read_at(f, buf, count, &pos);
}

/* Fast path: a plain file (pread_plain_file, fs/vfs.h) read below its
 * size (the 64-bit position compared unsigned), pagefile_read called
 * straight, with no position to move. Anything else (an error to report,
 * a read at or past the end, another file) goes through pread_checked. */
ssize_t vfs_pread(struct file *f, void *buf, size_t count, loff_t pos)
{
	if (pread_plain_file(f) && (uint64_t)pos < f->inode->data.size)
		return pagefile_read(&f->inode->data, buf,
				     count > MAX_IO ? MAX_IO : count, (uint32_t)pos);
	return pread_checked(f, buf, count, pos);
}

ssize_t vfs_write(struct file *f, const void *buf, size_t count)
{
	if ((f->flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	if (count > MAX_IO)
		count = MAX_IO;
	if ((f->flags & O_APPEND) && S_ISREG(f->inode->mode))
		f->pos = f->inode->data.size;
	return fop_write(f, buf, count);
}

off_t vfs_lseek(struct file *f, off_t offset, int whence)
{
	int64_t base, pos;

	if (f->f_op->llseek)
		return fop_llseek(f, offset, whence);
	switch (whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = f->pos; break;
	case SEEK_END: base = f->inode->data.size; break;
	default: return -EINVAL;
	}
	pos = base + offset;
	if (pos < 0 || pos > PAGEFILE_MAX_SIZE)
		return -EINVAL;
	f->pos = (off_t)pos;
	return f->pos;
}

long vfs_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	long ret;

	if (!f->f_op->unlocked_ioctl)
		return -ENOTTY;
	ret = fop_ioctl(f, cmd, arg);
	return ret == -ENOIOCTLCMD ? -ENOTTY : ret;	/* as Linux's ioctl(2) */
}

int vfs_setsize(struct inode *inode, uint32_t size)
{
	int err;

	if (!S_ISREG(inode->mode))
		return -EINVAL;
	if (!inode_resizable(inode))
		return -EPERM;
	if (inode->i_op && inode->i_op->setsize)
		err = inode->i_op->setsize(inode, size);
	else
		err = pagefile_truncate(&inode->data, size);
	if (!err)
		inode_touch(inode);
	return err;
}

int vfs_ftruncate(struct file *f, off_t length)
{
	if (length < 0 || (f->flags & O_ACCMODE) == O_RDONLY)
		return -EINVAL;
	return vfs_setsize(f->inode, (uint32_t)length);
}

int vfs_readdir(struct file *f, struct dirent *de)
{
	if (!S_ISDIR(f->inode->mode) || !f->f_op->readdir)
		return -ENOTDIR;
	return f->f_op->readdir(f, de);
}

void vfs_fstat(const struct file *f, struct stat *st)
{
	inode_fill_stat(f->inode, st);
}

void vfs_close(struct file *f)
{
	if (--f->refs)
		return;
	if (f->f_op->release)
		fop_release(f->inode, f);
	if (f->pinned)
		module_put(f->pinned);
	d_unpin(f->dentry);
	file_put(f);
}

/* ---- page-backed regular files ---- */

ssize_t pagefile_fop_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	ssize_t n;

	if (*pos < 0)
		return -EINVAL;
	n = pagefile_read(&f->inode->data, buf, count, (uint32_t)*pos);
	*pos += n;
	return n;
}

ssize_t pagefile_fop_write(struct file *f, const char *buf, size_t count,
			   loff_t *pos)
{
	ssize_t n;

	if (*pos < 0)
		return -EINVAL;
	n = pagefile_write(&f->inode->data, buf, count, (uint32_t)*pos);
	if (n > 0) {
		*pos += n;
		inode_touch(f->inode);
	}
	return n;
}

const struct file_operations pagefile_fops = {
	.read = pagefile_fop_read,
	.write = pagefile_fop_write,
};

/* ---- directories ---- */

static void fill_dirent(struct dirent *de, const char *name,
			const struct inode *inode)
{
	de->d_ino = inode->ino;
	de->d_type = S_ISDIR(inode->mode) ? DT_DIR :
		     S_ISCHR(inode->mode) ? DT_CHR : DT_REG;
	strlcpy(de->d_name, name, sizeof(de->d_name));
}

/* Position 0 is ".", 1 is "..", 2 + i the i-th child in name order. */
static int dir_readdir(struct file *f, struct dirent *de)
{
	struct dentry *dir = f->dentry, *c;

	if (f->pos == 0) {
		fill_dirent(de, ".", dir->inode);
	} else if (f->pos == 1) {
		fill_dirent(de, "..", d_up(dir)->inode);
	} else {
		c = d_nth_child(dir, f->pos - 2);
		if (!c)
			return 0;
		fill_dirent(de, c->name, c->inode);
	}
	f->pos++;
	return 1;
}

const struct file_operations dir_fops = {
	.readdir = dir_readdir,
};
