/*
 * The VFS, public interface of fs/. Layers, bottom up:
 *   pagefile.c   a file's bytes in pages it owns (holes read as zeros)
 *   vfs.c        inodes, directory entries (one tree, kept in memory), mounts
 *   path.c       path resolution: absolute, relative, ".", "..", mounts
 *   namei.c      namespace operations: mkdir, rmdir, unlink, rename, stat
 *   file.c       open files: open, read, write, lseek, truncate, readdir
 *   ramfs.c devfs.c procfs.c   filesystem types plugged in by ops tables
 *   initrd.c     unpacks the cpio ramdisk;  syscalls.c  the file API (sys.h)
 * Every in-memory filesystem keeps its directories in the VFS's dentry tree;
 * a filesystem type supplies inodes and decides, through its operation
 * tables, what creating, removing, resizing, reading and writing mean.
 */
#ifndef FS_VFS_H
#define FS_VFS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <tessera/sys.h>
#include <linux/kdev_t.h>	/* MKDEV, MAJOR, MINOR */

struct page;
struct module;
struct module_record;
struct inode;
struct dentry;
struct file;
struct super_block;
struct mount;

/* struct file, inode, dentry, file_operations and pagefile, with the
 * Linux names modules use, are defined in the module-visible <linux/fs.h>. */
#include <linux/fs.h>

/* ---- page-backed file data (fs/pagefile.c) -----------------------------
 * The bytes of a regular file live in order-0 pages owned by its inode,
 * one per page index; a NULL slot is a hole and reads as zeros. Bytes of a
 * held page past the end of the file are not kept zero (they are never read,
 * and whatever grows the file zeroes them first); a page vmapped from a
 * file (pagefile_populate) may hold stale bytes past the end.
 */
#define PAGEFILE_MAX_SIZE 0x7fffffffu	/* bytes; off_t's limit */


/* Copies up to count bytes from byte pos into buf; returns the count (0 at
 * or past the end). Never fails. */
ssize_t pagefile_read(const struct pagefile *pf, void *buf, size_t count,
		      uint32_t pos);
/* Writes count bytes at pos, allocating (zeroed) pages for holes and
 * growing the size if the write ends past it. Returns count, or the bytes
 * written before memory ran out, or -ENOMEM if none were; -EFBIG if the
 * end would pass PAGEFILE_MAX_SIZE. Pages it allocated stay in the file
 * (the size covers them): nothing leaks. */
ssize_t pagefile_write(struct pagefile *pf, const void *buf, size_t count,
		       uint32_t pos);
/* Sets the size. Shrinking frees every page wholly past the new end and
 * zeroes the bytes it cuts from the last partial page; growing zeroes the
 * last page past the old end and adds holes (no pages).
 * Size 0 frees the slot array too. Returns 0 or -EFBIG. */
int pagefile_truncate(struct pagefile *pf, uint32_t size);
/* Puts page (an order-0 page from the allocator, every byte of it file
 * data) at page index of the file, which owns it from then on; the size
 * grows to cover it. Returns 0, -EEXIST (a page is there), -EFBIG or
 * -ENOMEM (nothing changed then). */
int pagefile_attach(struct pagefile *pf, uint32_t index, struct page *page);
/* The page holding bytes [i*PAGE_SIZE, (i+1)*PAGE_SIZE), or NULL for a
 * hole or an index at or past the end. The pagefile keeps owning it. */
struct page *pagefile_page(const struct pagefile *pf, uint32_t index);
/* What pagefile_populate did, so that a caller whose next step fails can
 * undo it (pagefile_unpopulate) or keep it (pagefile_fill_keep). */
#define PAGEFILE_FILL_FEW 8
struct pagefile_fill {
	uint32_t *filled;	/* indices of the holes it filled: few, or kmalloc'd */
	uint32_t n;		/* entries in filled[] */
	uint32_t old_cap;	/* pf->cap before */
	uint32_t few[PAGEFILE_FILL_FEW];	/* filled[] for up to 8 holes */
};
/* Fills every hole below the size with a page zeroed up to the end of the
 * file (not past it), so that each index has a page (for vmap), recording
 * what it did in *fill. Returns 0, or
 * -ENOMEM with the file exactly as before. On success the caller must call
 * pagefile_unpopulate or pagefile_fill_keep once. */
