/*
 * Linux's allocation helpers over Tessera's allocators (<linux/slab.h>,
 * <linux/gfp.h>, <linux/vmalloc.h>, <linux/string.h>): kcalloc, krealloc,
 * the k*dup copies, vzalloc, __get_free_pages, and object caches
 * (kmem_cache) as named groups of kmalloc objects. Each entry point is
 * noinline and passes its own return address down, so what a module's
 * code allocates is charged to that module (charge.c) like kmalloc.
 */
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/errno.h>
#include "mm/mm.h"
#include "mm/mm_internal.h"
#include "kernel/printk.h"
#include "kernel/symbols.h"
#include "kernel/module.h"
#include "lib/string.h"

static void *zalloc_caller(size_t size, gfp_t flags, uintptr_t caller)
{
	void *p = kmalloc_track_caller(size, caller);

	if (p && (flags & __GFP_ZERO))
		memset(p, 0, size);
	return p;
}

__attribute__((__noinline__)) void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return zalloc_caller(n * size, flags, _RET_IP_);
}

__attribute__((__noinline__)) void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return zalloc_caller(n * size, flags | __GFP_ZERO, _RET_IP_);
}

/* A new object is taken unless the old one's size class already fits. */
__attribute__((__noinline__)) void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t old = ksize(p);
	void *q;

	if (new_size == 0) {
		kfree(p);
		return NULL;
	}
	if (p && old >= new_size)
		return (void *)p;
	q = zalloc_caller(new_size, flags, _RET_IP_);
	if (q && p) {
		memcpy(q, p, old);
		kfree(p);
	}
	return q;
}

__attribute__((__noinline__)) void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc_track_caller(len, _RET_IP_);

	if (p)
		memcpy(p, src, len);
	return p;
}

__attribute__((__noinline__)) char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strnlen(s, max);
	p = kmalloc_track_caller(n + 1, _RET_IP_);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

__attribute__((__noinline__)) char *kstrdup(const char *s, gfp_t gfp)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	p = kmalloc_track_caller(n, _RET_IP_);
	if (p)
		memcpy(p, s, n);
	return p;
}

__attribute__((__noinline__)) void *vzalloc(size_t size)
{
	void *p = vmalloc_track_caller(size, _RET_IP_);

	if (p)
		memset(p, 0, PAGE_ALIGN(size));
	return p;
}

static unsigned long pages_caller(gfp_t gfp, unsigned int order, uintptr_t caller)
{
	struct page *pg;

	if (order > MAX_ORDER)
		return 0;
	pg = page_alloc_track_caller(order, caller);
	if (!pg)
		return 0;
	if (gfp & __GFP_ZERO)
		memset(page_address(pg), 0, (size_t)PAGE_SIZE << order);
	return (unsigned long)page_address(pg);
}

__attribute__((__noinline__)) unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	return pages_caller(gfp, order, _RET_IP_);
}

__attribute__((__noinline__)) unsigned long get_zeroed_page(gfp_t gfp)
{
	return pages_caller(gfp | __GFP_ZERO, 0, _RET_IP_);
}

void free_pages(unsigned long addr, unsigned int order)
{
	struct page *pg;

	if (!addr)
		return;
	pg = virt_to_page((const void *)addr);
	if (!pg || (addr & (PAGE_SIZE - 1))) {
		pr_err("free_pages: %#lx is not a page address\n", addr);
		return;
	}
	page_free(pg, order);
}

/* ---- object caches ------------------------------------------------------
 * A cache is a name, an object size and a count of live objects; objects
 * are kmalloc objects of the size rounded up to the alignment (kmalloc's
 * size classes are powers of two, each object aligned to its class). The
 * caller that created a cache is recorded: kmem_cache_remove_range finds
 * the caches a module left behind. */
#define KMEM_CACHE_NAME_LEN 32

