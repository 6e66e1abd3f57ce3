/*
 * Host tests of the VFS operations over ramfs (fs/namei.c, fs/file.c):
 * open flags, read/write/lseek/ftruncate (and its refusal for files with no
 * storage to resize, and for device nodes), mkdir/rmdir/unlink/rename and
 * their errors, readdir order, stat, and that removing everything gives
 * back every page and allocation.
 */
// sources: fs/vfs.c fs/path.c fs/namei.c fs/file.c fs/fop_guard.c fs/ramfs.c fs/pagefile.c tests/host/fs_stubs.c lib/strlcpy.c
#include <string.h>
#include "tests/host/fs_stubs.h"
#include "tests/host/ktest.h"
#include "fs/internal.h"
#include "mm/mm.h"
#include <tessera/errno.h>

static void setup(void)
{
	if (!vfs_root())
		vfs_mount(&ramfs_type, "/", NULL);
}

static int open_err(const char *path, int flags)
{
	struct file *f = NULL;
	int err = vfs_open(NULL, path, flags, &f);

	if (!err)
		vfs_close(f);
	return err;
}

static int write_file(const char *path, const char *text)
{
	struct file *f;
	int err = vfs_open(NULL, path, O_CREAT | O_WRONLY | O_TRUNC, &f);

	if (err)
		return err;
	err = vfs_write(f, text, strlen(text));
	vfs_close(f);
	return err;
}

/* The file's whole text (up to 255 bytes) in a static buffer. */
static const char *read_file(const char *path)
{
	static char buf[256];
	struct file *f;
	ssize_t n;

	if (vfs_open(NULL, path, O_RDONLY, &f))
		return "(open failed)";
	n = vfs_read(f, buf, sizeof(buf) - 1);
	vfs_close(f);
	buf[n < 0 ? 0 : n] = '\0';
	return buf;
}

KTEST(create_write_read)
{
	setup();
	KT_EXPECT(open_err("/f", O_RDONLY) == -ENOENT);
	KT_EXPECT(write_file("/f", "hello") == 5);
	KT_EXPECT(strcmp(read_file("/f"), "hello") == 0);
	KT_EXPECT(write_file("/f", "hi") == 2);		/* O_TRUNC */
	KT_EXPECT(strcmp(read_file("/f"), "hi") == 0);
	KT_EXPECT(vfs_unlink(NULL, "/f") == 0);
	KT_EXPECT(open_err("/f", O_RDONLY) == -ENOENT);
}

KTEST(open_flag_errors)
{
	setup();
	KT_EXPECT(vfs_mkdir(NULL, "/d") == 0);
	KT_EXPECT(write_file("/g", "x") == 1);
	KT_EXPECT(open_err("/g", O_CREAT | O_EXCL | O_WRONLY) == -EEXIST);
	KT_EXPECT(open_err("/g", O_RDONLY | O_DIRECTORY) == -ENOTDIR);
	KT_EXPECT(open_err("/d", O_RDONLY | O_DIRECTORY) == 0);
	KT_EXPECT(open_err("/d", O_WRONLY) == -EISDIR);
	KT_EXPECT(open_err("/d", O_RDWR | O_CREAT) == -EISDIR);
	KT_EXPECT(open_err("/new/", O_CREAT | O_WRONLY) == -EISDIR);
	KT_EXPECT(open_err("/g/", O_RDONLY) == -ENOTDIR);
	KT_EXPECT(open_err("/nodir/x", O_CREAT | O_WRONLY) == -ENOENT);
	KT_EXPECT(open_err("/g/x", O_CREAT | O_WRONLY) == -ENOTDIR);
	KT_EXPECT(open_err("/g", O_ACCMODE) == -EINVAL);
	KT_EXPECT(vfs_unlink(NULL, "/g") == 0);
	KT_EXPECT(vfs_rmdir(NULL, "/d") == 0);
}

KTEST(read_write_modes_and_append)
{
	struct file *f;
	char buf[16];

	setup();
	KT_EXPECT(write_file("/ap", "abc") == 3);
	KT_EXPECT(vfs_open(NULL, "/ap", O_RDONLY, &f) == 0);
	KT_EXPECT(vfs_write(f, "x", 1) == -EBADF);
	KT_EXPECT(vfs_ftruncate(f, 0) == -EINVAL);
	vfs_close(f);
	KT_EXPECT(vfs_open(NULL, "/ap", O_WRONLY | O_APPEND, &f) == 0);
	KT_EXPECT(vfs_read(f, buf, 1) == -EBADF);
	KT_EXPECT(vfs_lseek(f, 0, SEEK_SET) == 0);
	KT_EXPECT(vfs_write(f, "de", 2) == 2);		/* still at the end */
	vfs_close(f);
	KT_EXPECT(strcmp(read_file("/ap"), "abcde") == 0);
	KT_EXPECT(vfs_unlink(NULL, "/ap") == 0);
}

