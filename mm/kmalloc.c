/*
 * kmalloc: small objects from size classes 16..2048 bytes, each class
 * carving whole pages (slabs, PG_SLAB) into equal objects; free objects of
 * a slab are chained inside the slab itself, and slabs with a free object
 * are on their class's partial list. The chain is built lazily: objects
 * never handed out join it a few at a time, in address order, when it
 * runs empty (slab_fresh is the index of the first not joined yet), so a
 * new slab costs no loop over all its objects. An empty slab goes back
 * to the page allocator at once.
 * Requests above 2048 bytes take 2^order whole pages (PG_KMALLOC_BIG).
 * kfree checks every pointer before trusting it.
 * An object a module's code asks for is charged to it (charge.c), and its
 * page marked PG_CHARGED, so that kfree looks for a charge only there.
 * Fast paths (kmalloc_fast, slab_free_fast, zero_cells for kzalloc's small
 * objects) serve an uncharged small object from or to a slab that stays
 * on its partial list; everything else, and every check's failure, takes
 * the long way, which is the one to read first.
 */
#include "mm/mm.h"
#include "mm/mm_internal.h"
#include "kernel/printk.h"
#include "lib/string.h"

#define NR_CLASSES	8
#define MIN_SHIFT	4		/* class 0 holds 16-byte objects */
#define MAX_SMALL	2048
#define FREE_MAGIC	0x6b667265u	/* "kfre": marks an object on a free list */

/* What a free object holds; a live object is all the caller's (an object
 * past slab_fresh holds whatever the page held before). */
struct free_obj {
	struct free_obj *next;
	uint32_t magic;
};

static struct {
	struct page *partial[NR_CLASSES];	/* slabs with a free object */
	uint32_t pages;				/* slab + big pages held */
} kmem;

static size_t class_size(unsigned c)
{
	return (size_t)1 << (c + MIN_SHIFT);
}

/* The smallest class holding size bytes (1..MAX_SMALL): the bit length
 * of size - 1 (one bsr), less MIN_SHIFT; the low bits or'd in make every
 * size up to 16 class 0 without a branch. */
static unsigned size_class(size_t size)
{
	return 32 - __builtin_clz(((unsigned)size - 1) | ((1u << MIN_SHIFT) - 1)) - MIN_SHIFT;
}

static unsigned slab_objects(unsigned c)
{
	return PAGE_SIZE / class_size(c);
}

static void partial_add(struct page *p)
{
	p->prev = NULL;
	p->next = kmem.partial[p->slab_class];
	if (p->next)
		p->next->prev = p;
	kmem.partial[p->slab_class] = p;
}

static void partial_remove(struct page *p)
{
	if (p->prev)
		p->prev->next = p->next;
	else
		kmem.partial[p->slab_class] = p->next;
	if (p->next)
		p->next->prev = p->prev;
	p->next = p->prev = NULL;
}

/* An object of class c handed out: its free-list words cleared (a live
 * object never looks free to kfree's double-free check). */
static void *slab_handout(struct free_obj *o)
{
	o->next = NULL;
	o->magic = 0;
	return o;
}

/* How many objects never handed out join a slab's free list at a time:
 * enough that the cost of each joining (a call and some arithmetic, about
 * 30 instructions) is spread thin, few enough that a new slab costs little
 * (all 63 free objects of a 64-byte slab linked at once cost about 400;
 * 16 cost about 100). Measured: 4, 8 and 16 give about the same insmod;
 * 16 the cheapest boot. */
#define SLAB_BATCH	16

/* Puts the slab's next objects never handed out (from index slab_fresh,
 * up to SLAB_BATCH, in address order) on its free list, which is empty:
 * their free-list words written, slab_fresh moved past them. Returns
 * false, touching nothing, if none is left (the slab is full). base is
 * the page's start (a slab is one page-aligned page). Inlined in both
 * callers: slab_new, which has a frame already, and slab_list_empty. */
