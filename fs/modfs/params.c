/*
 * Module parameters as files: `args`, where the loader writes the
 * "name=value" lines that `init module` applies (kernel/params.c), and,
 * while the module is live, the directory `parameters` with one file per
 * parameter whose permission is not 0 (Linux's /sys/module/NAME/parameters):
 * reading shows the value ("3", "Y", "1,2,3", the string) and a line end;
 * writing sets it with the same rules as insmod's name=value (one trailing
 * newline ignored). A file's mode is the parameter's permission: without a
 * write bit it cannot be opened for writing, without a read bit not for
 * reading (EACCES, as Linux's sysfs).
 */
#include "fs/modfs/internal.h"
#include "kernel/printk.h"
#include "lib/param.h"
#include "lib/string.h"
#include "mm/mm.h"
#include <tessera/errno.h>

/* Bytes of a parameter's text (Linux's sysfs page). */
#define PARAM_TEXT_MAX 4096

static int show_args(struct seq_buf *m, void *arg)
{
	const struct module_record *rec = arg;

	if (rec->args && rec->args[0])
		seq_buf_printf(m, "%s%s", rec->args,
			   rec->args[strlen(rec->args) - 1] == '\n' ? "" : "\n");
	return 0;
}

static int args_open(struct inode *inode, struct file *f)
{
	return modfs_show_open(inode, f, show_args);
}

/* One write is all the arguments (it replaces earlier ones). */
static ssize_t args_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	return modfs_set_write(f, buf, count, module_params_set_args);
}

const struct file_operations modfs_args_fops = {
	.open = args_open,
	.read = seq_file_read,
	.write = args_write,
	.release = seq_file_release,
};

/* The parameter a file of parameters/ stands for, or NULL once the module
 * has gone (the file was removed while open). */
static const struct kernel_param *file_param(const struct dentry *d,
					     struct module_record **rec)
{
	*rec = modfs_record(d->inode);
	return *rec ? module_param_find(*rec, d->name) : NULL;
}

static int show_param(struct seq_buf *m, void *arg)
{
	struct module_record *rec;
	const struct kernel_param *p = file_param(arg, &rec);
	char *text = kmalloc(PARAM_TEXT_MAX);
	int len;

	if (!p || !text) {
		kfree(text);
		return p ? -ENOMEM : -ENOENT;
	}
	len = param_get(p, text, PARAM_TEXT_MAX);
	if (len >= 0)
		seq_buf_printf(m, "%s", text);
	kfree(text);
	return len < 0 ? len : 0;
}

static int param_open(struct inode *inode, struct file *f)
{
	struct module_record *rec;
	const struct kernel_param *p = file_param(f->dentry, &rec);
	int acc = f->flags & O_ACCMODE;

	if (!p)
		return -ENOENT;
	if ((acc != O_RDONLY && !(p->perm & 0222)) || (acc != O_WRONLY && !(p->perm & 0444)))
		return -EACCES;
	f->private_data = NULL;
	return acc == O_WRONLY ? 0 : seq_file_open(f, show_param, f->dentry);
}

static ssize_t param_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	struct module_record *rec;
	const struct kernel_param *p = file_param(f->dentry, &rec);
	size_t n = count;
	char *text;
	int err;

	if (!p)
		return -ENOENT;
	if (n && buf[n - 1] == '\n')
		n--;
	if (n >= PARAM_TEXT_MAX || strnlen(buf, n) != n)
		return -EINVAL;
	text = kmalloc(n + 1);
	if (!text)
		return -ENOMEM;
	memcpy(text, buf, n);
	text[n] = '\0';
	err = module_param_store(rec, p, text);
	kfree(text);
	return err ? err : (ssize_t)count;
}

static int param_release(struct inode *inode, struct file *f)
{
	return f->private_data ? seq_file_release(inode, f) : 0;
}

static const struct file_operations param_fops = {
	.open = param_open,
	.read = seq_file_read,
	.write = param_write,
	.release = param_release,
};

static int add_param_file(struct dentry *dir, const struct kernel_param *p,
			  struct module_record *rec)
{
	struct inode *inode = inode_alloc(dir->sb, S_IFREG | p->perm);

	if (!inode)
		return -ENOMEM;
	inode->i_fop = &param_fops;
	inode->private = rec;
	if (!d_add_child(dir, p->name, inode)) {
		inode_free(inode);
		return -ENOMEM;
	}
	return 0;
}

int modfs_params_make(struct module_record *rec, struct dentry *moddir)
{
	const struct module *h = rec->hdr;
	struct inode *inode;
	int err = 0;

	if (!h->num_params)
		return 0;
	inode = inode_alloc(moddir->sb, S_IFDIR | 0755);
	if (!inode)
		return -ENOMEM;
	inode->i_fop = &dir_fops;
	rec->params_dir = d_add_child(moddir, "parameters", inode);
	if (!rec->params_dir) {
		inode_free(inode);
		return -ENOMEM;
	}
	for (uint32_t i = 0; i < h->num_params && !err; i++)
		if (h->params[i].perm)
			err = add_param_file(rec->params_dir, &h->params[i], rec);
	if (err)
		modfs_params_remove(rec);
	return err;
}

void modfs_params_remove(struct module_record *rec)
{
	struct dentry *dir = rec->params_dir;

	if (!dir)
		return;
	for (struct dentry *c = dir->children; c; c = c->next)
		c->inode->private = NULL;	/* open files: ENOENT from now on */
	rec->params_dir = NULL;
	d_remove(dir);
}
