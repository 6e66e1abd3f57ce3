/*
 * procfs, mounted on /proc: generated files in a tree of directories.
 * Two kinds of files, each inode's private data a struct proc_dir_entry:
 *   - the kernel's own (proc_create_show): a show function run into a
 *     seq_buf at open, so one open sees one consistent snapshot;
 *   - modules' (proc_create with struct proc_ops, Linux's interface):
 *     opening pins the module holding the proc_ops, and each operation is
 *     a guarded call into it. proc_mkdir makes directories for either.
 * Entries a module made and left at unload are removed by proc_reap.
 */
#include "fs/internal.h"
#include "kernel/module.h"
#include "kernel/symbols.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <linux/proc_fs.h>

struct proc_dir_entry {
	struct dentry *dentry;
	const struct proc_ops *ops;	/* a module's file; NULL otherwise */
	int (*show)(struct seq_buf *m, void *arg);	/* a kernel file */
	void *data;			/* show's arg, or pde_data */
	struct module_record *owner;	/* who made it (NULL: the kernel) */
	bool gone;			/* removed: operations fail -EIO */
	struct proc_dir_entry *next;	/* every entry, newest first */
};

static struct {
	struct super_block *sb;
	struct proc_dir_entry *entries;
} procfs;

/* ---- the kernel's own files ---- */

static int proc_show_open(struct inode *inode, struct file *f)
{
	const struct proc_dir_entry *de = inode->private;

	return seq_file_open(f, de->show, de->data);
}

static const struct file_operations proc_show_fops = {
	.open = proc_show_open,
	.read = seq_file_read,
	.release = seq_file_release,
};

/* ---- modules' files: struct proc_ops, each call guarded ---- */

struct pde_args {
	const struct proc_ops *ops;
	struct file *f;
	struct inode *inode;
	char *buf;
	size_t count;
	loff_t offset;
	int whence;
	unsigned int cmd;
	unsigned long arg;
};

static long pde_call_open(void *p)
{
	struct pde_args *a = p;

	return a->ops->proc_open(a->inode, a->f);
}

static long pde_call_read(void *p)
{
	struct pde_args *a = p;

	return a->ops->proc_read(a->f, a->buf, a->count, &a->f->pos);
}

static long pde_call_write(void *p)
{
	struct pde_args *a = p;

	return a->ops->proc_write(a->f, a->buf, a->count, &a->f->pos);
}

static long pde_call_lseek(void *p)
{
	struct pde_args *a = p;

	return a->ops->proc_lseek(a->f, a->offset, a->whence);
}

static long pde_call_ioctl(void *p)
{
	struct pde_args *a = p;

	return a->ops->proc_ioctl(a->f, a->cmd, a->arg);
}

static long pde_call_release(void *p)
{
	struct pde_args *a = p;

	return a->ops->proc_release(a->inode, a->f);
}

/* The entry's operations, or NULL once it was removed. */
static const struct proc_ops *pde_ops(const struct file *f)
{
	const struct proc_dir_entry *de = f->inode->private;

	return de->gone ? NULL : de->ops;
}

static int pde_open(struct inode *inode, struct file *f)
{
	struct pde_args a = { .ops = pde_ops(f), .f = f, .inode = inode };
	struct module *mod;
	int err = 0;

	if (!a.ops)
		return -ENOENT;
	mod = module_of_addr(a.ops);
	if (!try_module_get(mod))
		return -ENODEV;
	f->pinned = mod;	/* put by vfs_close after release */
	if (a.ops->proc_open)
		err = (int)fop_guard(a.ops, a.ops->proc_open, "open",
				     pde_call_open, &a, -EIO);
	if (err) {
		f->pinned = NULL;
		module_put(mod);
	}
	return err;
}

static ssize_t pde_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	struct pde_args a = { .ops = pde_ops(f), .f = f, .buf = buf, .count = count };

	if (!a.ops || !a.ops->proc_read)
		return -EIO;
	return fop_guard(a.ops, a.ops->proc_read, "read", pde_call_read, &a, -EIO);
}

static ssize_t pde_write(struct file *f, const char *buf, size_t count,
			 loff_t *pos)
{
	struct pde_args a = { .ops = pde_ops(f), .f = f, .buf = (char *)buf,
			      .count = count };

	if (!a.ops || !a.ops->proc_write)
		return -EIO;
	return fop_guard(a.ops, a.ops->proc_write, "write", pde_call_write, &a, -EIO);
}

