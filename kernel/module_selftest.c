/*
 * In-kernel self tests of the module core (kernel/module.c, kernel/ksyms.c)
 * without any .ko file: each test builds synthetic module images (a header,
 * optionally one export whose name and address lie inside the image) in
 * vmalloc'd pages and drives the record, state, refcount, dependency,
 * export and header-check code directly. Every test destroys what it made
 * and checks that free pages and vmalloc ranges are back exactly.
 */
#include "kernel/module.h"
#include "kernel/printk.h"
#include "kernel/selftest.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <tessera/vermagic.h>

/* Image layout: header, one export entry, its name, its "address", the
 * modinfo (the kernel's version magic). */
#define IMG_SIZE	PAGE_SIZE
#define IMG_SYM_OFF	MODHDR_SIZE
#define IMG_NAME_OFF	(MODHDR_SIZE + 16)
#define IMG_VALUE_OFF	(MODHDR_SIZE + 128)
#define IMG_MODINFO_OFF	1024

/* A synthetic module: its image and the kernel's record of it. */
struct fake {
	struct module *img;
	struct module_record *rec;
};

static struct mm_stats stats(void)
{
	struct mm_stats st;

	mm_get_stats(&st);
	return st;
}

/* Free pages, vmalloc ranges and pages are exactly where they were. */
static bool mem_back(const struct mm_stats *before)
{
	struct mm_stats now = stats();

	return now.pages_free == before->pages_free &&
	       now.vmalloc_ranges == before->vmalloc_ranges &&
	       now.vmalloc_pages == before->vmalloc_pages;
}

/* Points img's modinfo at the one string "vermagic=" magic. */
static void set_vermagic(struct module *img, const char *magic)
{
	char *info = (char *)img + IMG_MODINFO_OFF;

	snprintf(info, 256, "vermagic=%s", magic);
	img->modinfo = info;
	img->modinfo_size = strlen(info) + 1;
}

/* Writes a valid header for name into img: core = the whole page, no init
 * part, no init/exit, the kernel's version magic, and export sym (if not
 * NULL) inside the image. */
static void fill_header(struct module *img, const char *name, const char *sym)
{
	char *base = (char *)img;
	struct kernel_symbol *ks = (struct kernel_symbol *)(base + IMG_SYM_OFF);

	memset(img, 0, IMG_SIZE);
	img->magic = MODULE_MAGIC;
	img->version = MODULE_FORMAT_VERSION;
	strlcpy(img->name, name, sizeof(img->name));
	img->core_size = IMG_SIZE;
	img->init_size = 0;
	set_vermagic(img, VERMAGIC_STRING);
	if (!sym)
		return;
	strlcpy(base + IMG_NAME_OFF, sym, IMG_VALUE_OFF - IMG_NAME_OFF);
	ks->name = base + IMG_NAME_OFF;
	ks->value = (unsigned long)(base + IMG_VALUE_OFF);
	ks->crc = 0x12345678;
	img->syms = ks;
	img->num_syms = 1;
}

/* Makes a MAPPED synthetic module; false (and a failed CHECK) if it
 * could not. */
static bool fake_map(struct fake *f, const char *name, const char *sym)
{
	int err = 0;

	f->img = vmalloc(IMG_SIZE);
	CHECK(f->img != NULL);
	if (!f->img)
		return false;
	fill_header(f->img, name, sym);
	f->rec = module_create(name, &err);
	CHECK(f->rec != NULL && err == 0);
	if (!f->rec)
		goto out_free_image;
	CHECK(module_set_mapped(f->rec, f->img, IMG_SIZE) == 0);
	CHECK(f->rec->state == MODULE_STATE_MAPPED);
	return true;
out_free_image:
	vfree(f->img);
	return false;
}

/* Stops (if live), unmaps and destroys a synthetic module, freeing its
 * image; each step must succeed. */
static void fake_destroy(struct fake *f)
{
	if (f->rec->state == MODULE_STATE_LIVE)
		CHECK(module_stop(f->rec) == 0);
	CHECK(module_set_unmapped(f->rec) == 0);
	CHECK(module_destroy(f->rec) == 0);
	vfree(f->img);
}

/* Does the log's last 256 bytes contain s? */
static bool log_tail_has(const char *s)
{
	static char tail[257];
	size_t size = printk_log_size(), pos = size > 256 ? size - 256 : 0;
	size_t n = printk_read(pos, tail, 256);

	tail[n] = '\0';
	return strstr(tail, s) != NULL;
}

