/*
 * The types and constants of the file API (ssize_t, off_t, O_*, SEEK_*,
 * S_IF*, struct stat, struct dirent), apart from its calls (sys.h): the
 * module-visible <linux/fs.h> and <linux/types.h> use them too, and must
 * not see the sys_* calls, which modules cannot use.
 */
#ifndef TESSERA_FSTYPES_H
#define TESSERA_FSTYPES_H

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
#ifndef S_IFMT
#define S_IFMT	0170000
#define S_IFDIR	0040000
#define S_IFCHR	0020000
#define S_IFREG	0100000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#endif

struct stat {
	uint32_t st_ino;	/* inode number, unique per filesystem */
	uint32_t st_dev;	/* filesystem (mount) number */
	uint32_t st_mode;	/* S_IF* type | permission bits */
	uint32_t st_nlink;	/* links (directories: 2 + subdirectories) */
	uint32_t st_size;	/* bytes */
	uint32_t st_blocks;	/* pages of data held (4096-byte units) */
	uint32_t st_rdev;	/* a character device's number: major << 20 | minor */
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

#endif
