/*
 * Calls of file operations that live in a module's image (a module's
 * device; or a kernel function such as seq_read in a module's table):
 * each runs as a guarded call (kernel/oops.h), so a fault in the
 * module ends the read, write, open, release, llseek or ioctl with -EFAULT, and the
 * command that made it sees an error while the kernel goes on. Once a
 * module has faulted, none of its operations is called again: open, read
 * and write fail with -EIO, release is skipped. Operations of the kernel's
 * own files are called directly.
 */
#include "fs/internal.h"
#include "kernel/module.h"
#include "kernel/oops.h"
#include "mm/mm.h"
#include <tessera/errno.h>

struct fop_args {
	struct file *f;
	struct inode *inode;
	void *buf;
	size_t count;
	loff_t *pos;		/* read, write: f->pos, or pread's own */
	loff_t offset;		/* llseek */
	int whence;
	unsigned int cmd;	/* ioctl */
	unsigned long arg;
};

static long call_open(void *p)
{
	struct fop_args *a = p;

	return a->f->f_op->open(a->inode, a->f);
}

static long call_read(void *p)
{
	struct fop_args *a = p;

	return a->f->f_op->read(a->f, a->buf, a->count, a->pos);
}

static long call_write(void *p)
{
	struct fop_args *a = p;

	return a->f->f_op->write(a->f, a->buf, a->count, a->pos);
}

static long call_release(void *p)
{
	struct fop_args *a = p;

	return a->f->f_op->release(a->inode, a->f);
}

static long call_llseek(void *p)
{
	struct fop_args *a = p;

	return a->f->f_op->llseek(a->f, a->offset, a->whence);
}

static long call_ioctl(void *p)
{
	struct fop_args *a = p;

	return a->f->f_op->unlocked_ioctl(a->f, a->cmd, a->arg);
}

/* The module of fn, or else of table, decides: direct call, guarded call,
 * or refusal (faulted). A kernel function in a module's table (seq_read,
 * default_llseek) may call back into the module: guarded too. */
long fop_guard(const void *table, const void *fn, const char *what,
	       long (*call)(void *arg), void *arg, long refused)
{
	struct module_record *rec = module_record_at((uintptr_t)fn);
	struct fault_guard g;

	if (!rec)
		rec = module_record_at((uintptr_t)table);
	if (!rec)
		return call(arg);
	if (rec->faulted)
		return refused;
	return guard_call(&g, rec, what, call, arg);
}

/* True if neither fn nor f's table lies where modules are mapped (the
 * vmalloc area): module_record_at would find no module for either, and
 * the operation is called directly without asking (most file operations,
 * the kernel's own files'). */
static bool kernel_op(const struct file *f, const void *fn)
{
	return (uintptr_t)fn < VMALLOC_START && (uintptr_t)f->f_op < VMALLOC_START;
}

static long guarded(const void *fn, const char *what, long (*call)(void *),
		    struct fop_args *a, long refused)
{
	return fop_guard(a->f->f_op, fn, what, call, a, refused);
}

/* The guarded calls build their fop_args out of line: the direct calls
 * (the kernel's own files, nearly every call) fill no argument block. */
static __attribute__((__noinline__)) long guarded_io(struct file *f, const void *fn,
						 const char *what,
						 long (*call)(void *),
						 void *buf, size_t count,
						 loff_t *pos)
{
	struct fop_args a = { .f = f, .buf = buf, .count = count, .pos = pos };

	return guarded(fn, what, call, &a, -EIO);
}

static __attribute__((__noinline__)) long guarded_inode(struct inode *inode,
						    struct file *f, const void *fn,
						    const char *what,
						    long (*call)(void *),
						    long refused)
{
	struct fop_args a = { .f = f, .inode = inode };

	return guarded(fn, what, call, &a, refused);
}

static __attribute__((__noinline__)) loff_t guarded_llseek(struct file *f,
						       loff_t offset, int whence)
{
	struct fop_args a = { .f = f, .offset = offset, .whence = whence };

	return guarded((const void *)f->f_op->llseek, "llseek", call_llseek, &a, -EIO);
}

int fop_open(struct inode *inode, struct file *f)
{
	if (kernel_op(f, f->f_op->open))
		return f->f_op->open(inode, f);
	return (int)guarded_inode(inode, f, (const void *)f->f_op->open, "open",
				  call_open, -EIO);
}

ssize_t fop_read_at(struct file *f, void *buf, size_t count, loff_t *pos)
{
	if (kernel_op(f, f->f_op->read))
		return f->f_op->read(f, buf, count, pos);
	return guarded_io(f, (const void *)f->f_op->read, "read", call_read,
			  buf, count, pos);
}

ssize_t fop_read(struct file *f, void *buf, size_t count)
{
	return fop_read_at(f, buf, count, &f->pos);
}

ssize_t fop_write(struct file *f, const void *buf, size_t count)
{
	if (kernel_op(f, f->f_op->write))
		return f->f_op->write(f, buf, count, &f->pos);
	return guarded_io(f, (const void *)f->f_op->write, "write", call_write,
			  (void *)buf, count, &f->pos);
}

void fop_release(struct inode *inode, struct file *f)
{
	if (kernel_op(f, f->f_op->release)) {
		f->f_op->release(inode, f);
		return;
	}
	guarded_inode(inode, f, (const void *)f->f_op->release, "release",
		      call_release, 0);
}

loff_t fop_llseek(struct file *f, loff_t offset, int whence)
{
	if (kernel_op(f, f->f_op->llseek))
		return f->f_op->llseek(f, offset, whence);
	return guarded_llseek(f, offset, whence);
}

long fop_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct fop_args a = { .f = f, .cmd = cmd, .arg = arg };

	return guarded((const void *)f->f_op->unlocked_ioctl, "ioctl", call_ioctl,
		       &a, -EIO);
}
