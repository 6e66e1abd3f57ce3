/*
 * The VFS objects: inodes, the dentry tree (names, listed in name order,
 * pinned by open files and current directories), superblocks and the
 * mount table.
 * A dentry owns its inode; a removed dentry lives on until its last unpin.
 */
#include "fs/internal.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <stdint.h>

#define MAX_MOUNTS 16

static struct {
	struct dentry *root;		/* root of the root filesystem */
	struct mount mounts[MAX_MOUNTS];
	unsigned nmounts;
} vfs;

struct dentry *vfs_root(void)
{
	return vfs.root;
}

/* ---- inodes ---- */

struct inode *inode_alloc(struct super_block *sb, uint32_t mode)
{
	struct inode *inode = kzalloc(sizeof(*inode));

	if (!inode)
		return NULL;
	inode->sb = sb;
	inode->mode = mode;
	inode->ino = sb->next_ino++;
	inode->nlink = S_ISDIR(mode) ? 2 : 1;
	inode->mtime = fs_now();
	return inode;
}

/* What an inode holds besides its own memory: the filesystem's part
 * (evict) and its pages. */
static void inode_release(struct inode *inode)
{
	if (inode->i_op && inode->i_op->evict)
		inode->i_op->evict(inode);
	pagefile_truncate(&inode->data, 0);
}

void inode_free(struct inode *inode)
{
	if (!inode)
		return;
	inode_release(inode);
	kfree(inode);
}

void inode_touch(struct inode *inode)
{
	inode->mtime = fs_now();
}

/* One store a field, each stored as it is loaded (a compound literal made
 * GCC load all eight first, spilling half of them): every field of struct
 * stat is written, so nothing is left over from the caller's buffer. */
_Static_assert(sizeof(struct stat) == 8 * sizeof(uint32_t),
	       "struct stat changed: inode_fill_stat writes each field");
void inode_fill_stat(const struct inode *inode, struct stat *st)
{
	st->st_ino = inode->ino;
	st->st_dev = inode->sb->dev;
	st->st_mode = inode->mode;
	st->st_nlink = inode->nlink;
	st->st_size = inode->data.size;
	st->st_blocks = inode->data.held;
	st->st_rdev = inode->rdev;
	st->st_mtime = inode->mtime;
}

/* ---- dentries ---- */

/* The name a dentry is born with lives right after it, in the same
 * allocation (one kmalloc a file, not two); a rename gives it a name of
 * its own, kmalloc'd. */
static char *d_inline_name(struct dentry *d)
{
	return (char *)(d + 1);
}

void d_set_name(struct dentry *d, char *name)
{
	if (d->name != d_inline_name(d))
		kfree(d->name);
	d->name = name;
}

struct dentry *d_alloc(struct dentry *parent, const char *name)
{
	size_t len = strlen(name);
	/* zeroed whole, name too: for a short name kzalloc's fast path is
	 * cheaper than a kmalloc and a memset of the dentry */
	struct dentry *d = kzalloc(sizeof(*d) + len + 1);

	if (!d)
		return NULL;
	d->name = d_inline_name(d);
	memcpy(d->name, name, len + 1);
	d->parent = parent;
	d->sb = parent ? parent->sb : NULL;
	return d;
}

void d_instantiate(struct dentry *d, struct inode *inode)
{
	d->inode = inode;
}

/* The files d_add_files makes: one allocation, a count of the files
 * not yet freed, then each file's inode, dentry and name (the name right
 * after the dentry, as d_alloc lays it out). */

struct d_block;
struct d_block_file {	/* name right after d: d_inline_name(&d) is name */
	struct d_block *block;
	struct inode inode;
	struct dentry d;
	char name[D_FILES_NAME_MAX + 1];
};
struct d_block {
	uint32_t live;
	struct d_block_file f[];
};
/* d_add_files writes each field of a file's inode and dentry (the block
 * is not zeroed): a field added to either must be written there too. The
 * exceptions: data.one, the pagefile's inline slot, written when
 * data.pages is first pointed at it (fs/pagefile.c); and the dentry's
 * pprev, read only while its directory has an index and written when the
 * index is made (d_index_rebuild) or the file is linked into an indexed
 * directory (d_link_quiet). */
#if UINTPTR_MAX == 0xffffffffu	/* the kernel's sizes (host tests are 64-bit) */
_Static_assert(sizeof(struct inode) == 60 && sizeof(struct dentry) == 56,
	       "struct inode or dentry changed: update d_add_files");
/* modfs's block of 7 files stays in kmalloc's 1024-byte class */
_Static_assert(sizeof(struct d_block) + 7 * sizeof(struct d_block_file) <= 1024,
	       "a module directory's files outgrew their kmalloc class");
