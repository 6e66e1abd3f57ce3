/*
 * Host tests of kernel/symbols.c's modsyms_set, the kernel's side of
 * /mod/NAME/symbols (the trust boundary: insmod's table is checked again
 * here): packed and text tables give the same sorted table; every refusal
 * names its entry or line with the same words; an unsorted table is sorted
 * and a sorted one kept; the packed magic is recognised as control takes
 * it (modsyms_packed). The module record, kmalloc and module_fail are
 * stand-ins below.
 */
// sources: kernel/symbols.c
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
/* the kernel's 32-bit ssize_t and off_t under other names (fs_stubs.h) */
#define ssize_t kernel_ssize_t
#define off_t kernel_off_t
#define loff_t kernel_loff_t
#include "kernel/symbols.h"
#include "kernel/module.h"
#include "fs/vfs.h"
#include "mm/mm.h"
#include "tests/host/ktest.h"

/* --- stand-ins for what kernel/symbols.c calls --- */

const struct kallsym { uint32_t addr, size; const char *name; } kallsyms_table[1];
const uint32_t kallsyms_num = 0;
static unsigned live_allocs;

void *kmalloc(size_t size)
{
	live_allocs++;
	return malloc(size);
}

void kfree(const void *p)
{
	if (p)
		live_allocs--;
	free((void *)p);
}

int module_fail(struct module_record *rec, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(rec->last_why, sizeof(rec->last_why), fmt, ap);
	va_end(ap);
	return err;
}

const char *module_state_name(enum module_state s)
{
	return s == MODULE_STATE_MAPPED ? "mapped" : "not mapped";
}

uint32_t module_image_offset(const struct module_record *rec, uintptr_t addr) { return addr; }
uintptr_t module_image_addr(const struct module_record *rec, uint32_t off) { return off; }
struct module_record *module_record_at(uintptr_t addr) { return NULL; }
struct module_record *module_record_dropped_init_at(uintptr_t addr) { return NULL; }
void module_for_each(void (*fn)(struct module_record *, void *), void *arg) { }

int seq_buf_printf(struct seq_buf *m, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(m->buf + m->len, m->cap - m->len, fmt, ap);
	va_end(ap);
	m->len += n;
	return 0;
}

/* --- helpers --- */

static struct module_record rec;

static void fresh(uint32_t image)
{
	modsyms_free(&rec);
	memset(&rec, 0, sizeof(rec));
	rec.state = MODULE_STATE_MAPPED;
	rec.mapped_size = image;
}

/* Appends a packed entry to t at *len. */
static void entry(char *t, size_t *len, uint32_t off, uint32_t size, char type,
		  const char *name)
{
	size_t n = strlen(name);

	memcpy(t + *len, &off, 4);
	memcpy(t + *len + 4, &size, 4);
	t[*len + 8] = type;
	t[*len + 9] = (char)n;
	memcpy(t + *len + MODSYMS_ENTRY, name, n + 1);	/* its NUL too */
	*len += MODSYMS_ENTRY + n + 1;
}

/* rec's table as text. */
static const char *shown(void)
{
	static char out[4096];
	struct seq_buf m = { .buf = out, .cap = sizeof(out) };

	out[0] = '\0';
	modsyms_show(&m, &rec);
	return out;
}

KTEST(packed_and_text_tables_are_the_same_sorted_table)
{
	const char *text = "00000080 16 t hello_exit\n00000000 18 T init_module\n"
			   "00000040 8 D counter\n";
	char t[256] = MODSYMS_MAGIC;
	size_t len = MODSYMS_MAGIC_LEN;
	char want[512];

	entry(t, &len, 0x80, 0x16, 't', "hello_exit");
	entry(t, &len, 0, 0x18, 'T', "init_module");
	entry(t, &len, 0x40, 8, 'D', "counter");
	fresh(0x100);
	KT_EXPECT(modsyms_set(&rec, text, strlen(text)) == 0);
	snprintf(want, sizeof(want), "%s", shown());
	KT_EXPECT(!strcmp(want, "00000000 18 T init_module\n00000040 8 D counter\n"
			  "00000080 16 t hello_exit\n"));
	fresh(0x100);
	KT_EXPECT(modsyms_packed(t, len));
	KT_EXPECT(modsyms_set(&rec, t, len) == 0);
	KT_EXPECT(!strcmp(shown(), want));
	/* already sorted: kept as written; equal offsets keep their order */
	len = MODSYMS_MAGIC_LEN;
	entry(t, &len, 0, 0x18, 'T', "init_module");
	entry(t, &len, 0, 0x18, 't', "hello_init");
	entry(t, &len, 0x40, 8, 'D', "counter");
	KT_EXPECT(modsyms_set(&rec, t, len) == 0);
	KT_EXPECT(!strcmp(shown(), "00000000 18 T init_module\n00000000 18 t hello_init\n"
			  "00000040 8 D counter\n"));
	fresh(0);
	KT_EXPECT(live_allocs == 0);
}

