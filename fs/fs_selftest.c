/*
 * In-kernel self tests of fs/ through the file API: many files made and
 * removed, a 1 MiB file written then truncated (free pages exactly back
 * each time), the built-in devices and /proc files, character device
 * registration, the ramdisk unpacker on good and damaged archives, and
 * sys_pread's plain-file fast path against vfs_pread and the file's bytes.
 */
#include "fs/vfs.h"
#include "kernel/selftest.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

static uint32_t pages_free(void)
{
	struct mm_stats st;

	mm_get_stats(&st);
	return st.pages_free;
}

static int write_text(const char *path, const char *text)
{
	int fd = sys_open(path, O_WRONLY | O_CREAT | O_TRUNC);
	int n;

	if (fd < 0)
		return fd;
	n = sys_write(fd, text, strlen(text));
	sys_close(fd);
	return n;
}

/* Reads up to size-1 bytes of path into buf, NUL-terminated. */
static int read_text(const char *path, char *buf, size_t size)
{
	int fd = sys_open(path, O_RDONLY);
	int n;

	if (fd < 0)
		return fd;
	n = sys_read(fd, buf, size - 1);
	sys_close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return n;
}

static bool contains(const char *text, const char *word)
{
	size_t n = strlen(word);

	for (; *text; text++)
		if (strncmp(text, word, n) == 0)
			return true;
	return false;
}

SELFTEST(fs_create_remove_1000_files)
{
	uint32_t before = pages_free();
	char path[32];
	int bad = 0;

	CHECK(sys_mkdir("/tmp/many") == 0);
	for (int i = 0; i < 1000; i++) {
		snprintf(path, sizeof(path), "/tmp/many/file%d", i);
		bad += write_text(path, "some bytes\n") != 11;
	}
	CHECK(bad == 0);
	CHECK(pages_free() <= before - 1000);	/* a data page each */
	for (int i = 0; i < 1000; i++) {
		snprintf(path, sizeof(path), "/tmp/many/file%d", i);
		bad += sys_unlink(path) != 0;
	}
	CHECK(bad == 0);
	CHECK(sys_rmdir("/tmp/many") == 0);
	CHECK(pages_free() == before);
}

SELFTEST(fs_write_truncate_1mib)
{
	static char block[PAGE_SIZE];
	uint32_t before = pages_free();
	struct stat st;
	int fd, bad = 0;

	memset(block, 'T', sizeof(block));
	fd = sys_open("/tmp/big", O_RDWR | O_CREAT | O_EXCL);
	CHECK(fd >= 0);
	for (int i = 0; i < 256; i++)
		bad += sys_write(fd, block, sizeof(block)) != (int)sizeof(block);
	CHECK(bad == 0);
	CHECK(sys_fstat(fd, &st) == 0);
	CHECK(st.st_size == 1024 * 1024 && st.st_blocks == 256);
	CHECK(pages_free() <= before - 256);
	CHECK(sys_ftruncate(fd, 5000) == 0);
	CHECK(sys_fstat(fd, &st) == 0 && st.st_size == 5000 && st.st_blocks == 2);
	CHECK(sys_ftruncate(fd, 0) == 0);
	CHECK(sys_fstat(fd, &st) == 0 && st.st_size == 0 && st.st_blocks == 0);
	CHECK(sys_close(fd) == 0);
	CHECK(sys_unlink("/tmp/big") == 0);
	CHECK(pages_free() == before);
}

SELFTEST(fs_devices)
{
	char buf[8];
	int fd;

	memset(buf, 'x', sizeof(buf));
	fd = sys_open("/dev/zero", O_RDONLY);
	CHECK(fd >= 0);
	CHECK(sys_read(fd, buf, sizeof(buf)) == sizeof(buf));
	CHECK(buf[0] == 0 && buf[7] == 0);
	CHECK(sys_close(fd) == 0);
	fd = sys_open("/dev/null", O_RDWR);
	CHECK(sys_write(fd, "gone", 4) == 4);
	CHECK(sys_read(fd, buf, sizeof(buf)) == 0);
	CHECK(sys_close(fd) == 0);
	CHECK(read_text("/dev/kmsg", buf, sizeof(buf)) == (int)sizeof(buf) - 1);
	CHECK(sys_open("/dev/nope", O_RDONLY) == -ENOENT);
	CHECK(sys_open("/dev/newfile", O_CREAT | O_WRONLY) == -EPERM);
}

SELFTEST(fs_register_chrdev)
{
	static const struct file_operations fops = { .read = NULL };
	struct stat st;
	int major = register_chrdev(0, "selftest", &fops);

	CHECK(major == 254);
	CHECK(register_chrdev(0, "selftest", &fops) == -EBUSY);	/* name */
	CHECK(register_chrdev(254, "other", &fops) == -EBUSY);		/* major */
	CHECK(sys_stat("/dev/selftest", &st) == 0);
	CHECK(S_ISCHR(st.st_mode) && st.st_rdev == MKDEV(254, 0));
	unregister_chrdev(major, "selftest");
	CHECK(sys_stat("/dev/selftest", &st) == -ENOENT);
}

