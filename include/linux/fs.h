/*
 * Files as a driver sees them (<linux/fs.h>): struct file_operations, the
 * open file (struct file), its inode and name (struct inode, struct
 * dentry), device numbers, and register_chrdev. These are the VFS's own
 * objects (fs/vfs.h builds on them); each field a Linux driver uses is
 * there under its Linux name too, sharing the storage of Tessera's
 * (an anonymous union), so both spellings work:
 *   file->f_path.dentry->d_name.name   (file->dentry->name)
 *   file->f_pos, file->f_flags, file->f_inode, file->private_data
 *   inode->i_rdev, i_mode, i_ino, i_private; iminor(inode), imajor(inode)
 * loff_t is 64 bits, as Linux's (files themselves stop at 2 GiB).
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <linux/types.h>
#include <linux/kdev_t.h>
#include <linux/stat.h>
#include <linux/errno.h>
#include <linux/fcntl.h>	/* O_* (O_NONBLOCK...), SEEK_*, struct dirent */
#include <linux/chrdev.h>	/* device-number regions, llseek methods */
#ifndef HOST_TEST	/* the host tests have libc's <string.h> */
#include <linux/string.h>
#include <linux/capability.h>	/* capable(), as Linux's fs.h brings it */
#include <linux/semaphore.h>
#include <linux/spinlock.h>	/* Linux's fs.h brings the locks */
#include <linux/mutex.h>
#include <linux/wait.h>	/* wait queues, as Linux's fs.h brings them */
#endif
#ifdef HOST_TEST
typedef long long loff_t;
#endif

struct page;
struct module;
struct inode;
struct dentry;
struct file;
struct super_block;
struct mount;
struct inode_operations;
struct poll_table_struct;
struct vm_area_struct;
struct cdev;

/* The bytes of a regular file: order-0 pages owned by its inode, one per
 * page index; a NULL slot is a hole and reads as zeros (fs/pagefile.c). */
struct pagefile {
	struct page **pages;	/* [cap] slots, kmalloc'd (or &one); NULL = hole */
	uint32_t cap;		/* slots in pages[] (0 when pages is NULL) */
	uint32_t held;		/* non-NULL slots: pages of data held */
	uint32_t size;		/* file size, bytes */
	/* one page's slot array (a small module's image): pages is &one, cap
	 * 1, until a second slot is needed (no array kmalloc'd); so only
	 * fs/pagefile.c frees pages, and no pagefile is copied by value */
	struct page *one;
};

/* Called for every open file. read/write advance *pos by what they moved
 * and return the count or -errno; their return value is what sys_read /
 * sys_write return. Any hook may be NULL: read/write then fail -EINVAL,
 * readdir -ENOTDIR. owner is pinned (try_module_get) from open to the last
 * close, recorded in file->pinned; an open op that hands the file to other
 * operations (devfs) pins and records their module instead. A failed pin
 * fails the open with -ENODEV. */
struct file_operations {
	struct module *owner;
	int (*open)(struct inode *inode, struct file *file);
	ssize_t (*read)(struct file *file, char __user *buf, size_t count,
			loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf,
			 size_t count, loff_t *pos);
	/* Called at the last close (after dup, when every descriptor is
	 * closed). Its return value is ignored. */
	int (*release)(struct inode *inode, struct file *file);
	/* Fills *de with the entry at file->pos and advances it; 1 for an
	 * entry, 0 at the end, or -errno. */
	int (*readdir)(struct file *file, struct dirent *de);
	/* Linux's other hooks, so that drivers setting them build. Which
	 * ones the VFS calls: docs/linux-compat.md (llseek and
	 * unlocked_ioctl: the chardev family). */
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd,
			       unsigned long arg);
	long (*compat_ioctl)(struct file *file, unsigned int cmd,
			     unsigned long arg);
	unsigned int (*poll)(struct file *file, struct poll_table_struct *wait);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*flush)(struct file *file, void *id);
	int (*fsync)(struct file *file, loff_t start, loff_t end, int datasync);
	unsigned long (*get_unmapped_area)(struct file *file, unsigned long addr,
					   unsigned long len, unsigned long pgoff,
					   unsigned long flags);
	int (*fasync)(int fd, struct file *file, int on);
};

/*
 * Asynchronous notification (SIGIO to the processes that asked with
 * fcntl(F_SETFL, O_ASYNC)). There are no user processes to signal yet
 * (the shell runs in the kernel): nothing calls .fasync for a process,
 * fasync_helper records
 * nobody (*fapp stays as it was, normally NULL) and returns 0, and
 * kill_fasync signals nobody.
 */
struct fasync_struct {
	struct fasync_struct *fa_next;
	struct file *fa_file;
	int fa_fd;
};

/* Adds (on != 0) or removes filp's entry in *fapp. Returns 0: no
 * process can ask for SIGIO yet, so there is nothing to record. */
int fasync_helper(int fd, struct file *filp, int on, struct fasync_struct **fapp);
/* Sends sig with band (POLL_IN ...) to every process in *fp: none yet. */
void kill_fasync(struct fasync_struct **fp, int sig, int band);