SELFTEST(module_create_names)
{
	struct mm_stats before = stats();
	char long_name[MODULE_NAME_LEN + 1];
	struct module_record *rec;
	int err = 0;

	rec = module_create("st_names-1", &err);
	CHECK(rec != NULL && err == 0);
	if (!rec)
		return;
	CHECK(rec->state == MODULE_STATE_UNMAPPED && rec->refcount == 0);
	CHECK(module_find("st_names-1") == rec);
	CHECK(module_create("st_names-1", &err) == NULL && err == -EEXIST);
	CHECK(module_create("", &err) == NULL && err == -EINVAL);
	CHECK(module_create("bad name", &err) == NULL && err == -EINVAL);
	CHECK(module_create("a/b", &err) == NULL && err == -EINVAL);
	memset(long_name, 'x', MODULE_NAME_LEN);
	long_name[MODULE_NAME_LEN] = '\0';		/* 56 letters: too long */
	CHECK(module_create(long_name, &err) == NULL && err == -EINVAL);
	long_name[MODULE_NAME_LEN - 1] = '\0';		/* 55: the longest */
	rec = module_create(long_name, &err);
	CHECK(rec != NULL && err == 0);
	if (rec)
		CHECK(module_destroy(rec) == 0);
	CHECK(module_destroy(module_find("st_names-1")) == 0);
	CHECK(module_find("st_names-1") == NULL);
	CHECK(mem_back(&before));
}

SELFTEST(module_refcount_and_stop)
{
	struct mm_stats before = stats();
	struct fake a;

	if (!fake_map(&a, "st_ref", NULL))
		return;
	CHECK(!try_module_get(a.img));		/* mapped, not live */
	CHECK(a.rec->refcount == 0);
	CHECK(module_set_mapped(a.rec, a.img, IMG_SIZE) == -EBUSY);
	CHECK(module_start(a.rec) == 0);
	CHECK(a.rec->state == MODULE_STATE_LIVE && a.img->priv == a.rec);
	CHECK(a.rec->core_size == IMG_SIZE && a.rec->init_size == 0);
	CHECK(try_module_get(a.img) && try_module_get(a.img));
	CHECK(a.rec->refcount == 2);
	CHECK(module_stop(a.rec) == -EBUSY);
	CHECK(!strcmp(a.rec->last_why, "in use: refcount is 2"));
	CHECK(a.rec->state == MODULE_STATE_LIVE);
	CHECK(module_set_unmapped(a.rec) == -EBUSY);	/* never while live */
	module_put(a.img);
	module_put(a.img);
	CHECK(a.rec->refcount == 0);
	module_put(a.img);			/* one put too many */
	CHECK(a.rec->refcount == 0);
	CHECK(log_tail_has("module_put: st_ref: refcount underflow"));
	CHECK(module_stop(a.rec) == 0);
	CHECK(a.rec->state == MODULE_STATE_MAPPED && a.img->priv == NULL);
	CHECK(!try_module_get(a.img));
	fake_destroy(&a);
	CHECK(mem_back(&before));
}

SELFTEST(module_use_pins_the_used)
{
	struct mm_stats before = stats();
	char users[64];
	struct fake a, b;

	if (!fake_map(&a, "st_used", NULL))
		return;
	if (!fake_map(&b, "st_user", NULL))
		goto out_destroy_a;
	CHECK(module_use(b.rec, "st_used") == -ENOENT);		/* not live yet */
	CHECK(!strcmp(b.rec->last_why, "use: no live module named st_used"));
	CHECK(module_start(a.rec) == 0);
	CHECK(module_use(b.rec, "st_used") == 0);
	CHECK(module_use(b.rec, "st_used") == 0);		/* once only */
	CHECK(a.rec->refcount == 1 && b.rec->n_uses == 1);
	CHECK(module_users(a.rec, users, sizeof(users)) == 1);
	CHECK(!strcmp(users, "st_user"));
	CHECK(module_stop(a.rec) == -EBUSY);
	CHECK(!strcmp(a.rec->last_why, "in use by: st_user"));
	CHECK(a.rec->state == MODULE_STATE_LIVE);
	CHECK(module_use(b.rec, "st_nothing") == -ENOENT);
	CHECK(module_use(a.rec, "st_user") == -EBUSY);		/* a is live */
	CHECK(module_set_unmapped(b.rec) == 0);			/* drops the use */
	CHECK(a.rec->refcount == 0 && b.rec->n_uses == 0);
	CHECK(module_users(a.rec, users, sizeof(users)) == 0);
	CHECK(module_destroy(b.rec) == 0);
	vfree(b.img);
out_destroy_a:
	fake_destroy(&a);
	CHECK(mem_back(&before));
}