/* A small table in symbol order (locals, then globals, as insmod sends
 * hello's): each entry below the highest so far is inserted in order as
 * it is checked; aliases keep the order they were written in. */
KTEST(a_small_table_is_put_in_order_as_it_is_checked)
{
	char t[256] = MODSYMS_MAGIC;
	size_t len = MODSYMS_MAGIC_LEN;

	entry(t, &len, 0x1b0, 0x18, 't', "hello_init");
	entry(t, &len, 0x80, 0x16, 't', "hello_exit");
	entry(t, &len, 0, 0x80, 'D', "__this_module");
	entry(t, &len, 0x80, 0x16, 'T', "cleanup_module");
	entry(t, &len, 0x1b0, 0x18, 'T', "init_module");
	fresh(0x1c8);
	KT_EXPECT(modsyms_set(&rec, t, len) == 0);
	KT_EXPECT(!strcmp(shown(), "00000000 80 D __this_module\n"
			  "00000080 16 t hello_exit\n00000080 16 T cleanup_module\n"
			  "000001b0 18 t hello_init\n000001b0 18 T init_module\n"));
	fresh(0);
	KT_EXPECT(live_allocs == 0);
}

KTEST(a_large_unsorted_table_is_merged_in_order)
{
	static char t[40 * 20 + 4] = MODSYMS_MAGIC;
	size_t len = MODSYMS_MAGIC_LEN;
	char name[32];
	const char *p;
	uint32_t last = 0, n = 0;

	for (int i = 39; i >= 0; i--) {
		snprintf(name, sizeof(name), "f%02d", i);
		entry(t, &len, (uint32_t)i * 16, 16, 'T', name);
	}
	fresh(40 * 16);
	KT_EXPECT(modsyms_set(&rec, t, len) == 0);
	for (p = shown(); *p; p = strchr(p, '\n') + 1, n++) {
		uint32_t off = strtoul(p, NULL, 16);

		KT_EXPECT(n == 0 || off > last);
		last = off;
	}
	KT_EXPECT(n == 40);
	/* three runs, ties across them: merged stably (the earlier run first) */
	len = MODSYMS_MAGIC_LEN;
	for (int r = 0; r < 3; r++)
		for (int i = 0; i < 14; i++) {
			snprintf(name, sizeof(name), "r%di%02d", r, i);
			entry(t, &len, (uint32_t)(i * 3 + r % 2) * 4, 4, 'T', name);
		}
	fresh(0x200);
	KT_EXPECT(modsyms_set(&rec, t, len) == 0);
	p = "00000000 4 T r0i00\n00000000 4 T r2i00\n00000004 4 T r1i00\n"
	    "0000000c 4 T r0i01\n0000000c 4 T r2i01\n00000010 4 T r1i01\n";
	KT_EXPECT(!strncmp(shown(), p, strlen(p)));
	fresh(0);
}

/* rec's table as text, for a table too large for shown's buffer. */
static const char *shown_large(void)
{
	static char out[65536];
	struct seq_buf m = { .buf = out, .cap = sizeof(out) };

	out[0] = '\0';
	modsyms_show(&m, &rec);
	return out;
}

/* The plain twin of the kernel's ordering: entries i < n with offsets
 * off[], stably sorted by offset (a pass picking the least each time,
 * the earlier written first among equals), as modsyms_show prints them. */