static loff_t pde_lseek(struct file *f, loff_t offset, int whence)
{
	struct pde_args a = { .ops = pde_ops(f), .f = f, .offset = offset,
			      .whence = whence };

	if (!a.ops)
		return -EIO;
	if (!a.ops->proc_lseek)
		return default_llseek(f, offset, whence);
	return fop_guard(a.ops, a.ops->proc_lseek, "llseek", pde_call_lseek, &a, -EIO);
}

static long pde_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pde_args a = { .ops = pde_ops(f), .f = f, .cmd = cmd, .arg = arg };

	if (!a.ops)
		return -EIO;
	if (!a.ops->proc_ioctl)
		return -ENOTTY;
	return fop_guard(a.ops, a.ops->proc_ioctl, "ioctl", pde_call_ioctl, &a, -EIO);
}

static int pde_release(struct inode *inode, struct file *f)
{
	struct pde_args a = { .ops = pde_ops(f), .f = f, .inode = inode };

	if (a.ops && a.ops->proc_release)
		fop_guard(a.ops, a.ops->proc_release, "release", pde_call_release,
			  &a, 0);
	return 0;
}

static const struct file_operations pde_fops = {
	.open = pde_open,
	.read = pde_read,
	.write = pde_write,
	.llseek = pde_lseek,
	.unlocked_ioctl = pde_ioctl,
	.release = pde_release,
};

/* ---- entries ---- */

static void proc_evict(struct inode *inode)
{
	struct proc_dir_entry *de = inode->private;

	for (struct proc_dir_entry **pp = &procfs.entries; *pp; pp = &(*pp)->next)
		if (*pp == de) {
			*pp = de->next;
			break;
		}
	kfree(de);
}

static const struct inode_operations proc_entry_iops = {
	.evict = proc_evict,
};

/* The directory an entry goes into: parent's, or /proc. NULL if parent
 * was removed or is not a directory. */
static struct dentry *proc_parent_dir(const struct proc_dir_entry *parent)
{
	if (!procfs.sb)
		return NULL;
	if (!parent)
		return procfs.sb->root;
	if (parent->gone || !S_ISDIR(parent->dentry->inode->mode))
		return NULL;
	return parent->dentry;
}

/* Makes the entry name in dir with mode (S_IFREG or S_IFDIR | bits).
 * Returns it, with dentry and inode set up and everything else zero, or
 * NULL (-EINVAL, -EEXIST, -ENOMEM in *err). */
static struct proc_dir_entry *proc_new(struct dentry *dir, const char *name,
				       uint32_t mode, int *err)
{
	struct proc_dir_entry *de;
	struct inode *inode;

	*err = -EINVAL;
	if (!dir || !name || !name[0] || strchr(name, '/') || strlen(name) > NAME_MAX)
		return NULL;
	*err = -EEXIST;
	if (d_find_child(dir, name))
		return NULL;
	*err = -ENOMEM;
	de = kzalloc(sizeof(*de));
	inode = inode_alloc(procfs.sb, mode);
	if (!de || !inode)
		goto out_free;
	inode->private = de;
	inode->i_op = &proc_entry_iops;
	inode->i_fop = S_ISDIR(mode) ? &dir_fops : &pde_fops;
	de->dentry = d_add_child(dir, name, inode);
	if (!de->dentry) {
		inode_free(inode);	/* frees de too */
		return NULL;
	}
	de->next = procfs.entries;
	procfs.entries = de;
	*err = 0;
	return de;

out_free:
	kfree(de);
	kfree(inode);
	return NULL;
}

/* The directory at path below /proc ("bus/pci"), made where missing. */
static struct dentry *proc_make_dirs(char *path, int *err)
{
	struct dentry *dir = procfs.sb->root, *d;
	char *slash;

	while ((slash = strchr(path, '/'))) {
		*slash = '\0';
		d = d_find_child(dir, path);
		if (!d) {
			struct proc_dir_entry *de = proc_new(dir, path, S_IFDIR | 0555, err);

			if (!de)
				return NULL;
			d = de->dentry;
		}
		if (!S_ISDIR(d->inode->mode)) {
			*err = -ENOTDIR;
			return NULL;
		}
		dir = d;
		path = slash + 1;
	}
	return dir;
}

int proc_create_show(const char *name, int (*show)(struct seq_buf *m, void *arg),
		     void *arg)
{
	char path[128];
	struct proc_dir_entry *de;
	struct dentry *dir;
	const char *last;
	int err;

	if (!procfs.sb)
		return -ENOENT;
	if (strlcpy(path, name, sizeof(path)) >= sizeof(path))
		return -ENAMETOOLONG;
	last = name;
	for (const char *c = name; *c; c++)
		if (*c == '/')
			last = c + 1;
	dir = proc_make_dirs(path, &err);
	if (!dir)
		return err;
	de = proc_new(dir, last, S_IFREG | 0444, &err);
	if (!de)
		return err;
	de->dentry->inode->i_fop = &proc_show_fops;
	de->show = show;
	de->data = arg;
	return 0;
}

