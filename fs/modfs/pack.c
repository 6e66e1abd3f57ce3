/*
 * Module placement policies (docs/modfs.md, "Placement: modalloc=page|pack").
 *
 *   modalloc=page  (the default) every image is its own pages, vmap'ed at
 *                  its own address with an unmapped guard page after it.
 *   modalloc=pack  an image whose bytes plus a 16-byte guard fit in a page
 *                  gets a slot in a shared page of the pack arena, at a
 *                  16-byte aligned offset: Adam Richter's 2002 idea of
 *                  kmalloc'ing modules smaller than a page, kept inside the
 *                  modfs model. While mapped, the slot IS the image file's
 *                  data (reads, writes and the init-dropping truncate of
 *                  /mod/NAME/module go to it); map moves the file's bytes
 *                  into the slot, unmap moves them back.
 *
 * The arena is a list of regions, each one vmalloc'ed page cut into 256
 * units of 16 bytes (a bitmap says which are used). A slot is placed first
 * fit, or, after `near NAME`, right after NAME's slot when there is room
 * (status's placement line says what the hint did, a miss included).
 * A region whose last slot goes is vfree'd. The 16 bytes after each packed
 * image hold a known pattern (there is no guard page to fault): it is
 * checked when the image shrinks, when it is unmapped, and on every read
 * of /proc/modalloc (the `modcheck` command).
 */
#include "fs/modfs/internal.h"
#include "kernel/bootinfo.h"
#include "kernel/printk.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

#define PACK_UNIT	16
#define PACK_UNITS	(PAGE_SIZE / PACK_UNIT)
#define PACK_GUARD	16
#define PACK_GUARD_BYTE	0x5a	/* 'Z': the pattern after each packed image */

struct pack_region {
	struct pack_region *next;	/* by id */
	unsigned id;			/* the lowest free number when made */
	uint8_t *page;			/* the vmalloc'ed page */
	unsigned used;			/* units in use */
	uint32_t map[PACK_UNITS / 32];	/* bit set: unit in use */
};

static struct {
	enum modalloc_policy policy;
	struct pack_region *regions;
} arena;

enum modalloc_policy modalloc_policy(void)
{
	return arena.policy;
}

void modalloc_init(void)
{
	char arg[32];

	if (!boot_arg("modalloc", arg, sizeof(arg)) || !strcmp(arg, "page"))
		return;
	if (!strcmp(arg, "pack")) {
		arena.policy = MODALLOC_PACK;
		printk(KERN_INFO "modalloc: pack: images of up to %u bytes share pages\n",
		       PAGE_SIZE - PACK_GUARD);
		return;
	}
	printk(KERN_ERR "modalloc: unknown policy '%s' (expected modalloc=page or "
	       "modalloc=pack); using page\n", arg);
}

/* Units a slot of an image of size bytes takes: the image, then the guard. */
static unsigned slot_units(uint32_t size)
{
	return (size + PACK_GUARD + PACK_UNIT - 1) / PACK_UNIT;
}

static bool unit_used(const struct pack_region *r, unsigned u)
{
	return r->map[u / 32] & (1u << (u % 32));
}

static void units_mark(struct pack_region *r, unsigned first, unsigned n, bool used)
{
	for (unsigned u = first; u < first + n; u++) {
		if (used)
			r->map[u / 32] |= 1u << (u % 32);
		else
			r->map[u / 32] &= ~(1u << (u % 32));
	}
	r->used = used ? r->used + n : r->used - n;
}

/* The first run of n free units of r at or after unit from, or -1. */
static int find_run(const struct pack_region *r, unsigned from, unsigned n)
{
	unsigned run = 0;

	for (unsigned u = from; u < PACK_UNITS; u++) {
		run = unit_used(r, u) ? 0 : run + 1;
		if (run == n)
			return (int)(u + 1 - n);
	}
	return -1;
}

/* A new empty region with the lowest free id, in id order; NULL if no
 * memory (nothing is left behind). */
