/*
 * The file API of include/tessera/sys.h for the current program: its
 * descriptor table and current directory on top of the VFS, plus time and
 * power. Only one program runs for now (the shell, as "init"), but the
 * state is a struct program so more can come.
 */
#include "fs/internal.h"
#include "kernel/power.h"
#include "kernel/timer.h"
#include "kernel/sched.h"
#include "lib/string.h"
#include "fs/pagefile_read.h"
#include <tessera/errno.h>

static struct {
	struct program *running;
} programs;

uint32_t fs_now(void)
{
	return jiffies;
}

void program_enter(struct program *p)
{
	programs.running = p;
}

static void cwd_set(struct program *p, struct dentry *d)
{
	d_pin(d);
	d->cwd_pins++;
	if (p->cwd) {
		p->cwd->cwd_pins--;
		d_unpin(p->cwd);
	}
	p->cwd = d;
}

int program_setup(struct program *p, const char *name)
{
	struct file *f;
	int err = vfs_open(NULL, "/dev/console", O_RDWR, &f);

	if (err)
		return err;
	memset(p, 0, sizeof(*p));
	p->name = name;
	cwd_set(p, vfs_root());
	for (int fd = 0; fd < 3; fd++)
		p->fds[fd] = f;
	f->refs = 3;
	return 0;
}

/* The open file behind fd in the current program, or NULL. */
static struct file *fd_file(int fd)
{
	if (fd < 0 || fd >= SYS_MAX_FDS)
		return NULL;
	return programs.running->fds[fd];
}

/* A driver's -ERESTARTSYS (a sleep ended by a signal) is -EINTR for the
 * caller: no call is restarted after Ctrl-C. */
static long no_restart(long ret)
{
	return ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ? -EINTR : ret;
}

/* Puts f at the lowest free descriptor; -EMFILE if none. Every one below
 * fd_low is open (a close below it lowers it), so the search starts
 * there and finds what a search from 0 would. */
static int fd_install(struct file *f)
{
	struct program *p = programs.running;

	for (int fd = p->fd_low; fd < SYS_MAX_FDS; fd++) {
		if (!p->fds[fd]) {
			p->fds[fd] = f;
			p->fd_low = fd + 1;
			return fd;
		}
	}
	return -EMFILE;
}

static struct dentry *cwd(void)
{
	return programs.running->cwd;
}

int sys_open(const char *path, int flags)
{
	struct file *f;
	int err, fd;

	if (!path)
		return -EFAULT;
	err = vfs_open(cwd(), path, flags, &f);
	if (err)
		return no_restart(err);
	fd = fd_install(f);
	if (fd < 0)
		vfs_close(f);
	return fd;
}

ssize_t sys_read(int fd, void *buf, size_t count)
{
	struct file *f = fd_file(fd);

	return f ? no_restart(vfs_read(f, buf, count)) : -EBADF;
}

ssize_t sys_write(int fd, const void *buf, size_t count)
{
	struct file *f = fd_file(fd);

	return f ? no_restart(vfs_write(f, buf, count)) : -EBADF;
}

/* sys_pread for any file but a plain one (below), out of line so that
 * the plain read's path saves no registers. */
static __attribute__((__noinline__)) ssize_t
pread_other(struct file *f, void *buf, size_t count, off_t offset)
{
	return f ? no_restart(vfs_pread(f, buf, count, offset)) : -EBADF;
}

/* A page-backed file's plain pread (pread_plain_file, read below the
 * size: off_t is 32 bits, so the unsigned compare is vfs_pread's) is
 * pagefile_read's work done here, as vfs_pread would have it done: the
 * count cut to the bytes left, then bytes in one held page copied at once
 * (pagefile_read_in_page), others through pagefile_read. No vfs_pread or
 * pagefile_read frame for the common case; pagefile_read never fails, so
 * no_restart has nothing to do. */
