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
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

#define S_IFLNK 0120000

/* "./etc/rc", "/etc/rc" and "etc/rc" all become "/etc/rc"; "" for the
 * archive's own "." entry. Returns the length of path or -ENAMETOOLONG. */
static int entry_path(const char *name, char *path, size_t size)
{
	size_t n;

	while (name[0] == '.' && name[1] == '/')
		name += 2;
	while (name[0] == '/')
		name++;
	if (strcmp(name, ".") == 0 || name[0] == '\0') {
		path[0] = '\0';
		return 0;
	}
	n = strlen(name);
	if (n + 1 >= size)
		return -ENAMETOOLONG;
	path[0] = '/';
	memcpy(path + 1, name, n + 1);
	return (int)n + 1;
}

/*
 * The directory the last entry went into, by path: the archive is sorted,
 * so most entries share it and skip the walk from the root.
 */
static struct {
	char path[PATH_MAX];
	size_t len;
	struct dentry *dir;
} last_dir;

/* Walks path[0..len) from the root one component at a time (".", ".." and
 * mounts as path_step has them), making each missing directory. */
static int walk_parents(const char *path, size_t len, struct dentry **out)
{
	char name[NAME_MAX + 1];
	struct dentry *d = vfs_root();
	size_t i = 0;

	while (i < len) {
		size_t n = 0;
		int err;

		while (i < len && path[i] == '/')
			i++;
		while (i + n < len && path[i + n] != '/')
			n++;
		if (n == 0)
			break;
		if (n > NAME_MAX)
			return -ENAMETOOLONG;
		memcpy(name, path + i, n);
		name[n] = '\0';
		i += n;
		err = path_step(d, name, &d);
		if (err == -ENOENT)
			err = namei_create(d, name, S_IFDIR | 0755, &d);
		if (err)
			return err;
	}
	*out = d;
	return 0;
}

/* The directory above path (made if missing), from last_dir when it is the
 * same as the last entry's. */
static int parent_of(const char *path, size_t len, struct dentry **out)
{
	int err;

	if (last_dir.dir && len == last_dir.len &&
	    memcmp(path, last_dir.path, len) == 0) {
		*out = last_dir.dir;
		return 0;
	}
	last_dir.dir = NULL;
	err = walk_parents(path, len, out);
	if (err)
		return err;
	memcpy(last_dir.path, path, len);
	last_dir.len = len;
	last_dir.dir = *out;
	return 0;
}

/* The general way: through vfs_open like any program (a name that exists
 * already, or a directory outside the root ramfs). */
static int unpack_file_vfs(const char *path, const struct cpio_entry *e)
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

/* Fills an empty ramfs file with e's data. When the data starts on a page
 * boundary (tools/mkramdisk arranges it for files of a page or more), its
 * whole pages become the file's own pages where they lie: no copy, and
 * page_release_boot does not free them. The rest is copied. */
static int fill_file(struct pagefile *pf, const struct cpio_entry *e)
{
	uint32_t whole = 0;
	ssize_t n;

	if (((uintptr_t)e->data & (PAGE_SIZE - 1)) == 0) {
		for (; e->size - whole >= PAGE_SIZE; whole += PAGE_SIZE) {
			struct page *p = page_take_boot((const char *)e->data + whole);

			if (!p)
				break;
			if (pagefile_attach(pf, whole >> PAGE_SHIFT, p)) {
				page_free(p, 0);
				return -ENOMEM;
			}
		}
	}
	if (whole == e->size)
		return 0;
	n = pagefile_write(pf, (const char *)e->data + whole, e->size - whole, whole);
	if (n < 0)
		return n;
	return (uint32_t)n == e->size - whole ? 0 : -ENOMEM;
}

/* A new file name in ramfs directory dir: made and filled directly. */
static int unpack_file(struct dentry *dir, const char *name, const char *path,
		       const struct cpio_entry *e)
{
	struct dentry *d;
	int err = path_step(dir, name, &d);

	if (err != -ENOENT || dir->sb != vfs_root()->sb)
		return unpack_file_vfs(path, e);
	err = namei_create(dir, name, S_IFREG | (e->mode & 07777), &d);
	if (err || !e->size)
		return err;
	inode_touch(d->inode);
	return fill_file(&d->inode->data, e);
}

/* Makes one entry; 1 if made, 0 if skipped, or -errno. */
static int unpack_entry(const struct cpio_entry *e)
{
	static char path[PATH_MAX];
	struct dentry *dir, *d;
	const char *name;
	int len = entry_path(e->name, path, sizeof(path)), err;

	if (len <= 0)
		return len;
	name = path + len;
	while (name[-1] != '/')
		name--;
	if (path + len - name > NAME_MAX)
		return -ENAMETOOLONG;
	err = parent_of(path, (size_t)(name - 1 - path), &dir);
	if (err)
		return err;
	if (S_ISDIR(e->mode)) {
		if (!name[0] || path_step(dir, name, &d) == 0)
			return 1;	/* there already (as vfs_mkdir's -EEXIST) */
		err = namei_create(dir, name, S_IFDIR | 0755, NULL);
		return err ? err : 1;
	}
	if (S_ISREG(e->mode)) {
		err = name[0] ? unpack_file(dir, name, path, e) :
		      unpack_file_vfs(path, e);
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

	last_dir.dir = NULL;
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
