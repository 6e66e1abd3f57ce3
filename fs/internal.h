/*
 * Declarations shared only inside fs/: path walking, the filesystem types
 * fs_init mounts, the built-in devices and /proc files, and the clock.
 */
#ifndef FS_INTERNAL_H
#define FS_INTERNAL_H

#include "fs/vfs.h"

/* Calling a file's operations (fs/fop_guard.c): f->f_op's open, read,
 * write, release (each must be set), guarded when they live in a module
 * (a fault gives -EFAULT; a faulted module's are not called: -EIO, and
 * release is skipped). Same results as the operations otherwise. */
int fop_open(struct inode *inode, struct file *f);
ssize_t fop_read(struct file *f, void *buf, size_t count);
/* fop_read at *pos instead of f->pos (pread). */
ssize_t fop_read_at(struct file *f, void *buf, size_t count, loff_t *pos);
ssize_t fop_write(struct file *f, const void *buf, size_t count);
void fop_release(struct inode *inode, struct file *f);
/* f_op->llseek and f_op->unlocked_ioctl (each must be set), the same way. */
loff_t fop_llseek(struct file *f, loff_t offset, int whence);
long fop_ioctl(struct file *f, unsigned int cmd, unsigned long arg);
/* Calls call(arg) as a guarded call named what when table (an operation
 * table) or fn lives in a module: -EFAULT if it faults, refused without
 * calling when that module has faulted before; else calls it directly. */
long fop_guard(const void *table, const void *fn, const char *what,
	       long (*call)(void *arg), void *arg, long refused);

/* What path_parent leaves: the directory holding the last component, the
 * component itself ("" for a path naming "/" only; may be "." or ".."),
 * and whether the path ended in a slash. */
struct walk {
	struct dentry *dir;
	char last[NAME_MAX + 1];
	bool slash;
};

/* Resolves all but the last component of path. -ENOENT (missing or
 * empty path), -ENOTDIR, -ENAMETOOLONG. */
int path_parent(struct dentry *cwd, const char *path, struct walk *w);
/* One step from dir: ".", "..", or a child (mounts followed). Returns 0
 * and *out (not pinned), -ENOTDIR (dir is not a directory), -ENOENT, or
 * the filesystem's lookup error (-ENOMEM). */
int path_step(struct dentry *dir, const char *name, struct dentry **out);
/* Finds the dentry path names when every component is a child already in
 * the dentry tree, none is "." or "..", and the path is shorter than
 * PATH_MAX with no trailing slash: *out is then what path_parent and
 * path_step give. False in any other case, for the plain walk to decide
 * (it finds the same, or says what is wrong). */
/* The child of dir (which has an index: dir->index) named by the path
 * component at p, ending at a '/' or the NUL, or NULL; *len gets the
 * component's length (fs/vfs.c). */
struct dentry *d_find_child_indexed(struct dentry *dir, const char *p, size_t *len);
bool path_walk_fast(struct dentry *cwd, const char *path, struct dentry **out);
/* The parent directory of d as ".." sees it, across mount points. */
struct dentry *d_up(struct dentry *d);
/* The root of whatever is mounted on d (d itself if nothing is). */
struct dentry *d_follow_mounts(struct dentry *d);
/* A new, unlinked dentry named name under parent; NULL for no memory. */
struct dentry *d_alloc(struct dentry *parent, const char *name);
/* Links an instantiated d (from d_alloc) into its parent. */
void d_link(struct dentry *d);
/* Takes d out of its parent's list (d->parent becomes NULL). */
void d_unlink(struct dentry *d);
/* Puts dir's children back in name order if they are not (dir->unsorted:
 * an indexed directory links a new child at the head, fs/vfs.c); for
 * whatever reads the list in order. */
void d_sort_children(struct dentry *dir);
/* dir's child at position i in name order (0: the first), or NULL past
 * the last; sorts dir first. A big directory answers i + 1 after i in one
 * step (readdir's order). */
struct dentry *d_nth_child(struct dentry *dir, loff_t i);
#ifdef HOST_TEST
/* Host tests only: the steps d_nth_child has walked along lists (never
 * reset; a test reads it before and after). */