static void sorted_by_hand(const uint32_t *off, uint32_t n, char *out)
{
	static unsigned char taken[1000];

	memset(taken, 0, n);
	for (uint32_t k = 0; k < n; k++) {
		uint32_t best = n;

		for (uint32_t i = 0; i < n; i++)
			if (!taken[i] && (best == n || off[i] < off[best]))
				best = i;
		taken[best] = 1;
		out += sprintf(out, "%08x 4 T s%04u\n", off[best], best);
	}
}

/* Tables of every shape the check orders (in order, one high entry early
 * and a rising run below it as bigcode sends, reversed, random with many
 * ties) and sizes around the insertion budget: the kernel's order (entries
 * inserted as they are checked while the budget lasts, the rest merged)
 * is the stable sort by offset. */
KTEST(every_order_comes_out_as_a_stable_sort)
{
	static char t[1000 * 16 + 4] = MODSYMS_MAGIC, want[65536];
	static uint32_t off[1000];
	static const uint32_t sizes[] = { 1, 5, 32, 33, 100, 263, 600, 1000 };
	uint32_t seed = 1;

	for (int shape = 0; shape < 4; shape++)
		for (size_t z = 0; z < sizeof(sizes) / sizeof(sizes[0]); z++) {
			uint32_t n = sizes[z];
			size_t len = MODSYMS_MAGIC_LEN;
			char name[16];

			for (uint32_t i = 0; i < n; i++) {
				seed = seed * 1103515245u + 12345u;
				off[i] = shape == 0 ? i * 4 :
					 shape == 1 ? (i == 1 ? 0x8000 : i == n - 3 ? 0 : i * 4) :
					 shape == 2 ? (n - i) * 4 : (seed >> 16) % 64 * 4;
				snprintf(name, sizeof(name), "s%04u", i);
				entry(t, &len, off[i], 4, 'T', name);
			}
			fresh(0x10000);
			KT_EXPECT(modsyms_set(&rec, t, len) == 0);
			sorted_by_hand(off, n, want);
			KT_EXPECT(!strcmp(shown_large(), want));
		}
	fresh(0);
	KT_EXPECT(live_allocs == 0);
}

/* The name test, for every length a name may have and every place a bad
 * byte may take in it (a space, DEL, a byte above 0x7f; the test reads
 * words, overlapping at the end, and has a path of its own up to 16
 * bytes): a good name is taken, each bad one refused as its entry. */
KTEST(every_name_length_and_bad_byte_place)
{
	static const char bad[] = { ' ', 0x7f, (char)0x80, '\t' };
	char t[200] = MODSYMS_MAGIC, name[128];
	size_t len;

	fresh(0x100);
	for (size_t n = 1; n <= 127; n++) {
		memset(name, 'a', n);
		name[n] = '\0';
		len = MODSYMS_MAGIC_LEN;
		entry(t, &len, 0, 4, 'T', name);
		KT_EXPECT(modsyms_set(&rec, t, len) == 0);
		for (size_t at = 0; at < n; at++)
			for (size_t b = 0; b < sizeof(bad); b++) {
				name[at] = bad[b];
				len = MODSYMS_MAGIC_LEN;
				entry(t, &len, 0, 4, 'T', name);
				KT_EXPECT(modsyms_set(&rec, t, len) == -EINVAL);
				name[at] = 'a';
			}
	}
	fresh(0);
	KT_EXPECT(live_allocs == 0);
}

