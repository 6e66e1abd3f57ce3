/*
 * Shared inside fs/modfs/: the file operations of the files of a
 * module directory (control.c, files.c) and how they find their record.
 */
#ifndef FS_MODFS_INTERNAL_H
#define FS_MODFS_INTERNAL_H

#include "fs/vfs.h"
#include "kernel/module.h"

extern const struct file_operations modfs_control_fops;
extern const struct file_operations modfs_status_fops;
extern const struct file_operations modfs_error_fops;
extern const struct file_operations modfs_base_fops;
extern const struct file_operations modfs_module_fops;
extern const struct file_operations modfs_symbols_fops;
extern const struct file_operations modfs_args_fops;
extern const struct inode_operations modfs_module_iops;

/* The record of the module a file belongs to; NULL once the directory
 * was removed (a file still open on it then fails with -ENOENT). */
static inline struct module_record *modfs_record(const struct inode *inode)
{
	return inode->private;
}

/* The text files of a module directory (files.c): modfs_show_open opens
 * one whose text show(m, rec) makes at open (status, symbols, args);
 * returns seq_file_open's result, or -ENOENT once the directory is gone.
 * modfs_set_write hands one write, the whole text, to set(rec, buf,
 * count) (symbols, args); returns count, set's -errno, or -ENOENT. */
int modfs_show_open(struct inode *inode, struct file *f,
		    int (*show)(struct seq_buf *m, void *rec));
ssize_t modfs_set_write(struct file *f, const char *buf, size_t count,
			int (*set)(struct module_record *rec, const char *text, size_t len));

/* control commands (control.c) */
int modfs_map(struct module_record *rec, struct inode *image);
int modfs_vmap_file(struct module_record *rec, struct pagefile *pf,
		    const char *what, const char *noun, void **base);
/* image: the module's `module` inode (a packed image's bytes go back to
 * it; NULL only for a page-placed one). */
int modfs_unmap(struct module_record *rec, struct inode *image);
/* module_start / module_stop, then removing the devices the module left
 * registered (after a failed init, or after its exit), with a pr_err. */
int modfs_start(struct module_record *rec, struct dentry *moddir);
int modfs_stop(struct module_record *rec);
/* module_forget, then removing what the faulted module left registered. */
int modfs_forget(struct module_record *rec);

/* the init image of insmod --init=split (initimage.c): `init`'s file
 * operations; the `init` file's inode beside d, or NULL; the control
 * commands 'map init', 'unmap init' and 'keep init' (cmd is the verb,
 * control the control file's dentry); modfs_unmap_init for rmdir. Each
 * returns 0 or -errno with the reason recorded. */
extern const struct file_operations modfs_init_fops;
extern const struct inode_operations modfs_init_iops;
struct inode *modfs_init_inode(const struct dentry *d);
int modfs_init_command(struct module_record *rec, struct dentry *control, const char *cmd);
int modfs_unmap_init(struct module_record *rec);

/* parameters (params.c): makes /mod/NAME/parameters/ (moddir is
 * /mod/NAME) with a file per parameter whose perm is not 0, for a module
 * that has parameters; returns 0 or -ENOMEM (nothing made). Remove takes it
 * away (files still open on it then fail with ENOENT); safe without one. */
int modfs_params_make(struct module_record *rec, struct dentry *moddir);
/* Inline: a module without parameters (most) gets no directory, which
 * is modfs_params_make's first test; only one with some makes a call. */
static inline int modfs_params_create(struct module_record *rec, struct dentry *moddir)
{
	return rec->hdr->num_params ? modfs_params_make(rec, moddir) : 0;
}
void modfs_params_remove(struct module_record *rec);

/* placement policies (pack.c, docs/modfs.md "Placement"). The policy is
 * chosen at boot (modalloc=page|pack; modalloc_init reads it, a bad value
 * is logged and page used). modpack_map places a small image in a shared
 * page of the pack arena and moves the file's bytes there: returns 0
 * (mapped, packed), 1 (not packed: the policy is page or the image and its
 * guard do not fit in a page; the caller maps pages) or -ENOMEM (reason
 * recorded, the file as it was). modpack_unmap gives the file its bytes
 * back, unmaps (module_set_unmapped), checks the guard (a changed guard is
 * reported naming the module) and frees the slot, and its page with its
 * last slot: 0, -ENOMEM or module_set_unmapped's error, and then nothing
 * changed. modpack_shrink cuts a packed image to size bytes (checks the
 * guard, moves it, frees the tail units): 0. modpack_read/write are the
 * image file's read and write while it is packed (write: the caller keeps
 * them inside the image). modpack_guard_ok says whether the 16 bytes after
 * a packed image are intact; if not, *first and *last are the first and
 * last changed byte indexes. modpack_show_placement adds status's
 * `placement:` line under modalloc=pack. modalloc_proc_init makes
 * /proc/modalloc: 0 or -ENOMEM. */
enum modalloc_policy { MODALLOC_PAGE, MODALLOC_PACK };
void modalloc_init(void);
enum modalloc_policy modalloc_policy(void);
int modpack_map(struct module_record *rec, struct pagefile *pf);
int modpack_unmap(struct module_record *rec, struct pagefile *pf);
int modpack_shrink(struct module_record *rec, uint32_t size);
ssize_t modpack_read(const struct module_record *rec, char *buf, size_t count, loff_t *pos);
ssize_t modpack_write(struct module_record *rec, const char *buf, size_t count, loff_t *pos);
bool modpack_guard_ok(const struct module_record *rec, unsigned *first, unsigned *last);
void modpack_show_placement(struct seq_buf *m, const struct module_record *rec);
int modalloc_proc_init(void);

/* /proc/modules and /proc/ksyms (proc.c) */
int modfs_proc_init(void);
/* A look-up asked on a control file (proc.c; docs/modfs.md): buf[0..count)
 * is MODASK_MAGIC and names each ended by a NUL (ksym_lookup_asked:
 * whether it starts so). ksym_lookup_ask answers them all into *answers
 * (0, -EINVAL or -ENOMEM), ksym_lookup_read reads them on in order,
 * ksym_lookup_free frees them (NULL: nothing). */
struct ksym_lookup;
int ksym_lookup_ask(const char *buf, size_t count, struct ksym_lookup **answers);
ssize_t ksym_lookup_read(struct ksym_lookup *l, char *buf, size_t count);
void ksym_lookup_free(struct ksym_lookup *l);

static inline bool ksym_lookup_asked(const char *buf, size_t count)
{
	return count >= MODASK_MAGIC_LEN && buf[0] == MODASK_MAGIC[0] &&
	       buf[1] == MODASK_MAGIC[1] && buf[2] == MODASK_MAGIC[2] &&
	       buf[3] == MODASK_MAGIC[3];	/* a command fails the first test */
}

#endif