KTEST(lseek_and_ftruncate)
{
	struct file *f;
	struct stat st;
	char buf[8] = { 0 };

	setup();
	KT_EXPECT(vfs_open(NULL, "/t", O_CREAT | O_RDWR, &f) == 0);
	KT_EXPECT(vfs_write(f, "0123456789", 10) == 10);
	KT_EXPECT(vfs_lseek(f, -4, SEEK_END) == 6);
	KT_EXPECT(vfs_read(f, buf, 8) == 4);
	KT_EXPECT(memcmp(buf, "6789", 4) == 0);
	KT_EXPECT(vfs_lseek(f, -1, SEEK_SET) == -EINVAL);
	KT_EXPECT(vfs_lseek(f, 0, 7) == -EINVAL);
	KT_EXPECT(vfs_lseek(f, 2, SEEK_SET) == 2);
	KT_EXPECT(vfs_lseek(f, 3, SEEK_CUR) == 5);
	KT_EXPECT(vfs_ftruncate(f, 3) == 0);
	KT_EXPECT(vfs_ftruncate(f, -1) == -EINVAL);
	vfs_fstat(f, &st);
	KT_EXPECT(st.st_size == 3 && st.st_blocks == 1);
	KT_EXPECT(vfs_ftruncate(f, 3 * PAGE_SIZE) == 0);
	vfs_fstat(f, &st);
	KT_EXPECT(st.st_size == 3 * PAGE_SIZE && st.st_blocks == 1);
	vfs_close(f);
	KT_EXPECT(vfs_unlink(NULL, "/t") == 0);
}

/* pread: a read at an offset that leaves the position alone, across a
 * page boundary and a hole; its refusals. */
KTEST(pread_reads_at_an_offset_and_keeps_the_position)
{
	static char page[PAGE_SIZE + 8];
	struct file *f;
	char buf[8] = { 0 };

	setup();
	KT_EXPECT(vfs_open(NULL, "/pr", O_CREAT | O_RDWR, &f) == 0);
	KT_EXPECT(vfs_write(f, "0123456789", 10) == 10);
	KT_EXPECT(vfs_lseek(f, 1, SEEK_SET) == 1);
	KT_EXPECT(vfs_pread(f, buf, 4, 6) == 4 && memcmp(buf, "6789", 4) == 0);
	KT_EXPECT(vfs_pread(f, buf, 4, 10) == 0);
	KT_EXPECT(vfs_pread(f, buf, 4, 1000) == 0);
	KT_EXPECT(vfs_pread(f, buf, 4, -1) == -EINVAL);
	/* past 4 GiB: nothing, not the bytes at the position's low 32 bits */
	KT_EXPECT(vfs_pread(f, buf, 4, ((loff_t)1 << 32) + 6) == 0);
	KT_EXPECT(vfs_read(f, buf, 2) == 2 && memcmp(buf, "12", 2) == 0);
	/* across a page boundary, with a hole before the second page's bytes */
	KT_EXPECT(vfs_lseek(f, PAGE_SIZE + 4, SEEK_SET) == PAGE_SIZE + 4);
	KT_EXPECT(vfs_write(f, "abcd", 4) == 4);
	memset(page, 'x', sizeof(page));
	KT_EXPECT(vfs_pread(f, page, sizeof(page), 4) == PAGE_SIZE + 4);
	KT_EXPECT(page[0] == '4' && page[5] == '9' && page[6] == '\0');
	KT_EXPECT(page[PAGE_SIZE - 4] == '\0' && page[PAGE_SIZE] == 'a');
	KT_EXPECT(page[PAGE_SIZE + 3] == 'd' && page[PAGE_SIZE + 4] == 'x');
	f->f_mode &= ~FMODE_PREAD;	/* as nonseekable_open leaves it */
	KT_EXPECT(vfs_pread(f, buf, 1, 0) == -ESPIPE);
	vfs_close(f);
	KT_EXPECT(vfs_open(NULL, "/pr", O_WRONLY, &f) == 0);
	KT_EXPECT(vfs_pread(f, buf, 1, 0) == -EBADF);
	KT_EXPECT(vfs_pread(f, buf, 1, -1) == -EINVAL);	/* checked first */
	vfs_close(f);
	KT_EXPECT(vfs_open(NULL, "/", O_RDONLY, &f) == 0);
	KT_EXPECT(vfs_pread(f, buf, 1, 0) == -EISDIR);
	vfs_close(f);
	KT_EXPECT(vfs_unlink(NULL, "/pr") == 0);
}

/* A generated file (as /proc's): it has no storage to resize. */
static ssize_t gen_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	return 0;
}

static ssize_t gen_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	return count;
}

static const struct file_operations gen_fops = {
	.read = gen_read,
	.write = gen_write,
};

/* Regression: ftruncate of a /proc file fell through to pagefile_truncate,
 * returned 0 and gave the file a size. Now -EPERM and nothing changes;
 * O_TRUNC is ignored (Linux's /proc: `echo x > FILE` writes); a device
 * node is -EINVAL, as Linux's ftruncate. */
KTEST(ftruncate_refused_without_storage)
{
	struct dentry *d;
	struct file *f;
	struct stat st;

	setup();
	KT_EXPECT(write_file("/gen", "") == 0);
	KT_EXPECT(vfs_lookup(NULL, "/gen", &d) == 0);
	d->inode->i_fop = &gen_fops;
	KT_EXPECT(vfs_open(NULL, "/gen", O_WRONLY, &f) == 0);
	KT_EXPECT(vfs_ftruncate(f, 100) == -EPERM);
	KT_EXPECT(vfs_ftruncate(f, 0) == -EPERM);
	vfs_fstat(f, &st);
	KT_EXPECT(st.st_size == 0 && st.st_blocks == 0);
	vfs_close(f);
	KT_EXPECT(vfs_open(NULL, "/gen", O_WRONLY | O_TRUNC, &f) == 0);
	KT_EXPECT(vfs_write(f, "x", 1) == 1);
	vfs_close(f);
	KT_EXPECT(vfs_setsize(d->inode, 5) == -EPERM);
	KT_EXPECT(vfs_stat(NULL, "/gen", &st) == 0 && st.st_size == 0);
	d->inode->mode = S_IFCHR | 0600;
	KT_EXPECT(vfs_setsize(d->inode, 5) == -EINVAL);
	d->inode->mode = S_IFREG | 0644;
	d->inode->i_fop = &pagefile_fops;
	KT_EXPECT(vfs_unlink(NULL, "/gen") == 0);
}

