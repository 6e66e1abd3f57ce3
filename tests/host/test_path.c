/*
 * Host tests of path resolution (fs/path.c) over a real ramfs tree with a
 * second ramfs mounted on /mnt:
 *   /a/b/  /a/f (file)  /mnt/ -> [x/  y (file)]
 */
// sources: fs/vfs.c fs/path.c fs/namei.c fs/file.c fs/fop_guard.c fs/ramfs.c fs/pagefile.c tests/host/fs_stubs.c lib/strlcpy.c
#include <string.h>
#include "tests/host/fs_stubs.h"
#include "tests/host/ktest.h"
#include "fs/internal.h"
#include <tessera/errno.h>

static struct dentry *A, *B, *F, *MNT, *X, *Y;

/* The dentry at path, or NULL (and the error in *err). */
static struct dentry *at(struct dentry *cwd, const char *path, int *err)
{
	struct dentry *d = NULL;
	int e = vfs_lookup(cwd, path, &d);

	if (err)
		*err = e;
	return e ? NULL : d;
}

static int err_of(struct dentry *cwd, const char *path)
{
	int err;

	at(cwd, path, &err);
	return err;
}

static void make_file(const char *path)
{
	struct file *f;

	if (vfs_open(NULL, path, O_CREAT | O_WRONLY, &f) == 0)
		vfs_close(f);
}

static void build_tree(void)
{
	if (vfs_root())
		return;
	vfs_mount(&ramfs_type, "/", NULL);
	vfs_mkdir(NULL, "/a");
	vfs_mkdir(NULL, "/a/b");
	make_file("/a/f");
	vfs_mkdir(NULL, "/mnt");
	vfs_mount(&ramfs_type, "/mnt", NULL);
	vfs_mkdir(NULL, "/mnt/x");
	make_file("/mnt/y");
	A = at(NULL, "/a", NULL);
	B = at(NULL, "/a/b", NULL);
	F = at(NULL, "/a/f", NULL);
	MNT = at(NULL, "/mnt", NULL);
	X = at(NULL, "/mnt/x", NULL);
	Y = at(NULL, "/mnt/y", NULL);
}

KTEST(tree_built)
{
	build_tree();
	KT_EXPECT(A && B && F && MNT && X && Y);
	KT_EXPECT(strcmp(B->name, "b") == 0);
	KT_EXPECT(B->parent == A);
	KT_EXPECT(MNT != d_find_child(vfs_root(), "mnt"));	/* the mounted root */
	KT_EXPECT(MNT == MNT->sb->root);
	KT_EXPECT(X->parent == MNT);
}

KTEST(absolute_paths)
{
	build_tree();
	KT_EXPECT(at(NULL, "/", NULL) == vfs_root());
	KT_EXPECT(at(NULL, "/a/b", NULL) == B);
	KT_EXPECT(at(NULL, "/a/f", NULL) == F);
	KT_EXPECT(at(B, "/a", NULL) == A);	/* cwd ignored */
}

KTEST(repeated_and_trailing_slashes)
{
	build_tree();
	KT_EXPECT(at(NULL, "//a///b", NULL) == B);
	KT_EXPECT(at(NULL, "/a/b/", NULL) == B);
	KT_EXPECT(at(NULL, "/a/b//", NULL) == B);
	KT_EXPECT(at(NULL, "///", NULL) == vfs_root());
	KT_EXPECT(err_of(NULL, "/a/f/") == -ENOTDIR);
}

KTEST(dot_and_dotdot)
{
	build_tree();
	KT_EXPECT(at(NULL, "/a/./b/.", NULL) == B);
	KT_EXPECT(at(NULL, "/a/b/..", NULL) == A);
	KT_EXPECT(at(NULL, "/a/b/../../a/b", NULL) == B);
	KT_EXPECT(at(NULL, "/..", NULL) == vfs_root());
	KT_EXPECT(at(NULL, "/../../a", NULL) == A);
	KT_EXPECT(err_of(NULL, "/a/f/..") == -ENOTDIR);
}

KTEST(relative_to_cwd)
{
	build_tree();
	KT_EXPECT(at(A, "b", NULL) == B);
	KT_EXPECT(at(A, ".", NULL) == A);
	KT_EXPECT(at(B, "..", NULL) == A);
	KT_EXPECT(at(B, "../f", NULL) == F);
	KT_EXPECT(at(B, "../../mnt/x", NULL) == X);
	KT_EXPECT(at(NULL, "a/b", NULL) == B);	/* no cwd: the root */
}

KTEST(dotdot_across_mount_points)
{
	build_tree();
	KT_EXPECT(at(NULL, "/mnt/x", NULL) == X);
	KT_EXPECT(at(NULL, "/mnt/..", NULL) == vfs_root());
	KT_EXPECT(at(X, "../..", NULL) == vfs_root());
	KT_EXPECT(at(X, "../../a/b", NULL) == B);
	KT_EXPECT(at(MNT, "..", NULL) == vfs_root());
	KT_EXPECT(at(MNT, "y", NULL) == Y);
}