#endif

/* True if name a sorts before name b (strcmp(a, b) < 0, inline: the
 * names of a table differ at their first byte but for a few). */
static bool name_before(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a < (unsigned char)*b;
}

/*
 * A directory's children are a list sorted by name (readdir's order); a
 * look-up walks it, passing most names on their first byte, which is the
 * cheapest way among a few dozen. A directory of more than D_INDEX_MIN
 * children (/mod with a thousand modules, a big /proc) also has an
 * index: a hash table of its children, chained through hnext, with a
 * bucket for every child (rounded up to a power of two), so a name is
 * found in a few compares however many there are. The index only
 * speeds the search: a child is in the list whether or not it is in the
 * index, and a directory without one (fewer children, or no memory for
 * it) is searched in the list, with the same answer.
 *
 * A big directory is also linked and unlinked without a walk of its list.
 * Each child of an indexed directory knows the pointer that points at it
 * (pprev: the directory's children or the next of the child before it),
 * so it is unlinked in a few stores. And as an indexed directory is
 * searched by hash alone, its list need not be in order until something
 * reads it in order: a child is linked there at the head and the
 * directory marked unsorted; readdir (d_sort_children) and the index
 * being dropped (the list is then searched, stopping at the first name
 * past the one wanted) sort it first. A directory without an index (at
 * most D_INDEX_MIN children, but for no memory) is as it always was:
 * never unsorted, a child linked at its place in the list and unlinked
 * by a walk to it, its pprev unused (the walk is short: a bounded cost,
 * and a small directory's files, /mod/NAME's seven, pay nothing more).
 */
#define D_INDEX_MIN 64	/* measured: at 38 (/lib/modules) the list is as quick */

struct d_index {
	uint32_t shift;			/* 32 - log2(buckets) */
	struct dentry *cursor;		/* d_nth_child's last answer (NULL: */
	loff_t cursor_at;		/* none), the child at this position; any
					 * change to the list drops it */
	struct dentry *bucket[];
};

/* The bucket of the name at name in x, which ends at a NUL or at stop
 * ('/' for a path's component); *len gets its length. The name's bytes
 * are summed as h * 31 + c, then spread by a multiply by 2^32 / golden
 * ratio, whose top bits are the bucket (Fibonacci hashing: names that
 * differ in one digit land apart). */
static inline __attribute__((__always_inline__)) uint32_t
d_bucket(const struct d_index *x, const char *name, char stop, size_t *len)
{
	const unsigned char *s = (const unsigned char *)name;
	uint32_t h = 0;
	size_t n = 0;

	for (unsigned char c; (c = s[n]) && c != (unsigned char)stop; n++)
		h = h * 31 + c;
	*len = n;
	return (h * 0x9e3779b1u) >> x->shift;
}

static void d_index_add(struct d_index *x, struct dentry *d)
{
	size_t len;
	struct dentry **chain = &x->bucket[d_bucket(x, d->name, '\0', &len)];

	d->hnext = *chain;
	*chain = d;
}

/* Makes dir's index anew for its nchildren children (a bucket for each,
 * rounded up to a power of two: about 1.4 names compared a look-up of
 * a thousand), or drops it at D_INDEX_MIN or fewer;
 * with no memory, the directory is searched in its list. */
static void d_index_rebuild(struct dentry *dir)
{
	uint32_t buckets = 1, shift = 32;
	struct d_index *x = NULL;

	kfree(dir->index);
	dir->index = NULL;
	if (dir->nchildren <= D_INDEX_MIN) {
		d_sort_children(dir);	/* searched in the list from now */
		return;
	}
	while (buckets < dir->nchildren)
		buckets *= 2, shift--;
	x = kzalloc(sizeof(*x) + buckets * sizeof(x->bucket[0]));
	if (!x) {
		d_sort_children(dir);	/* searched in the list from now */
		return;
	}
	x->shift = shift;
	for (struct dentry **pp = &dir->children, *c; (c = *pp); pp = &c->next) {
		c->pprev = pp;	/* from now kept while the index is */
		d_index_add(x, c);
	}
	dir->index = x;
}

/* d_find_child in an index: the child named by the component at p (it
 * ends at a NUL or at stop), or NULL; *len gets the component's length. */
static struct dentry *d_index_find(const struct d_index *x, const char *p, char stop,
				   size_t *len)
{
	size_t n;
	uint32_t b = d_bucket(x, p, stop, &n);

	*len = n;
	for (struct dentry *d = x->bucket[b]; d; d = d->hnext) {
		const char *a = d->name;
		size_t i = 0;

		while (i < n && a[i] == p[i])
			i++;
		if (i == n && !a[i])
			return d;
	}
	return NULL;
}