struct kmem_cache {
	char name[KMEM_CACHE_NAME_LEN];
	unsigned int size;		/* bytes asked for per object */
	unsigned int alloc_size;	/* what is kmalloc'd per object */
	void (*ctor)(void *obj);
	uint32_t live;			/* objects allocated, not freed */
	uintptr_t creator;		/* return address of kmem_cache_create */
	uintptr_t owner;		/* image base of the module that made it, or 0 */
	char site[KMEM_CACHE_NAME_LEN];	/* creator's name, "f+0x1c" (modules only) */
	struct kmem_cache *next;
};

static struct kmem_cache *caches;

/* c->site: sym_format's "f+0xoff/0xsize [module]" cut to "f+0xoff". */
static void cache_site_name(struct kmem_cache *c)
{
	char text[96];
	size_t n;

	sym_format(c->creator, text, sizeof(text));
	for (n = 0; text[n] && text[n] != '/' && text[n] != ' '; n++)
		;
	text[n] = '\0';
	strlcpy(c->site, text, sizeof(c->site));
}

__attribute__((__noinline__)) struct kmem_cache *
kmem_cache_create(const char *name, unsigned int size, unsigned int align,
		  slab_flags_t flags, void (*ctor)(void *))
{
	struct module_record *rec;
	struct kmem_cache *c;

	if (size == 0 || !name)
		return NULL;
	if ((flags & SLAB_HWCACHE_ALIGN) && align < 32)
		align = 32;
	c = kmalloc_track_caller(sizeof(*c), _RET_IP_);
	if (!c)
		return NULL;
	strlcpy(c->name, name, sizeof(c->name));
	c->size = size;
	c->alloc_size = align > size ? align : size;
	c->ctor = ctor;
	c->live = 0;
	c->creator = _RET_IP_;
	/* Made from a module's __init code, creator is gone from its image by
	 * unload (the init part is unmapped): remember the image itself. */
	rec = module_record_at(_RET_IP_);
	c->owner = rec ? (uintptr_t)rec->hdr : 0;
	c->site[0] = '\0';
	if (rec)
		cache_site_name(c);
	c->next = caches;
	caches = c;
	return c;
}

__attribute__((__noinline__)) void *kmem_cache_alloc(struct kmem_cache *c, gfp_t flags)
{
	void *obj = kmalloc_track_caller(c->alloc_size, _RET_IP_);

	if (!obj)
		return NULL;
	if (flags & __GFP_ZERO)
		memset(obj, 0, c->size);
	if (c->ctor)
		c->ctor(obj);
	c->live++;
	return obj;
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	if (!obj)
		return;
	if (c->live == 0) {
		pr_err("kmem_cache_free: cache %s has no object %p\n", c->name, obj);
		return;
	}
	c->live--;
	kfree(obj);
}

/* Unlinks c and frees it; its live objects stay allocated. */
static void cache_release(struct kmem_cache *c)
{
	struct kmem_cache **link = &caches;

	while (*link && *link != c)
		link = &(*link)->next;
	if (*link)
		*link = c->next;
	kfree(c);
}

void kmem_cache_destroy(struct kmem_cache *c)
{
	if (!c)
		return;
	if (c->live)
		pr_err("kmem_cache_destroy: cache %s still has %u object%s "
		       "allocated; they stay allocated\n", c->name, c->live,
		       c->live == 1 ? "" : "s");
	cache_release(c);
}

unsigned kmem_cache_remove_range(uintptr_t start, uintptr_t len,
				 void (*report)(const char *name, uint32_t live,
						const char *site, void *arg),
				 void *arg)
{
	struct kmem_cache *c = caches, *next;
	unsigned n = 0;

	for (; c; c = next) {
		next = c->next;
		if (c->creator - start >= len && c->owner - start >= len &&
		    (uintptr_t)c->ctor - start >= len)
			continue;
		report(c->name, c->live, c->site, arg);
		cache_release(c);
		n++;
	}
	return n;
}
