/*
 * Host tests of module allocation accounting (mm/charge.c with kmalloc.c,
 * vmalloc.c and page_alloc.c): allocations from a pretend module's code are
 * charged to it and to their call site, frees (from anywhere) drop the
 * charge, kernel callers are never charged, the unload report groups by
 * site in a fixed order and keeps the memory, init sites keep their names
 * after init is forgotten, and a charge that finds no memory fails the
 * allocation without leaking. Memory map as in test_buddy.c: 3736 pages.
 * Pretend modules and their symbol names: tests/host/host_stubs.h.
 */
// sources: mm/page_alloc.c mm/kmalloc.c mm/vmalloc.c mm/stats.c mm/charge.c tests/host/host_stubs.c
#include <stdlib.h>
#include <string.h>
#include "tests/host/ktest.h"
#include "tests/host/host_stubs.h"
#include "kernel/module.h"
#include <tessera/errno.h>

#define FREE_PAGES	3736u
#define CORE		0x1000u		/* pretend core size */
#define INIT		0x200u		/* pretend init size */

static struct mm_stats stats(void)
{
	struct mm_stats st;

	mm_get_stats(&st);
	return st;
}

static struct mm_held held(const struct module *mod)
{
	struct mm_held h;

	mm_module_held(mod, &h);
	return h;
}

static bool holds_nothing(const struct module *mod)
{
	struct mm_held h = held(mod);

	for (unsigned k = 0; k < MM_CHARGE_KINDS; k++)
		if (h.count[k] || h.amount[k])
			return false;
	return true;
}

/* The lines an unload report would print, as "kind count amount site". */
struct report {
	unsigned n;
	char line[8][96];
};

static void collect(const struct mm_held_site *s, void *arg)
{
	struct report *r = arg;

	if (r->n < 8)
		snprintf(r->line[r->n++], sizeof(r->line[0]), "%d %u %u %s",
			 (int)s->kind, s->count, s->amount, s->site);
}

static struct module *fresh(void)
{
	KT_EXPECT(host_mm_init() == 0);
	KT_EXPECT(stats().pages_kmalloc == 0 && stats().vmalloc_ranges == 0);
	for (unsigned i = 0; i < HOST_MODULES; i++)
		host_module_unmap(i);
	return host_module_map(0, CORE, INIT);
}

/* Every page and range back, no module holding anything. */
static bool all_back(const struct module *mod)
{
	struct mm_stats st = stats();

	return st.pages_free == FREE_PAGES && st.pages_kmalloc == 0 &&
	       st.vmalloc_ranges == 0 && holds_nothing(mod) &&
	       mm_module_release(mod, NULL, NULL) == 0;
}

KTEST(kernel_callers_are_not_charged)
{
	struct module *mod = fresh();
	void *a = kmalloc(100), *b = kzalloc(3000), *v = vmalloc(5000);
	struct page *p = page_alloc(2);

	KT_EXPECT(a && b && v && p);
	KT_EXPECT(holds_nothing(mod));
	/* A kernel caller's object gets no PG_CHARGED mark on its page. */
	KT_EXPECT(!(virt_to_page(a)->flags & PG_CHARGED));
	kfree(a);
	kfree(b);
	vfree(v);
	page_free(p, 2);
	KT_EXPECT(all_back(mod));
}

KTEST(kmalloc_charged_to_module_and_dropped_by_kfree)
{
	struct module *mod = fresh();
	void *a = kmalloc_track_caller(1000, HOST_SITE(mod, 0x10));
	void *b = kmalloc_track_caller(16, HOST_SITE(mod, 0x20));

	KT_EXPECT(a && b);
	KT_EXPECT(held(mod).count[MM_CHARGE_KMALLOC] == 2);
	KT_EXPECT(held(mod).amount[MM_CHARGE_KMALLOC] == 1016);
	KT_EXPECT(held(mod).count[MM_CHARGE_VMALLOC] == 0);
	KT_EXPECT(virt_to_page(a)->flags & PG_CHARGED);
	kfree(a);		/* kernel code frees it: the charge goes too */
	KT_EXPECT(held(mod).count[MM_CHARGE_KMALLOC] == 1);
	KT_EXPECT(held(mod).amount[MM_CHARGE_KMALLOC] == 16);
	kfree(b);
	KT_EXPECT(all_back(mod));
}