static inline __attribute__((__always_inline__))
bool slab_link_fresh(struct page *p, uintptr_t base)
{
	unsigned shift = p->slab_class + MIN_SHIFT;	/* log2 of the size */
	unsigned n = (PAGE_SIZE >> shift) - p->slab_fresh;	/* left */
	uintptr_t first = base + ((uintptr_t)p->slab_fresh << shift);
	uintptr_t o;
	struct free_obj *head = NULL;

	if (n == 0)
		return false;
	if (n > SLAB_BATCH)
		n = SLAB_BATCH;
	p->slab_fresh += n;
	/* from the last to the first, each pointing at the one after it */
	for (o = first + ((uintptr_t)(n - 1) << shift);;
	     o -= (uintptr_t)1 << shift) {
		struct free_obj *f = (struct free_obj *)o;

		f->next = head;
		f->magic = FREE_MAGIC;
		head = f;
		if (o == first)
			break;
	}
	p->slab_free = head;
	return true;
}

/* slab_pop has taken o, the last object on p's free list: objects never
 * handed out take its place, or if there are none the slab is full and
 * leaves its partial list. Out of line: slab_pop's usual case, a free
 * object left, stays short. */
static __attribute__((__noinline__)) void slab_list_empty(struct page *p,
							 const struct free_obj *o)
{
	if (!slab_link_fresh(p, (uintptr_t)o & ~(uintptr_t)(PAGE_SIZE - 1)))
		partial_remove(p);
}

/* A fresh slab page for class c with its first object handed out (the
 * caller's), the next SLAB_BATCH on the free list and the rest not
 * touched; NULL if no memory. The free list of a slab is built lazily:
 * slab_pop links more (slab_list_empty) when it takes the last object on
 * the list. So the list is empty only in a full slab, as when the
 * whole list was built here at once, and objects still come out in
 * address order after any freed ones; a new slab costs no loop over all
 * its objects. Out of line: the allocation fast paths stay short. */
static __attribute__((__noinline__)) void *slab_new(unsigned c)
{
	struct page *p = buddy_alloc(0);
	struct free_obj *base;

	if (!p)
		return NULL;
	base = page_address(p);
	p->flags |= PG_SLAB;
	p->slab_class = c;
	p->slab_inuse = 1;
	p->slab_fresh = 1;	/* a class has two objects or more: */
	slab_link_fresh(p, (uintptr_t)base);	/* so this links one or more */
	partial_add(p);
	kmem.pages++;
	return slab_handout(base);
}

/* The fast path of a small object: the first free object of the first
 * slab on class c's partial list, or NULL if the list is empty (then
 * slab_alloc makes a slab). The last free object taken, objects never
 * handed out take its place (slab_list_empty); if there are none, the
 * slab is full and leaves the partial list. Its free-list words are the
 * caller's to clear. */
static inline struct free_obj *slab_pop(unsigned c)
{
	struct page *p = kmem.partial[c];
	struct free_obj *o;

	if (!p)
		return NULL;
	o = p->slab_free;
	p->slab_free = o->next;
	p->slab_inuse++;
	if (!p->slab_free)
		slab_list_empty(p, o);
	return o;
}

static void *slab_alloc(size_t size)
{
	unsigned c = size_class(size);
	struct free_obj *o = slab_pop(c);

	return o ? slab_handout(o) : slab_new(c);
}

/* The fast path of kmalloc and kzalloc: a kernel caller's small object
 * from a slab with one free (slab_pop), or NULL for the long way
 * (kmalloc_track_caller: a new slab, a big block, a module's charge). */
static inline struct free_obj *kmalloc_fast(size_t size, uintptr_t caller)
{
	if (size - 1 >= MAX_SMALL || caller_may_be_module(caller))
		return NULL;	/* size 0 wraps round: the long way says NULL */
	return slab_pop(size_class(size));
}

static void *big_alloc(size_t size)
{
	unsigned order = 0;
	struct page *p;

	while (((size_t)PAGE_SIZE << order) < size)
		if (++order > MAX_ORDER)
			return NULL;
	p = buddy_alloc(order);
	if (!p)
		return NULL;
	p->flags |= PG_KMALLOC_BIG;
	kmem.pages += 1u << order;
	return page_address(p);
}

