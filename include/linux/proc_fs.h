/*
 * /proc entries for modules, with Linux's names: files whose operations
 * are a struct proc_ops, directories, and their removal. fs/procfs.c
 * implements them beside the kernel's own /proc files. An entry a module
 * leaves behind at unload is removed by the kernel, with a message.
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/fs.h>	/* struct file, as Linux's proc_fs.h brings it */
#include <linux/uidgid.h>
#include <linux/fs.h>	/* struct file, as Linux's proc_fs.h brings it */

struct proc_dir_entry;

#define PROC_ENTRY_PERMANENT	1U	/* proc_flags: accepted, no meaning */

/* The file operations of a /proc entry. Any may be NULL: reading or
 * writing then fails -EIO, seeking uses default_llseek. */
struct proc_ops {
	unsigned int proc_flags;
	int (*proc_open)(struct inode *inode, struct file *file);
	ssize_t (*proc_read)(struct file *file, char __user *buf, size_t count,
			     loff_t *pos);
	ssize_t (*proc_write)(struct file *file, const char __user *buf,
			      size_t count, loff_t *pos);
	loff_t (*proc_lseek)(struct file *file, loff_t offset, int whence);
	int (*proc_release)(struct inode *inode, struct file *file);
	long (*proc_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	/* Linux's other hooks, so that a driver setting them builds; /proc
	 * calls none of them yet (no poll, no mmap). */
	unsigned int (*proc_poll)(struct file *file, struct poll_table_struct *wait);
	int (*proc_mmap)(struct file *file, struct vm_area_struct *vma);
	unsigned long (*proc_get_unmapped_area)(struct file *file, unsigned long addr,
						unsigned long len, unsigned long pgoff,
						unsigned long flags);
};

/* Makes the file NAME in parent (NULL: /proc itself) with the permission
 * bits of mode (0: 0444) and proc_ops; data is what pde_data gives back.
 * Opening it pins the module that holds proc_ops. Returns the entry, or
 * NULL (name taken or invalid, no memory, parent removed). */
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops,
					void *data);
struct proc_dir_entry *proc_create(const char *name, umode_t mode,
				   struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops);
/* Makes the directory NAME in parent (NULL: /proc). Returns it or NULL. */
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
/* Removes an entry and, for a directory, everything in it. Files still open
 * keep their descriptors: their reads then fail -EIO. NULL is ignored. */
void proc_remove(struct proc_dir_entry *de);
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
/* Sets the size stat (and ls) report for the entry. */
void proc_set_size(struct proc_dir_entry *de, loff_t size);
/* Sets the entry's owner: accepted and ignored (every file is root's). */
void proc_set_user(struct proc_dir_entry *de, kuid_t uid, kgid_t gid);
/* The data given to proc_create_data, from the inode a proc_open gets. */
void *pde_data(const struct inode *inode);
#define PDE_DATA(inode)	pde_data(inode)

#endif