KTEST(mkdir_rmdir_rules)
{
	setup();
	KT_EXPECT(vfs_mkdir(NULL, "/m") == 0);
	KT_EXPECT(vfs_mkdir(NULL, "/m") == -EEXIST);
	KT_EXPECT(vfs_mkdir(NULL, "/m/") == -EEXIST);
	KT_EXPECT(vfs_mkdir(NULL, "/") == -EEXIST);
	KT_EXPECT(vfs_mkdir(NULL, "/m/a/b") == -ENOENT);
	KT_EXPECT(vfs_mkdir(NULL, "/m/a/") == 0);
	KT_EXPECT(write_file("/m/file", "") == 0);
	KT_EXPECT(vfs_mkdir(NULL, "/m/file/x") == -ENOTDIR);
	KT_EXPECT(vfs_rmdir(NULL, "/m") == -ENOTEMPTY);
	KT_EXPECT(vfs_rmdir(NULL, "/m/file") == -ENOTDIR);
	KT_EXPECT(vfs_rmdir(NULL, "/m/a/.") == -EINVAL);
	KT_EXPECT(vfs_rmdir(NULL, "/m/a/..") == -ENOTEMPTY);
	KT_EXPECT(vfs_rmdir(NULL, "/") == -EBUSY);
	KT_EXPECT(vfs_rmdir(NULL, "/nope") == -ENOENT);
	KT_EXPECT(vfs_unlink(NULL, "/m/a") == -EISDIR);
	KT_EXPECT(vfs_unlink(NULL, "/m/file/") == -ENOTDIR);
	KT_EXPECT(vfs_rmdir(NULL, "/m/a") == 0);
	KT_EXPECT(vfs_unlink(NULL, "/m/file") == 0);
	KT_EXPECT(vfs_rmdir(NULL, "/m") == 0);
}

KTEST(rmdir_mount_point_and_cwd_busy)
{
	struct dentry *d;

	setup();
	KT_EXPECT(vfs_mkdir(NULL, "/mp") == 0);
	KT_EXPECT(vfs_mount(&ramfs_type, "/mp", NULL) == 0);
	KT_EXPECT(vfs_mount(&ramfs_type, "/mp", NULL) == -EBUSY);
	KT_EXPECT(vfs_rmdir(NULL, "/mp") == -EBUSY);
	KT_EXPECT(vfs_mkdir(NULL, "/cw") == 0);
	KT_EXPECT(vfs_lookup(NULL, "/cw", &d) == 0);
	d->cwd_pins++;		/* what sys_chdir does */
	KT_EXPECT(vfs_rmdir(NULL, "/cw") == -EBUSY);
	d->cwd_pins--;
	KT_EXPECT(vfs_rmdir(NULL, "/cw") == 0);
}

KTEST(nlink_counts_subdirectories)
{
	struct stat st;

	setup();
	KT_EXPECT(vfs_mkdir(NULL, "/n") == 0);
	KT_EXPECT(vfs_mkdir(NULL, "/n/1") == 0);
	KT_EXPECT(vfs_mkdir(NULL, "/n/2") == 0);
	KT_EXPECT(write_file("/n/f", "") == 0);
	KT_EXPECT(vfs_stat(NULL, "/n", &st) == 0);
	KT_EXPECT(st.st_nlink == 4 && S_ISDIR(st.st_mode));
	KT_EXPECT(vfs_stat(NULL, "/n/f", &st) == 0);
	KT_EXPECT(st.st_nlink == 1 && S_ISREG(st.st_mode) && st.st_size == 0);
	KT_EXPECT(vfs_rmdir(NULL, "/n/1") == 0);
	KT_EXPECT(vfs_stat(NULL, "/n", &st) == 0 && st.st_nlink == 3);
	KT_EXPECT(vfs_rmdir(NULL, "/n/2") == 0);
	KT_EXPECT(vfs_unlink(NULL, "/n/f") == 0);
	KT_EXPECT(vfs_rmdir(NULL, "/n") == 0);
}