KTEST(kernel_object_on_a_charged_slab_frees_alone)
{
	struct module *mod = fresh();
	void *m = kmalloc_track_caller(64, HOST_SITE(mod, 0x10));
	void *k = kmalloc(64);	/* same size class, same slab page */

	KT_EXPECT(virt_to_page(m) == virt_to_page(k));
	unsigned reports = host_err_reports;

	kfree(k);
	KT_EXPECT(held(mod).count[MM_CHARGE_KMALLOC] == 1);
	kfree(k);		/* a double free is still reported */
	KT_EXPECT(host_err_reports == reports + 1);
	KT_EXPECT(held(mod).count[MM_CHARGE_KMALLOC] == 1);
	kfree(m);
	KT_EXPECT(all_back(mod));
	/* The slab page went back without its PG_CHARGED mark. */
	KT_EXPECT(virt_to_page(m)->flags == PG_FREE || virt_to_page(m)->flags == 0);
}

KTEST(vmalloc_and_pages_charged_and_dropped)
{
	struct module *mod = fresh();
	void *v = vmalloc_track_caller(5000, HOST_SITE(mod, 0x30));
	struct page *p = page_alloc_track_caller(2, HOST_SITE(mod, 0x40));
	void *big = kmalloc_track_caller(3000, HOST_SITE(mod, 0x50));
	unsigned reports = host_err_reports;

	KT_EXPECT(v && p && big);
	KT_EXPECT(held(mod).count[MM_CHARGE_VMALLOC] == 1);
	KT_EXPECT(held(mod).amount[MM_CHARGE_VMALLOC] == 5000);
	KT_EXPECT(held(mod).count[MM_CHARGE_PAGES] == 1);
	KT_EXPECT(held(mod).amount[MM_CHARGE_PAGES] == 4);
	KT_EXPECT(held(mod).amount[MM_CHARGE_KMALLOC] == 3000);
	/* page_free with the wrong order is refused and keeps the charge. */
	page_free(p, 1);
	KT_EXPECT(host_err_reports == reports + 1);
	KT_EXPECT(held(mod).count[MM_CHARGE_PAGES] == 1);
	page_free(p, 2);
	vfree(v);
	kfree(big);
	KT_EXPECT(all_back(mod));
}

KTEST(report_groups_by_site_in_fixed_order)
{
	struct module *mod = fresh();
	struct report r = { 0 };
	void *obj[4];
	struct page *p;
	void *v;

	p = page_alloc_track_caller(0, HOST_SITE(mod, 0x70));
	v = vmalloc_track_caller(100, HOST_SITE(mod, 0x60));
	obj[0] = kmalloc_track_caller(24, HOST_SITE(mod, 0x20));
	for (int i = 1; i < 4; i++)	/* one site, three objects */
		obj[i] = kmalloc_track_caller(1000, HOST_SITE(mod, 0x10));
	KT_EXPECT(p && v && obj[0] && obj[3]);
	KT_EXPECT(mm_module_release(mod, collect, &r) == 6);
	KT_EXPECT(r.n == 4);
	KT_EXPECT(!strcmp(r.line[0], "0 3 3000 core_fn+0x10"));
	KT_EXPECT(!strcmp(r.line[1], "0 1 24 core_fn+0x20"));
	KT_EXPECT(!strcmp(r.line[2], "1 1 100 core_fn+0x60"));
	KT_EXPECT(!strcmp(r.line[3], "2 1 1 core_fn+0x70"));
	/* Released: the module holds nothing, a second release says nothing,
	 * and the memory is still allocated and counted. */
	KT_EXPECT(holds_nothing(mod));
	KT_EXPECT(mm_module_release(mod, collect, &r) == 0 && r.n == 4);
	KT_EXPECT(stats().vmalloc_ranges == 1);
	KT_EXPECT(stats().pages_free < FREE_PAGES);
	/* Whoever frees them later, it works and drops the orphaned charge. */
	for (int i = 0; i < 4; i++)
		kfree(obj[i]);
	vfree(v);
	page_free(p, 0);
	KT_EXPECT(all_back(mod));
}

KTEST(modules_are_kept_apart_and_a_new_module_at_the_same_place_is_new)
{
	struct module *a = fresh(), *b = host_module_map(1, CORE, INIT);
	void *x = kmalloc_track_caller(100, HOST_SITE(a, 0x10));
	void *y = kmalloc_track_caller(200, HOST_SITE(b, 0x10));
	struct report r = { 0 };

	KT_EXPECT(held(a).amount[MM_CHARGE_KMALLOC] == 100);
	KT_EXPECT(held(b).amount[MM_CHARGE_KMALLOC] == 200);
	KT_EXPECT(mm_module_release(a, collect, &r) == 1);
	host_module_unmap(0);
	/* Another module mapped where a was starts with nothing. */
	a = host_module_map(0, CORE, INIT);
	KT_EXPECT(holds_nothing(a));
	KT_EXPECT(held(b).amount[MM_CHARGE_KMALLOC] == 200);
	kfree(x);
	kfree(y);
	KT_EXPECT(all_back(a) && all_back(b));
}