struct dentry *d_find_child_indexed(struct dentry *dir, const char *p, size_t *len)
{
	return d_index_find(dir->index, p, '/', len);
}

/* Merges the lists a and b, each in name order, into one (a's first of
 * two equal names: stable); returns its first. */
static struct dentry *d_merge(struct dentry *a, struct dentry *b)
{
	struct dentry *head = NULL, **tail = &head;

	while (a && b) {
		struct dentry **least = name_before(b->name, a->name) ? &b : &a;

		*tail = *least;
		tail = &(*least)->next;
		*least = (*least)->next;
	}
	*tail = a ? a : b;
	return head;
}

/* Sorts the n dentries from first on (linked through next, the last's
 * next NULL) by name; returns the new first. A merge sort: each half
 * sorted, then the two merged, so n log2 n compares at most and log2 n
 * calls deep. */
static struct dentry *d_sort_list(struct dentry *first, uint32_t n)
{
	struct dentry **cut = &first, *second;

	if (n < 2)
		return first;
	for (uint32_t i = 0; i < n / 2; i++)
		cut = &(*cut)->next;
	second = *cut;
	*cut = NULL;
	first = d_sort_list(first, n / 2);
	return d_merge(first, d_sort_list(second, n - n / 2));
}

/* (fs/internal.h) The list sorted, each pprev set again on the way. */
void d_sort_children(struct dentry *dir)
{
	struct dentry **pp = &dir->children;

	if (!dir->unsorted)
		return;
	if (dir->index)
		dir->index->cursor = NULL;	/* the positions change */
	dir->children = d_sort_list(dir->children, dir->nchildren);
	for (struct dentry *c = dir->children; c; c = c->next) {
		c->pprev = pp;
		pp = &c->next;
	}
	dir->unsorted = false;
}

#ifdef HOST_TEST
unsigned long d_nth_child_steps;	/* contract in fs/internal.h */
#endif

/* (fs/internal.h) A big directory keeps the child it last answered and
 * its position: a listing asks for positions 0, 1, 2, ... and each answer
 * is one step from the last, so ls of n children is O(n), not a walk from
 * the head each call (O(n^2)). A small one (D_INDEX_MIN children at most)
 * walks from its head, a bounded cost. */
struct dentry *d_nth_child(struct dentry *dir, loff_t i)
{
	struct d_index *x;
	struct dentry *c;
	loff_t k = 0;

	d_sort_children(dir);	/* a big directory may have been left unsorted */
	x = dir->index;
	c = dir->children;
	if (x && x->cursor && x->cursor_at <= i) {
		c = x->cursor;
		k = x->cursor_at;
	}
	for (; c && k < i; k++) {
		c = c->next;
#ifdef HOST_TEST
		d_nth_child_steps++;
#endif
	}
	if (x && c) {
		x->cursor = c;
		x->cursor_at = k;
	}
	return c;
}

/* Links d into its parent's list and into its index; the caller touches
 * the parent. With no index the list is kept sorted: d goes to its place,
 * searched from *pp on (every child before *pp sorts before d). With an
 * index the list is not searched: d goes at its head, in O(1), with the
 * pprevs kept, and the directory is marked unsorted (see above). */
static void d_link_quiet(struct dentry *d, struct dentry **pp)
{
	struct dentry *dir = d->parent;

	if (dir->index) {
		pp = &dir->children;
		if (*pp)
			(*pp)->pprev = &d->next;
		d->pprev = pp;
		dir->unsorted = true;
		dir->index->cursor = NULL;
	} else {
		while (*pp && name_before((*pp)->name, d->name))
			pp = &(*pp)->next;
	}
	d->next = *pp;
	*pp = d;
	dir->nchildren++;
	if (dir->index && dir->nchildren <= 1u << (32 - dir->index->shift))
		d_index_add(dir->index, d);
	else if (dir->index || dir->nchildren > D_INDEX_MIN)
		d_index_rebuild(dir);	/* made, or grown to twice the buckets */
}

/*
 * One pass over the table fills the block: each row is checked as it is
 * filled (its name fits, else the block is freed: nothing was linked, so
 * nothing is made) and compared with the row before (are the names in
 * order?). Each file's name is copied as its whole NUL-padded array
 * (four words, no byte loop). In a new directory (no children) a table in
 * name order is the sorted list as it lies in the block: each file's next
 * is the file after it (set as the file is filled), with no search and no
 * compare; else each file is linked by d_link_quiet. The directory's time
 * is set once, as the last of n touches would leave it.
 */
