/*
 * Path resolution: absolute paths from the root, relative ones from the
 * program's current directory; "." and ".." (across mount points both
 * ways), repeated slashes, a trailing slash (the result must then be a
 * directory); ENAMETOOLONG for a path of PATH_MAX bytes or more or a
 * component longer than NAME_MAX. Also the way back: a dentry's path.
 * path_walk_fast is the common case in one pass (every component already
 * in the tree, compared in place); anything unusual (".", "..", a mount, a
 * trailing slash, a long path, a name the filesystem must look up) goes to
 * the plain walk, which gives the same answer or the exact error.
 */
#include "fs/internal.h"
#include "lib/string.h"
#include <tessera/errno.h>

struct dentry *d_follow_mounts(struct dentry *d)
{
	while (d->mounted)
		d = d->mounted->sb->root;
	return d;
}

struct dentry *d_up(struct dentry *d)
{
	for (;;) {
		if (d == vfs_root())
			return d;
		if (d->parent)
			return d_follow_mounts(d->parent);
		if (d != d->sb->root || !d->sb->mnt->mountpoint)
			return d;	/* removed: stays where it is */
		d = d->sb->mnt->mountpoint;
	}
}

/* Asks the filesystem for a name the tree does not hold. */
static int lookup_fs(struct dentry *dir, const char *name, struct dentry **out)
{
	const struct inode_operations *ops = dir->inode->i_op;
	struct dentry *d;
	int err;

	if (!ops || !ops->lookup)
		return -ENOENT;
	d = d_alloc(dir, name);
	if (!d)
		return -ENOMEM;
	err = ops->lookup(dir->inode, d);
	if (err) {
		d_free(d);
		return err;
	}
	d_link(d);
	*out = d;
	return 0;
}

int path_step(struct dentry *dir, const char *name, struct dentry **out)
{
	struct dentry *d;
	int err;

	if (!S_ISDIR(dir->inode->mode))
		return -ENOTDIR;
	if (name[0] == '.' && name[1] == '\0') {
		*out = dir;
		return 0;
	}
	if (name[0] == '.' && name[1] == '.' && name[2] == '\0') {
		*out = d_up(dir);
		return 0;
	}
	d = d_find_child(dir, name);
	if (!d) {
		err = lookup_fs(dir, name, &d);
		if (err)
			return err;
	}
	*out = d_follow_mounts(d);
	return 0;
}

/* Copies the component at *p into name and moves *p past it and the
 * slashes after it. Returns 0 or -ENAMETOOLONG. */
static int next_component(const char **p, char *name)
{
	const char *s = *p;
	size_t n = 0;
	char c;

	/* Copied as it is scanned: one pass, no memcpy call. */
	while ((c = s[n]) && c != '/') {
		if (n == NAME_MAX)
			return -ENAMETOOLONG;
		name[n++] = c;
	}
	name[n] = '\0';
	s += n;
	while (*s == '/')
		s++;
	*p = s;
	return 0;
}

/* True if the path whose walk is at p (path's first bytes already
 * passed) is PATH_MAX bytes or more. */
static bool path_too_long(const char *path, const char *p)
{
	size_t done = (size_t)(p - path);

	return done >= PATH_MAX || strnlen(p, PATH_MAX - done) >= PATH_MAX - done;
}

/* d_find_child for the path component at p, compared in place: the
 * component ends at a '/' or the NUL, and its end compares as a name's
 * NUL would (no child's name holds a '/'), so the answer and the stop are
 * d_find_child's on the component copied out. *len gets the component's
 * length when a child is found; NULL if the tree has no such child (the
 * filesystem's lookup is not asked). A file that is not a directory has
 * no children and no index: NULL, as for a name not there. */
static inline __attribute__((__always_inline__)) struct dentry *
d_child_at(struct dentry *dir, const char *p, size_t *len)
{
	const unsigned char *b = (const unsigned char *)p;
	struct dentry *d = dir->children;

	if (dir->index)		/* many children: by hash, the same answer */
		return d_find_child_indexed(dir, p, len);
	/* the names sorting before the component on their first byte are
	 * passed on it alone (the list is in strcmp order: only an indexed
	 * directory's may be unsorted, fs/vfs.c) */
	while (d && (unsigned char)d->name[0] < b[0])
		d = d->next;
	for (; d; d = d->next) {
		const unsigned char *a = (const unsigned char *)d->name;
		size_t i = 0;
		unsigned char end;

		while (a[i] && a[i] == b[i])
			i++;
		end = b[i] == '/' ? '\0' : b[i];
		if (a[i] == end) {	/* both ended: found */
			*len = i;
			return d;
		}
		if (a[i] > end)
			return NULL;
	}
	return NULL;
}

