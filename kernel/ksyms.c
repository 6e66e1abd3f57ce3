/*
 * The exported-symbol table: the kernel's own __ksymtab (EXPORT_SYMBOL in
 * kernel code) and the exports of every live module, in one hash table
 * keyed by name, so a lookup costs one bucket walk, not a scan.
 *
 * The table grows with what it holds (Linux's rhashtable idea in its
 * simplest form): when the entries outnumber the buckets, a bucket array
 * twice as large is allocated and every entry moved to it (rehashed from
 * the hash it keeps, not from its name); when unloads leave fewer entries
 * than a quarter of the buckets, the array is halved again, down to the
 * boot array of KSYM_BOOT_BUCKETS (static: never freed, never lacking).
 * So a chain stays about one entry long whether 0 or 1,000 modules are
 * loaded. A growth that finds no memory keeps the array it has: look-ups
 * give the same answers, only with longer chains. A load never fails for it.
 * The kernel's own ~260 exports are far below the boot size: one module
 * loaded and unloaded never resizes (memory before = after).
 */
#include "kernel/module.h"
#include "kernel/printk.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

#ifndef KSYM_BOOT_BUCKETS
#define KSYM_BOOT_BUCKETS 2048		/* a power of two */
#endif

struct ksym_entry {
	const struct kernel_symbol *sym;
	struct module_record *owner;	/* NULL: the kernel */
	struct ksym_entry *next;
	struct ksym_entry *owner_next;	/* the owner's other exports */
	uint32_t hash;			/* name_hash of its name: chained in
					   bucket hash & mask */
};

extern const struct kernel_symbol __start___ksymtab[], __stop___ksymtab[];

static struct ksym_entry *boot_buckets[KSYM_BOOT_BUCKETS];

static struct {
	struct ksym_entry **bucket;	/* boot_buckets or a kmalloc'd array */
	uint32_t mask;			/* buckets - 1 */
	uint32_t count;			/* entries chained */
	struct ksym_entry *kernel_entries;	/* one array for the kernel's */
} ksyms = { boot_buckets, KSYM_BOOT_BUCKETS - 1, 0, NULL };

/* FNV-1a (as strhash) of name's bytes before its NUL. Its bucket is
 * hash & mask. */
static uint32_t name_hash(const char *name)
{
	uint32_t h = 2166136261u;

	for (; *name; name++)
		h = (h ^ (uint8_t)*name) * 16777619u;
	return h;
}

/* Moves every entry to a new array of buckets buckets (a power of two):
 * new_bucket, or boot_buckets if new_bucket is NULL (a shrink to the boot
 * size). The old array, if kmalloc'd, is freed. Each entry is appended at
 * its new chain's end (chains are about one entry long: a short walk), so
 * a growth splits each chain in two keeping its order (newest first, as
 * insert made it) and a shrink joins two one after the other: a name is
 * found after the same names as before, never after more. (Pushed at the
 * head instead, a growth would reverse each chain: hello's printk, which
 * shares its bucket with strscpy at every size, would be found second.) */
static void rehash(struct ksym_entry **new_bucket, uint32_t buckets)
{
	struct ksym_entry **old = ksyms.bucket;
	uint32_t old_buckets = ksyms.mask + 1;

	if (!new_bucket) {
		/* the boot array is not in use (the table is larger): clear
		 * it before the entries go back into it */
		new_bucket = boot_buckets;
	}
	for (uint32_t b = 0; b < buckets; b++)
		new_bucket[b] = NULL;
	for (uint32_t b = 0; b < old_buckets; b++) {
		struct ksym_entry *e = old[b], *next;

		for (; e; e = next) {
			struct ksym_entry **end = &new_bucket[e->hash & (buckets - 1)];

			while (*end)
				end = &(*end)->next;
			next = e->next;
			e->next = NULL;
			*end = e;
		}
	}
	ksyms.bucket = new_bucket;
	ksyms.mask = buckets - 1;
	if (old != boot_buckets)
		kfree(old);
}

/* After entries were added: doubles the buckets while the entries
 * outnumber them. Without memory the table keeps its size (same answers,
 * longer chains). */
static void maybe_grow(void)
{
	while (ksyms.count > ksyms.mask + 1) {
		uint32_t buckets = (ksyms.mask + 1) * 2;
		struct ksym_entry **nb = kmalloc(buckets * sizeof(*nb));

		if (!nb)
			return;
		rehash(nb, buckets);
	}
}

/* After entries were removed: halves the buckets while fewer than a
 * quarter are used, not below the boot size (after a halving the table is
 * at most half full: the next entry added does not grow it back). A
 * shrink that finds no memory keeps the larger array. */
static void maybe_shrink(void)
{
	while (ksyms.mask + 1 > KSYM_BOOT_BUCKETS && ksyms.count < (ksyms.mask + 1) / 4) {
		uint32_t buckets = (ksyms.mask + 1) / 2;
		struct ksym_entry **nb = NULL;

		if (buckets > KSYM_BOOT_BUCKETS) {
			nb = kmalloc(buckets * sizeof(*nb));
			if (!nb)
				return;
		}
		rehash(nb, buckets);
	}
}