#define MOUNTS "ramfs / ramfs rw 0 0\ndevfs /dev devfs rw 0 0\nproc /proc proc rw 0 0\n"

SELFTEST(fs_proc_files)
{
	static char buf[512];

	CHECK(read_text("/proc/meminfo", buf, sizeof(buf)) > 0);
	CHECK(strncmp(buf, "MemTotal:", 9) == 0);
	CHECK(contains(buf, "\nPagesFree:"));
	CHECK(read_text("/proc/mounts", buf, sizeof(buf)) > 0);
	CHECK(strncmp(buf, MOUNTS, strlen(MOUNTS)) == 0);
	CHECK(read_text("/proc/uptime", buf, sizeof(buf)) > 0);
	CHECK(strchr(buf, '.') != NULL);
}

SELFTEST(fs_cwd_and_relative_paths)
{
	char buf[64];

	CHECK(sys_mkdir("/tmp/cw") == 0);
	CHECK(sys_chdir("/tmp/cw") == 0);
	CHECK(sys_getcwd(buf, sizeof(buf)) == 0 && strcmp(buf, "/tmp/cw") == 0);
	CHECK(write_text("rel", "r") == 1);
	CHECK(sys_rmdir("/tmp/cw") == -EBUSY);
	CHECK(sys_chdir("../../proc") == 0);
	CHECK(sys_getcwd(buf, sizeof(buf)) == 0 && strcmp(buf, "/proc") == 0);
	CHECK(sys_chdir("..") == 0);
	CHECK(sys_getcwd(buf, 2) == 0 && strcmp(buf, "/") == 0);
	CHECK(sys_unlink("tmp/cw/rel") == 0);
	CHECK(sys_rmdir("tmp/cw") == 0);
}

/* Appends one newc entry to ar at *len. */
static void cpio_put(char *ar, size_t *len, uint32_t mode, const char *name,
		     const char *data)
{
	size_t nsize = strlen(name) + 1, dsize = strlen(data);

	*len += snprintf(ar + *len, 111, "070701%08X%08X%08X%08X%08X%08X%08X"
			 "%08X%08X%08X%08X%08X%08X", 1u, mode, 0u, 0u, 1u, 0u,
			 (unsigned)dsize, 0u, 0u, 0u, 0u, (unsigned)nsize, 0u);
	memcpy(ar + *len, name, nsize);
	*len = (*len + nsize + 3) & ~3u;
	memcpy(ar + *len, data, dsize);
	*len = (*len + dsize + 3) & ~3u;
}

SELFTEST(fs_initrd_unpack)
{
	static char ar[1024];
	char buf[16];
	size_t len = 0, cut;

	memset(ar, 0, sizeof(ar));
	cpio_put(ar, &len, 0040755, ".", "");
	cpio_put(ar, &len, 0100644, "./tmp/ird/deep/file", "unpacked\n");
	cpio_put(ar, &len, 0040755, "tmp/ird/empty", "");
	cut = len;
	cpio_put(ar, &len, 0100644, "tmp/ird/late", "never");
	cpio_put(ar, &len, 0, "TRAILER!!!", "");
	CHECK(initrd_unpack(ar, cut + 40) == -EINVAL);	/* truncated header */
	CHECK(read_text("/tmp/ird/deep/file", buf, sizeof(buf)) == 9);
	CHECK(strcmp(buf, "unpacked\n") == 0);
	CHECK(sys_rmdir("/tmp/ird/empty") == 0);
	CHECK(initrd_unpack(ar, len) == 3);
	CHECK(read_text("/tmp/ird/late", buf, sizeof(buf)) == 5);
	CHECK(sys_unlink("/tmp/ird/late") == 0);
	CHECK(sys_unlink("/tmp/ird/deep/file") == 0);
	CHECK(sys_rmdir("/tmp/ird/deep") == 0);
	CHECK(sys_rmdir("/tmp/ird/empty") == 0);
	CHECK(sys_rmdir("/tmp/ird") == 0);
}

/* sys_pread's fast path (fs/syscalls.c) for a page-backed file read below
 * its size does pagefile_read's work itself, cutting the count to the
 * bytes left; everything else goes to vfs_pread. Each pread below is made
 * both ways, on a descriptor and on a struct file of the same file opened
 * the same way, into buffers filled alike: the results and the whole
 * buffers must match. */
#define PR_DATA 6000	/* bytes written: the file ends in a held page */
#define PR_SIZE ((off_t)(5 * PAGE_SIZE + 300))	/* then grown: a hole */

static char pr_sys[PR_SIZE + 64], pr_vfs[PR_SIZE + 64];

/* Reads count bytes at offset through fd and through f, both buffers
 * filled with '~' first; 1 if the two give the same result and bytes. */
static int pread_pair(int fd, struct file *f, size_t count, off_t offset,
		      ssize_t *n)
{
	ssize_t m;

	memset(pr_sys, '~', sizeof(pr_sys));
	memset(pr_vfs, '~', sizeof(pr_vfs));
	*n = sys_pread(fd, pr_sys, count, offset);
	m = vfs_pread(f, pr_vfs, count, offset);
	return *n == m && memcmp(pr_sys, pr_vfs, sizeof(pr_sys)) == 0;
}

