/* File types and permission bits (<linux/stat.h>), for module_param's
 * perm and file modes. */
#ifndef _LINUX_STAT_H
#define _LINUX_STAT_H

#ifndef S_IFMT		/* as include/tessera/fstypes.h defines them */
#define S_IFMT	0170000
#define S_IFDIR	0040000
#define S_IFCHR	0020000
#define S_IFREG	0100000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#endif

#ifndef S_IRWXU		/* the C library's <sys/stat.h> has them too */
#define S_IRWXU	00700
#define S_IRUSR	00400
#define S_IWUSR	00200
#define S_IXUSR	00100
#define S_IRWXG	00070
#define S_IRGRP	00040
#define S_IWGRP	00020
#define S_IXGRP	00010
#define S_IRWXO	00007
#define S_IROTH	00004
#define S_IWOTH	00002
#define S_IXOTH	00001
#define S_IRWXUGO	(S_IRWXU | S_IRWXG | S_IRWXO)
#endif
#define S_IRUGO	(S_IRUSR | S_IRGRP | S_IROTH)
#define S_IWUGO	(S_IWUSR | S_IWGRP | S_IWOTH)
#define S_IXUGO	(S_IXUSR | S_IXGRP | S_IXOTH)

#endif
