/*
 * The file API: the system-call-shaped interface that in-kernel programs
 * (the shell and its commands, insmod and friends) use, and the only one
 * (fs/syscalls.c). Every call returns a descriptor, a count or 0 on success
 * and a negative errno on failure, never prints. Descriptors belong to the
 * calling program (its own table of SYS_MAX_FDS); 0, 1 and 2 start on
 * /dev/console. When the shell moves to user mode these keep their names.
 */
#ifndef TESSERA_SYS_H
#define TESSERA_SYS_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t ssize_t;
typedef int32_t off_t;

#define SYS_MAX_FDS	32
#define NAME_MAX	255	/* bytes in one path component */
#define PATH_MAX	1024	/* bytes in a whole path, with the NUL */

/* open flags, Linux's values */
#define O_RDONLY	0x0000
#define O_WRONLY	0x0001
#define O_RDWR		0x0002
#define O_ACCMODE	0x0003
#define O_CREAT		0x0040
#define O_EXCL		0x0080
#define O_TRUNC		0x0200
#define O_APPEND	0x0400
#define O_DIRECTORY	0x10000

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

/* st_mode file types, Linux's values */
#define S_IFMT	0170000
#define S_IFDIR	0040000
#define S_IFCHR	0020000
#define S_IFREG	0100000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)

struct stat {
	uint32_t st_ino;	/* inode number, unique per filesystem */
	uint32_t st_dev;	/* filesystem (mount) number */
	uint32_t st_mode;	/* S_IF* type | permission bits */
	uint32_t st_nlink;	/* links (directories: 2 + subdirectories) */
	uint32_t st_size;	/* bytes */
	uint32_t st_blocks;	/* pages of data held (4096-byte units) */
	uint32_t st_rdev;	/* device number of a character device */
	uint32_t st_mtime;	/* jiffies at the last change */
};

#define DT_REG	8
#define DT_DIR	4
#define DT_CHR	2

struct dirent {
	uint32_t d_ino;
	uint8_t d_type;			/* DT_* */
	char d_name[NAME_MAX + 1];
};

int sys_open(const char *path, int flags);
ssize_t sys_read(int fd, void *buf, size_t count);
ssize_t sys_write(int fd, const void *buf, size_t count);
off_t sys_lseek(int fd, off_t offset, int whence);
int sys_ftruncate(int fd, off_t length);
int sys_close(int fd);
int sys_dup(int fd);			/* lowest free descriptor */
int sys_dup2(int fd, int newfd);	/* closes newfd first if open */
int sys_mkdir(const char *path);
int sys_rmdir(const char *path);
int sys_unlink(const char *path);
int sys_rename(const char *oldpath, const char *newpath);
int sys_stat(const char *path, struct stat *st);
int sys_fstat(int fd, struct stat *st);
/* Fills *de with the next entry of the open directory fd ("." and ".."
 * first). Returns 1 for an entry, 0 at the end, or -errno. */
int sys_readdir(int fd, struct dirent *de);
int sys_chdir(const char *path);
/* Copies the absolute current directory into buf; -ERANGE if too small. */
int sys_getcwd(char *buf, size_t size);

/* Time and power, the little beyond files a shell needs. */
uint32_t sys_uptime_ms(void);
void sys_sleep_ms(uint32_t ms);
/* Powers the machine off: status 0 is success (QEMU exits 33), anything
 * else a failure. Does not return. */
void sys_poweroff(int status) __attribute__((noreturn));

#endif