KTEST(rename_cases)
{
	setup();
	KT_EXPECT(vfs_mkdir(NULL, "/r") == 0);
	KT_EXPECT(vfs_mkdir(NULL, "/r/d") == 0);
	KT_EXPECT(vfs_mkdir(NULL, "/r/e") == 0);
	KT_EXPECT(write_file("/r/a", "A") == 1);
	KT_EXPECT(write_file("/r/b", "B") == 1);
	KT_EXPECT(vfs_rename(NULL, "/r/a", "/r/d/a2") == 0);
	KT_EXPECT(open_err("/r/a", O_RDONLY) == -ENOENT);
	KT_EXPECT(strcmp(read_file("/r/d/a2"), "A") == 0);
	KT_EXPECT(vfs_rename(NULL, "/r/d/a2", "/r/b") == 0);	/* replaces b */
	KT_EXPECT(strcmp(read_file("/r/b"), "A") == 0);
	KT_EXPECT(vfs_rename(NULL, "/r/b", "/r/b") == 0);
	KT_EXPECT(vfs_rename(NULL, "/r/b", "/r/d") == -EISDIR);
	KT_EXPECT(vfs_rename(NULL, "/r/d", "/r/b") == -ENOTDIR);
	KT_EXPECT(vfs_rename(NULL, "/r/d", "/r/d/sub") == -EINVAL);
	KT_EXPECT(vfs_rename(NULL, "/r/nope", "/r/x") == -ENOENT);
	KT_EXPECT(write_file("/r/e/full", "") == 0);
	KT_EXPECT(vfs_rename(NULL, "/r/d", "/r/e") == -ENOTEMPTY);
	KT_EXPECT(vfs_unlink(NULL, "/r/e/full") == 0);
	KT_EXPECT(vfs_rename(NULL, "/r/d", "/r/e") == 0);	/* empty target */
	KT_EXPECT(open_err("/r/d", O_RDONLY) == -ENOENT);
	KT_EXPECT(vfs_rmdir(NULL, "/r/e") == 0);
	KT_EXPECT(vfs_unlink(NULL, "/r/b") == 0);
	KT_EXPECT(vfs_rmdir(NULL, "/r") == 0);
}

KTEST(rename_across_mounts_exdev)
{
	setup();
	KT_EXPECT(vfs_mkdir(NULL, "/xm") == 0);
	KT_EXPECT(vfs_mount(&ramfs_type, "/xm", NULL) == 0);
	KT_EXPECT(write_file("/xf", "") == 0);
	KT_EXPECT(vfs_rename(NULL, "/xf", "/xm/xf") == -EXDEV);
	KT_EXPECT(vfs_rename(NULL, "/xm", "/xm2") == -EBUSY);
	KT_EXPECT(vfs_unlink(NULL, "/xf") == 0);
}

KTEST(readdir_dot_dotdot_then_sorted)
{
	struct file *f;
	struct dirent de;
	struct stat root;

	setup();
	KT_EXPECT(vfs_mkdir(NULL, "/ls") == 0);
	KT_EXPECT(write_file("/ls/zeta", "") == 0);
	KT_EXPECT(vfs_mkdir(NULL, "/ls/alpha") == 0);
	KT_EXPECT(write_file("/ls/mid", "") == 0);
	KT_EXPECT(vfs_open(NULL, "/ls", O_RDONLY, &f) == 0);
	vfs_stat(NULL, "/", &root);
	KT_EXPECT(vfs_readdir(f, &de) == 1 && strcmp(de.d_name, ".") == 0);
	KT_EXPECT(de.d_type == DT_DIR && de.d_ino == f->inode->ino);
	KT_EXPECT(vfs_readdir(f, &de) == 1 && strcmp(de.d_name, "..") == 0);
	KT_EXPECT(de.d_ino == root.st_ino);
	KT_EXPECT(vfs_readdir(f, &de) == 1 && strcmp(de.d_name, "alpha") == 0);
	KT_EXPECT(de.d_type == DT_DIR);
	KT_EXPECT(vfs_readdir(f, &de) == 1 && strcmp(de.d_name, "mid") == 0);
	KT_EXPECT(de.d_type == DT_REG);
	KT_EXPECT(vfs_readdir(f, &de) == 1 && strcmp(de.d_name, "zeta") == 0);
	KT_EXPECT(vfs_readdir(f, &de) == 0);
	KT_EXPECT(vfs_read(f, &de, 1) == -EISDIR);
	vfs_close(f);
	KT_EXPECT(vfs_open(NULL, "/ls/mid", O_RDONLY, &f) == 0);
	KT_EXPECT(vfs_readdir(f, &de) == -ENOTDIR);
	vfs_close(f);
	vfs_unlink(NULL, "/ls/zeta");
	vfs_unlink(NULL, "/ls/mid");
	vfs_rmdir(NULL, "/ls/alpha");
	KT_EXPECT(vfs_rmdir(NULL, "/ls") == 0);
}

KTEST(unlinked_open_file_lives_until_close)
{
	struct file *f;
	char buf[8] = { 0 };
	int pages = stub_pages_used;

	setup();
	KT_EXPECT(write_file("/ghost", "boo") == 3);
	KT_EXPECT(stub_pages_used == pages + 1);
	KT_EXPECT(vfs_open(NULL, "/ghost", O_RDONLY, &f) == 0);
	KT_EXPECT(vfs_unlink(NULL, "/ghost") == 0);
	KT_EXPECT(open_err("/ghost", O_RDONLY) == -ENOENT);
	KT_EXPECT(vfs_read(f, buf, 8) == 3 && strcmp(buf, "boo") == 0);
	KT_EXPECT(stub_pages_used == pages + 1);
	vfs_close(f);
	KT_EXPECT(stub_pages_used == pages);
}

KTEST(create_and_remove_many_leaks_nothing)
{
	char path[32];
	int pages, kmallocs;
	int ok = 1;

	setup();
	pages = stub_pages_used;
	kmallocs = stub_kmallocs_live;
	KT_EXPECT(vfs_mkdir(NULL, "/many") == 0);
	for (int i = 0; i < 300 && ok; i++) {
		snprintf(path, sizeof(path), "/many/f%d", i);
		ok = write_file(path, "data") == 4;
	}
	KT_EXPECT(ok);
	KT_EXPECT(stub_pages_used == pages + 300);
	for (int i = 0; i < 300 && ok; i++) {
		snprintf(path, sizeof(path), "/many/f%d", i);
		ok = vfs_unlink(NULL, path) == 0;
	}
	KT_EXPECT(ok);
	KT_EXPECT(vfs_rmdir(NULL, "/many") == 0);
	KT_EXPECT(stub_pages_used == pages);
	KT_EXPECT(stub_kmallocs_live == kmallocs);
}