int proc_create_fops(const char *name, uint32_t mode,
		     const struct file_operations *fops)
{
	struct proc_dir_entry *de;
	int err;

	if (!procfs.sb)
		return -ENOENT;
	de = proc_new(procfs.sb->root, name, S_IFREG | (mode & 0777), &err);
	if (!de)
		return err;
	de->dentry->inode->i_fop = fops;
	return 0;
}

struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops,
					void *data)
{
	struct module_record *owner = fs_caller_module(__builtin_return_address(0));
	struct proc_dir_entry *de;
	int err;

	if (!proc_ops)
		return NULL;
	de = proc_new(proc_parent_dir(parent), name,
		      S_IFREG | ((mode & 0777) ? (mode & 0777) : 0444), &err);
	if (!de)
		return NULL;
	de->ops = proc_ops;
	de->data = data;
	de->owner = owner;
	return de;
}

struct proc_dir_entry *proc_create(const char *name, umode_t mode,
				   struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops)
{
	struct module_record *owner = fs_caller_module(__builtin_return_address(0));
	struct proc_dir_entry *de = proc_create_data(name, mode, parent, proc_ops, NULL);

	if (de)
		de->owner = owner;
	return de;
}

struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent)
{
	struct module_record *owner = fs_caller_module(__builtin_return_address(0));
	struct proc_dir_entry *de;
	int err;

	de = proc_new(proc_parent_dir(parent), name, S_IFDIR | 0555, &err);
	if (de)
		de->owner = owner;
	return de;
}

static bool below(const struct dentry *d, const struct dentry *top)
{
	for (; d; d = d->parent)
		if (d == top)
			return true;
	return false;
}

void proc_remove(struct proc_dir_entry *de)
{
	if (!de || de->gone)
		return;
	for (struct proc_dir_entry *e = procfs.entries; e; e = e->next)
		if (!e->gone && below(e->dentry, de->dentry))
			e->gone = true;
	d_remove(de->dentry);	/* may free de and the entries below it */
}

void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	struct dentry *dir = proc_parent_dir(parent), *d;

	if (!dir || !name)
		return;
	d = d_find_child(dir, name);
	if (d && d->inode->i_op == &proc_entry_iops)
		proc_remove(d->inode->private);
}

void proc_set_size(struct proc_dir_entry *de, loff_t size)
{
	if (de && !de->gone && size >= 0)
		de->dentry->inode->data.size = (uint32_t)size;
}

void proc_set_user(struct proc_dir_entry *de, kuid_t uid, kgid_t gid)
{
}

void *pde_data(const struct inode *inode)
{
	const struct proc_dir_entry *de = inode->private;

	return de->data;
}

/* Does p lie in rec's image, or in its separate init image (insmod
 * --init=split, while mapped)? */
static bool in_module(const struct module_record *rec, const void *p)
{
	uintptr_t a = (uintptr_t)p;

	return (a - (uintptr_t)rec->hdr < rec->mapped_size) ||
	       (rec->init_image && a - (uintptr_t)rec->init_image < rec->init_image_size);
}

/* The newest entry still in /proc that rec made, or NULL. */
static struct proc_dir_entry *proc_left_by(const struct module_record *rec)
{
	for (struct proc_dir_entry *e = procfs.entries; e; e = e->next)
		if (!e->gone && (e->owner == rec || (e->ops && in_module(rec, e->ops))))
			return e;
	return NULL;
}

void proc_reap(struct module_record *rec,
	       void (*report)(const char *what, void *arg), void *arg)
{
	struct proc_dir_entry *de;
	char path[160], sym[96], what[288];

	/* newest first: what is in a directory goes before it */
	while ((de = proc_left_by(rec))) {
		if (vfs_getpath(de->dentry, path, sizeof(path)))
			strlcpy(path, de->dentry->name, sizeof(path));
		if (de->ops) {
			sym_format((uintptr_t)de->ops, sym, sizeof(sym));
			snprintf(what, sizeof(what), "%s (%s)", path, sym);
		} else {
			snprintf(what, sizeof(what), "%s", path);
		}
		report(what, arg);
		proc_remove(de);
	}
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
