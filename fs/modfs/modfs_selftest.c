/*
 * Self tests of modfs through the file API, for what the shell cannot
 * reach: a descriptor left open on an image after its module is gone.
 */
#include "kernel/selftest.h"
#include "kernel/module.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/sys.h>
#include <tessera/errno.h>

static int write_str(const char *path, const char *s)
{
	int fd = sys_open(path, O_WRONLY), n;

	if (fd < 0)
		return fd;
	n = sys_write(fd, s, strlen(s));
	sys_close(fd);
	return n < 0 ? n : 0;
}

/* Regression: the unlinked image of a removed module kept a pointer to the
 * freed record, and a write through it acted on the next module. */
SELFTEST(modfs_stale_image_descriptor)
{
	static char page[8192];
	struct mm_stats before, after;
	struct module_record *v;
	int fd;

	mm_get_stats(&before);
	CHECK(sys_mkdir("/mod/st_u") == 0);
	fd = sys_open("/mod/st_u/module", O_RDWR);
	CHECK(fd >= 0);
	CHECK(sys_unlink("/mod/st_u/module") == 0);
	CHECK(sys_rmdir("/mod/st_u") == 0);
	CHECK(sys_mkdir("/mod/st_v") == 0);
	int vfd = sys_open("/mod/st_v/module", O_RDWR);
	CHECK(vfd >= 0 && sys_ftruncate(vfd, 4096) == 0);
	CHECK(write_str("/mod/st_v/control", "map module") == 0);
	CHECK(sys_write(fd, page, sizeof(page)) == -ENOENT);
	v = module_find("st_v");
	CHECK(v && v->last_error == 0 && v->state == MODULE_STATE_MAPPED);
	sys_close(vfd);
	sys_close(fd);
	CHECK(sys_rmdir("/mod/st_v") == 0);
	mm_get_stats(&after);
	CHECK(after.pages_free == before.pages_free);
	CHECK(after.vmalloc_ranges == before.vmalloc_ranges);
}

/* Regression: a map that failed (a 64 MiB image does not fit the 64 MiB
 * vmalloc area with its guard page) left the 16,384 pages it had put into
 * the sparse file until rmdir. */
SELFTEST(modfs_failed_map_leaves_file_as_it_was)
{
	struct mm_stats before, mid, after;
	struct module_record *rec;
	int fd;

	CHECK(sys_mkdir("/mod/st_big") == 0);
	fd = sys_open("/mod/st_big/module", O_RDWR);
	CHECK(fd >= 0 && sys_ftruncate(fd, 64u << 20) == 0);
	mm_get_stats(&before);
	CHECK(write_str("/mod/st_big/control", "map module") == -ENOMEM);
	mm_get_stats(&mid);
	rec = module_find("st_big");
	CHECK(rec && rec->state == MODULE_STATE_UNMAPPED && rec->last_error == -ENOMEM);
	CHECK(mid.pages_free == before.pages_free);
	CHECK(mid.vmalloc_ranges == before.vmalloc_ranges);
	sys_close(fd);
	CHECK(sys_rmdir("/mod/st_big") == 0);
	mm_get_stats(&after);
	CHECK(after.pages_free >= before.pages_free);
}