int d_add_files(struct dentry *dir, uint32_t n, const struct d_file files[],
		void *private, uint32_t want, struct inode **wanted)
{
	struct super_block *sb = dir->sb;
	uint32_t now = fs_now();
	bool in_order = true;
	struct d_block *b;

	if (!n)		/* no file: no block (nothing would ever free it) */
		return 0;
	/* not zeroed: every field of every file is written below, once */
	b = kmalloc(sizeof(*b) + n * sizeof(b->f[0]));
	if (!b)
		return -ENOMEM;
	b->live = n;
	for (uint32_t i = 0, ino = sb->next_ino; i < n; i++) {
		struct d_block_file *f = &b->f[i];
		const struct d_file *t = &files[i];

		if (t->name[D_FILES_NAME_MAX] != '\0') {
			kfree(b);	/* nothing is linked yet: nothing made */
			return -ENAMETOOLONG;
		}
		if (i > 0 && !name_before(t[-1].name, t->name))
			in_order = false;
		f->block = b;
		f->inode.ino = ino + i;
		f->inode.mode = S_IFREG | t->mode;
		f->inode.nlink = 1;
		f->inode.rdev = 0;
		f->inode.mtime = now;
		f->inode.sb = sb;
		f->inode.i_op = t->iop;
		f->inode.i_fop = t->fop;
		f->inode.data.pages = NULL;	/* empty: no slots, no bytes */
		f->inode.data.cap = 0;
		f->inode.data.held = 0;
		f->inode.data.size = 0;
		f->inode.private = private;
		f->inode.i_cdev = NULL;
		f->d.name = f->name;	/* d_inline_name(&f->d) */
		f->d.inode = &f->inode;
		f->d.parent = dir;
		f->d.children = NULL;
		f->d.next = &f[1].d;	/* the file after it; the last: NULL below */
		f->d.index = NULL;	/* a file has no children to index */
		f->d.hnext = NULL;
		f->d.nchildren = 0;
		f->d.sb = sb;
		f->d.mounted = NULL;
		f->d.pins = 0;
		f->d.cwd_pins = 0;
		f->d.removed = false;
		f->d.in_block = true;
		f->d.unsorted = false;
		__builtin_memcpy(f->name, t->name, sizeof(f->name));
	}
	sb->next_ino += n;
	if (wanted && want < n)
		*wanted = &b->f[want].inode;
	if (n > 0)
		b->f[n - 1].d.next = NULL;
	if (in_order && !dir->children && n > 0) {
		/* each file's next is already the one after it */
		dir->children = &b->f[0].d;
		dir->nchildren = n;
		if (n > D_INDEX_MIN)
			d_index_rebuild(dir);
	} else {	/* d_link_quiet sets each next again */
		for (uint32_t i = 0; i < n; i++)
			d_link_quiet(&b->f[i].d, &dir->children);
	}
	dir->inode->mtime = now;
	return 0;
}

void d_free(struct dentry *d)
{
	while (d->children)
		d_remove(d->children);
	d_set_name(d, NULL);
	if (d->in_block) {
		struct d_block_file *f = (struct d_block_file *)
			((char *)d - __builtin_offsetof(struct d_block_file, d));

		inode_release(d->inode);
		if (!--f->block->live)
			kfree(f->block);
		return;
	}
	inode_free(d->inode);
	kfree(d);
}

void d_link(struct dentry *d)
{
	struct dentry *dir = d->parent;

	d_link_quiet(d, &dir->children);
	if (S_ISDIR(d->inode->mode))
		dir->inode->nlink++;
	inode_touch(dir->inode);
}

void d_unlink(struct dentry *d)
{
	struct dentry *dir = d->parent;
	struct dentry **pp = &dir->children;
	struct d_index *x = dir->index;

	if (!x) {		/* a small directory: a walk of a few to d */
		while (*pp != d)
			pp = &(*pp)->next;
		*pp = d->next;
		dir->nchildren--;
	} else {		/* a big one: straight from d's pprev */
		size_t len;

		x->cursor = NULL;
		*d->pprev = d->next;
		if (d->next)
			d->next->pprev = d->pprev;
		pp = &x->bucket[d_bucket(x, d->name, '\0', &len)];
		while (*pp != d)
			pp = &(*pp)->hnext;
		*pp = d->hnext;
		if (--dir->nchildren <= D_INDEX_MIN) {
			kfree(x);	/* few enough for the list alone, */
			dir->index = NULL;
			d_sort_children(dir);	/* searched in it from now */
		}
	}
	d->next = NULL;
	d->hnext = NULL;
	d->parent = NULL;
	if (S_ISDIR(d->inode->mode))
		dir->inode->nlink--;
	inode_touch(dir->inode);
}

