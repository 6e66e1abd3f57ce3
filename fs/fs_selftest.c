/*
 * In-kernel self tests of fs/ through the file API: many files made and
 * removed, a 1 MiB file written then truncated (free pages exactly back
 * each time), the built-in devices and /proc files, character device
 * registration, and the ramdisk unpacker on good and damaged archives.
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