static struct pack_region *region_new(void)
{
	struct pack_region **link = &arena.regions, *r;
	unsigned id = 0;

	for (; *link && (*link)->id == id; link = &(*link)->next)
		id++;
	r = kzalloc(sizeof(*r));
	if (!r)
		return NULL;
	r->page = vmalloc(PAGE_SIZE);	/* zero-filled */
	if (!r->page) {
		kfree(r);
		return NULL;
	}
	vm_set_owner(r->page, "modpack");
	r->id = id;
	r->next = *link;
	*link = r;
	return r;
}

static void region_free_if_empty(struct pack_region *r)
{
	struct pack_region **link = &arena.regions;

	if (r->used)
		return;
	while (*link != r)
		link = &(*link)->next;
	*link = r->next;
	vfree(r->page);
	kfree(r);
}

/* What a `near NAME` hint did (rec->near_how), and status's words for it. */
enum near_how { NEAR_NONE, NEAR_AFTER, NEAR_IN_PAGE, NEAR_FULL, NEAR_PAGED, NEAR_GONE };

static const char *const near_words[] = {
	[NEAR_AFTER] = "right after it",
	[NEAR_IN_PAGE] = "in its page, not right after it",
	[NEAR_FULL] = "its page was full; placed first fit",
	[NEAR_PAGED] = "it is page-placed; placed first fit",
	[NEAR_GONE] = "it is no longer mapped; placed first fit",
};

/* Where a slot of n units goes: right after the `near` module's slot if it
 * is packed and there is room there, else anywhere in its page, else first
 * fit. Returns the region (NULL: none has room) and the first unit; *how
 * says what became of the hint (NEAR_NONE: there was none). */
static struct pack_region *place(const struct module_record *rec, unsigned n,
				 unsigned *first, enum near_how *how)
{
	const struct module_record *near = rec->near[0] ? module_find(rec->near) : NULL;
	int at;

	*how = !rec->near[0] ? NEAR_NONE : !near || !near->hdr ? NEAR_GONE :
	       !near->pack_region ? NEAR_PAGED : NEAR_FULL;
	if (*how == NEAR_FULL) {	/* packed: full unless its page has room */
		struct pack_region *r = near->pack_region;
		unsigned from = ((uint8_t *)near->hdr - r->page) / PACK_UNIT +
				slot_units(near->mapped_size);

		at = find_run(r, from, n);
		if (at < 0)
			at = find_run(r, 0, n);
		if (at >= 0) {
			*how = at == (int)from ? NEAR_AFTER : NEAR_IN_PAGE;
			*first = at;
			return r;
		}
	}
	for (struct pack_region *r = arena.regions; r; r = r->next) {
		at = find_run(r, 0, n);
		if (at >= 0) {
			*first = at;
			return r;
		}
	}
	return NULL;
}

static void guard_set(uint8_t *end)
{
	memset(end, PACK_GUARD_BYTE, PACK_GUARD);
}

/* Is the guard at g intact? If not, *first and *last are the indexes of
 * the first and last changed bytes. Reads only the guard. */
static bool guard_intact(const uint8_t *g, unsigned *first, unsigned *last)
{
	bool ok = true;

	for (unsigned i = 0; i < PACK_GUARD; i++) {
		if (g[i] == PACK_GUARD_BYTE)
			continue;
		if (ok)
			*first = i;
		*last = i;
		ok = false;
	}
	return ok;
}

bool modpack_guard_ok(const struct module_record *rec, unsigned *first, unsigned *last)
{
	return guard_intact((const uint8_t *)rec->hdr + rec->mapped_size, first, last);
}

/* Says (pr_err) that the guard after the image of module name (at base,
 * size bytes) changed; reads nothing but the guard, writes nothing. */
static void guard_report(const char *name, const uint8_t *base, uint32_t size,
			 const char *when)
{
	unsigned first = 0, last = 0;

	if (!guard_intact(base + size, &first, &last))
		pr_err("%s: wrote past its end: guard at 0x%08x changed (bytes %u..%u), "
		       "found %s\n", name, (uint32_t)(uintptr_t)base + size, first, last, when);
}

