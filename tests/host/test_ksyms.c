/*
 * Host tests of kernel/ksyms.c, the exported-symbol table, built here with
 * a boot array of 16 buckets (not 2,048) so that a few modules' exports
 * make it grow: the table answers the same before and after each growth
 * and each shrink (every name found, with its owner; a removed module's
 * names gone; a name nobody exports not found); the buckets double when
 * the entries outnumber them and halve back to the boot array when fewer
 * than a quarter are used, every chain keeping its order (no name found
 * after more names than before); a growth or a shrink that finds no memory
 * keeps the array it has, with the same answers; all memory comes back.
 */
#define KSYM_BOOT_BUCKETS 16
#include "kernel/ksyms.c"	/* first: its <linux/string.h> is the libc's */
#undef abs	/* <linux/kernel.h>'s, not the libc's function */
#include <stdlib.h>
#include "tests/host/ktest.h"

/* --- stand-ins for what kernel/ksyms.c calls --- */

/* ksyms_init's linker-made bounds (the tests call add_kernel instead) */
const struct kernel_symbol __start___ksymtab[1], __stop___ksymtab[1];
static unsigned live_allocs;
static size_t fail_size;	/* a kmalloc of this many bytes fails (0: none) */

void *(kmalloc)(size_t size)
{
	if (size == fail_size)
		return NULL;
	live_allocs++;
	return malloc(size);
}

