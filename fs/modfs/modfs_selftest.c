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

/* Reads what a read of fd gives, at most size - 1 bytes, as a string;
 * returns the read's result. */
static int read_str(int fd, char *buf, int size)
{
	int n = sys_read(fd, buf, size - 1);

	buf[n > 0 ? n : 0] = '\0';
	return n;
}

/* control is a transaction file (docs/modfs.md, "control"): a read on the
 * descriptor that wrote a command gives its answer, `map module`'s the
 * base ("0xf000c000\n", as base gives it), once; a failed command, or one
 * with no answer, gives 0 bytes; each write starts the answer again. */
SELFTEST(modfs_control_answers_on_its_descriptor)
{
	struct mm_stats before, after;
	char answer[32], base[32];
	int img, ctl, wo;

	mm_get_stats(&before);
	CHECK(sys_mkdir("/mod/st_t") == 0);
	img = sys_open("/mod/st_t/module", O_RDWR);
	CHECK(img >= 0 && sys_ftruncate(img, 4096) == 0);
	ctl = sys_open("/mod/st_t/control", O_RDWR);
	CHECK(ctl >= 0);
	CHECK(read_str(ctl, answer, sizeof(answer)) == 0);	/* nothing asked */
	CHECK(sys_write(ctl, "map module", 10) == 10);
	CHECK(read_str(ctl, answer, sizeof(answer)) == 11);
	int bfd = sys_open("/mod/st_t/base", O_RDONLY);
	CHECK(bfd >= 0 && read_str(bfd, base, sizeof(base)) == 11);
	sys_close(bfd);
	CHECK(!strcmp(answer, base) && answer[10] == '\n');
	CHECK(read_str(ctl, answer, sizeof(answer)) == 0);	/* read once */
	CHECK(sys_write(ctl, "map nothing", 11) == -ENOENT);
	CHECK(read_str(ctl, answer, sizeof(answer)) == 0);	/* failed: none */
	CHECK(sys_write(ctl, "unmap module\n", 13) == 13);
	CHECK(read_str(ctl, answer, sizeof(answer)) == 0);	/* no answer */
	CHECK(sys_write(ctl, "map module\n", 11) == 11);
	CHECK(sys_read(ctl, answer, 4) == 4 && !strncmp(answer, "0x", 2));
	CHECK(read_str(ctl, answer, sizeof(answer)) == 7);	/* the rest */
	wo = sys_open("/mod/st_t/control", O_WRONLY);
	CHECK(wo >= 0 && sys_read(wo, answer, sizeof(answer)) == -EBADF);
	sys_close(wo);
	sys_close(ctl);
	sys_close(img);
	CHECK(sys_rmdir("/mod/st_t") == 0);
	mm_get_stats(&after);
	CHECK(after.pages_free == before.pages_free);
	CHECK(after.vmalloc_ranges == before.vmalloc_ranges);
}

/* A look-up asked on control (MODASK_MAGIC, names ended by NULs) is
 * answered packed on the same descriptor, whatever the module's state:
 * the owner and its NUL, then the address and CRC; a lone NUL for a name
 * nobody exports. A name not ended by its NUL is refused (EINVAL) with
 * nothing answered; answers left unread are freed at the next write or
 * at close. */
SELFTEST(modfs_control_answers_a_look_up)
{
	static const char ask[] = MODASK_MAGIC "printk\0no_such_symbol_here";
	struct module_record *owner;
	const struct kernel_symbol *k = ksym_find("printk", &owner);
	struct mm_stats before, after;
	char answer[64];
	uint32_t addr, crc;
	int ctl;

	CHECK(k && !owner);
	mm_get_stats(&before);
	CHECK(sys_mkdir("/mod/st_q") == 0);
	ctl = sys_open("/mod/st_q/control", O_RDWR);
	CHECK(ctl >= 0);
	CHECK(sys_write(ctl, ask, sizeof(ask)) == (ssize_t)sizeof(ask));	/* unmapped */
	CHECK(sys_read(ctl, answer, sizeof(answer)) == 7 + 8 + 1);
	memcpy(&addr, answer + 7, 4);
	memcpy(&crc, answer + 11, 4);
	CHECK(!strcmp(answer, "kernel") && addr == k->value && crc == k->crc);
	CHECK(answer[15] == '\0');				/* unknown */
	CHECK(sys_read(ctl, answer, sizeof(answer)) == 0);	/* read once */
	CHECK(sys_write(ctl, ask, sizeof(ask) - 1) == -EINVAL);	/* no last NUL */
	CHECK(sys_read(ctl, answer, sizeof(answer)) == 0);
	CHECK(sys_write(ctl, ask, sizeof(ask)) == (ssize_t)sizeof(ask));
	CHECK(sys_write(ctl, "bogus", 5) == -EINVAL);		/* frees the answers */
	CHECK(sys_read(ctl, answer, sizeof(answer)) == 0);
	CHECK(sys_write(ctl, ask, sizeof(ask)) == (ssize_t)sizeof(ask));
	sys_close(ctl);						/* frees them too */
	CHECK(sys_rmdir("/mod/st_q") == 0);
	mm_get_stats(&after);
	CHECK(after.pages_free == before.pages_free);
	CHECK(after.pages_kmalloc == before.pages_kmalloc);
}