KTEST(create_out_of_memory_leaves_nothing)
{
	int kmallocs;

	setup();
	kmallocs = stub_kmallocs_live;
	for (int n = 0; n < 2; n++) {
		stub_kmalloc_fail_after = n;	/* dentry with its name, inode */
		KT_EXPECT(vfs_mkdir(NULL, "/oom") == -ENOMEM);
		stub_kmalloc_fail_after = -1;
		KT_EXPECT(stub_kmallocs_live == kmallocs);
		KT_EXPECT(open_err("/oom", O_RDONLY) == -ENOENT);
	}
}

/* d_add_files: a table in order into a new directory is linked as it
 * lies; one out of order into a directory with entries is linked by the
 * sorted walk; a name too long makes nothing; unlinking every file frees
 * the block with the last one. */
KTEST(d_add_files_links_sorted_and_frees)
{
	static const struct d_file in_order[] = {
		{ "a", 0644, NULL, NULL }, { "b", 0600, NULL, NULL }, { "c", 0444, NULL, NULL },
	};
	static const struct d_file mixed[] = {
		{ "zz", 0644, NULL, NULL }, { "ab", 0644, NULL, NULL }, { "m", 0644, NULL, NULL },
	};
	static const struct d_file too_long[] = {
		{ "ok", 0644, NULL, NULL }, { "sixteen-bytes-xx", 0644, NULL, NULL },
	};
	static const char *const sorted[] = { "a", "ab", "b", "c", "m", "zz" };
	const char *names[] = { "/tbl/a", "/tbl/ab", "/tbl/b", "/tbl/c", "/tbl/m", "/tbl/zz" };
	struct dentry *dir, *c;
	struct stat st;
	int kmallocs, i = 0, priv;

	setup();
	kmallocs = stub_kmallocs_live;
	KT_EXPECT(vfs_mkdir(NULL, "/tbl") == 0);
	KT_EXPECT(vfs_lookup(NULL, "/tbl", &dir) == 0);
	KT_EXPECT(d_add_files(dir, 3, in_order, &priv, 0, NULL) == 0);
	KT_EXPECT(d_add_files(dir, 3, mixed, NULL, 0, NULL) == 0);
	KT_EXPECT(d_add_files(dir, 2, too_long, NULL, 0, NULL) == -ENAMETOOLONG);
	for (c = dir->children; c && i < 6; c = c->next, i++)
		KT_EXPECT(strcmp(c->name, sorted[i]) == 0);
	KT_EXPECT(i == 6 && c == NULL);
	KT_EXPECT(d_find_child(dir, "b")->inode->private == &priv);
	KT_EXPECT(vfs_stat(NULL, "/tbl/b", &st) == 0 && st.st_mode == (S_IFREG | 0600));
	KT_EXPECT(vfs_stat(NULL, "/tbl/ok", &st) == -ENOENT);
	for (i = 0; i < 6; i++)
		KT_EXPECT(vfs_unlink(NULL, names[i]) == 0);
	KT_EXPECT(vfs_rmdir(NULL, "/tbl") == 0);
	KT_EXPECT(stub_kmallocs_live == kmallocs);
}

#define D_INDEX_MIN 64	/* fs/vfs.c: an index past this many children */

/* True if dir's list is whole: nchildren entries, each child's pprev the
 * pointer that points at it if dir has an index (else unused), and (when
 * sorted is set) in strcmp order. */
static int list_ok(struct dentry *dir, int sorted)
{
	struct dentry **pp = &dir->children;
	uint32_t n = 0;

	for (struct dentry *c = dir->children; c; pp = &c->next, c = c->next, n++) {
		if ((dir->index && c->pprev != pp) || c->parent != dir)
			return 0;
		if (sorted && c->next && strcmp(c->name, c->next->name) >= 0)
			return 0;
	}
	return n == dir->nchildren;
}

/* /big made afresh, its dentry returned; *kmallocs: the blocks live before. */
static struct dentry *big_dir_made(int *kmallocs)
{
	struct dentry *dir = NULL;

	setup();
	*kmallocs = stub_kmallocs_live;
	KT_EXPECT(vfs_mkdir(NULL, "/big") == 0);
	KT_EXPECT(vfs_lookup(NULL, "/big", &dir) == 0);
	return dir;
}

/* Empties /big the last name first, each found by the walk and by
 * d_find_child and leaving the list sorted (a directory of D_INDEX_MIN
 * or fewer, which the plain walk needs), then removes /big: nothing may
 * stay allocated. */
static void big_dir_emptied(struct dentry *dir, int kmallocs)
{
	char path[40];
	struct dentry *d;
	int ok = 1;

	while (ok && dir->children) {
		struct dentry *last = dir->children;

		while (last->next)
			last = last->next;
		snprintf(path, sizeof(path), "/big/%s", last->name);
		ok = vfs_lookup(NULL, path, &d) == 0 && d == last &&
		     d_find_child(dir, path + 5) == d && vfs_unlink(NULL, path) == 0 &&
		     list_ok(dir, 1);
	}
	KT_EXPECT(ok && dir->nchildren == 0);
	KT_EXPECT(vfs_rmdir(NULL, "/big") == 0);
	KT_EXPECT(stub_kmallocs_live == kmallocs);
}