int pagefile_populate(struct pagefile *pf, struct pagefile_fill *fill);
/* Undoes a pagefile_populate: frees the pages it put into holes and gives
 * back the slot room it added, so the file holds exactly what it held
 * before (if the smaller slot array cannot be allocated, the bigger one is
 * kept: its slots are all holes). Never fails. */
void pagefile_unpopulate(struct pagefile *pf, struct pagefile_fill *fill);
/* Keeps what pagefile_populate did and frees the record. */
void pagefile_fill_keep(struct pagefile_fill *fill);

/* ---- filesystem types and operation tables ----------------------------- */


/* Directory and size hooks. For create/mkdir the VFS has checked that
 * the name is valid and absent; d is a new dentry named and with parent
 * set but not yet in the tree. The op allocates an inode (inode_alloc),
 * attaches it with d_instantiate, may add children below d (d_add_child),
 * and returns 0; the VFS then links d into dir. On -errno the VFS frees d
 * with whatever was attached to it.
 * rmdir/unlink/rename are the filesystem's consent plus its own work: d is
 * in the tree and the VFS has checked type and busy rules (not a mount
 * point, not a root, not a current directory). Return 0 and the VFS removes
 * d from the tree (freeing its children, then itself at the last close);
 * return -errno to refuse. A NULL op makes the operation fail -EPERM. */
struct inode_operations {
	/* Optional: a name not found in the tree; attach an inode to d and
	 * return 0 (the VFS links d), or return -ENOENT. */
	int (*lookup)(struct inode *dir, struct dentry *d);
	int (*create)(struct inode *dir, struct dentry *d, uint32_t mode);
	int (*mkdir)(struct inode *dir, struct dentry *d);
	int (*rmdir)(struct inode *dir, struct dentry *d);	/* ramfs: ENOTEMPTY */
	int (*unlink)(struct inode *dir, struct dentry *d);
	/* d moves from odir to ndir under newname (the VFS does the move and
	 * removes an existing target after it has checked it). */
	int (*rename)(struct inode *odir, struct dentry *d, struct inode *ndir,
		      const char *newname);
	/* Regular files: every size change by ftruncate or O_TRUNC comes here
	 * instead of the plain pagefile_truncate(&inode->data, size). The hook
	 * may refuse (-EBUSY), act (free pages it mapped) and must apply the
	 * size itself (usually by calling pagefile_truncate). Writes that end
	 * past the size grow the file without it: wrap f_op->write to refuse. */
	int (*setsize)(struct inode *inode, uint32_t size);
	/* The inode is being freed (its entry removed and no file open on it);
	 * release private data. The VFS then frees the data pages itself. */
	void (*evict)(struct inode *inode);
};



struct fs_type {
	const char *name;	/* "ramfs": /proc/mounts' device and type */
	/* Makes the root directory with sb_make_root; may set
	 * sb->private. Returns 0 or -errno (and then frees what it made). */
	int (*fill_super)(struct super_block *sb, void *data);
};

struct super_block {
	const struct fs_type *type;
	struct dentry *root;
	struct mount *mnt;	/* where it is mounted */
	uint32_t dev;		/* st_dev: 1 for the root filesystem, ... */
	uint32_t next_ino;
	void *private;		/* the filesystem's */
};

struct mount {
	struct super_block *sb;
	struct dentry *mountpoint;	/* NULL for the root filesystem */
};


/* ---- helpers for filesystem types (fs/vfs.c) --------------------------- */

/* A new inode of sb with the next inode number, nlink 1 (2 for S_IFDIR),
 * no ops, size 0. Returns NULL when memory is short. */