static void insert(struct ksym_entry *e)
{
	uint32_t b = (e->hash = name_hash(e->sym->name)) & ksyms.mask;

	e->next = ksyms.bucket[b];
	ksyms.bucket[b] = e;
	ksyms.count++;
}

/* Adds the kernel's n exports at syms (owner NULL), from one array of
 * entries. */
static void add_kernel(const struct kernel_symbol *syms, unsigned n)
{
	ksyms.kernel_entries = kzalloc(n * sizeof(struct ksym_entry));
	BUG_ON(n && !ksyms.kernel_entries);
	for (unsigned i = 0; i < n; i++) {
		ksyms.kernel_entries[i].sym = &syms[i];
		insert(&ksyms.kernel_entries[i]);
	}
	maybe_grow();
}

void ksyms_init(void)
{
	unsigned n = __stop___ksymtab - __start___ksymtab;

	add_kernel(__start___ksymtab, n);
	pr_info("ksyms: %u kernel symbols exported\n", n);
}

/* The entry named name in chain b (name's bucket), or NULL; *owner gets
 * its owner (owner must not be NULL). Inlined into both callers: the
 * look-up of a control file's names is ksym_find_measured alone, with no
 * call more. */
static inline __attribute__((__always_inline__)) const struct kernel_symbol *find_in(uint32_t b, const char *name,
					   struct module_record **owner)
{
	for (struct ksym_entry *e = ksyms.bucket[b]; e; e = e->next) {
		if (!strcmp(e->sym->name, name)) {
			*owner = e->owner;
			return e->sym;
		}
	}
	return NULL;
}

const struct kernel_symbol *ksym_find(const char *name, struct module_record **owner)
{
	struct module_record *unasked;

	return find_in(name_hash(name) & ksyms.mask, name, owner ? owner : &unasked);
}

/* One pass measures and hashes: the look-up on a control file measures
 * each name it is given while hashing it (name_hash's loop, bounded by
 * max). The NUL found within max bytes is where the name is looked up
 * (the same bucket as ksym_find's); no NUL there answers NULL. */
const struct kernel_symbol *ksym_find_measured(const char *name, size_t max, size_t *len,
					       struct module_record **owner)
{
	uint32_t h = 2166136261u;

	for (size_t n = 0; n < max; n++) {
		if (!name[n]) {
			*len = n;
			return find_in(h & ksyms.mask, name, owner);
		}
		h = (h ^ (uint8_t)name[n]) * 16777619u;
	}
	*len = max;
	return NULL;
}

int ksyms_add(struct module_record *rec, const char **clash)
{
	const struct module *h = rec->hdr;
	struct ksym_entry *e;

	if (!h->num_syms)
		return 0;	/* most modules: nothing to check, add or grow */
	for (uint32_t i = 0; i < h->num_syms; i++) {
		if (ksym_find(h->syms[i].name, NULL)) {
			*clash = h->syms[i].name;
			return -EEXIST;
		}
	}
	for (uint32_t i = 0; i < h->num_syms; i++) {
		e = kmalloc(sizeof(*e));
		if (!e) {
			ksyms_remove(rec);
			return -ENOMEM;
		}
		*e = (struct ksym_entry){ &h->syms[i], rec, NULL, rec->exports, 0 };
		insert(e);
		rec->exports = e;
	}
	maybe_grow();
	return 0;
}

/* Each of rec's entries is unchained from the bucket it is in, found from
 * the hash it keeps (not from its name, which lies in the module's
 * memory): the cost is its own exports' chains, not the whole table. */
void ksyms_remove(struct module_record *rec)
{
	while (rec->exports) {
		struct ksym_entry *e = rec->exports;
		struct ksym_entry **p = &ksyms.bucket[e->hash & ksyms.mask];

		while (*p && *p != e)
			p = &(*p)->next;
		if (*p) {
			*p = e->next;
			ksyms.count--;
		}
		rec->exports = e->owner_next;
		kfree(e);
	}
	maybe_shrink();
}

/* The number of buckets now (for the tests). */
uint32_t ksyms_buckets(void)
{
	return ksyms.mask + 1;
}
struct each_arg {
	void (*fn)(const struct kernel_symbol *, const struct module_record *, void *);
	void *arg;
};

static void module_exports(struct module_record *rec, void *p)
{
	struct each_arg *a = p;

	if (rec->state != MODULE_STATE_LIVE)
		return;
	for (uint32_t i = 0; i < rec->hdr->num_syms; i++)
		a->fn(&rec->hdr->syms[i], rec, a->arg);
}

void ksyms_for_each(void (*fn)(const struct kernel_symbol *sym,
			       const struct module_record *owner, void *arg), void *arg)
{
	struct each_arg a = { fn, arg };

	for (const struct kernel_symbol *s = __start___ksymtab; s < __stop___ksymtab; s++)
		fn(s, NULL, arg);
	module_for_each(module_exports, &a);
}