extern unsigned long d_nth_child_steps;
#endif
/* Frees an unlinked, unpinned dentry with its inode and children. */
void d_free(struct dentry *d);
/* d_pin keeps d (and its inode) alive while the caller uses it: a removed
 * d is freed only when its last pin is dropped. d_unpin drops one pin and
 * frees a removed d at the last; the caller must hold a pin from d_pin
 * and must not use d afterwards. Never fail. Inline: every open takes a
 * pin and every close drops one. */
static inline void d_pin(struct dentry *d)
{
	d->pins++;
}
static inline void d_unpin(struct dentry *d)
{
	if (!--d->pins && d->removed)
		d_free(d);
}
/* Gives d the kmalloc'd name (NULL: none), freeing the one it had unless
 * that was the name d_alloc stored with it. */
void d_set_name(struct dentry *d, char *name);
/* Makes name under dir through the filesystem's create (or mkdir for
 * S_IFDIR) and links it; *out (if not NULL) gets it. The caller has
 * checked that name is valid and absent. Returns 0, -EPERM (no such
 * operation), -ENOMEM, or the filesystem's error (nothing is left then). */
int namei_create(struct dentry *dir, const char *name, uint32_t mode,
		 struct dentry **out);
/* Fills *st from inode (all of it: fields it does not know are 0). */
void inode_fill_stat(const struct inode *inode, struct stat *st);

extern const struct fs_type ramfs_type;
extern const struct fs_type devfs_type;
extern const struct fs_type procfs_type;

/* Adds a character device with its node /dev/NAME (any minor; the
 * built-ins keep Linux's numbers). 0, -EBUSY, -EINVAL, -ENOMEM. */
int devfs_add(uint32_t dev, const char *name, const struct file_operations *fops);
/* Makes the node /dev/NAME for number dev (S_IFCHR | perm); opening it finds
 * the driver by the number. Returns 0 and *out, -EINVAL (bad name, devfs
 * not mounted), -EEXIST, -ENOMEM. devfs_rmnod removes it (NULL ignored). */
int devfs_mknod(const char *name, uint32_t dev, uint32_t perm, struct dentry **out);
void devfs_rmnod(struct dentry *node);
/* mknod: the node dir/name (dir must be devfs's root: only devfs keeps
 * device nodes) for number dev, S_IFCHR | perm in mode; `rm` may remove it.
 * Returns 0, -EPERM (another directory), -EINVAL (not S_IFCHR, bad name),
 * -EEXIST, -ENOMEM. */
int devfs_mknod_at(struct dentry *dir, const char *name, uint32_t mode, uint32_t dev);
/* Is /dev/NAME a node for number dev (one register_chrdev made)? */
bool devfs_node_is(const char *name, uint32_t dev);
/* Is major used by a built-in or register_chrdev device? */
bool chrdev_major_taken(unsigned major);
/* The name register_chrdev gave major (its node's), or NULL. */
const char *chrdev_major_name(unsigned major);
/* /proc/devices: "Character devices:", one "%3u NAME" line per major a
 * driver claimed (regions, register_chrdev), lowest first, then
 * "\nBlock devices:" (none), as Linux's fs/proc/devices.c. */
int chrdev_show_devices(struct seq_buf *m, void *arg);
/* Do the operations (the table or any function in it) lie in
 * [start, start + len)? */
bool fops_inside(const struct file_operations *f, uintptr_t start, uintptr_t len);

/* fs/chrdev.c: do any of from .. from+count-1 lie in a claimed region? */
bool chrdev_region_taken(uint32_t from, unsigned count);
/* The misc device or cdev serving dev: 0 with *fops, *priv (the
 * miscdevice for a misc device, else NULL) and *cdev (the cdev, else
 * NULL), or -ENXIO. */
int chrdev_find(uint32_t dev, const struct file_operations **fops, void **priv,
		struct cdev **cdev);
/* The module a registration is made for: the one whose code holds ret (the
 * caller's return address), else the one whose init or exit is running
 * (a module may tail-call), else NULL (the kernel). */
struct module_record *fs_caller_module(const void *ret);

/* Built-ins, called by fs_init once their filesystem is mounted. Return 0
 * or the first -errno of devfs_add / proc_create_show. */
int devfs_register_builtin(void);	/* null, zero, console, kmsg */
int proc_register_builtin(void);	/* meminfo, vmallocinfo, mounts, ... */

/* Ticks (jiffies) for mtime; fs/syscalls.c (host tests: fs_stubs.c). */
uint32_t fs_now(void);

#endif