/* Each bad packed table, the reason module_fail got. */
KTEST(every_packed_refusal_names_its_entry)
{
	static const char expect[] = "symbols: entry 2: expected offset and size (32 "
		"bits each), one of TtDdBbRr, a name of 1 to 127 printable bytes and "
		"its length";
	char t[512] = MODSYMS_MAGIC, big[200];
	size_t len, good;

	len = MODSYMS_MAGIC_LEN;
	entry(t, &len, 0, 4, 'T', "ok");
	good = len;
	/* a bad letter, an empty name, a space, a byte above '~', a short
	 * entry, a name running past the end, a name of 128 bytes */
	static const struct { char type; const char *name; } bad[] = {
		{ 'X', "name" }, { 'T', "" }, { 'T', "a b" }, { 'T', "caf\xe9" },
		{ 'T', "tab\there" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		len = good;
		entry(t, &len, 0, 4, bad[i].type, bad[i].name);
		fresh(0x100);
		KT_EXPECT(modsyms_set(&rec, t, len) == -EINVAL);
		KT_EXPECT(!strcmp(rec.last_why, expect));
		KT_EXPECT(rec.symtab == NULL);
	}
	len = good;
	entry(t, &len, 0, 4, 'T', "name");
	KT_EXPECT(modsyms_set(&rec, t, good + 9) == -EINVAL);	/* short */
	KT_EXPECT(!strcmp(rec.last_why, expect));
	KT_EXPECT(modsyms_set(&rec, t, len - 1) == -EINVAL);	/* no room for its NUL */
	KT_EXPECT(!strcmp(rec.last_why, expect));
	KT_EXPECT(modsyms_set(&rec, t, len - 2) == -EINVAL);	/* runs past */
	KT_EXPECT(!strcmp(rec.last_why, expect));
	t[len - 1] = 'x';	/* a name not ended by its NUL */
	KT_EXPECT(modsyms_set(&rec, t, len) == -EINVAL);
	KT_EXPECT(!strcmp(rec.last_why, expect));
	memset(big, 'a', 128);
	big[128] = '\0';
	len = good;
	entry(t, &len, 0, 4, 'T', big);
	KT_EXPECT(modsyms_set(&rec, t, len) == -EINVAL);
	KT_EXPECT(!strcmp(rec.last_why, expect));
	big[127] = '\0';
	len = good;
	entry(t, &len, 0, 4, 'T', big);
	KT_EXPECT(modsyms_set(&rec, t, len) == 0);	/* 127 is the limit */
	fresh(0);
	KT_EXPECT(live_allocs == 0);
}

KTEST(outside_the_image_and_state_refusals)
{
	char t[128] = MODSYMS_MAGIC;
	size_t len = MODSYMS_MAGIC_LEN;

	entry(t, &len, 0, 4, 'T', "ok");
	entry(t, &len, 0xf0, 0x20, 'd', "tail");
	fresh(0x100);
	KT_EXPECT(modsyms_set(&rec, t, len) == -EINVAL);
	KT_EXPECT(!strcmp(rec.last_why, "symbols: entry 2: tail at 0xf0 (0x20 bytes) "
			  "lies outside the 256-byte image"));
	KT_EXPECT(modsyms_set(&rec, "00000000 4 T ok\n000000f0 20 d tail\n", 35) == -EINVAL);
	KT_EXPECT(!strcmp(rec.last_why, "symbols: line 2: tail at 0xf0 (0x20 bytes) "
			  "lies outside the 256-byte image"));
	KT_EXPECT(modsyms_set(&rec, "00000000 4 T ok\nzz\n", 19) == -EINVAL);
	KT_EXPECT(!strcmp(rec.last_why, "symbols: line 2: expected 'OFFSET SIZE TYPE "
			  "NAME' (hex, hex, one of TtDdBbRr, a name)"));
	/* a bad name before an entry outside the image: the name is named */
	len = MODSYMS_MAGIC_LEN;
	entry(t, &len, 0, 4, 'T', "a b");
	entry(t, &len, 0xf0, 0x20, 'd', "tail");
	KT_EXPECT(modsyms_set(&rec, t, len) == -EINVAL);
	KT_EXPECT(!strncmp(rec.last_why, "symbols: entry 1: expected", 26));
	rec.state = MODULE_STATE_LIVE;
	KT_EXPECT(modsyms_set(&rec, t, len) == -EBUSY);
	KT_EXPECT(!strncmp(rec.last_why, "symbols: module is not mapped; symbols are "
			   "written after map, before init", 60));
	KT_EXPECT(!modsyms_packed("\x7fSY", 3) && !modsyms_packed("map module", 10));
	fresh(0);
	KT_EXPECT(live_allocs == 0);
}

int main(void)
{
	return ktest_main();
}