SELFTEST(module_export_clash)
{
	struct mm_stats before = stats();
	struct module_record *owner = NULL;
	const struct kernel_symbol *ks;
	struct fake a, b;

	if (!fake_map(&a, "st_exp_a", "st_selftest_sym"))
		return;
	if (!fake_map(&b, "st_exp_b", "st_selftest_sym"))
		goto out_destroy_a;
	CHECK(ksym_find("st_selftest_sym", NULL) == NULL);	/* not yet live */
	CHECK(module_start(a.rec) == 0);
	ks = ksym_find("st_selftest_sym", &owner);
	CHECK(ks == a.img->syms && owner == a.rec);
	CHECK(ks && ks->value == (unsigned long)a.img + IMG_VALUE_OFF);
	CHECK(module_start(b.rec) == -EEXIST);
	CHECK(!strcmp(b.rec->last_why,
		      "init: exports st_selftest_sym, which st_exp_a already exports"));
	CHECK(b.rec->state == MODULE_STATE_MAPPED && b.img->priv == NULL);
	ks = ksym_find("st_selftest_sym", &owner);
	CHECK(ks == a.img->syms && owner == a.rec);		/* still a's */
	/* b renamed its export: starts now, and both are found. */
	strlcpy((char *)b.img + IMG_NAME_OFF, "st_selftest_sym_b", 32);
	CHECK(module_start(b.rec) == 0);
	CHECK(ksym_find("st_selftest_sym_b", &owner) == b.img->syms && owner == b.rec);
	CHECK(module_stop(b.rec) == 0);
	CHECK(ksym_find("st_selftest_sym_b", NULL) == NULL);
	fake_destroy(&b);
out_destroy_a:
	fake_destroy(&a);
	CHECK(ksym_find("st_selftest_sym", NULL) == NULL);
	CHECK(mem_back(&before));
}

/* module_start must refuse with -ENOEXEC and this reason, staying MAPPED
 * and adding no export. */
static void expect_noexec(struct fake *f, const char *why)
{
	CHECK(module_start(f->rec) == -ENOEXEC);
	CHECK(f->rec->last_error == -ENOEXEC);
	CHECK(!strcmp(f->rec->last_why, why));
	if (strcmp(f->rec->last_why, why))
		printk(KERN_ERR "    # got: %s\n", f->rec->last_why);
	CHECK(f->rec->state == MODULE_STATE_MAPPED && f->img->priv == NULL);
	CHECK(ksym_find("st_hdr_sym", NULL) == NULL);
	fill_header(f->img, "st_hdr", "st_hdr_sym");
}

SELFTEST(module_header_checks)
{
	struct mm_stats before = stats();
	struct fake f;

	if (!fake_map(&f, "st_hdr", "st_hdr_sym"))
		return;
	f.img->magic = 0x464c457f;
	expect_noexec(&f, "init: no module header (magic 0x464c457f, expected "
		      "0x444f4d54); was the relocated image written?");
	f.img->version = 2;
	expect_noexec(&f, "init: module format version 2, the kernel reads version 1");
	strlcpy(f.img->name, "st_other", sizeof(f.img->name));
	expect_noexec(&f, "init: the header names module 'st_other', the "
		      "directory is 'st_hdr'");
	f.img->core_size = IMG_SIZE + 16;
	expect_noexec(&f, "init: core 4112 + init 0 bytes do not fit the 4096 "
		      "bytes mapped");
	f.img->core_size = 2048;
	f.img->init_size = 4096;
	expect_noexec(&f, "init: core 2048 + init 4096 bytes do not fit the 4096 "
		      "bytes mapped");
	f.img->core_size = 64;
	expect_noexec(&f, "init: core 64 + init 0 bytes do not fit the 4096 "
		      "bytes mapped");
	f.img->core_size = IMG_VALUE_OFF;	/* the export's address past the core */
	expect_noexec(&f, "init: export 0 has a name or address outside the core");
	f.img->num_syms = 1000;
	expect_noexec(&f, "init: export table (1000 entries) lies outside the core");
	CHECK(module_start(f.rec) == 0);	/* the intact header */
	CHECK(ksym_find("st_hdr_sym", NULL) == f.img->syms);
	fake_destroy(&f);
	CHECK(mem_back(&before));
}

/* Linux's check_modinfo: `init module` refuses an image built for another
 * kernel (its vermagic differs from /proc/vermagic's, or it has none),
 * naming both, unless `force vermagic` was written; `force vermagic` on a
 * matching image does not taint. A differing one taints F once (rec->forced,
 * set here directly so the self tests leave the kernel untainted). */
