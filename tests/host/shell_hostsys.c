/*
 * include/tessera/sys.h on the host, for shell host tests: each sys_* call
 * goes to its hs_* twin (shell_hostsys_posix.c). Also strlcpy, which the
 * host C library may lack, and strerror as lib/string.h defines it; and
 * the memory and strhash that loader/tools.c (linked for the shell's
 * cmd_kernel_reason) takes from the kernel.
 */
#include <tessera/sys.h>
#include <tessera/errno.h>
#include "lib/string.h"
#include "tests/host/shell_hostsys.h"
#include <linux/vmalloc.h>

int sys_open(const char *path, int flags) { return hs_open(path, flags); }
ssize_t sys_read(int fd, void *buf, size_t n) { return hs_read(fd, buf, n); }
ssize_t sys_write(int fd, const void *buf, size_t n)
{
	return hs_write(fd, buf, n);
}
off_t sys_lseek(int fd, off_t off, int whence)
{
	return hs_lseek(fd, off, whence);
}
int sys_ftruncate(int fd, off_t len) { return hs_ftruncate(fd, len); }
long sys_ioctl(int fd, unsigned int cmd, unsigned long arg) { return -ENOTTY; }
int sys_close(int fd) { return hs_close(fd); }
int sys_dup(int fd) { return hs_dup(fd); }
int sys_dup2(int fd, int newfd) { return hs_dup2(fd, newfd); }
int sys_mkdir(const char *path) { return hs_mkdir(path); }
int sys_rmdir(const char *path) { return hs_rmdir(path); }
int sys_unlink(const char *path) { return hs_unlink(path); }
int sys_mknod(const char *path, uint32_t mode, uint32_t dev) { (void)path; (void)mode; (void)dev; return -EPERM; }
int sys_rename(const char *a, const char *b) { return hs_rename(a, b); }
int sys_chdir(const char *path) { return hs_chdir(path); }
int sys_getcwd(char *buf, size_t size) { return hs_getcwd(buf, size); }
int sys_sleep_ms(uint32_t ms) { hs_sleep_ms(ms); return 0; }
void sys_foreground(int on) { (void)on; }
int sys_interrupted(void) { return 0; }
void sys_clear_interrupt(void) { }
void sys_set_comm(const char *name, char *old) { (void)name; if (old) old[0] = 0; }
void sys_poweroff(int status) { hs_poweroff(status); }

static void fill_stat(struct stat *st, const uint32_t f[8])
{
	st->st_ino = f[0];
	st->st_dev = f[1];
	st->st_mode = f[2];
	st->st_nlink = f[3];
	st->st_size = f[4];
	st->st_blocks = f[5];
	st->st_rdev = f[6];
	st->st_mtime = f[7];
}

int sys_stat(const char *path, struct stat *st)
{
	uint32_t f[8];
	int err = hs_stat(path, f);

	if (!err)
		fill_stat(st, f);
	return err;
}

int sys_fstat(int fd, struct stat *st)
{
	uint32_t f[8];
	int err = hs_fstat(fd, f);

	if (!err)
		fill_stat(st, f);
	return err;
}

int sys_readdir(int fd, struct dirent *de)
{
	return hs_readdir(fd, &de->d_ino, &de->d_type, de->d_name,
			  sizeof(de->d_name));
}

/* lib/string.h's strerror takes -errno too; the host's does not. */
const char *strerror(int err)
{
	return hs_strerror(err < 0 ? -err : err);
}


void *vmalloc(size_t size) { return hs_alloc(size); }
void vfree(const void *addr) { hs_free(addr); }
void *vmalloc_uninit(size_t size) { return hs_alloc(size); }
void *kmalloc(size_t size) { return hs_alloc(size); }
void kfree(const void *p) { hs_free(p); }

uint32_t strhash(const char *s)
{
	uint32_t h = 5381;

	while (*s)
		h = h * 33 + (uint8_t)*s++;
	return h;
}