KTEST(missing_names_enoent)
{
	build_tree();
	KT_EXPECT(err_of(NULL, "/nope") == -ENOENT);
	KT_EXPECT(err_of(NULL, "/a/nope/b") == -ENOENT);
	KT_EXPECT(err_of(A, "nope") == -ENOENT);
	KT_EXPECT(err_of(NULL, "") == -ENOENT);
	KT_EXPECT(err_of(NULL, "/mnt/b") == -ENOENT);	/* b is in /a only */
}

KTEST(file_in_the_middle_enotdir)
{
	build_tree();
	KT_EXPECT(err_of(NULL, "/a/f/x") == -ENOTDIR);
	KT_EXPECT(err_of(NULL, "/a/f/x/y") == -ENOTDIR);
	KT_EXPECT(err_of(A, "f/.") == -ENOTDIR);
}

KTEST(name_max_component)
{
	char path[NAME_MAX + 3];

	build_tree();
	path[0] = '/';
	memset(path + 1, 'n', NAME_MAX);
	path[NAME_MAX + 1] = '\0';
	KT_EXPECT(err_of(NULL, path) == -ENOENT);	/* 255: fine, absent */
	path[NAME_MAX + 1] = 'n';
	path[NAME_MAX + 2] = '\0';
	KT_EXPECT(err_of(NULL, path) == -ENAMETOOLONG);	/* 256 */
	KT_EXPECT(vfs_mkdir(NULL, path) == -ENAMETOOLONG);
}

KTEST(path_max_total)
{
	static char path[PATH_MAX + 1];
	size_t n = 0;

	build_tree();
	/* "/a/././././...": 1023 bytes is a valid path, 1024 is too long */
	n = strlen(strcpy(path, "/a"));
	for (; n < PATH_MAX - 1; n++)
		path[n] = n % 2 ? '.' : '/';
	path[PATH_MAX - 1] = '\0';
	KT_EXPECT(strlen(path) == PATH_MAX - 1);
	KT_EXPECT(at(NULL, path, NULL) == A);
	path[PATH_MAX - 1] = '/';
	path[PATH_MAX] = '\0';
	KT_EXPECT(err_of(NULL, path) == -ENAMETOOLONG);
	/* the length wins over a missing directory early in the path (the
	 * walk measures the path as it goes) */
	path[1] = 'z';
	KT_EXPECT(err_of(NULL, path) == -ENAMETOOLONG);
	KT_EXPECT(vfs_mkdir(NULL, path) == -ENAMETOOLONG);
	path[PATH_MAX - 1] = '\0';
	KT_EXPECT(err_of(NULL, path) == -ENOENT);
}

/* The one-pass walk (path_walk_fast) finds what the plain walk finds
 * (mounts followed, relative paths, repeated slashes), and declines
 * every path the plain walk must judge. */
KTEST(fast_walk_agrees_or_declines)
{
	static const char *const found[] = {
		"/a", "/a/b", "a/f", "//a//b", "/mnt", "/mnt/x", "mnt/y",
	};
	static const char *const declined[] = {
		"", "/", "/a/", "/a/./b", "/a/../a", ".", "..", "/a/f/x",
		"/nope", "/a/nope", "/a/bb", "/a/b/",
		/* through a file (no children: the plain walk says -ENOTDIR),
		 * a name's prefix or a longer one, a mount point's name cut */
		"/a/f/", "/a/f//b", "/a/f/.", "/a/fx", "/a/", "/mn", "/mntx/x",
	};
	struct dentry *d;

	build_tree();
	for (unsigned i = 0; i < sizeof(found) / sizeof(found[0]); i++) {
		d = NULL;
		KT_EXPECT(path_walk_fast(vfs_root(), found[i], &d));
		KT_EXPECT(d && d == at(vfs_root(), found[i], NULL));
	}
	for (unsigned i = 0; i < sizeof(declined) / sizeof(declined[0]); i++)
		KT_EXPECT(!path_walk_fast(vfs_root(), declined[i], &d));
	KT_EXPECT(path_walk_fast(B, "../f", &d) == false);
	KT_EXPECT(path_walk_fast(A, "b", &d) && d == B);
	KT_EXPECT(path_walk_fast(F, "b", &d) == false);	/* a file as cwd */
	KT_EXPECT(err_of(F, "b") == -ENOTDIR);
}

KTEST(getpath_back_to_names)
{
	char buf[64];

	build_tree();
	KT_EXPECT(vfs_getpath(vfs_root(), buf, sizeof(buf)) == 0);
	KT_EXPECT(strcmp(buf, "/") == 0);
	KT_EXPECT(vfs_getpath(B, buf, sizeof(buf)) == 0);
	KT_EXPECT(strcmp(buf, "/a/b") == 0);
	KT_EXPECT(vfs_getpath(MNT, buf, sizeof(buf)) == 0);
	KT_EXPECT(strcmp(buf, "/mnt") == 0);
	KT_EXPECT(vfs_getpath(X, buf, sizeof(buf)) == 0);
	KT_EXPECT(strcmp(buf, "/mnt/x") == 0);
	KT_EXPECT(vfs_getpath(X, buf, 7) == 0);		/* "/mnt/x" + NUL */
	KT_EXPECT(vfs_getpath(X, buf, 6) == -ERANGE);
}

int main(void)
{
	return ktest_main();
}