/* kmalloc, the object charged to caller's module if caller is in one. */
void *kmalloc_track_caller(size_t size, uintptr_t caller)
{
	void *p;

	if (size == 0)
		return NULL;
	p = size <= MAX_SMALL ? slab_alloc(size) : big_alloc(size);
	if (!p || !caller_may_be_module(caller))
		return p;
	if (mm_charge(MM_CHARGE_KMALLOC, (uintptr_t)p, size, caller)) {
		kfree(p);
		return NULL;
	}
	virt_to_page(p)->flags |= PG_CHARGED;
	return p;
}

/*
 * Returns size bytes aligned to 16 (to a page above 2048 bytes), or NULL
 * if size is 0, larger than 2^MAX_ORDER pages, or memory is short. Called
 * from a module's code, the object is charged to that module.
 */
__attribute__((__noinline__)) void *kmalloc(size_t size)
{
	uintptr_t caller = _RET_IP_;
	struct free_obj *o = kmalloc_fast(size, caller);

	return o ? slab_handout(o) : kmalloc_track_caller(size, caller);
}

/* Zeroes a small object (size 1..ZERO_CELLS_MAX) in whole 16-byte cells,
 * four word stores a cell, the last cell first and falling through to the
 * first: every class is whole cells, so the stores past size stay in the
 * object. For a small object this is cheaper than memset's call and
 * set-up (about 20 instructions); past ZERO_CELLS_MAX bytes memset's one
 * store a word wins. */
#define ZERO_CELLS_MAX	64
static void *zero_cells(void *obj, size_t size)
{
	uint32_t *w = obj;

	switch ((size + 15) / 16) {
	case 4:
		w[12] = 0, w[13] = 0, w[14] = 0, w[15] = 0;
		/* fall through */
	case 3:
		w[8] = 0, w[9] = 0, w[10] = 0, w[11] = 0;
		/* fall through */
	case 2:
		w[4] = 0, w[5] = 0, w[6] = 0, w[7] = 0;
		/* fall through */
	default:
		w[0] = 0, w[1] = 0, w[2] = 0, w[3] = 0;
	}
	return obj;
}

/* kzalloc's zeroing past ZERO_CELLS_MAX bytes, out of line: the fast
 * path then needs no stack of its own. */
static __attribute__((__noinline__)) void *zero_big(void *p, size_t size)
{
	return memset(p, 0, size);
}

/* kzalloc's long way: any size, any caller. */
static __attribute__((__noinline__)) void *kzalloc_slow(size_t size, uintptr_t caller)
{
	void *p = kmalloc_track_caller(size, caller);

	if (p)
		memset(p, 0, size);
	return p;
}

/*
 * As kmalloc, with the bytes zeroed; charged to kzalloc's caller. The
 * common case, a kernel caller's small object from a slab that has one
 * free, is taken here at once: kmalloc_fast gives the object slab_alloc
 * would, and the zeroing clears the free-list words slab_handout would
 * have cleared, so the object and the slab's state are the same as by the
 * long way.
 */
__attribute__((__noinline__)) void *kzalloc(size_t size)
{
	uintptr_t caller = _RET_IP_;
	void *p = kmalloc_fast(size, caller);

	if (!p)
		return kzalloc_slow(size, caller);
	return size <= ZERO_CELLS_MAX ? zero_cells(p, size) : zero_big(p, size);
}

/* True if o is on p's free list (walked at most once around the slab). */
static bool on_free_list(struct page *p, const struct free_obj *o)
{
	const struct free_obj *f = p->slab_free;

	for (unsigned n = slab_objects(p->slab_class); f && n > 0; n--) {
		if (f == o)
			return true;
		f = f->next;
	}
	return false;
}