int modpack_map(struct module_record *rec, struct pagefile *pf)
{
	uint32_t size = pf->size;
	unsigned n = slot_units(size), first = 0;
	enum near_how how;
	struct pack_region *r;
	uint8_t *base;
	int err;

	if (arena.policy != MODALLOC_PACK || n > PACK_UNITS) {
		rec->near[0] = '\0';	/* a hint is for one map; not this kind */
		return 1;
	}
	r = place(rec, n, &first, &how);
	if (!r)
		r = region_new();
	if (!r) {
		rec->near[0] = '\0';
		return module_fail(rec, -ENOMEM, "map: no memory for a page of the "
				   "pack arena");
	}
	base = r->page + first * PACK_UNIT;
	memset(base, 0, n * PACK_UNIT);
	pagefile_read(pf, base, size, 0);
	guard_set(base + size);
	units_mark(r, first, n, true);
	err = module_set_mapped(rec, base, size);
	if (err) {
		units_mark(r, first, n, false);
		region_free_if_empty(r);
		rec->near[0] = '\0';
		return err;
	}
	rec->pack_region = r;
	rec->near_how = how;	/* the hint's name stays for status until unmap */
	/* the slot holds the file's bytes now: the file keeps its size, its
	 * pages go back (reads and writes go to the slot while mapped) */
	pagefile_truncate(pf, 0);
	pf->size = size;
	return 0;
}

/* Frees the slot of rec's image at base, size bytes. */
static void slot_free(struct pack_region *r, uint8_t *base, uint32_t size)
{
	unsigned n = slot_units(size);

	memset(base, 0, n * PACK_UNIT);
	units_mark(r, (base - r->page) / PACK_UNIT, n, false);
	region_free_if_empty(r);
}

int modpack_unmap(struct module_record *rec, struct pagefile *pf)
{
	struct pack_region *r = rec->pack_region;
	uint8_t *base = (uint8_t *)rec->hdr;
	uint32_t size = rec->mapped_size;
	int err;

	if (rec->state != MODULE_STATE_MAPPED)
		return module_set_unmapped(rec);	/* refused, with the reason */
	/* the file gets its bytes back first: if that cannot be, nothing moves */
	if (pagefile_write(pf, base, size, 0) != (ssize_t)size) {
		pagefile_truncate(pf, 0);
		pf->size = size;
		return module_fail(rec, -ENOMEM, "unmap: no memory to give the image "
				   "file back its %u bytes", size);
	}
	err = module_set_unmapped(rec);
	if (err) {
		pagefile_truncate(pf, 0);
		pf->size = size;
		return err;
	}
	guard_report(rec->name, base, size, "at unload");
	rec->pack_region = NULL;
	rec->near[0] = '\0';	/* the hint was for the map now undone */
	rec->near_how = NEAR_NONE;
	slot_free(r, base, size);
	return 0;
}

int modpack_shrink(struct module_record *rec, uint32_t size)
{
	struct pack_region *r = rec->pack_region;
	uint8_t *base = (uint8_t *)rec->hdr;
	uint32_t old = rec->mapped_size;
	unsigned keep = slot_units(size), had = slot_units(old);

	guard_report(rec->name, base, old, "when init was dropped");
	memset(base + size, 0, had * PACK_UNIT - size);
	guard_set(base + size);
	units_mark(r, (base - r->page) / PACK_UNIT + keep, had - keep, false);
	return 0;
}

ssize_t modpack_read(const struct module_record *rec, char *buf, size_t count, loff_t *pos)
{
	if (*pos < 0)
		return -EINVAL;
	if (*pos >= rec->mapped_size)
		return 0;
	if (count > rec->mapped_size - *pos)
		count = rec->mapped_size - *pos;
	memcpy(buf, (const char *)rec->hdr + *pos, count);
	*pos += count;
	return count;
}