/* A directory past D_INDEX_MIN (64) children gets an index (fs/vfs.c):
 * every look-up still finds what the sorted list holds, through the
 * fast walk and d_find_child, as names come and go and are renamed;
 * the index goes when the directory is small again, leaking nothing. */
KTEST(big_directory_found_by_index)
{
	char path[40];
	struct dentry *d;
	int kmallocs, ok = 1;
	struct dentry *dir = big_dir_made(&kmallocs);

	for (int i = 0; i < 1000 && ok; i++) {
		snprintf(path, sizeof(path), "/big/m%03d", (i * 7) % 1000);
		ok = write_file(path, "x") == 1;
	}
	KT_EXPECT(ok && dir->index != NULL && dir->nchildren == 1000);
	for (int i = 0; i < 1000 && ok; i++) {
		snprintf(path, sizeof(path), "/big/m%03d", i);
		ok = vfs_lookup(NULL, path, &d) == 0 && !strcmp(d->name, path + 5) &&
		     d_find_child(dir, path + 5) == d;
	}
	KT_EXPECT(ok);
	KT_EXPECT(vfs_lookup(NULL, "/big/m1000", &d) == -ENOENT);
	KT_EXPECT(vfs_lookup(NULL, "/big/m00", &d) == -ENOENT);
	KT_EXPECT(vfs_lookup(NULL, "/big/m000/", &d) == -ENOTDIR);
	KT_EXPECT(d_find_child(dir, "m0001") == NULL);
	KT_EXPECT(vfs_rename(NULL, "/big/m500", "/big/renamed") == 0);
	KT_EXPECT(vfs_lookup(NULL, "/big/m500", &d) == -ENOENT);
	KT_EXPECT(vfs_lookup(NULL, "/big/renamed", &d) == 0 && d_find_child(dir, "renamed") == d);
	KT_EXPECT(vfs_rename(NULL, "/big/renamed", "/big/m500") == 0);
	for (int i = 0; i < 1000 && ok; i += 2) {
		snprintf(path, sizeof(path), "/big/m%03d", i);
		ok = vfs_unlink(NULL, path) == 0;
	}
	for (int i = 0; i < 1000 && ok; i++) {
		snprintf(path, sizeof(path), "/big/m%03d", i);
		ok = (vfs_lookup(NULL, path, &d) == 0) == (i % 2 == 1);
	}
	KT_EXPECT(ok && dir->nchildren == 500 && dir->index != NULL);
	for (int i = 1; i < 1000 && ok; i += 2) {
		snprintf(path, sizeof(path), "/big/m%03d", i);
		ok = vfs_unlink(NULL, path) == 0;
		if (ok && i < 900) {
			snprintf(path, sizeof(path), "/big/m%03d", i + 2);
			ok = vfs_lookup(NULL, path, &d) == 0;
		}
	}
	KT_EXPECT(ok && dir->nchildren == 0 && dir->index == NULL);
	KT_EXPECT(vfs_rmdir(NULL, "/big") == 0);
	KT_EXPECT(stub_kmallocs_live == kmallocs);
}

/* The names readdir gives for dir (after "." and ".."), in order, each
 * with the one before it in strcmp order: their count, or -1 if out of
 * order. */
static int readdir_sorted_count(const char *dir)
{
	char last[sizeof(((struct dirent *)0)->d_name)] = "";
	struct dirent de;
	struct file *f;
	int n = 0;

	if (vfs_open(NULL, dir, O_RDONLY, &f))
		return -1;
	while (vfs_readdir(f, &de) == 1) {
		if (strcmp(de.d_name, ".") && strcmp(de.d_name, "..")) {
			if (n && strcmp(last, de.d_name) >= 0)
				n = -1000000;
			snprintf(last, sizeof(last), "%s", de.d_name);
			n++;
		}
	}
	vfs_close(f);
	return n < 0 ? -1 : n;
}

/* Past D_INDEX_MIN a new child goes at the head of the list (O(1)) and the
 * directory is marked unsorted; a child leaves through its pprev (O(1)).
 * readdir still lists the names in order (it sorts the list first). A
 * directory of D_INDEX_MIN or fewer stays sorted. */
KTEST(big_directory_unsorted_then_sorted)
{
	char path[40];
	int kmallocs, ok = 1;
	struct dentry *dir = big_dir_made(&kmallocs);

	for (int i = 0; i < 200 && ok; i++) {	/* in order: each at the head */
		snprintf(path, sizeof(path), "/big/f%03d", i);
		ok = write_file(path, "") == 0 && list_ok(dir, !dir->index) &&
		     dir->unsorted == (i >= D_INDEX_MIN + 1);
	}
	KT_EXPECT(ok && dir->nchildren == 200 && dir->index && dir->unsorted);
	KT_EXPECT(!strcmp(dir->children->name, "f199"));	/* the last made */
	KT_EXPECT(readdir_sorted_count("/big") == 200);
	KT_EXPECT(!dir->unsorted && list_ok(dir, 1));
	/* 30 more, out of order, then every third f unlinked */
	for (int i = 0; i < 30 && ok; i++) {
		snprintf(path, sizeof(path), "/big/g%03d", (i * 7) % 30);
		ok = write_file(path, "") == 0;
	}
	KT_EXPECT(ok && dir->unsorted && list_ok(dir, 0));
	for (int i = 0; i < 200 && ok; i += 3) {
		snprintf(path, sizeof(path), "/big/f%03d", i);
		ok = vfs_unlink(NULL, path) == 0 && list_ok(dir, 0);
	}
	KT_EXPECT(ok && dir->nchildren == 163 && dir->unsorted);
	KT_EXPECT(readdir_sorted_count("/big") == 163);
	big_dir_emptied(dir, kmallocs);
}

