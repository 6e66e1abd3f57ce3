/*
 * Unpacks the ramdisk, a cpio "newc" archive read by fs/cpio.c, into the
 * root ramfs: directories (and any missing parents) and regular files.
 * An entry that cannot be made (a name under /dev, a file where a mount
 * point is) is reported with pr_err and skipped. Damage to the archive
 * itself stops the unpacking with one pr_err naming the byte offset and
 * the entry; whatever was unpacked before it stays.
 */
#include "fs/internal.h"
#include "fs/cpio.h"
#include "kernel/printk.h"
#include "lib/string.h"
#include <tessera/errno.h>

#define S_IFLNK 0120000

/* "./etc/rc", "/etc/rc" and "etc/rc" all become "/etc/rc"; "" for the
 * archive's own "." entry. Returns 0 or -ENAMETOOLONG. */
static int entry_path(const char *name, char *path, size_t size)
{
	while (name[0] == '.' && name[1] == '/')
		name += 2;
	while (name[0] == '/')
		name++;
	if (strcmp(name, ".") == 0 || name[0] == '\0') {
		path[0] = '\0';
		return 0;
	}
	if (snprintf(path, size, "/%s", name) >= (int)size)
		return -ENAMETOOLONG;
	return 0;
}

/* Makes each missing directory above path. */
static int make_parents(char *path)
{
	for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
		int err;

		*s = '\0';
		err = vfs_mkdir(NULL, path);
		*s = '/';
		if (err && err != -EEXIST)
			return err;
	}
	return 0;
}

static int unpack_file(const char *path, const struct cpio_entry *e)
{
	struct file *f;
	ssize_t n = 0;
	int err = vfs_open(NULL, path, O_WRONLY | O_CREAT | O_TRUNC, &f);

	if (err)
		return err;
	f->inode->mode = S_IFREG | (e->mode & 07777);
	if (e->size)
		n = vfs_write(f, e->data, e->size);
	vfs_close(f);
	if (n < 0)
		return n;
	return (uint32_t)n == e->size ? 0 : -ENOMEM;
}

/* Makes one entry; 1 if made, 0 if skipped, or -errno. */
static int unpack_entry(const struct cpio_entry *e)
{
	static char path[PATH_MAX];
	int err = entry_path(e->name, path, sizeof(path));

	if (err || !path[0])
		return err;
	err = make_parents(path);
	if (err)
		return err;
	if (S_ISDIR(e->mode)) {
		err = vfs_mkdir(NULL, path);
		return err == -EEXIST ? 1 : err ? err : 1;
	}
	if (S_ISREG(e->mode)) {
		err = unpack_file(path, e);
		return err ? err : 1;
	}
	pr_warn("initrd: skipping \"%s\": %s not supported\n", e->name,
		(e->mode & S_IFMT) == S_IFLNK ? "symbolic links are" :
		"this file type is");
	return 0;
}

static void report_damage(const struct cpio_reader *r, const char *last)
{
	if (r->error_name[0])
		pr_err("initrd: %s at byte %zu, entry \"%s\"; stopped\n",
		       cpio_strerror(r->error), r->error_offset, r->error_name);
	else
		pr_err("initrd: %s at byte %zu, after entry \"%s\"; stopped\n",
		       cpio_strerror(r->error), r->error_offset,
		       last ? last : "(none)");
}

int initrd_unpack(const void *data, size_t len)
{
	struct cpio_reader r;
	struct cpio_entry e;
	const char *last = NULL;
	int made = 0, got;

	cpio_reader_init(&r, data, len);
	while ((got = cpio_next(&r, &e)) == 1) {
		int err = unpack_entry(&e);

		if (err < 0)
			pr_err("initrd: cannot unpack \"%s\": %s; skipped\n",
			       e.name, strerror(err));
		else
			made += err;
		last = e.name;
	}
	if (got < 0) {
		report_damage(&r, last);
		return -EINVAL;
	}
	return made;
}