struct dentry *d_add_child(struct dentry *dir, const char *name,
			   struct inode *inode)
{
	struct dentry *d = d_alloc(dir, name);

	if (!d)
		return NULL;
	d_instantiate(d, inode);
	d_link(d);
	return d;
}

/* Without an index the children are sorted by name (only an indexed
 * directory's list may be unsorted): the walk stops at the first one past
 * name, found or not. A child whose first byte sorts before name's is
 * passed without a strcmp (most of them, in a directory of a few). */
struct dentry *d_find_child(struct dentry *dir, const char *name)
{
	unsigned char first = (unsigned char)name[0];
	struct dentry *d = dir->children;
	size_t len;

	if (dir->index)
		return d_index_find(dir->index, name, '\0', &len);
	/* the names sorting before name on their first byte are passed on it
	 * alone (the list is in strcmp order: no index, so not unsorted) */
	while (d && (unsigned char)d->name[0] < first)
		d = d->next;
	for (; d; d = d->next) {
		const unsigned char *a = (const unsigned char *)d->name;
		const unsigned char *b = (const unsigned char *)name;

		/* strcmp inline: the walk makes one or two compares a step */
		while (*a && *a == *b)
			a++, b++;
		if (*a >= *b)
			return *a == *b ? d : NULL;
	}
	return NULL;
}

bool d_is_empty(const struct dentry *dir)
{
	return dir->children == NULL;
}

void d_remove(struct dentry *d)
{
	if (d->removed)
		return;
	while (d->children)
		d_remove(d->children);
	if (d->parent)
		d_unlink(d);
	d->removed = true;
	if (!d->pins)
		d_free(d);
}

/* ---- superblocks and mounts ---- */

/* Attaches the root inode of sb. Returns 0 or -ENOMEM (the inode is then
 * still the caller's). */
static int sb_set_root(struct super_block *sb, struct inode *inode)
{
	struct dentry *d = d_alloc(NULL, "/");

	if (!d)
		return -ENOMEM;
	d->sb = sb;
	d_instantiate(d, inode);
	sb->root = d;
	return 0;
}

int sb_make_root(struct super_block *sb, uint32_t mode,
		 const struct inode_operations *iops)
{
	struct inode *root = inode_alloc(sb, S_IFDIR | mode);

	if (!root)
		return -ENOMEM;
	root->i_op = iops;
	root->i_fop = &dir_fops;
	if (sb_set_root(sb, root)) {
		inode_free(root);
		return -ENOMEM;
	}
	return 0;
}

/* Makes a filesystem of type; *out gets its superblock. */
static int sb_create(const struct fs_type *type, void *data,
		     struct super_block **out)
{
	struct super_block *sb = kzalloc(sizeof(*sb));
	int err;

	if (!sb)
		return -ENOMEM;
	sb->type = type;
	sb->dev = vfs.nmounts + 1;
	sb->next_ino = 1;
	err = type->fill_super(sb, data);
	if (err) {
		kfree(sb);
		return err;
	}
	*out = sb;
	return 0;
}

/* Finds the directory to mount on: NULL for the first mount of "/". */
static int mount_target(const char *path, struct dentry **out)
{
	struct dentry *d;
	int err;

	*out = NULL;
	if (!vfs.root)
		return strcmp(path, "/") == 0 ? 0 : -ENOENT;
	err = vfs_lookup(NULL, path, &d);
	if (err)
		return err;
	if (!S_ISDIR(d->inode->mode))
		return -ENOTDIR;
	if (d->mounted || d == d->sb->root)
		return -EBUSY;	/* already a mount point (or one's root) */
	*out = d;
	return 0;
}

int vfs_mount(const struct fs_type *type, const char *path, void *data)
{
	struct super_block *sb;
	struct dentry *target;
	struct mount *m;
	int err;

	if (vfs.nmounts == MAX_MOUNTS)
		return -ENOSPC;
	err = mount_target(path, &target);
	if (err)
		return err;
	err = sb_create(type, data, &sb);
	if (err)
		return err;
	m = &vfs.mounts[vfs.nmounts++];
	m->sb = sb;
	m->mountpoint = target;
	sb->mnt = m;
	if (target) {
		target->mounted = m;
		d_pin(target);
	} else {
		vfs.root = sb->root;
	}
	return 0;
}

void vfs_for_each_mount(void (*fn)(const struct mount *m, void *arg), void *arg)
{
	for (unsigned i = 0; i < vfs.nmounts; i++)
		fn(&vfs.mounts[i], arg);
}