/* The name at position i of dir's children in name order (walked here,
 * from the sorted list), or "" past the last. */
static const char *sorted_name_at(struct dentry *dir, int i)
{
	struct dentry *c;

	d_sort_children(dir);
	for (c = dir->children; c && i > 0; i--)
		c = c->next;
	return c ? c->name : "";
}

/* readdir's next name from f (after "." and ".."), or "" at the end. */
static const char *next_name(struct file *f, struct dirent *de)
{
	/* (the caller reads this before sorted_name_at sorts the list) */
	do {
		if (vfs_readdir(f, de) != 1)
			return "";
	} while (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."));
	return de->d_name;
}

/* readdir's next name from f is the name at position pos of dir's sorted
 * list (f read first, then the list walked here). */
static int next_is(struct file *f, struct dentry *dir, int pos)
{
	struct dirent de;
	char got[sizeof(de.d_name)];

	snprintf(got, sizeof(got), "%s", next_name(f, &de));
	return !strcmp(got, sorted_name_at(dir, pos));
}

/* A listing of a big directory walks one step a name: 300 children take
 * 300 steps of d_nth_child (the last to find the end), not 300 * 299 / 2.
 * A listing behind the kept child (a seek back, or a second listing
 * ahead of it) walks from the head; a name made or unlinked in the middle
 * drops the kept child; every answer is still the name at that position
 * of the sorted list (readdir's positions, as before). Each answer is
 * read before the list is looked at, so readdir sorts it itself. */
KTEST(big_directory_listed_one_step_a_name)
{
	char path[40];
	struct dirent de, de2;
	struct file *f, *g;
	unsigned long steps;
	int kmallocs, ok = 1, pos;
	struct dentry *dir = big_dir_made(&kmallocs);

	for (int i = 0; i < 300 && ok; i++) {
		snprintf(path, sizeof(path), "/big/f%03d", (i * 7) % 300);
		ok = write_file(path, "") == 0;
	}
	KT_EXPECT(ok && dir->index && dir->unsorted);
	KT_EXPECT(vfs_open(NULL, "/big", O_RDONLY, &f) == 0);
	steps = d_nth_child_steps;
	for (pos = 0; ok && pos < 300; pos++)
		ok = next_is(f, dir, pos);	/* the first sorts the list */
	KT_EXPECT(ok && !strcmp(next_name(f, &de), ""));
	KT_EXPECT(d_nth_child_steps - steps == 300);
	/* two at once, g two names a turn ahead of f: f behind the kept
	 * child at every turn (and g behind it once f has read its name) */
	KT_EXPECT(vfs_lseek(f, 0, SEEK_SET) == 0);
	KT_EXPECT(vfs_open(NULL, "/big", O_RDONLY, &g) == 0);
	for (pos = 0; ok && pos < 300; pos++)
		ok = next_is(f, dir, pos) &&
		     (pos >= 150 || (next_is(g, dir, 2 * pos) && next_is(g, dir, 2 * pos + 1)));
	KT_EXPECT(ok && !strcmp(next_name(g, &de2), ""));
	vfs_close(g);
	/* changes in the middle of a listing: positions as the list is now */
	KT_EXPECT(vfs_lseek(f, 0, SEEK_SET) == 0);
	for (pos = 0; ok && pos < 100; pos++)
		ok = next_is(f, dir, pos);
	KT_EXPECT(write_file("/big/a000", "") == 0);	/* before every f */
	KT_EXPECT(ok && next_is(f, dir, pos++));	/* sorted by readdir */
	KT_EXPECT(vfs_unlink(NULL, "/big/f050") == 0);	/* before the kept one */
	KT_EXPECT(next_is(f, dir, pos++));
	KT_EXPECT(vfs_unlink(NULL, "/big/f101") == 0);	/* the kept one itself */
	for (; ok && pos < 299; pos++)
		ok = next_is(f, dir, pos);
	KT_EXPECT(ok && !strcmp(next_name(f, &de), ""));
	vfs_close(f);
	KT_EXPECT(vfs_unlink(NULL, "/big/a000") == 0);
	KT_EXPECT(dir->nchildren == 298);
	big_dir_emptied(dir, kmallocs);
}

/* An unsorted directory is sorted whenever its index goes: when there is
 * no memory for a bigger one (a mkdir at 257: its dentry and inode
 * allocated, the index not), and when it shrinks to D_INDEX_MIN, so the
 * plain walk (which stops at the first name past the one wanted) finds
 * every name; indexed again, it is unsorted again. */
KTEST(big_directory_sorted_when_its_index_goes)
{
	char path[40];
	struct dentry *d;
	int kmallocs, ok = 1;
	struct dentry *dir = big_dir_made(&kmallocs);

	for (int i = 0; i < 256 && ok; i++) {	/* the last name first */
		snprintf(path, sizeof(path), "/big/h%03d", 255 - i);
		ok = write_file(path, "") == 0;
	}
	KT_EXPECT(ok && dir->nchildren == 256 && dir->index && dir->unsorted);
	stub_kmalloc_fail_after = 2;
	KT_EXPECT(vfs_mkdir(NULL, "/big/dir") == 0);
	stub_kmalloc_fail_after = -1;
	KT_EXPECT(dir->nchildren == 257 && !dir->index && !dir->unsorted && list_ok(dir, 1));
	KT_EXPECT(vfs_lookup(NULL, "/big/h050", &d) == 0 && d_find_child(dir, "h050") == d);
	KT_EXPECT(vfs_lookup(NULL, "/big/dir", &d) == 0 && d_find_child(dir, "dir") == d);
	KT_EXPECT(write_file("/big/i000", "") == 0);	/* to its place; indexed again */
	KT_EXPECT(dir->index && !dir->unsorted && list_ok(dir, 1));
	KT_EXPECT(write_file("/big/i001", "") == 0);	/* at the head */
	KT_EXPECT(dir->index && dir->unsorted && list_ok(dir, 0));
	KT_EXPECT(vfs_rmdir(NULL, "/big/dir") == 0 && list_ok(dir, 0));
	/* down to D_INDEX_MIN, the head first: sorted as the index goes */
	while (ok && dir->nchildren > D_INDEX_MIN) {
		snprintf(path, sizeof(path), "/big/%s", dir->children->name);
		ok = vfs_unlink(NULL, path) == 0 && (dir->index || list_ok(dir, 1));
	}
	KT_EXPECT(ok && !dir->index && !dir->unsorted && list_ok(dir, 1));
	big_dir_emptied(dir, kmallocs);
}

/* d_add_files' in-order fast path links a table of 100 files as it lies:
 * past D_INDEX_MIN it indexes them too, and each is found where the
 * sorted list has it; the index goes with the files. */
KTEST(big_table_indexed_in_order)
{
	static struct d_file table[100];
	char path[40], name[16];
	struct dentry *dir, *d, *t;
	int kmallocs, ok = 1;

	setup();
	kmallocs = stub_kmallocs_live;
	KT_EXPECT(vfs_mkdir(NULL, "/big") == 0);
	KT_EXPECT(vfs_lookup(NULL, "/big", &dir) == 0);
	for (int i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "t%02d", i);
		memcpy(table[i].name, name, 4);
		table[i].mode = 0644;
	}
	KT_EXPECT(d_add_files(dir, 100, table, NULL, 0, NULL) == 0);
	KT_EXPECT(dir->index != NULL && dir->nchildren == 100);
	KT_EXPECT(!dir->unsorted && list_ok(dir, 1));	/* pprevs set with the index */
	t = dir->children;
	for (int i = 0; i < 100 && ok; i++, t = t->next) {
		snprintf(path, sizeof(path), "/big/t%02d", i);
		ok = vfs_lookup(NULL, path, &d) == 0 && d == t;
	}
	KT_EXPECT(ok);
	for (int i = 0; i < 100 && ok; i++) {
		snprintf(path, sizeof(path), "/big/t%02d", i);
		ok = vfs_unlink(NULL, path) == 0;
	}
	KT_EXPECT(ok && dir->index == NULL);
	KT_EXPECT(vfs_rmdir(NULL, "/big") == 0);
	KT_EXPECT(stub_kmallocs_live == kmallocs);
}