ssize_t modpack_write(struct module_record *rec, const char *buf, size_t count, loff_t *pos)
{
	if (*pos < 0)
		return -EINVAL;
	memcpy((char *)rec->hdr + *pos, buf, count);	/* inside: checked by the caller */
	*pos += count;
	return count;
}

void modpack_show_placement(struct seq_buf *m, const struct module_record *rec)
{
	const struct pack_region *r = rec->pack_region;

	if (arena.policy != MODALLOC_PACK || !rec->hdr)
		return;
	if (!r) {	/* what did not fit is the image as mapped, init included */
		bool cut = rec->init_dropped && !rec->init_image_was;

		seq_buf_printf(m, "placement:   page (%u bytes%s and a guard do not fit "
			       "in a shared page)\n",
			       cut ? rec->core_size + rec->init_size : rec->mapped_size,
			       cut ? " as mapped, init included," : "");
		return;
	}
	seq_buf_printf(m, "placement:   pack, region %u offset 0x%03x, %u bytes + %u guard",
		       r->id, (unsigned)((uint8_t *)rec->hdr - r->page), rec->mapped_size,
		       PACK_GUARD);
	if (rec->near_how != NEAR_NONE)	/* insmod --near=NAME: what it did */
		seq_buf_printf(m, " (near %s: %s)", rec->near, near_words[rec->near_how]);
	seq_buf_printf(m, "\n");
}

/* /proc/modalloc: totals, then one line per mapped module. */
struct alloc_totals {
	struct seq_buf *m;
	uint32_t pages, bytes, packed, paged;
};

static void count_module(struct module_record *rec, void *arg)
{
	struct alloc_totals *t = arg;

	if (!rec->hdr)
		return;
	t->bytes += rec->mapped_size;
	if (rec->pack_region) {
		t->packed++;
	} else {
		t->paged++;
		t->pages += PAGES_FOR(rec->mapped_size);
	}
}

static void module_line(struct module_record *rec, void *arg)
{
	struct seq_buf *m = ((struct alloc_totals *)arg)->m;
	const struct pack_region *r = rec->pack_region;
	unsigned first = 0, last = 0;

	if (!rec->hdr)
		return;
	if (!r) {
		seq_buf_printf(m, "module %s page pages %u bytes %u\n", rec->name,
			       PAGES_FOR(rec->mapped_size), rec->mapped_size);
		return;
	}
	seq_buf_printf(m, "module %s pack region %u offset 0x%03x bytes %u slot %u guard ",
		       rec->name, r->id, (unsigned)((uint8_t *)rec->hdr - r->page),
		       rec->mapped_size, slot_units(rec->mapped_size) * PACK_UNIT);
	if (modpack_guard_ok(rec, &first, &last))
		seq_buf_printf(m, "ok\n");
	else
		seq_buf_printf(m, "changed %u..%u at 0x%08x\n", first, last,
			       (uint32_t)(uintptr_t)rec->hdr + rec->mapped_size);
}

static int show_modalloc(struct seq_buf *m, void *arg)
{
	struct alloc_totals t = { .m = m };
	uint32_t regions = 0, slots = 0;

	module_for_each(count_module, &t);
	for (const struct pack_region *r = arena.regions; r; r = r->next) {
		regions++;
		slots += r->used;
	}
	t.pages += regions;
	seq_buf_printf(m, "policy %s\n", arena.policy == MODALLOC_PACK ? "pack" : "page");
	seq_buf_printf(m, "pages %u\n", t.pages);
	seq_buf_printf(m, "bytes_used %u\n", t.bytes);
	seq_buf_printf(m, "bytes_wasted %u\n", t.pages * PAGE_SIZE - t.bytes);
	seq_buf_printf(m, "modules %u packed %u paged %u\n", t.packed + t.paged, t.packed,
		       t.paged);
	seq_buf_printf(m, "regions %u slot_bytes %u\n", regions, slots * PACK_UNIT);
	module_for_each(module_line, &t);
	return m->error;
}

int modalloc_proc_init(void)
{
	return proc_create_show("modalloc", show_modalloc, NULL);
}