ssize_t sys_pread(int fd, void *buf, size_t count, off_t offset)
{
	struct file *f = fd_file(fd);
	const struct pagefile *pf;
	uint32_t pos = offset;

	if (!f || !pread_plain_file(f) || pos >= f->inode->data.size)
		return pread_other(f, buf, count, offset);
	pf = &f->inode->data;
	if (count > pf->size - pos)
		count = pf->size - pos;
	if (pagefile_read_in_page(pf, buf, count, pos))
		return count;
	return pagefile_read(pf, buf, count > MAX_IO ? MAX_IO : count, pos);
}

off_t sys_lseek(int fd, off_t offset, int whence)
{
	struct file *f = fd_file(fd);

	return f ? vfs_lseek(f, offset, whence) : -EBADF;
}

long sys_ioctl(int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fd_file(fd);

	return f ? no_restart(vfs_ioctl(f, cmd, arg)) : -EBADF;
}

int sys_ftruncate(int fd, off_t length)
{
	struct file *f = fd_file(fd);

	return f ? vfs_ftruncate(f, length) : -EBADF;
}

int sys_close(int fd)
{
	struct file *f = fd_file(fd);

	if (!f)
		return -EBADF;
	programs.running->fds[fd] = NULL;
	if (fd < programs.running->fd_low)
		programs.running->fd_low = fd;
	vfs_close(f);
	return 0;
}

int sys_dup(int fd)
{
	struct file *f = fd_file(fd);
	int newfd;

	if (!f)
		return -EBADF;
	newfd = fd_install(f);
	if (newfd >= 0)
		f->refs++;
	return newfd;
}

int sys_dup2(int fd, int newfd)
{
	struct file *f = fd_file(fd);

	if (!f || newfd < 0 || newfd >= SYS_MAX_FDS)
		return -EBADF;
	if (fd == newfd)
		return newfd;
	if (fd_file(newfd))
		sys_close(newfd);
	programs.running->fds[newfd] = f;
	f->refs++;
	return newfd;
}

int sys_mkdir(const char *path)
{
	return path ? vfs_mkdir(cwd(), path) : -EFAULT;
}

int sys_rmdir(const char *path)
{
	return path ? vfs_rmdir(cwd(), path) : -EFAULT;
}

int sys_mknod(const char *path, uint32_t mode, uint32_t dev)
{
	struct dentry *d;
	struct walk w;
	int err = path ? path_parent(cwd(), path, &w) : -EFAULT;

	if (err)
		return err;
	if (w.slash || !w.last[0])
		return -EINVAL;
	err = path_step(w.dir, w.last, &d);
	if (err != -ENOENT)
		return err ? err : -EEXIST;
	return devfs_mknod_at(w.dir, w.last, mode, dev);
}

int sys_unlink(const char *path)
{
	return path ? vfs_unlink(cwd(), path) : -EFAULT;
}

int sys_rename(const char *oldpath, const char *newpath)
{
	return oldpath && newpath ? vfs_rename(cwd(), oldpath, newpath) : -EFAULT;
}

int sys_stat(const char *path, struct stat *st)
{
	return path && st ? vfs_stat(cwd(), path, st) : -EFAULT;
}

int sys_fstat(int fd, struct stat *st)
{
	struct file *f = fd_file(fd);

	if (!f)
		return -EBADF;
	vfs_fstat(f, st);
	return 0;
}

int sys_readdir(int fd, struct dirent *de)
{
	struct file *f = fd_file(fd);

	return f ? vfs_readdir(f, de) : -EBADF;
}

int sys_chdir(const char *path)
{
	struct dentry *d;
	int err;

	if (!path)
		return -EFAULT;
	err = vfs_lookup(cwd(), path, &d);
	if (err)
		return err;
	if (!S_ISDIR(d->inode->mode))
		return -ENOTDIR;
	cwd_set(programs.running, d);
	return 0;
}

int sys_getcwd(char *buf, size_t size)
{
	return vfs_getpath(cwd(), buf, size);
}

int sys_sleep_ms(uint32_t ms)
{
	return msleep_interruptible(ms) ? -EINTR : 0;
}

void sys_foreground(int on)
{
	sched_set_foreground(on ? current : NULL);
}

int sys_interrupted(void)
{
	return signal_pending(current);
}

void sys_clear_interrupt(void)
{
	flush_signals(current);
}

void sys_poweroff(int status)
{
	power_off(status);
}