/* d_add_files takes its block from kmalloc, not zeroed (ASan fills a
 * fresh malloc with 0xbe): every field of each file is still set, the
 * ones not named to zero. */
KTEST(d_add_files_sets_every_field)
{
	static const struct d_file files[] = {
		{ "one", 0640, NULL, NULL }, { "two", 0400, NULL, NULL },
	};
	struct inode *second = NULL;
	struct dentry *dir, *c;
	int kmallocs, n = 0, priv;

	setup();
	kmallocs = stub_kmallocs_live;
	KT_EXPECT(vfs_mkdir(NULL, "/every") == 0);
	KT_EXPECT(vfs_lookup(NULL, "/every", &dir) == 0);
	KT_EXPECT(d_add_files(dir, 2, files, &priv, 1, &second) == 0);
	for (c = dir->children; c; c = c->next, n++) {
		struct inode *in = c->inode;

		KT_EXPECT((in == second) == (n == 1));	/* the one it gave back */
		KT_EXPECT(strcmp(c->name, files[n].name) == 0);
		KT_EXPECT(c->parent == dir && c->sb == dir->sb && c->children == NULL);
		KT_EXPECT(c->index == NULL && c->nchildren == 0);
		KT_EXPECT(c->mounted == NULL && c->pins == 0 && c->cwd_pins == 0);
		KT_EXPECT(!c->removed && c->in_block && !c->unsorted);
		KT_EXPECT(in->mode == (S_IFREG | files[n].mode) && in->nlink == 1);
		KT_EXPECT(in->rdev == 0 && in->sb == dir->sb && in->i_cdev == NULL);
		KT_EXPECT(in->data.pages == NULL && in->data.cap == 0);
		KT_EXPECT(in->data.held == 0 && in->data.size == 0);
		KT_EXPECT(in->private == &priv && in->i_op == NULL && in->i_fop == NULL);
	}
	KT_EXPECT(list_ok(dir, 1));
	KT_EXPECT(n == 2);
	KT_EXPECT(vfs_unlink(NULL, "/every/one") == 0);
	KT_EXPECT(vfs_unlink(NULL, "/every/two") == 0);
	KT_EXPECT(vfs_rmdir(NULL, "/every") == 0);
	KT_EXPECT(stub_kmallocs_live == kmallocs);
}

int main(void)
{
	return ktest_main();
}
