/*
 * Small objects (mm/kmalloc.c, mm/linux_mem.c, Linux's <linux/slab.h>):
 * kmalloc and friends, and object caches (kmem_cache). Everything a
 * module's code allocates is charged to it: what it still holds when it
 * is unloaded is reported, one line per call site; a kmem_cache it never
 * destroyed is reported and destroyed (docs/linux-compat.md).
 *
 * kmalloc and kzalloc are Tessera's one-argument functions; in a module
 * they also take Linux's flags argument, kmalloc(size, GFP_KERNEL), which
 * is not evaluated. The other calls take Linux's arguments; flags are
 * ignored except __GFP_ZERO.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <stddef.h>
#include <linux/types.h>
#include <linux/gfp.h>

/* Returns size bytes, 16-byte aligned (page aligned above 2048), or NULL
 * when memory is short or size is more than 2^MAX_ORDER pages.
 * kmalloc(0) returns NULL. kzalloc is kmalloc with the bytes zeroed. */
void *kmalloc(size_t size);
void *kzalloc(size_t size);
/* kfree(NULL) does nothing; a pointer kmalloc did not return, or one freed
 * twice, is reported with pr_err and otherwise ignored. An object a module
 * allocated is no longer charged to it, whoever frees it. */
void kfree(const void *ptr);

/* n objects of size bytes: NULL if n * size overflows (kcalloc zeroes). */
void *kmalloc_array(size_t n, size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
/* Resizes p (a kmalloc pointer, or NULL: then as kmalloc) to new_size
 * bytes, keeping its contents up to the smaller size; returns the new
 * pointer (maybe p itself) or NULL, leaving p untouched. new_size 0 frees
 * p and returns NULL. */
void *krealloc(const void *p, size_t new_size, gfp_t flags);
/* The usable size of a kmalloc object (its size class). */
size_t ksize(const void *p);

/* kmem_cache flags: accepted; alignment is the cache's align argument
 * (SLAB_HWCACHE_ALIGN: 32 bytes, at least 16 always). */
#define SLAB_HWCACHE_ALIGN	((slab_flags_t)0x00002000)
#define SLAB_PANIC		((slab_flags_t)0x00040000)
#define SLAB_ACCOUNT		((slab_flags_t)0x04000000)
#define SLAB_RECLAIM_ACCOUNT	((slab_flags_t)0x00020000)
#define SLAB_POISON		((slab_flags_t)0x00000800)

struct kmem_cache;

/* A cache of objects of size bytes (aligned to align, 0: 16) named name
 * (copied; /proc/slabinfo lists live caches). ctor, if not NULL, runs on
 * each object when it is allocated. Returns NULL (size 0, no memory). */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
/* One object, or NULL; charged to the calling module. */
void *kmem_cache_alloc(struct kmem_cache *cachep, gfp_t flags);
/* Gives obj back to its cache; a pointer the cache did not hand out is
 * reported and ignored. */
void kmem_cache_free(struct kmem_cache *cachep, void *obj);
/* Destroys the cache (NULL: nothing). Objects still allocated are
 * reported and stay allocated (a later kfree of one still works). */
void kmem_cache_destroy(struct kmem_cache *cachep);
#define kmem_cache_zalloc(c, flags)	kmem_cache_alloc((c), (flags) | __GFP_ZERO)
#define KMEM_CACHE(s, flags)	kmem_cache_create(#s, sizeof(struct s),	\
						  __alignof__(struct s), (flags), NULL)

#ifdef MODULE
/* kmalloc(size, flags) and kzalloc(size, flags) as in Linux, over the
 * kernel's one-argument functions (declared above, so the version CRCs
 * still come from those declarations). The one-argument Tessera form
 * keeps working: kmalloc(32). Flags are not evaluated. */
#define __tessera_first_arg(a, ...)	a
#define kmalloc(...)	(kmalloc)(__tessera_first_arg(__VA_ARGS__, 0))
#define kzalloc(...)	(kzalloc)(__tessera_first_arg(__VA_ARGS__, 0))
#define kvmalloc(size, flags)	kmalloc((size), (flags))
#define kvzalloc(size, flags)	kzalloc((size), (flags))
#define kvfree(p)		kfree(p)
#endif

#endif