struct inode *inode_alloc(struct super_block *sb, uint32_t mode);
/* Frees an inode that no dentry holds (error paths), with its pages. */
void inode_free(struct inode *inode);
/* Marks a change now (mtime). */
void inode_touch(struct inode *inode);
/* Attaches inode to d, which owns it from then on. Never fails. */
void d_instantiate(struct dentry *d, struct inode *inode);
/* Makes sb's root directory (from fill_super): an S_IFDIR inode with the
 * permission bits mode, inode ops iops (may be NULL) and dir_fops, and its
 * "/" dentry. Returns 0, or -ENOMEM with nothing allocated. */
int sb_make_root(struct super_block *sb, uint32_t mode,
		 const struct inode_operations *iops);
/* Makes and links a child name -> inode under dir (a directory). Returns
 * the dentry, or NULL for no memory (inode stays the caller's). */
struct dentry *d_add_child(struct dentry *dir, const char *name,
			   struct inode *inode);
/* One file of a d_add_files table: its name (at most D_FILES_NAME_MAX
 * bytes, NUL-padded), mode bits and operations (either may be NULL). */
#define D_FILES_NAME_MAX 15
struct d_file {
	char name[D_FILES_NAME_MAX + 1];
	uint32_t mode;
	const struct file_operations *fop;
	const struct inode_operations *iop;
};
/* Makes and links n regular files under dir in one allocation (for a
 * directory's fixed files, made together): file i from files[i], its
 * inode's private set to private; inodes numbered in order; *wanted set
 * to file want's inode (want < n) unless wanted is NULL. A table in
 * name order links fastest (each file after the one before). Each file is
 * freed as any other (d_remove); the allocation goes with the last of
 * them. Returns 0, or -ENOMEM or -ENAMETOOLONG with nothing made. */
int d_add_files(struct dentry *dir, uint32_t n, const struct d_file files[],
		void *private, uint32_t want, struct inode **wanted);
/* The child of dir with that name, or NULL. */
struct dentry *d_find_child(struct dentry *dir, const char *name);
/* True if dir has no entries (besides "." and ".."). */
bool d_is_empty(const struct dentry *dir);
/* Takes d (and any children) out of the tree; frees it now or at its
 * last unpin. */
void d_remove(struct dentry *d);
/* d_pin and d_unpin (pins on a dentry): fs/internal.h. */

/* Reusable operations (fs/file.c): regular files through inode->data;
 * directories list "." , ".." then the children in name order. */
extern const struct file_operations pagefile_fops;
extern const struct file_operations dir_fops;
/* pagefile_fops' read and write, for filesystems that wrap them: they move
 * bytes of f->inode->data at *pos and advance it. read returns the count
 * (0 at the end); write returns what pagefile_write returns and marks the
 * inode changed. Both return -EINVAL for a negative *pos. */
ssize_t pagefile_fop_read(struct file *f, char *buf, size_t count, loff_t *pos);
ssize_t pagefile_fop_write(struct file *f, const char *buf, size_t count,
			   loff_t *pos);

/* ---- the VFS proper: paths are absolute, or relative to cwd (NULL: the
 * root). All return 0 (or a count) or -errno, and never print. Every call
 * taking a path can fail with the path errors: -ENOENT (empty path, or a
 * missing directory on the way), -ENOTDIR (a non-directory used as one,
 * or a trailing slash after one), -ENAMETOOLONG (PATH_MAX bytes or more,
 * or a component over NAME_MAX), and -ENOMEM or a filesystem's lookup
 * error. ---------------------------------------------------------------- */

/* Mounts a new filesystem of type on the directory at path ("/" first of
 * all), calling type->fill_super(sb, data). Returns 0, the path errors,
 * -ENOTDIR, -EBUSY (already a mount point or a root), -ENOSPC (table
 * full), -ENOMEM or fill_super's error. Mounts are never undone. */
int vfs_mount(const struct fs_type *type, const char *path, void *data);
/* Calls fn for each mount, in mount order. */
void vfs_for_each_mount(void (*fn)(const struct mount *m, void *arg), void *arg);
/* The root directory's dentry ("/"), or NULL before "/" is mounted. */
struct dentry *vfs_root(void);

/* Resolves path to its dentry (not pinned: pin it to keep it). Returns 0
 * and *out, or the path errors (-ENOENT: the last name is missing). */
