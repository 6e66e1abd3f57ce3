/*
 * hx_cacheleak: creates a kmem_cache, allocates two objects from it,
 * frees one, and exits without kmem_cache_destroy (scenario
 * linux_cacheleak). The kernel destroys the cache at unload, with one
 * line naming it, its creator and the object still allocated.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/slab.h>

static struct kmem_cache *hx_cache;
static void *hx_obj[2];

static int __init hx_cacheleak_init(void)
{
	hx_cache = kmem_cache_create("hx_cacheleak", 48, 0, 0, NULL);
	if (!hx_cache)
		return -ENOMEM;
	hx_obj[0] = kmem_cache_alloc(hx_cache, GFP_KERNEL);
	hx_obj[1] = kmem_cache_alloc(hx_cache, GFP_KERNEL);
	pr_info("hx_cacheleak: cache made, 2 objects allocated: %s\n",
		hx_obj[0] && hx_obj[1] ? "yes" : "no");
	return 0;
}

static void __exit hx_cacheleak_exit(void)
{
	kmem_cache_free(hx_cache, hx_obj[1]);
	pr_info("hx_cacheleak: exit without kmem_cache_destroy\n");
}

module_init(hx_cacheleak_init);
module_exit(hx_cacheleak_exit);
MODULE_LICENSE("GPL");