/* What a pread of the plain file of this size must give, from its
 * bytes: 'a'+(i%23) below PR_DATA, zeros from there to the size, nothing
 * past it; '~' left after the bytes read. 1 if n and pr_sys are that. */
static int pread_expected(size_t count, off_t offset, ssize_t n, off_t size)
{
	size_t want = 0;

	if (offset < 0)
		return n == -EINVAL;
	if (offset < size)
		want = count < (size_t)(size - offset) ? count :
		       (size_t)(size - offset);
	if (n != (ssize_t)want)
		return 0;
	for (size_t i = 0; i < sizeof(pr_sys); i++) {
		size_t at = offset + i;
		char c = i >= want ? '~' : at < PR_DATA ? 'a' + at % 23 : 0;

		if (pr_sys[i] != c)
			return 0;
	}
	return 1;
}

#define PR_LEN(a) (sizeof(a) / sizeof((a)[0]))

static const off_t pr_offsets[] = {
	0, 1, 100, PAGE_SIZE - 10, PAGE_SIZE, PR_DATA - 10, PR_DATA - 1,
	PR_DATA, PR_DATA + 1,
	2 * PAGE_SIZE - 1, 2 * PAGE_SIZE + 7, 4 * PAGE_SIZE + 4000,
	PR_SIZE - 10, PR_SIZE - 1, PR_SIZE, PR_SIZE + 1,
	PR_SIZE + 5000, 0x7fffffff, -1, -(off_t)PAGE_SIZE, (off_t)0x80000000,
};
/* counts up to the file's size, then counts above MAX_IO */
static const size_t pr_counts[] = {
	0, 1, 10, 100, PAGE_SIZE, PAGE_SIZE + 1, 3 * PAGE_SIZE, PR_SIZE,
};
static const size_t pr_huge_counts[] = { MAX_IO, MAX_IO + 1, 0xffffffffu };

/* Every offset with every one of the n counts through pread_pair, and
 * for the plain file (its size given, else -1) through pread_expected;
 * the failures. */
static int pread_sweep(int fd, struct file *f, const size_t *counts,
		       size_t n, off_t size)
{
	int bad = 0;
	ssize_t got;

	for (size_t o = 0; o < PR_LEN(pr_offsets); o++)
		for (size_t c = 0; c < n; c++) {
			bad += !pread_pair(fd, f, counts[c], pr_offsets[o], &got);
			if (size >= 0)
				bad += !pread_expected(counts[c], pr_offsets[o],
						       got, size);
		}
	return bad;
}

SELFTEST(fs_pread_plain_file_matches_vfs_pread)
{
	static const struct { const char *path; int flags; } others[] = {
		{ "/tmp/pread", O_WRONLY }, { "/tmp", O_RDONLY },
		{ "/dev/null", O_RDONLY },
	};
	uint32_t before = pages_free();
	struct file *f;
	int fd;

	for (int i = 0; i < PR_DATA; i++)
		pr_sys[i] = 'a' + i % 23;
	fd = sys_open("/tmp/pread", O_RDWR | O_CREAT | O_EXCL);
	CHECK(fd >= 0);
	CHECK(sys_write(fd, pr_sys, PR_DATA) == PR_DATA);
	CHECK(vfs_open(NULL, "/tmp/pread", O_RDWR, &f) == 0);
	CHECK(pread_sweep(fd, f, pr_counts, PR_LEN(pr_counts), PR_DATA) == 0);
	CHECK(sys_ftruncate(fd, PR_SIZE) == 0);		/* the hole */
	CHECK(pread_sweep(fd, f, pr_counts, PR_LEN(pr_counts), PR_SIZE) == 0);
	/* last: without the cut to the size these would copy past the end */
	CHECK(pread_sweep(fd, f, pr_huge_counts, PR_LEN(pr_huge_counts),
			  PR_SIZE) == 0);
	CHECK(sys_lseek(fd, 0, SEEK_CUR) == PR_DATA);	/* pread left it */
	vfs_close(f);
	for (size_t i = 0; i < PR_LEN(others); i++) {
		int ofd = sys_open(others[i].path, others[i].flags);

		CHECK(ofd >= 0);
		CHECK(vfs_open(NULL, others[i].path, others[i].flags, &f) == 0);
		CHECK(pread_sweep(ofd, f, pr_counts, PR_LEN(pr_counts), -1) == 0);
		CHECK(pread_sweep(ofd, f, pr_huge_counts,
				  PR_LEN(pr_huge_counts), -1) == 0);
		vfs_close(f);
		CHECK(sys_close(ofd) == 0);
	}
	CHECK(sys_pread(-1, pr_sys, 1, 0) == -EBADF);
	CHECK(sys_pread(SYS_MAX_FDS, pr_sys, 1, 0) == -EBADF);
	CHECK(sys_close(fd) == 0);
	CHECK(sys_pread(fd, pr_sys, 1, 0) == -EBADF);	/* closed */
	CHECK(sys_unlink("/tmp/pread") == 0);
	CHECK(pages_free() == before);
}