int vfs_lookup(struct dentry *cwd, const char *path, struct dentry **out);
/* Absolute path of d into buf: -ERANGE if it does not fit, -ENOENT if d
 * was removed. */
int vfs_getpath(const struct dentry *d, char *buf, size_t size);

/* Opens path with O_* flags (O_CREAT makes a missing regular file, mode
 * 0644). Returns 0 and *out, a new file with one reference that the caller
 * owns and gives back with vfs_close; its dentry is pinned while it is
 * open. Fails with the path errors, -ENOENT (missing, no O_CREAT),
 * -EINVAL (access mode 3), -EEXIST (O_CREAT|O_EXCL on an existing name),
 * -EISDIR (a directory opened for writing or with O_CREAT, or O_CREAT on a
 * missing name ending in '/'), -ENOTDIR (O_DIRECTORY on a non-directory),
 * -EPERM (O_CREAT where the filesystem makes no files), -ENXIO (no file
 * operations), -ENODEV (the owner module is going away), -ENOMEM, the
 * driver's open error, or for O_TRUNC vfs_setsize's errors (O_TRUNC on a
 * file with no storage to resize, a /proc file say, is ignored, as Linux
 * ignores it); *out is then not to be used. */
int vfs_open(struct dentry *cwd, const char *path, int flags, struct file **out);
/* Reads up to count bytes at f->pos through f_op->read, which advances it.
 * Returns the count (0 at the end), -EBADF (opened O_WRONLY), -EISDIR,
 * -EINVAL (no read operation) or the driver's -errno. */
ssize_t vfs_read(struct file *f, void *buf, size_t count);
/* Reads up to count bytes at pos, leaving f->pos as it is (Linux's
 * pread64). Returns vfs_read's results, and -EINVAL for pos < 0, -ESPIPE
 * for a file without a position (FMODE_PREAD cleared). */
ssize_t vfs_pread(struct file *f, void *buf, size_t count, loff_t pos);
#define MAX_IO 0x7ffff000u	/* largest count one read or write moves */
/* pread's plain case, which vfs_pread and sys_pread take straight to
 * pagefile_read: a page-backed file (pagefile_fops: the kernel's own read,
 * never guarded; only ramfs' regular files have it, never a directory)
 * open for reading (FMODE_READ: not O_WRONLY, file_alloc) with a position
 * (FMODE_PREAD), read at a position below its size (the caller's test: a
 * position compared unsigned is below the size exactly when 0 <= pos <
 * size, a negative one being huge). Every check of pread(2) passes for
 * it, so pagefile_read(&f->inode->data, buf, count cut to MAX_IO, pos) is
 * the answer. */
static inline bool pread_plain_file(const struct file *f)
{
	const uint32_t want = FMODE_READ | FMODE_PREAD;

	return f->f_op == &pagefile_fops && (f->f_mode & want) == want;
}
/* Writes count bytes at f->pos (at the end for O_APPEND on a regular
 * file) through f_op->write. Returns the count written (maybe short),
 * -EBADF (opened O_RDONLY), -EINVAL (no write operation) or the
 * driver's -errno (pagefiles: -ENOMEM, -EFBIG). */
ssize_t vfs_write(struct file *f, const void *buf, size_t count);
/* Moves f->pos through f_op->llseek when the file has one (guarded for a
 * module's: its result), else to offset from SEEK_SET (0), SEEK_CUR
 * (f->pos) or SEEK_END (the size). Returns the new position, or -EINVAL
 * (unknown whence, a result below 0 or above PAGEFILE_MAX_SIZE) leaving it
 * unchanged. */
off_t vfs_lseek(struct file *f, off_t offset, int whence);
/* Sets the size of f's regular file with vfs_setsize. Returns 0, -EINVAL
 * (length < 0, opened O_RDONLY) or vfs_setsize's errors. */
int vfs_ftruncate(struct file *f, off_t length);
/* The next directory entry: 1 and *de, 0 at the end, -ENOTDIR (not a
 * directory, or no readdir operation). */
int vfs_readdir(struct file *f, struct dirent *de);
/* Calls f_op->unlocked_ioctl(f, cmd, arg) (guarded for a module's) and
 * returns its result; -ENOTTY without one. */