/* Steps from *d through the components at *p that are found in the tree
 * and have a further component after them, as path_step would (a
 * directory's child, mounts followed), comparing each in place
 * (d_child_at): no copy into a walk's last. Stops at the last component,
 * or at any one it cannot pass this way, for the plain walk. A component
 * found is never over NAME_MAX (checked anyway) and a found step has no
 * error, so the plain walk would have passed it the same way (a file that
 * is not a directory has no children: nothing is found in it). */
static void walk_found(struct dentry **d, const char **p)
{
	const char *s = *p;
	struct dentry *c;
	size_t n;

	while (*s && (c = d_child_at(*d, s, &n)) && n <= NAME_MAX && s[n] == '/') {
		const char *next = s + n;

		while (*next == '/')
			next++;
		if (!*next)
			break;	/* the last component, before a trailing slash */
		*d = d_follow_mounts(c);
		s = next;
	}
	*p = s;
}

/* Each component is looked for where it lies in the path (d_child_at),
 * each step is path_step's for a child found (mounts followed); no child
 * is named "." or "..", so those are never found here. path_step's
 * "is it a directory" needs no test of its own: a file that is not one
 * has no children, so d_child_at finds nothing and the plain walk says
 * -ENOTDIR. */
bool path_walk_fast(struct dentry *cwd, const char *path, struct dentry **out)
{
	struct dentry *d = (path[0] == '/' || !cwd) ? vfs_root() : cwd, *c;
	const char *p = path;
	size_t n;

	while (*p == '/')
		p++;
	if (!*p)
		return false;	/* "" or "/" */
	for (;;) {
		c = d_child_at(d, p, &n);
		if (!c || n > NAME_MAX)
			return false;
		d = c->mounted ? d_follow_mounts(c) : c;
		p += n;		/* at the component's end: a '/' or the NUL */
		if (!*p)
			break;
		while (*++p == '/')
			;
		if (!*p)
			return false;	/* a trailing slash */
	}
	if (p - path >= PATH_MAX)
		return false;
	*out = d;
	return true;
}

/* The path is measured as it is walked (no strnlen first); a step's error
 * on a path of PATH_MAX bytes or more is still -ENAMETOOLONG. The
 * components found in the tree are passed in place first (walk_found). */
int path_parent(struct dentry *cwd, const char *path, struct walk *w)
{
	struct dentry *d = (path[0] == '/' || !cwd) ? vfs_root() : cwd;
	const char *p = path;
	int err;

	if (path[0] == '\0')
		return -ENOENT;
	w->last[0] = '\0';
	while (*p == '/')
		p++;
	walk_found(&d, &p);
	while (*p) {
		if (w->last[0]) {
			err = path_step(d, w->last, &d);
			if (err)
				return path_too_long(path, p) ? -ENAMETOOLONG : err;
		}
		err = next_component(&p, w->last);
		if (err)
			return err;
	}
	if (p - path >= PATH_MAX)
		return -ENAMETOOLONG;
	w->slash = p[-1] == '/';
	if (w->last[0] && !S_ISDIR(d->inode->mode))
		return -ENOTDIR;
	w->dir = d;
	return 0;
}

int vfs_lookup(struct dentry *cwd, const char *path, struct dentry **out)
{
	struct walk w;
	struct dentry *d = NULL;
	int err;

	if (path_walk_fast(cwd, path, out))
		return 0;
	err = path_parent(cwd, path, &w);
	if (err)
		return err;
	if (w.last[0] == '\0') {
		d = w.dir;
	} else {
		err = path_step(w.dir, w.last, &d);
		if (err)
			return err;
	}
	if (w.slash && !S_ISDIR(d->inode->mode))
		return -ENOTDIR;
	*out = d;
	return 0;
}

int vfs_getpath(const struct dentry *d, char *buf, size_t size)
{
	char tmp[PATH_MAX];
	size_t pos = sizeof(tmp) - 1;

	tmp[pos] = '\0';
	while (d != vfs_root()) {
		size_t n;

		if (d->removed)
			return -ENOENT;
		if (d == d->sb->root) {
			d = d->sb->mnt->mountpoint;
			continue;
		}
		n = strlen(d->name);
		if (n + 1 > pos)
			return -ERANGE;
		pos -= n;
		memcpy(tmp + pos, d->name, n);
		tmp[--pos] = '/';
		d = d->parent;
	}
	if (pos == sizeof(tmp) - 1)
		tmp[--pos] = '/';
	if (sizeof(tmp) - pos > size)
		return -ERANGE;
	memcpy(buf, tmp + pos, sizeof(tmp) - pos);
	return 0;
}
