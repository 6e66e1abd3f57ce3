/*
 * Module allocation accounting. kmalloc/kzalloc, vmalloc and page_alloc
 * pass their caller's return address here; when it lies in a mapped
 * module, the allocation is charged to that module and to the call site:
 *   sites    one record per (module, kind, return address), holding the
 *            live count and amount and the site's name, taken once from
 *            sym_format when the site first allocates (so it survives the
 *            init part being dropped); unload reports go by site
 *   charges  one record per charged allocation, hashed by its key, so a
 *            free (from any code) finds and drops it
 * Kernel callers pay one compare (caller_may_be_module). Also the
 * page_alloc/page_free entry points, over the bare buddy allocator.
 */
#include "mm/mm.h"
#include "mm/mm_internal.h"
#include "kernel/module.h"
#include "kernel/symbols.h"
#include "lib/string.h"
#include <tessera/errno.h>

#define CHARGE_BUCKETS	64
#define SITE_TEXT_MAX	64

struct charge_site {
	struct charge_site *next;	/* all sites, newest first */
	const struct module *owner;	/* NULL once released at unmap */
	uintptr_t addr;			/* return address in the module's code */
	uint32_t count, amount;		/* live allocations from here */
	uint8_t kind;			/* MM_CHARGE_* */
	char text[];			/* "function+0xoff", or 0x%08x */
};

struct charge {
	struct charge *next;		/* hash chain */
	uintptr_t key;			/* object, vmalloc address, page desc. */
	uint32_t amount;		/* bytes or pages */
	struct charge_site *site;	/* its kind, owner and call site */
};

static struct {
	struct charge *bucket[CHARGE_BUCKETS];
	struct charge_site *sites;
} charges;

static struct charge **bucket_of(uintptr_t key)
{
	return &charges.bucket[((key >> 4) ^ (key >> 12)) % CHARGE_BUCKETS];
}

/* sym_format's "function+0xoff/0xsize [module]" without "/0xsize" and the
 * bracket: the report line already names the module. */
static size_t site_name(uintptr_t addr, char *buf, size_t size)
{
	size_t n;

	sym_format(addr, buf, size);
	for (n = 0; buf[n] && buf[n] != '/' && buf[n] != ' '; n++)
		;
	buf[n] = '\0';
	return n;
}

/* The site record of (owner, kind, addr), made if new; NULL if no memory. */
static struct charge_site *site_get(const struct module *owner,
				    unsigned kind, uintptr_t addr)
{
	char text[SITE_TEXT_MAX];
	struct charge_site *s;
	size_t n;

	for (s = charges.sites; s; s = s->next)
		if (s->owner == owner && s->kind == kind && s->addr == addr)
			return s;
	n = site_name(addr, text, sizeof(text));
	s = kmalloc(sizeof(*s) + n + 1);
	if (!s)
		return NULL;
	*s = (struct charge_site){ .next = charges.sites, .owner = owner,
				   .addr = addr, .kind = kind };
	memcpy(s->text, text, n + 1);
	charges.sites = s;
	return s;
}

/* Forgets a site nothing is charged to any more. */
static void site_put(struct charge_site *site)
{
	struct charge_site **link = &charges.sites;

	if (site->count)
		return;
	while (*link != site)
		link = &(*link)->next;
	*link = site->next;
	kfree(site);
}

int mm_charge(unsigned kind, uintptr_t key, uint32_t amount,
	      uintptr_t caller)
{
	const struct module *owner = module_of_addr((const void *)caller);
	struct charge_site *site;
	struct charge *c, **head;

	if (!owner)
		return 0;
	site = site_get(owner, kind, caller);
	if (!site)
		return -ENOMEM;
	c = kmalloc(sizeof(*c));
	if (!c) {
		site_put(site);
		return -ENOMEM;
	}
	head = bucket_of(key);
	*c = (struct charge){ .next = *head, .key = key, .amount = amount,
			      .site = site };
	*head = c;
	site->count++;
	site->amount += amount;
	return 0;
}

bool mm_uncharge(unsigned kind, uintptr_t key)
{
	struct charge **link = bucket_of(key), *c;

	while (*link && ((*link)->key != key || (*link)->site->kind != kind))
		link = &(*link)->next;
	c = *link;
	if (!c)
		return false;
	*link = c->next;
	c->site->count--;
	c->site->amount -= c->amount;
	site_put(c->site);
	kfree(c);
	return true;
}

/* buddy_alloc, the block charged to caller's module if caller is in one;
 * NULL if no block is free or the charge finds no memory. */
struct page *page_alloc_track_caller(unsigned order, uintptr_t caller)
{
	struct page *p = buddy_alloc(order);

	if (p && caller_may_be_module(caller) &&
	    mm_charge(MM_CHARGE_PAGES, (uintptr_t)p, 1u << order, caller)) {
		buddy_free(p, order);
		return NULL;
	}
	return p;
}

/* Returns the first page of 2^order free pages, charged to the calling
 * module if a module called; NULL if none is free (or, for a module, the
 * charge found no memory). */
__attribute__((__noinline__)) struct page *page_alloc(unsigned order)
{
	return page_alloc_track_caller(order, _RET_IP_);
}

/* Frees a page_alloc block (buddy_free reports a bad one), first dropping
 * its charge; a block freed with the wrong order keeps its charge. */
void page_free(struct page *page, unsigned order)
{
	struct charge *c = *bucket_of((uintptr_t)page);

	while (c && (c->key != (uintptr_t)page || c->site->kind != MM_CHARGE_PAGES))
		c = c->next;
	if (c && order <= MAX_ORDER && c->amount == 1u << order) /* a live block */
		mm_uncharge(MM_CHARGE_PAGES, (uintptr_t)page);
	buddy_free(page, order);
}

void mm_module_held(const struct module *mod, struct mm_held *held)
{
	memset(held, 0, sizeof(*held));
	for (struct charge_site *s = charges.sites; s; s = s->next) {
		if (s->owner != mod)
			continue;
		held->count[s->kind] += s->count;
		held->amount[s->kind] += s->amount;
	}
}

/* mod's site that comes first: lowest kind, then lowest address; or NULL. */
static struct charge_site *first_site(const struct module *mod)
{
	struct charge_site *first = NULL;

	for (struct charge_site *s = charges.sites; s; s = s->next)
		if (s->owner == mod && (!first || s->kind < first->kind ||
		    (s->kind == first->kind && s->addr < first->addr)))
			first = s;
	return first;
}

unsigned mm_module_release(const struct module *mod,
			   void (*fn)(const struct mm_held_site *site, void *arg),
			   void *arg)
{
	struct charge_site *s;
	unsigned held = 0;

	while (mod && (s = first_site(mod)) != NULL) {
		struct mm_held_site r = { .kind = s->kind, .count = s->count,
					  .amount = s->amount, .site = s->text };

		s->owner = NULL;	/* no module matches it any more */
		held += s->count;
		if (fn)
			fn(&r, arg);
	}
	return held;
}

int mm_held_format(char *buf, size_t size, unsigned kind,
		   uint32_t count, uint32_t amount)
{
	static const char *const what[MM_CHARGE_KINDS] = {
		[MM_CHARGE_KMALLOC] = "kmalloc object",
		[MM_CHARGE_VMALLOC] = "vmalloc area",
		[MM_CHARGE_PAGES] = "page block",
	};
	const char *unit = kind == MM_CHARGE_PAGES ? "page" : "byte";

	return snprintf(buf, size, "%u %s%s (%u %s%s)", count, what[kind],
			count == 1 ? "" : "s", amount, unit, amount == 1 ? "" : "s");
}