KTEST(init_site_keeps_its_name_after_init_is_forgotten)
{
	struct module *mod = fresh();
	void *a = kmalloc_track_caller(1000, HOST_SITE(mod, CORE + 0x1c));
	struct report r = { 0 };

	KT_EXPECT(a != NULL);
	host_module_forget_init(0);	/* init dropped: its symbols are gone */
	KT_EXPECT(mm_module_release(mod, collect, &r) == 1);
	KT_EXPECT(r.n == 1 && !strcmp(r.line[0], "0 1 1000 init_fn+0x1c"));
	kfree(a);
	KT_EXPECT(all_back(mod));
}

KTEST(unnamed_site_is_an_address)
{
	struct module *mod = fresh();
	uintptr_t site = HOST_SITE(mod, CORE + 0x8);
	char want[32];
	struct report r = { 0 };
	void *a;

	host_module_forget_init(0);
	a = kmalloc_track_caller(8, site);
	KT_EXPECT(mm_module_release(mod, collect, &r) == 1);
	snprintf(want, sizeof(want), "0 1 8 0x%08x", (unsigned)site);
	KT_EXPECT(!strcmp(r.line[0], want));
	kfree(a);
	KT_EXPECT(all_back(mod));
}

KTEST(a_charge_without_memory_fails_the_allocation_cleanly)
{
	struct module *mod = fresh();
	struct page *hog[FREE_PAGES], *p;
	unsigned n = 0;

	/* Every page out but one: the module's page_alloc gets that page,
	 * the charge then finds no page for its records. */
	while ((p = page_alloc(0)) != NULL)
		hog[n++] = p;
	page_free(hog[--n], 0);
	KT_EXPECT(stats().pages_free == 1);
	KT_EXPECT(page_alloc_track_caller(0, HOST_SITE(mod, 0x10)) == NULL);
	KT_EXPECT(kmalloc_track_caller(3000, HOST_SITE(mod, 0x10)) == NULL);
	KT_EXPECT(vmalloc_track_caller(10, HOST_SITE(mod, 0x10)) == NULL);
	KT_EXPECT(stats().pages_free == 1 && holds_nothing(mod));
	KT_EXPECT(stats().pages_kmalloc == 0 && stats().vmalloc_ranges == 0);
	while (n)
		page_free(hog[--n], 0);
	KT_EXPECT(all_back(mod));
}

KTEST(held_format_says_count_and_amount)
{
	char buf[64];

	mm_held_format(buf, sizeof(buf), MM_CHARGE_KMALLOC, 1, 1000);
	KT_EXPECT(!strcmp(buf, "1 kmalloc object (1000 bytes)"));
	mm_held_format(buf, sizeof(buf), MM_CHARGE_KMALLOC, 2, 1016);
	KT_EXPECT(!strcmp(buf, "2 kmalloc objects (1016 bytes)"));
	mm_held_format(buf, sizeof(buf), MM_CHARGE_VMALLOC, 0, 0);
	KT_EXPECT(!strcmp(buf, "0 vmalloc areas (0 bytes)"));
	mm_held_format(buf, sizeof(buf), MM_CHARGE_PAGES, 1, 1);
	KT_EXPECT(!strcmp(buf, "1 page block (1 page)"));
	mm_held_format(buf, sizeof(buf), MM_CHARGE_PAGES, 3, 12);
	KT_EXPECT(!strcmp(buf, "3 page blocks (12 pages)"));
}

KTEST(random_module_and_kernel_mix_ends_with_nothing_held)
{
	struct module *mod = fresh();
	static void *live[256];
	static bool charged[256];
	uint32_t seed = 7, want_count = 0, want_bytes = 0;
	static uint32_t size[256];
	unsigned reports = host_err_reports;

	for (int i = 0; i < 5000; i++) {
		unsigned s;

		seed = seed * 1103515245u + 12345u;
		s = (seed >> 8) % 256;
		if (live[s]) {
			if (charged[s]) {
				want_count--;
				want_bytes -= size[s];
			}
			kfree(live[s]);
			live[s] = NULL;
			continue;
		}
		size[s] = 1 + (seed >> 16) % 3000;
		charged[s] = seed & 1;
		live[s] = charged[s] ?
			  kmalloc_track_caller(size[s], HOST_SITE(mod, s * 4)) :
			  kmalloc(size[s]);
		KT_EXPECT(live[s] != NULL);
		if (charged[s]) {
			want_count++;
			want_bytes += size[s];
		}
		KT_EXPECT(held(mod).count[MM_CHARGE_KMALLOC] == want_count);
		KT_EXPECT(held(mod).amount[MM_CHARGE_KMALLOC] == want_bytes);
	}
	for (int s = 0; s < 256; s++)
		kfree(live[s]);
	KT_EXPECT(all_back(mod));
	KT_EXPECT(host_err_reports == reports);
}

int main(void)
{
	return ktest_main();
}
