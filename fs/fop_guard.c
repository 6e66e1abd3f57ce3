/*
 * Calls of file operations that live in a module's image (a module's
 * device): each runs as a guarded call (kernel/oops.h), so a fault in the
 * module ends the read, write, open or release with -EFAULT, and the
 * command that made it sees an error while the kernel goes on. Once a
 * module has faulted, none of its operations is called again: open, read
 * and write fail with -EIO, release is skipped. Operations of the kernel's
 * own files are called directly.
 */
#include "fs/internal.h"
#include "kernel/module.h"
#include "kernel/oops.h"
#include <tessera/errno.h>

struct fop_args {
	struct file *f;
	struct inode *inode;
	void *buf;
	size_t count;
};

static long call_open(void *p)
{
	struct fop_args *a = p;

	return a->f->f_op->open(a->inode, a->f);
}

static long call_read(void *p)
{
	struct fop_args *a = p;

	return a->f->f_op->read(a->f, a->buf, a->count, &a->f->pos);
}

static long call_write(void *p)
{
	struct fop_args *a = p;

	return a->f->f_op->write(a->f, a->buf, a->count, &a->f->pos);
}

static long call_release(void *p)
{
	struct fop_args *a = p;

	return a->f->f_op->release(a->inode, a->f);
}

/* fn's module decides: direct call, guarded call, or refusal (faulted). */
static long guarded(const void *fn, const char *what, long (*call)(void *),
		    struct fop_args *a, long refused)
{
	struct module_record *rec = module_record_at((uintptr_t)fn);
	struct fault_guard g;

	if (!rec)
		return call(a);
	if (rec->faulted)
		return refused;
	return guard_call(&g, what, call, a);
}

int fop_open(struct inode *inode, struct file *f)
{
	struct fop_args a = { .f = f, .inode = inode };

	return (int)guarded((const void *)f->f_op->open, "open", call_open, &a, -EIO);
}

ssize_t fop_read(struct file *f, void *buf, size_t count)
{
	struct fop_args a = { .f = f, .buf = buf, .count = count };

	return guarded((const void *)f->f_op->read, "read", call_read, &a, -EIO);
}

ssize_t fop_write(struct file *f, const void *buf, size_t count)
{
	struct fop_args a = { .f = f, .buf = (void *)buf, .count = count };

	return guarded((const void *)f->f_op->write, "write", call_write, &a, -EIO);
}

void fop_release(struct inode *inode, struct file *f)
{
	struct fop_args a = { .f = f, .inode = inode };

	guarded((const void *)f->f_op->release, "release", call_release, &a, 0);
}