static void slab_free(struct page *p, const void *ptr)
{
	/* a slab is one page, page-aligned: the offset in the page is the
	 * offset in the slab (page_address(p) is ptr's page start) */
	uintptr_t off = (uintptr_t)ptr & (PAGE_SIZE - 1);
	struct free_obj *o = (struct free_obj *)ptr;

	if (off % class_size(p->slab_class)) {
		pr_err("kfree: %p is not the start of a kmalloc object\n", ptr);
		return;
	}
	/* free already: on the free list (its magic, confirmed by the walk),
	 * or at or past slab_fresh (never handed out, not on the list yet) */
	if (off / class_size(p->slab_class) >= p->slab_fresh ||
	    (o->magic == FREE_MAGIC && on_free_list(p, o))) {
		pr_err("kfree: double free of %p\n", ptr);
		return;
	}
	if (!p->slab_free)
		partial_add(p);
	o->next = p->slab_free;
	o->magic = FREE_MAGIC;
	p->slab_free = o;
	if (--p->slab_inuse > 0)
		return;
	partial_remove(p);
	p->flags &= ~(PG_SLAB | PG_CHARGED);
	p->slab_free = NULL;
	p->slab_fresh = 0;
	kmem.pages--;
	buddy_free(p, 0);
}

/* kfree's long way: any pointer, checked and reported. */
static __attribute__((__noinline__)) void kfree_slow(struct page *p, const void *ptr)
{
	if (p && (p->flags & PG_CHARGED))
		mm_uncharge(MM_CHARGE_KMALLOC, (uintptr_t)ptr);
	if (p && (p->flags & PG_SLAB)) {
		slab_free(p, ptr);
	} else if (p && (p->flags & PG_KMALLOC_BIG) && ptr == page_address(p)) {
		p->flags &= ~(PG_KMALLOC_BIG | PG_CHARGED);
		kmem.pages -= 1u << p->order;
		buddy_free(p, p->order);
	} else {
		pr_err("kfree: %p was not allocated by kmalloc "
		       "(or was freed already)\n", ptr);
	}
}

/* kfree's fast path: an uncharged object at an object start, before
 * slab_fresh and not marked free, in a slab that keeps another object in
 * use and already has a free one (so it stays on its partial list).
 * That is the case where slab_free only pushes the object onto the slab's
 * free list, which this does; any other case returns false having touched
 * nothing, for kfree_slow.
 * The object start and slab_fresh are asked in one compare: the offset in
 * the page rotated right by the class's shift (log2 of its size) is the
 * object's index if the offset is a multiple of the size, and otherwise
 * at least 2^(32 - shift) > 2^20 (the remainder's bits come round to the
 * top), more than any slab_fresh (at most 256): as slab_free's two tests. */
static inline bool slab_free_fast(struct page *p, const void *ptr)
{
	struct free_obj *o = (struct free_obj *)ptr;
	uint32_t off = (uintptr_t)ptr & (PAGE_SIZE - 1);
	unsigned shift = p->slab_class + MIN_SHIFT;	/* 4..11 */
	uint32_t index = (off >> shift) | (off << (32 - shift));

	if ((p->flags & (PG_SLAB | PG_CHARGED)) != PG_SLAB ||
	    index >= p->slab_fresh ||
	    o->magic == FREE_MAGIC || !p->slab_free || p->slab_inuse == 1)
		return false;
	o->next = p->slab_free;
	o->magic = FREE_MAGIC;
	p->slab_free = o;
	p->slab_inuse--;
	return true;
}

/*
 * Frees a kmalloc() pointer, dropping its module charge if it has one
 * (a charged key is a live object, so the free below then succeeds).
 * NULL does nothing. A pointer kmalloc did not
 * return (not in a slab or big block, not an object start) or one already
 * freed is reported with pr_err and nothing is changed.
 */
void kfree(const void *ptr)
{
	struct page *p;

	if (!ptr)
		return;
	p = virt_to_page(ptr);
	if (!p || !slab_free_fast(p, ptr))
		kfree_slow(p, ptr);
}

uint32_t kmalloc_pages_held(void)
{
	return kmem.pages;
}

/* The usable size of a kmalloc object: its size class, or the whole block
 * for a large one; 0 for NULL or a pointer kmalloc did not return. */
size_t ksize(const void *ptr)
{
	struct page *p = ptr ? virt_to_page(ptr) : NULL;

	if (p && (p->flags & PG_SLAB))
		return class_size(p->slab_class);
	if (p && (p->flags & PG_KMALLOC_BIG) && ptr == page_address(p))
		return (size_t)PAGE_SIZE << p->order;
	return 0;
}