long vfs_ioctl(struct file *f, unsigned int cmd, unsigned long arg);
/* Fills *st for f's inode. Never fails. */
void vfs_fstat(const struct file *f, struct stat *st);
/* Drops one reference; the last one releases the file (f_op->release,
 * the owner module's pin, the dentry's pin). The caller's reference is
 * gone: f must not be used after. Never fails. */
void vfs_close(struct file *f);
/* Sets a regular file's size through inode_operations.setsize (or
 * pagefile_truncate for a pagefile_fops file) and marks it changed.
 * Returns 0, -EINVAL (not a regular file: a device node), -EPERM (a file
 * with no storage to resize: /proc, modfs' generated files; nothing
 * changes), -EFBIG, or setsize's refusal (modfs: -EBUSY). */
int vfs_setsize(struct inode *inode, uint32_t size);

/* Makes the directory path (mode 0755). Returns 0, the path errors,
 * -EEXIST (the name exists, or is "/", "." or ".."), -EPERM (the
 * filesystem makes no directories), -ENOMEM or its mkdir error. */
int vfs_mkdir(struct dentry *cwd, const char *path);
/* Removes the directory path (its entry goes now, its memory at the last
 * unpin). Returns 0, the path errors, -ENOENT, -ENOTDIR, -EBUSY (a mount
 * point, "/", or someone's current directory), -EINVAL ("."), -ENOTEMPTY
 * (".."), -EPERM (no rmdir operation) or the filesystem's refusal (ramfs:
 * -ENOTEMPTY). */
int vfs_rmdir(struct dentry *cwd, const char *path);
/* Removes the non-directory path; a file still open keeps working until
 * its last close. Returns 0, the path errors, -ENOENT, -EISDIR (a
 * directory, ".", ".." or "/"), -ENOTDIR (trailing slash), -EPERM (no
 * unlink operation) or the filesystem's refusal. */
int vfs_unlink(struct dentry *cwd, const char *path);
/* Moves oldpath to newpath, replacing an existing target of the same kind
 * (an empty directory for a directory). Renaming a name onto itself is 0
 * and does nothing. Returns 0, the path errors, -ENOENT, -EBUSY ("/", "."
 * or ".." on either side, a mount point, a target that is someone's
 * current directory), -EXDEV (another filesystem), -EINVAL (a directory
 * into itself), -EISDIR / -ENOTDIR (kinds differ; -ENOTDIR also for a
 * trailing slash on a non-directory), -ENOTEMPTY, -EPERM (no rename
 * operation), -ENOMEM or the filesystem's refusal. */
int vfs_rename(struct dentry *cwd, const char *oldpath, const char *newpath);
/* Fills *st for path. Returns 0 or the path errors (-ENOENT: missing). */
int vfs_stat(struct dentry *cwd, const char *path, struct stat *st);

/* ---- character devices (fs/devfs.c): register_chrdev and
 * unregister_chrdev are declared in <linux/fs.h> ------------------------ */

/* Removes every device whose file_operations (the table or any function
 * in it) lie in [start, start + len): what a module left registered when
 * its exit returned or its init failed, which would otherwise point into
 * unmapped memory. Calls report(name, arg) for each; returns how many. */
unsigned chrdev_remove_range(uintptr_t start, uintptr_t len,
			     void (*report)(const char *name, void *arg), void *arg);
/* Removes what module rec left registered through Linux's interface
 * (fs/chrdev.c): devices and classes it created, misc devices and cdevs
 * whose structure or operations lie in its image, regions it claimed.
 * Calls report(what, arg) for each, what saying which ("class hx", "cdev
 * 254:0, 1 minor (hx_fops+0x0/0x40 [hx])", ...). Before the image goes. */
void chrdev_reap(struct module_record *rec,
		 void (*report)(const char *what, void *arg), void *arg);

/* ---- procfs (fs/procfs.c) and its text buffers (fs/seq_buf.c) ---------- */