struct inode {
	union { uint32_t ino; unsigned long i_ino; };	/* unique within its
					 * filesystem, root is 1 */
	union { uint32_t mode; uint32_t i_mode; };	/* S_IF* type | permissions */
	uint32_t nlink;		/* 1; directories 2 + subdirectories */
	union { uint32_t rdev; uint32_t i_rdev; };	/* character devices:
					 * MKDEV(major, minor) */
	uint32_t mtime;		/* jiffies at the last change */
	struct super_block *sb;
	const struct inode_operations *i_op;	/* may be NULL: no ops */
	const struct file_operations *i_fop;	/* installed at open */
	struct pagefile data;	/* regular files: the bytes and the size */
	union { void *private; void *i_private; };	/* the filesystem's */
	struct cdev *i_cdev;	/* a cdev's node: the cdev, set at open */
};

/* A name, as Linux's dentry->d_name holds it. */
struct qstr {
	const char *name;
};

/* A name in the tree. Owns its inode (one name per inode, no hard links):
 * the inode lives exactly as long as the dentry. */
struct dentry {
	union {
		char *name;		/* after the dentry (kmalloc'd once renamed); "/" at a root */
		struct qstr d_name;	/* Linux: d_name.name */
	};
	union { struct inode *inode; struct inode *d_inode; };
	union {	/* NULL at a filesystem root or once removed */
		struct dentry *parent;
		struct dentry *d_parent;
	};
	struct dentry *children;	/* by name (strcmp) unless unsorted */
	struct dentry *next;	/* next sibling */
	struct dentry **pprev;	/* parent indexed: the sibling's next or children pointing here */
	/* a directory of many children also finds them by hash (fs/vfs.c) */
	struct d_index *index;	/* NULL below D_INDEX_MIN children */
	struct dentry *hnext;	/* next on its chain of the parent's index */
	uint32_t nchildren;
	struct super_block *sb;
	struct mount *mounted;	/* filesystem mounted on this entry, or NULL */
	uint32_t pins;		/* open files, current directories, mounts */
	uint32_t cwd_pins;	/* of which current directories */
	bool removed;		/* out of the tree; freed at the last unpin */
	bool in_block;		/* made with d_add_files: freed with its block */
	bool unsorted;		/* children out of name order (only with an index) */
};

/* Where a file is: Linux's file->f_path.dentry. */
struct path {
	struct dentry *dentry;
};

/* An open file. Several descriptors may share one (dup). */
struct file {
	union {
		struct dentry *dentry;	/* pinned while open */
		struct path f_path;	/* Linux: f_path.dentry */
	};
	union { struct inode *inode; struct inode *f_inode; };
	const struct file_operations *f_op;
	union { loff_t pos; loff_t f_pos; };
	union { int flags; unsigned int f_flags; };	/* O_* given to open */
	unsigned int f_mode;	/* FMODE_*: from the access mode of flags */
	uint32_t refs;		/* descriptors sharing this file */
	void *private_data;	/* the file operations' own */
	struct module *pinned;	/* module held from open to the last close:
				 * f_op->owner, unless an open op chose another */
};

/* f_mode bits: what the open allows. READ/WRITE follow O_ACCMODE; LSEEK,
 * PREAD, PWRITE are set at open and cleared by nonseekable_open. */
#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_LSEEK	0x4
#define FMODE_PREAD	0x8
#define FMODE_PWRITE	0x10

/* For an open method of a device with no position (a pipe, a stream):
 * clears FMODE_LSEEK, FMODE_PREAD, FMODE_PWRITE. Returns 0. Seeking is
 * refused by the file's llseek (no_llseek), not by the VFS. */
int nonseekable_open(struct inode *inode, struct file *filp);

/* The dentry the file was opened through (Linux: for overlay filesystems
 * it may differ from f_path.dentry; here they are one). */
static inline struct dentry *file_dentry(const struct file *file)
{
	return file->f_path.dentry;
}

/* Device numbers of an inode, the size of a regular file. */
static inline unsigned int imajor(const struct inode *inode)
{
	return MAJOR(inode->rdev);
}

static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->rdev);
}

static inline loff_t i_size_read(const struct inode *inode)
{
	return (loff_t)inode->data.size;
}

static inline struct inode *file_inode(const struct file *f)
{
	return f->inode;
}

/* ---- character devices (fs/devfs.c), Linux's interface -----------------
 * register_chrdev claims a major (0: the highest free one of 254..200) and
 * makes /dev/NAME (minor 0) whose opens use fops. As Linux: returns 0 for a
 * fixed major, the chosen major for major 0, or -EBUSY (major or name
 * taken), -EINVAL (major > 255, bad name), -ENOMEM. Opening the node pins
 * fops->owner, or, when that is NULL, the module whose image holds fops
 * (module_of_addr; -ENODEV if it is going), then calls fops->open; the last
 * close calls fops->release and puts exactly the module pinned. */
int register_chrdev(unsigned major, const char *name,
		    const struct file_operations *fops);
/* Removes the device and its /dev node (files still open keep working). */
void unregister_chrdev(unsigned major, const char *name);

#endif