void *(kzalloc)(size_t size)
{
	void *p = (kmalloc)(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void (kfree)(const void *p)
{
	if (p)
		live_allocs--;
	free((void *)p);
}

int printk(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

void panic(const char *fmt, ...)
{
	(void)fmt;
	abort();
}

void module_for_each(void (*fn)(struct module_record *, void *), void *arg)
{
	(void)fn;
	(void)arg;
}

/* --- fake modules: NMOD of them, NSYM exports each --- */

#define NMOD 40
#define NSYM 5

static struct fake {
	struct module hdr;
	struct module_record rec;
	struct kernel_symbol syms[NSYM];
	char names[NSYM][24];
	bool live;
} mods[NMOD];

static const struct kernel_symbol kernel_syms[] = {
	{ 0x1000, "printk", 1 }, { 0x2000, "kmalloc", 2 }, { 0x3000, "kfree", 3 },
};

static void fake_init(void)
{
	for (int m = 0; m < NMOD; m++) {
		struct fake *f = &mods[m];

		memset(f, 0, sizeof(*f));
		for (int i = 0; i < NSYM; i++) {
			snprintf(f->names[i], sizeof(f->names[i]), "mod%u_sym%u", (unsigned)m % 100, (unsigned)i % 10);
			f->syms[i] = (struct kernel_symbol){ 0x10000u * m + i, f->names[i], 0 };
		}
		f->hdr.syms = f->syms;
		f->hdr.num_syms = NSYM;
		f->rec.hdr = &f->hdr;
	}
}

/* Every entry is in the bucket of its hash, and there are count of them. */
static bool chains_consistent(void)
{
	uint32_t n = 0;

	for (uint32_t b = 0; b <= ksyms.mask; b++) {
		for (struct ksym_entry *e = ksyms.bucket[b]; e; e = e->next, n++) {
			if ((e->hash & ksyms.mask) != b || e->hash != name_hash(e->sym->name))
				return false;
		}
	}
	return n == ksyms.count;
}

/* The table's answers: the kernel's names (owner NULL), each live
 * module's (owner it), no removed module's, no unknown name; both
 * ksym_find and ksym_find_measured. */
static bool answers_right(void)
{
	struct module_record *owner;
	size_t len;

	if (!chains_consistent())
		return false;
	for (size_t i = 0; i < sizeof(kernel_syms) / sizeof(kernel_syms[0]); i++) {
		owner = (struct module_record *)1;
		if (ksym_find(kernel_syms[i].name, &owner) != &kernel_syms[i] || owner)
			return false;
	}
	for (int m = 0; m < NMOD; m++) {
		for (int i = 0; i < NSYM; i++) {
			const struct kernel_symbol *want = mods[m].live ? &mods[m].syms[i] : NULL;
			const char *name = mods[m].names[i];

			owner = NULL;
			if (ksym_find(name, &owner) != want || (want && owner != &mods[m].rec))
				return false;
			if (ksym_find(name, NULL) != want)
				return false;
			owner = NULL;
			if (ksym_find_measured(name, 24, &len, &owner) != want ||
			    len != strlen(name) || (want && owner != &mods[m].rec))
				return false;
		}
	}
	return !ksym_find("nobody_exports_this", NULL);
}

/* The entries in table order (bucket by bucket, each chain from its
 * head), taken before an add or a drop. */
static struct ksym_entry *before[3 + NMOD * NSYM];
static uint32_t n_before;
static bool order_kept;

static void snapshot(void)
{
	n_before = 0;
	for (uint32_t b = 0; b <= ksyms.mask; b++) {
		for (struct ksym_entry *e = ksyms.bucket[b]; e; e = e->next)
			before[n_before++] = e;
	}
}

/* After it: every chain holds the entries that were there before in the
 * order they had (a growth splits chains, a shrink joins them in bucket
 * order, an add puts new ones first, a drop takes some out), so a name is
 * never found after more names than before. */
static void check_order(void)
{
	for (uint32_t b = 0; b <= ksyms.mask; b++) {
		uint32_t last = 0;
		bool seen = false;

		for (struct ksym_entry *e = ksyms.bucket[b]; e; e = e->next) {
			uint32_t i = 0;

			while (i < n_before && before[i] != e)
				i++;
			if (i == n_before)
				continue;	/* added since */
			if (seen && i <= last)
				order_kept = false;
			last = i;
			seen = true;
		}
	}
}

static bool add(int m)
{
	const char *clash = NULL;
	int err;

	snapshot();
	err = ksyms_add(&mods[m].rec, &clash);
	check_order();
	if (err)
		return false;
	mods[m].live = true;
	return true;
}

static void drop(int m)
{
	snapshot();
	ksyms_remove(&mods[m].rec);
	check_order();
	mods[m].live = false;
}

static void setup(void)
{
	fake_init();
	fail_size = 0;
	order_kept = true;
	add_kernel(kernel_syms, 3);
}

static void teardown(void)
{
	for (int m = 0; m < NMOD; m++) {
		if (mods[m].live)
			drop(m);
	}
	kfree(ksyms.kernel_entries);
	ksyms.kernel_entries = NULL;
	for (uint32_t b = 0; b <= ksyms.mask; b++)
		ksyms.bucket[b] = NULL;
	ksyms.count = 0;
}

KTEST(table_grows_and_shrinks_with_the_same_answers)
{
	const char *clash = NULL;

	setup();
	KT_EXPECT(ksyms_buckets() == 16 && answers_right());
	KT_EXPECT(add(0));				/* 8 entries */
	KT_EXPECT(ksyms_buckets() == 16 && answers_right());
	for (int m = 1; m < NMOD; m++) {
		KT_EXPECT(add(m));
		/* never more entries than buckets after an add */
		KT_EXPECT(ksyms.count <= ksyms_buckets() && answers_right());
	}
	/* 203 entries: 16, 32 (at 18), 64 (38), 128 (68), 256 (133) */
	KT_EXPECT(ksyms.count == 3 + NMOD * NSYM);
	KT_EXPECT(ksyms_buckets() == 256 && answers_right());
	/* a clash is refused, nothing added */
	KT_EXPECT(ksyms_add(&mods[1].rec, &clash) == -EEXIST);
	KT_EXPECT(clash && !strcmp(clash, "mod1_sym0") && ksyms.count == 203);
	/* every other module removed: 103 entries, not under a quarter */
	for (int m = 0; m < NMOD; m += 2)
		drop(m);
	KT_EXPECT(ksyms_buckets() == 256 && answers_right());
	/* down to 33: halved once, at 63 (33 is not under 128 / 4) */
	for (int m = 1; m < 28; m += 2)
		drop(m);
	KT_EXPECT(ksyms.count == 33);
	KT_EXPECT(ksyms_buckets() == 128 && answers_right());
	/* every module gone: 64 (at 28), 32 (13), then 16, the boot array */
	for (int m = 29; m < NMOD; m += 2)
		drop(m);
	KT_EXPECT(ksyms_buckets() == 16 && ksyms.bucket == boot_buckets);
	KT_EXPECT(answers_right());
	/* and grows again from it: 53 entries, 64 buckets */
	for (int m = 0; m < 10; m++)
		KT_EXPECT(add(m));
	KT_EXPECT(ksyms_buckets() == 64 && answers_right());
	teardown();
	KT_EXPECT(ksyms.bucket == boot_buckets);
	KT_EXPECT(live_allocs == 0 && order_kept);
}

KTEST(growth_or_shrink_without_memory_keeps_the_array)
{
	setup();
	KT_EXPECT(add(0) && add(1));
	KT_EXPECT(ksyms_buckets() == 16 && ksyms.count == 13);
	/* the 32-bucket array cannot be had: the loads still succeed */
	fail_size = 32 * sizeof(struct ksym_entry *);
	KT_EXPECT(add(2));
	KT_EXPECT(ksyms_buckets() == 16 && ksyms.count == 18 && answers_right());
	KT_EXPECT(add(3) && add(4));
	KT_EXPECT(ksyms_buckets() == 16 && answers_right());	/* 28 in 16 */
	/* memory again: the next load grows it twice (33 > 32) */
	fail_size = 0;
	KT_EXPECT(add(5));
	KT_EXPECT(ksyms_buckets() == 64 && answers_right());
	/* a shrink without memory keeps the larger array */
	fail_size = 32 * sizeof(struct ksym_entry *);
	drop(5);
	drop(4);
	drop(3);	/* 18 in 64: not under a quarter */
	KT_EXPECT(ksyms_buckets() == 64 && answers_right());
	drop(2);	/* 13 in 64: under a quarter, the 32 cannot be had */
	KT_EXPECT(ksyms_buckets() == 64 && answers_right());
	fail_size = 0;
	drop(1);	/* 8 in 64: 32 (8 is not under 32 / 4) */
	KT_EXPECT(ksyms_buckets() == 32 && answers_right());
	drop(0);	/* 3 in 32: the boot 16, which needs no memory */
	KT_EXPECT(ksyms_buckets() == 16 && ksyms.bucket == boot_buckets);
	KT_EXPECT(answers_right());
	teardown();
	KT_EXPECT(live_allocs == 0 && order_kept);
}

KTEST(an_entry_without_memory_fails_the_add_and_adds_nothing)
{
	setup();
	KT_EXPECT(add(0) && add(1));
	fail_size = sizeof(struct ksym_entry);
	KT_EXPECT(!add(2) && ksyms.count == 13 && answers_right());
	fail_size = 0;
	KT_EXPECT(add(2) && answers_right());
	teardown();
	KT_EXPECT(live_allocs == 0 && order_kept);
}

int main(void)
{
	return ktest_main();
}
