/*
 * The hs_* calls of shell_hostsys.h on POSIX: absolute paths are taken
 * under hs_root, descriptors are host descriptors, a directory's entries
 * are read once and handed out sorted so that listings are repeatable.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "tests/host/shell_hostsys.h"

char hs_root[4096];

#define MAX_FD 64

/* The sorted entries of a directory being read through fd. */
static struct hs_dir {
	struct dirent **names;
	int count, next;
} dirs[MAX_FD];

static const char *host_path(const char *path, char *buf, size_t size)
{
	if (path[0] != '/')
		return path;
	snprintf(buf, size, "%s%s", hs_root, path);
	return buf;
}

#define HOST(p) host_path(p, (char[8192]){ 0 }, 8192)
/* A POSIX result (-1 and errno on failure) as a sys_* result. */
static long ret(long x)
{
	return x < 0 ? -errno : x;
}
#define RET(x) ret(x)

int hs_open(const char *path, int flags)
{
	return RET(open(HOST(path), flags, 0644));
}
long hs_read(int fd, void *buf, size_t n) { return RET(read(fd, buf, n)); }
long hs_write(int fd, const void *buf, size_t n)
{
	return RET(write(fd, buf, n));
}
long hs_lseek(int fd, long off, int whence)
{
	return RET(lseek(fd, off, whence));
}
int hs_ftruncate(int fd, long len) { return RET(ftruncate(fd, len)); }
int hs_dup(int fd) { return RET(dup(fd)); }
int hs_dup2(int fd, int newfd) { return RET(dup2(fd, newfd)); }
int hs_mkdir(const char *path) { return RET(mkdir(HOST(path), 0755)); }
int hs_rmdir(const char *path) { return RET(rmdir(HOST(path))); }
int hs_unlink(const char *path) { return RET(unlink(HOST(path))); }
int hs_rename(const char *a, const char *b)
{
	return RET(rename(HOST(a), HOST(b)));
}
int hs_chdir(const char *path) { return RET(chdir(HOST(path))); }

static void forget_dir(int fd)
{
	struct hs_dir *d = &dirs[fd];

	for (int i = 0; i < d->count; i++)
		free(d->names[i]);
	free(d->names);
	memset(d, 0, sizeof(*d));
}

int hs_close(int fd)
{
	if (fd >= 0 && fd < MAX_FD && dirs[fd].names)
		forget_dir(fd);
	return RET(close(fd));
}

static void fill(const struct stat *st, uint32_t f[8])
{
	f[0] = st->st_ino;
	f[1] = st->st_dev;
	f[2] = st->st_mode;
	f[3] = st->st_nlink;
	f[4] = S_ISREG(st->st_mode) ? st->st_size : 0;
	f[5] = (st->st_size + 4095) / 4096;
	f[6] = st->st_rdev;
	f[7] = 0;
}

int hs_stat(const char *path, uint32_t f[8])
{
	struct stat st;

	if (stat(HOST(path), &st) < 0)
		return -errno;
	fill(&st, f);
	return 0;
}

int hs_fstat(int fd, uint32_t f[8])
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -errno;
	fill(&st, f);
	return 0;
}

/* "." and ".." first, then by name. */
static int dir_order(const struct dirent **a, const struct dirent **b)
{
	int da = !strcmp((*a)->d_name, ".") ? 0 : !strcmp((*a)->d_name, "..") ? 1 : 2;
	int db = !strcmp((*b)->d_name, ".") ? 0 : !strcmp((*b)->d_name, "..") ? 1 : 2;

	return da != db ? da - db : strcmp((*a)->d_name, (*b)->d_name);
}

int hs_readdir(int fd, uint32_t *ino, uint8_t *type, char *name, size_t size)
{
	struct hs_dir *d;
	char self[64];

	if (fd < 0 || fd >= MAX_FD)
		return -EBADF;
	d = &dirs[fd];
	if (!d->names) {
		snprintf(self, sizeof(self), "/proc/self/fd/%d", fd);
		d->count = scandir(self, &d->names, NULL, dir_order);
		if (d->count < 0) {
			d->count = 0;
			d->names = NULL;
			return -errno;
		}
	}
	if (d->next == d->count)
		return 0;
	*ino = d->names[d->next]->d_ino;
	*type = d->names[d->next]->d_type;
	snprintf(name, size, "%s", d->names[d->next]->d_name);
	d->next++;
	return 1;
}

int hs_getcwd(char *buf, size_t size)
{
	char cwd[8192];
	size_t rl = strlen(hs_root);

	if (!getcwd(cwd, sizeof(cwd)))
		return -errno;
	if (strncmp(cwd, hs_root, rl) || (cwd[rl] && cwd[rl] != '/'))
		return -ENOENT;
	if ((size_t)snprintf(buf, size, "%s", cwd[rl] ? cwd + rl : "/") >= size)
		return -ERANGE;
	return 0;
}

void hs_sleep_ms(uint32_t ms)
{
	usleep(ms * 1000);
}

const char *hs_strerror(int err)
{
	static char buf[128];

	return strerror_r(err, buf, sizeof(buf));
}

void hs_poweroff(int status)
{
	char msg[64];
	int n = snprintf(msg, sizeof(msg), "[poweroff %d]\n", status);

	if (write(1, msg, n) < 0)
		_exit(99);
	_exit(0);
}

void *hs_alloc(size_t n)
{
	return malloc(n);
}

void hs_free(const void *p)
{
	free((void *)p);
}
