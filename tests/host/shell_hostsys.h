/*
 * The host stand-in for the file API, for shell host tests: hs_* work on
 * the real host filesystem under a root directory (hs_root), using only
 * plain C types so that neither side has to include the other's headers
 * (include/tessera/sys.h and glibc both define struct stat and ssize_t).
 * shell_hostsys.c maps sys_* onto these; shell_hostsys_posix.c implements
 * them with POSIX calls. All return -errno on failure, like sys_*.
 */
#ifndef TESTS_HOST_SHELL_HOSTSYS_H
#define TESTS_HOST_SHELL_HOSTSYS_H

#include <stddef.h>
#include <stdint.h>

/* The host directory that plays "/"; set before the shell runs. */
extern char hs_root[4096];

int hs_open(const char *path, int flags);
long hs_read(int fd, void *buf, size_t n);
long hs_write(int fd, const void *buf, size_t n);
long hs_lseek(int fd, long off, int whence);
int hs_ftruncate(int fd, long len);
int hs_close(int fd);
int hs_dup(int fd);
int hs_dup2(int fd, int newfd);
int hs_mkdir(const char *path);
int hs_rmdir(const char *path);
int hs_unlink(const char *path);
int hs_rename(const char *a, const char *b);
/* f[]: ino, dev, mode, nlink, size, pages, rdev, mtime (sys.h's order). */
int hs_stat(const char *path, uint32_t f[8]);
int hs_fstat(int fd, uint32_t f[8]);
/* 1 with an entry (names sorted, "." and ".." first), 0 at the end. */
int hs_readdir(int fd, uint32_t *ino, uint8_t *type, char *name, size_t size);
int hs_chdir(const char *path);
int hs_getcwd(char *buf, size_t size);
void hs_sleep_ms(uint32_t ms);
/* malloc and free, for the kernel's vmalloc and vfree. */
void *hs_alloc(size_t n);
void hs_free(const void *p);
/* The host's words for a positive errno. */
const char *hs_strerror(int err);
void hs_poweroff(int status) __attribute__((noreturn));

#endif
