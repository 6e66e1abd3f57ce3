/*
 * lx_mem: Linux's memory and helper API from a module, each result
 * checked and printed (scenario linux_mem): a kmem_cache with a
 * constructor (create, alloc, free, destroy), kcalloc (zeroed, and NULL
 * on overflow), krealloc keeping the contents, kstrdup, vzalloc,
 * __get_free_pages, the kstrto* family with its refusals, scnprintf
 * against snprintf, and ERR_PTR/IS_ERR/PTR_ERR.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/gfp.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/mm.h>

#define LX_OBJS 3

struct lx_obj {
	u32 magic;
	char name[20];
};

static void lx_obj_ctor(void *p)
{
	((struct lx_obj *)p)->magic = 0x4c584f42;
}

static int lx_cache(void)
{
	struct kmem_cache *cache;
	struct lx_obj *obj[LX_OBJS];
	int i, good = 0;

	cache = kmem_cache_create("lx_mem_obj", sizeof(struct lx_obj), 0,
				  SLAB_HWCACHE_ALIGN, lx_obj_ctor);
	if (!cache)
		return -ENOMEM;
	for (i = 0; i < LX_OBJS; i++) {
		obj[i] = kmem_cache_alloc(cache, GFP_KERNEL);
		if (obj[i] && obj[i]->magic == 0x4c584f42)
			good++;
	}
	pr_info("lx_mem: kmem_cache: %d of %d objects constructed, distinct: %s\n",
		good, LX_OBJS, obj[0] != obj[1] && obj[1] != obj[2] ? "yes" : "no");
	for (i = 0; i < LX_OBJS; i++)
		kmem_cache_free(cache, obj[i]);
	kmem_cache_destroy(cache);
	return good == LX_OBJS ? 0 : -ENOMEM;
}

static int lx_arrays(void)
{
	int *a = kcalloc(4, sizeof(*a), GFP_KERNEL), *b;
	void *huge = kcalloc(0x40000001, 4, GFP_KERNEL);
	char *s;

	if (!a)
		return -ENOMEM;
	a[3] = 7;
	b = krealloc(a, 64 * sizeof(*b), GFP_KERNEL);
	if (!b) {
		kfree(a);
		return -ENOMEM;
	}
	pr_info("lx_mem: kcalloc zeroed: %s; overflowing kcalloc: %s; krealloc kept %d\n",
		b[0] == 0 && b[1] == 0 && b[2] == 0 ? "yes" : "no",
		huge ? "not NULL" : "NULL", b[3]);
	kfree(b);
	s = kstrdup("a copy", GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	pr_info("lx_mem: kstrdup: \"%s\", %zu bytes, its own copy: %s\n", s,
		strlen(s), s != (const char *)"a copy" ? "yes" : "no");
	kfree(s);
	return 0;
}

static int lx_pages(void)
{
	unsigned char *v = vzalloc(3 * PAGE_SIZE + 5);
	unsigned long pages;
	size_t i, nonzero = 0;

	if (!v)
		return -ENOMEM;
	for (i = 0; i < 3 * PAGE_SIZE + 5; i++)
		nonzero += v[i] != 0;
	v[3 * PAGE_SIZE + 4] = 1;
	vfree(v);
	pages = __get_free_pages(GFP_KERNEL, 1);
	if (!pages)
		return -ENOMEM;
	memset((void *)pages, 0xa5, 2 * PAGE_SIZE);
	pr_info("lx_mem: vzalloc: %zu nonzero bytes; __get_free_pages(order 1): "
		"page aligned %s, filled\n", nonzero,
		(pages & (PAGE_SIZE - 1)) == 0 ? "yes" : "no");
	free_pages(pages, 1);
	return 0;
}

static void lx_numbers(void)
{
	int i = 0, r1, r2, r3, r4, r5;
	unsigned int u = 0;
	u8 b = 0;
	long l = 0;
	bool yes = false;

	r1 = kstrtoint("-42", 10, &i);
	r2 = kstrtouint("0x1f", 0, &u);
	r3 = kstrtou8("300", 10, &b);
	r4 = kstrtol("12abc", 10, &l);
	r5 = kstrtobool("y", &yes);
	pr_info("lx_mem: kstrtoint(\"-42\") %d -> %d; kstrtouint(\"0x1f\", 0) %d -> %u\n",
		r1, i, r2, u);
	pr_info("lx_mem: kstrtou8(\"300\") %d (ERANGE %d), kstrtol(\"12abc\") %d "
		"(EINVAL %d), kstrtobool(\"y\") %d -> %d\n", r3, -ERANGE, r4, -EINVAL,
		r5, yes);
}

static void lx_strings(void)
{
	char buf[8];
	int n = snprintf(buf, sizeof(buf), "%s", "truncated text");
	int c = scnprintf(buf, sizeof(buf), "%s", "truncated text");

	pr_info("lx_mem: snprintf wants %d, scnprintf wrote %d: \"%s\"\n", n, c, buf);
}

static void lx_errors(void)
{
	void *e = ERR_PTR(-ENOMEM);
	void *ok = &lx_errors;

	pr_info("lx_mem: IS_ERR(ERR_PTR(-ENOMEM)) %d, PTR_ERR %ld, IS_ERR(a pointer) %d, "
		"IS_ERR_OR_NULL(NULL) %d\n", IS_ERR(e), PTR_ERR(e), IS_ERR(ok),
		IS_ERR_OR_NULL(NULL));
}

static int __init lx_mem_init(void)
{
	int err = lx_cache();

	if (!err)
		err = lx_arrays();
	if (!err)
		err = lx_pages();
	if (err)
		return err;
	lx_numbers();
	lx_strings();
	lx_errors();
	return 0;
}

static void __exit lx_mem_exit(void)
{
	pr_info("lx_mem: exit\n");
}

module_init(lx_mem_init);
module_exit(lx_mem_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Linux memory and helper API: caches, arrays, pages, kstrto*, errors");