SELFTEST(module_vermagic_checked_at_init)
{
	struct mm_stats before = stats();
	struct fake f;

	if (!fake_map(&f, "st_hdr", "st_hdr_sym"))
		return;
	set_vermagic(f.img, "5.10.0-other SMP mod_unload 686");
	expect_noexec(&f, "init: version magic '5.10.0-other SMP mod_unload 686' "
		      "should be '" VERMAGIC_STRING "'; write 'force vermagic' to "
		      "load it anyway");
	f.img->modinfo_size = 0;
	expect_noexec(&f, "init: no version magic; write 'force vermagic' to load "
		      "it anyway");
	set_vermagic(f.img, VERMAGIC_STRING " x");	/* word for word */
	CHECK(module_start(f.rec) == -ENOEXEC);
	f.rec->force_vermagic = true;	/* the same magic: no taint */
	set_vermagic(f.img, VERMAGIC_STRING);
	CHECK(module_start(f.rec) == 0);
	CHECK(!f.rec->forced);
	CHECK(module_stop(f.rec) == 0);
	set_vermagic(f.img, "5.10.0-other SMP mod_unload 686");
	f.rec->forced = true;
	CHECK(module_start(f.rec) == 0);
	CHECK(f.rec->state == MODULE_STATE_LIVE);
	fake_destroy(&f);
	CHECK(mem_back(&before));
}

/* Gives img a two-entry export table (further up the page, clear of the
 * one fill_header wrote): its first export, then one named name. */
static void add_export(struct module *img, const char *name)
{
	char *base = (char *)img;
	struct kernel_symbol *t = (struct kernel_symbol *)(base + IMG_VALUE_OFF + 64);
	unsigned long value = (unsigned long)(base + IMG_VALUE_OFF);

	strlcpy(base + IMG_VALUE_OFF + 16, name, 32);
	t[0] = (struct kernel_symbol){ value, base + IMG_NAME_OFF, 0x12345678 };
	t[1] = (struct kernel_symbol){ value, base + IMG_VALUE_OFF + 16, 0x12345678 };
	img->syms = t;
	img->num_syms = 2;
}

SELFTEST(module_exports_duplicate_or_empty)
{
	struct mm_stats before = stats();
	struct fake f;

	if (!fake_map(&f, "st_dup", "st_dup_sym"))
		return;
	add_export(f.img, "st_dup_sym");
	CHECK(module_start(f.rec) == -ENOEXEC);
	CHECK(!strcmp(f.rec->last_why, "init: exports st_dup_sym twice"));
	add_export(f.img, "");
	CHECK(module_start(f.rec) == -ENOEXEC);
	CHECK(!strcmp(f.rec->last_why, "init: export 1 has an empty name"));
	CHECK(f.rec->state == MODULE_STATE_MAPPED);
	CHECK(ksym_find("st_dup_sym", NULL) == NULL);
	add_export(f.img, "st_dup_sym2");
	CHECK(module_start(f.rec) == 0);
	CHECK(ksym_find("st_dup_sym2", NULL) != NULL);
	fake_destroy(&f);
	CHECK(mem_back(&before));
}

/* A module can pin at most MODULE_MAX_USES others; the next use is refused
 * with a reason, and nothing is pinned by the refused one. */
SELFTEST(module_use_limit)
{
	static struct fake used[MODULE_MAX_USES + 1];
	struct mm_stats before = stats();
	char name[16];
	struct fake user;
	unsigned n = 0;

	if (!fake_map(&user, "st_many_user", NULL))
		return;
	for (; n < MODULE_MAX_USES + 1; n++) {
		snprintf(name, sizeof(name), "st_lib%u", n);
		if (!fake_map(&used[n], name, NULL))
			break;
		CHECK(module_start(used[n].rec) == 0);
	}
	for (unsigned i = 0; i < n && i < MODULE_MAX_USES; i++)
		CHECK(module_use(user.rec, used[i].rec->name) == 0);
	if (n == MODULE_MAX_USES + 1) {
		CHECK(module_use(user.rec, used[MODULE_MAX_USES].rec->name) == -ENOSPC);
		CHECK(!strcmp(user.rec->last_why, "use: more than 16 modules used"));
		CHECK(used[MODULE_MAX_USES].rec->refcount == 0);
	}
	CHECK(module_set_unmapped(user.rec) == 0);	/* drops the 16 pins */
	CHECK(module_destroy(user.rec) == 0);
	vfree(user.img);
	for (unsigned i = 0; i < n; i++)
		fake_destroy(&used[i]);
	CHECK(mem_back(&before));
}
