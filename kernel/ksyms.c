/*
 * The exported-symbol table: the kernel's own __ksymtab (EXPORT_SYMBOL in
 * kernel code) and the exports of every live module, in one hash table
 * keyed by name, so a lookup costs one bucket walk, not a scan.
 */
#include "kernel/module.h"
#include "kernel/printk.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

#define KSYM_BUCKETS 2048

struct ksym_entry {
	const struct kernel_symbol *sym;
	struct module_record *owner;	/* NULL: the kernel */
	struct ksym_entry *next;
	struct ksym_entry *owner_next;	/* the owner's other exports */
	uint32_t bucket;		/* where it is chained */
};

extern const struct kernel_symbol __start___ksymtab[], __stop___ksymtab[];

static struct {
	struct ksym_entry *bucket[KSYM_BUCKETS];
	struct ksym_entry *kernel_entries;	/* one array for the kernel's */
} ksyms;

/* The bucket of name: FNV-1a (as strhash) of its bytes before its NUL,
 * at most max of them; *len gets how many (max if no NUL among them).
 * One pass measures and hashes: the look-up on a control file measures
 * each name it is given (ksym_find_measured) while hashing it. */
static uint32_t name_hash_len(const char *name, size_t max, size_t *len)
{
	uint32_t h = 2166136261u;
	size_t n;

	for (n = 0; n < max && name[n]; n++)
		h = (h ^ (uint8_t)name[n]) * 16777619u;
	*len = n;
	return h % KSYM_BUCKETS;
}

static uint32_t name_hash(const char *s)
{
	size_t len;

	return name_hash_len(s, SIZE_MAX, &len);
}

static void insert(struct ksym_entry *e)
{
	uint32_t b = name_hash(e->sym->name);

	e->bucket = b;
	e->next = ksyms.bucket[b];
	ksyms.bucket[b] = e;
}

void ksyms_init(void)
{
	unsigned n = __stop___ksymtab - __start___ksymtab;

	ksyms.kernel_entries = kzalloc(n * sizeof(struct ksym_entry));
	BUG_ON(n && !ksyms.kernel_entries);
	for (unsigned i = 0; i < n; i++) {
		ksyms.kernel_entries[i].sym = &__start___ksymtab[i];
		insert(&ksyms.kernel_entries[i]);
	}
	pr_info("ksyms: %u kernel symbols exported\n", n);
}

/* The entry named name in chain b (name's bucket), or NULL. */
static const struct kernel_symbol *find_in(uint32_t b, const char *name,
					   struct module_record **owner)
{
	for (struct ksym_entry *e = ksyms.bucket[b]; e; e = e->next) {
		if (!strcmp(e->sym->name, name)) {
			if (owner)
				*owner = e->owner;
			return e->sym;
		}
	}
	return NULL;
}

const struct kernel_symbol *ksym_find(const char *name, struct module_record **owner)
{
	return find_in(name_hash(name), name, owner);
}

const struct kernel_symbol *ksym_find_measured(const char *name, size_t max, size_t *len,
					       struct module_record **owner)
{
	uint32_t b = name_hash_len(name, max, len);

	return *len < max ? find_in(b, name, owner) : NULL;
}

int ksyms_add(struct module_record *rec, const char **clash)
{
	const struct module *h = rec->hdr;
	struct ksym_entry *e;

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
	return 0;
}

/* Each of rec's entries is unchained from the bucket it was put in (not
 * found again by its name, which lies in the module's memory): the cost is
 * its own exports' chains, not the whole table. */
void ksyms_remove(struct module_record *rec)
{
	while (rec->exports) {
		struct ksym_entry *e = rec->exports, **p = &ksyms.bucket[e->bucket];

		while (*p && *p != e)
			p = &(*p)->next;
		if (*p)
			*p = e->next;
		rec->exports = e->owner_next;
		kfree(e);
	}
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
