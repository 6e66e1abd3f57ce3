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

#include <tessera/fstypes.h>	/* ssize_t, off_t, O_*, S_IF*, stat, dirent */

/*
 * Errors. A call on a descriptor that is not open fails -EBADF; a NULL
 * path -EFAULT. Every call taking a path can fail with
 * -ENOENT (empty path or a missing name), -ENOTDIR (a file used as a
 * directory, or a trailing slash after one), -ENAMETOOLONG (PATH_MAX bytes
 * or more, or a component over NAME_MAX) or -ENOMEM. Below, each call
 * lists the errors of its own.
 */

/* Opens path with O_* flags; O_CREAT makes a missing regular file. Returns
 * the lowest free descriptor, or -EMFILE (none free), -EINVAL (access mode
 * 3), -EEXIST (O_CREAT|O_EXCL on an existing name), -EISDIR (a directory
 * for writing or with O_CREAT), -ENOTDIR (O_DIRECTORY on a file), -EPERM
 * (this directory takes no new files), -ENXIO or -ENODEV (no driver, or
 * its module is going away), or the driver's own error. */
int sys_open(const char *path, int flags);
/* Reads up to count bytes at the file position and advances it. Returns
 * the count (0 at the end), -EBADF (not open for reading), -EISDIR,
 * -EINVAL (the file cannot be read) or the driver's error. */
ssize_t sys_read(int fd, void *buf, size_t count);
/* Reads up to count bytes at offset, leaving the file position as it is
 * (Linux's pread64). Returns sys_read's results, -EINVAL (offset < 0) or
 * -ESPIPE (a device without a position). */
ssize_t sys_pread(int fd, void *buf, size_t count, off_t offset);
/* Writes count bytes at the file position (the end with O_APPEND) and
 * advances it. Returns the count written, -EBADF (not open for writing),
 * -EINVAL (the file cannot be written), -EFBIG, -ENOMEM or the driver's
 * error (a modfs control command's own). */
ssize_t sys_write(int fd, const void *buf, size_t count);
/* Sets the file position (SEEK_SET, SEEK_CUR, SEEK_END). Returns it, or
 * -EINVAL (unknown whence, negative or too large result); a device decides
 * through its llseek (-ESPIPE: it cannot seek). */
off_t sys_lseek(int fd, off_t offset, int whence);
/* Sets a regular file's size. Returns 0, -EINVAL (negative length, not
 * open for writing, not a regular file), -EFBIG, or the filesystem's
 * refusal. */
int sys_ftruncate(int fd, off_t length);
/* Sends command cmd (its number as <asm/ioctl.h> encodes it) with argument
 * arg (a number, or the address of a buffer the driver reads or fills) to
 * the device open on fd. Returns the driver's result (>= 0), -EBADF,
 * -ENOTTY (the file takes no ioctl), -EFAULT (the driver faulted) or the
 * driver's -errno. */
long sys_ioctl(int fd, unsigned int cmd, unsigned long arg);
/* Frees the descriptor; the file closes when no descriptor shares it.
 * Returns 0 or -EBADF. */
int sys_close(int fd);
/* A new descriptor on fd's file: the lowest free one, or -EBADF, -EMFILE. */
int sys_dup(int fd);
/* Makes newfd share fd's file, closing newfd first if open (nothing when
 * fd == newfd). Returns newfd, or -EBADF (fd not open, newfd out of
 * range). */
int sys_dup2(int fd, int newfd);
/* Makes a directory. Returns 0, -EEXIST (also for "/", "." and ".."),
 * -EPERM (this filesystem makes no directories). */
int sys_mkdir(const char *path);
/* Removes a directory. Returns 0, -ENOTDIR, -EBUSY (a mount point, "/",
 * someone's current directory), -EINVAL ("."), -ENOTEMPTY ("..", or not
 * empty), -EPERM, or the filesystem's refusal. */
int sys_rmdir(const char *path);
/* Removes a file; an open one keeps working until closed. Returns 0,
 * -EISDIR (a directory), -ENOTDIR (trailing slash), -EPERM, or the
 * filesystem's refusal (modfs: -EBUSY while mapped). */
int sys_unlink(const char *path);
/* Makes a character-device node for number dev (MKDEV(major, minor)):
 * mode is S_IFCHR | permissions. Device nodes live in devfs only: path's
 * directory must be /dev. Returns 0, -EEXIST, -EPERM (another directory),
 * -EINVAL (not S_IFCHR, or a name ending in '/'), -ENOENT, -ENOMEM. The
 * node works once a driver serves the number (else open fails -ENXIO);
 * `rm` removes it. */
int sys_mknod(const char *path, uint32_t mode, uint32_t dev);
/* Renames, replacing a target of the same kind (an empty directory for a
 * directory). Returns 0, -EXDEV (another filesystem), -EBUSY (a mount
 * point, "/", ".", ".."), -EINVAL (a directory into itself), -EISDIR or
 * -ENOTDIR (kinds differ), -ENOTEMPTY, -EPERM. */
int sys_rename(const char *oldpath, const char *newpath);
/* Fills *st for path (sys_stat; -EFAULT if st is NULL) or for the open fd
 * (sys_fstat). Return 0 or the errors above. */
int sys_stat(const char *path, struct stat *st);
int sys_fstat(int fd, struct stat *st);
/* Fills *de with the next entry of the open directory fd ("." and ".."
 * first). Returns 1 for an entry, 0 at the end, -EBADF, or -ENOTDIR (fd
 * is not a directory). */
int sys_readdir(int fd, struct dirent *de);
/* Makes path the current directory. Returns 0 or -ENOTDIR. */
int sys_chdir(const char *path);
/* Copies the absolute current directory into buf. Returns 0, -ERANGE if
 * it does not fit in size bytes, -ENOENT if it was removed. */
int sys_getcwd(char *buf, size_t size);

/* Names the running program (the task's comm, what a driver reads in
 * current->comm), as exec does on Linux: the first TASK_COMM_LEN-1 bytes
 * of name. Copies the previous name into old (16 bytes) when old is not
 * NULL, so that a program running another can put it back. */
void sys_set_comm(const char *name, char *old);

/* Time and power, the little beyond files a shell needs. sys_sleep_ms
 * returns 0, or -EINTR when Ctrl-C ended the sleep. */
int sys_sleep_ms(uint32_t ms);

/* Ctrl-C. While a command runs (sys_foreground(1) .. (0)), Ctrl-C at the
 * console sends it SIGINT: its interruptible sleeps end with -EINTR.
 * sys_interrupted tells whether SIGINT is pending; it stays pending (so a
 * script stops) until sys_clear_interrupt. */
void sys_foreground(int on);
int sys_interrupted(void);
void sys_clear_interrupt(void);
/* Powers the machine off: status 0 is success (QEMU exits 33), anything
 * else a failure. Does not return. */
void sys_poweroff(int status) __attribute__((noreturn));

#endif