/* A growing text buffer; the text of a /proc file, made at open. */
struct seq_buf {
	char *buf;		/* kmalloc'd, NUL-terminated when len > 0 */
	size_t len, cap;	/* bytes used / allocated */
	int error;		/* -ENOMEM once an append failed */
};
/* Appends formatted text; returns 0 or -ENOMEM (also kept in m->error). */
int seq_buf_printf(struct seq_buf *m, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends n bytes as they are (NULs too); returns 0 or -ENOMEM. */
int seq_buf_write(struct seq_buf *m, const void *data, size_t n);
/* Frees the text (not m itself) and empties m. */
void seq_buf_free(struct seq_buf *m);

/* A file whose text is made once, at open (fs/seq_buf.c). From an open
 * hook: seq_file_open runs show(m, arg) into a new seq_buf held in
 * f->private_data and returns 0; if show returns -errno or an append ran
 * out of memory it frees everything and returns that error (-ENOMEM if the
 * buffer itself cannot be had). Use seq_file_read and seq_file_release as
 * the file's read and release: reads copy from the text at *pos (0 at its
 * end), release frees it. */
int seq_file_open(struct file *f, int (*show)(struct seq_buf *m, void *arg),
		  void *arg);
ssize_t seq_file_read(struct file *f, char *buf, size_t count, loff_t *pos);
int seq_file_release(struct inode *inode, struct file *f);

/* Creates /proc/NAME (NAME may be a path such as "bus/pci/devices": the
 * directories are made where missing): each open calls show(m, arg) to
 * make the text that reads return. show returns 0 or -errno (which fails
 * the open). Returns 0, -EEXIST, -EINVAL, -ENOTDIR, -ENAMETOOLONG,
 * -ENOMEM, -ENOENT (procfs not mounted yet: call after fs_init). Modules
 * use Linux's proc_create (<linux/proc_fs.h>) instead. */
int proc_create_show(const char *name, int (*show)(struct seq_buf *m, void *arg),
		     void *arg);
/* Creates /proc/NAME (NAME at the top of /proc) with the kernel's own
 * file operations fops and permission bits mode: for a file that is more
 * than text made at open (modfs's ksym_lookup, written then read). Returns
 * 0, -EEXIST, -EINVAL, -ENOMEM or -ENOENT (procfs not mounted yet). */
int proc_create_fops(const char *name, uint32_t mode,
		     const struct file_operations *fops);
/* Removes the /proc entries module rec made or whose proc_ops lie in its
 * image, newest first, calling report("/proc/PATH (ops symbol)", arg) for
 * each. Before the image goes. */
void proc_reap(struct module_record *rec,
	       void (*report)(const char *what, void *arg), void *arg);

/* ---- the program: descriptors and cwd (fs/syscalls.c) ------------------ */
struct program {
	const char *name;
	struct file *fds[SYS_MAX_FDS];
	/* every descriptor below this one is open (Linux's next_fd): an
	 * open looks for the lowest free one from here, not from 0 */
	int fd_low;
	struct dentry *cwd;	/* pinned */
};
/* Sets p up: cwd "/", fds 0/1/2 on /dev/console. Returns 0 or -errno. */
int program_setup(struct program *p, const char *name);
/* Makes p the program the sys_* calls act for. */
void program_enter(struct program *p);

/* ---- boot (fs/init.c, fs/initrd.c) ------------------------------------- */

/* Mounts ramfs on /, devfs on /dev, procfs on /proc, makes /tmp, registers
 * the built-in devices and /proc files, enters the "init" program. Panics
 * if any of that fails (the kernel cannot go on without its files). */
void fs_init(void);
/* Unpacks a cpio "newc" archive into the root: directories (and missing
 * parents) and regular files; "." is skipped, other types too (warned).
 * An entry the VFS refuses (e.g. "dev/foo": -EPERM, a file named "mod":
 * -EISDIR) is reported with pr_err naming it and the error, and skipped.
 * Damage (truncated header, bad magic, name or data past the end) is
 * reported with pr_err naming the byte offset and the entry and stops
 * the unpacking; the entries before it stay. Returns the number of
 * entries made, or -EINVAL (damage). */
int initrd_unpack(const void *data, size_t len);

#endif
