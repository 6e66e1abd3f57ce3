/*
 * Symbols for people (API in kernel/symbols.h). Two kinds of table, both
 * sorted by address and searched by bisection:
 *   the kernel's: kallsyms_table[] in section .kallsyms, generated from the
 *     first kernel link (tools/kallsyms, the Makefile's two-stage link);
 *   each module's: parsed from what the loader writes to /mod/NAME/symbols,
 *     kept in the module's record, shortened when init is dropped.
 */
#include "kernel/symbols.h"
#include "kernel/module.h"
#include "fs/vfs.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/modformat.h>
#include <tessera/errno.h>

#define MODSYM_MAX_LINES 4096
#define MODSYM_NAME_MAX 127

/* One kernel symbol; name[0] is nm's type letter, the name follows. */
struct kallsym {
	uint32_t addr, size;
	const char *name;
};

extern const struct kallsym kallsyms_table[];
extern const uint32_t kallsyms_num;

/* One module symbol, at an image offset. */
struct modsym {
	uint32_t off, size;
	char type;
	const char *name;
};

/* One allocation: the header, n_all entries, then their names. */
struct modsym_table {
	uint32_t n;		/* entries kept (init ones dropped at the end) */
	uint32_t n_all;
	struct modsym sym[];
};

/* Index of the last entry whose start is <= addr, or -1. start(i) gives
 * entry i's address; n entries sorted by it. */
static long bisect(uint32_t n, uint32_t addr, uint32_t (*start)(const void *, uint32_t),
		   const void *tab)
{
	long lo = 0, hi = (long)n - 1, found = -1;

	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (start(tab, (uint32_t)mid) <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

static uint32_t kall_start(const void *tab, uint32_t i)
{
	return ((const struct kallsym *)tab)[i].addr;
}

static uint32_t mod_start(const void *tab, uint32_t i)
{
	return ((const struct modsym_table *)tab)->sym[i].off;
}

/* Of several symbols at one address (init_module and hello_init), the
 * local one is the name the author wrote: step back to it. */
static bool kern_lookup(uint32_t addr, struct sym_info *info)
{
	long i = bisect(kallsyms_num, addr, kall_start, kallsyms_table);
	const struct kallsym *k;

	if (i < 0 || addr - kallsyms_table[i].addr >= kallsyms_table[i].size)
		return false;
	while (i > 0 && kallsyms_table[i - 1].addr == kallsyms_table[i].addr &&
	       !(kallsyms_table[i].name[0] >= 'a'))
		i--;
	k = &kallsyms_table[i];
	*info = (struct sym_info){ k->name + 1, k->addr, k->size, k->name[0], NULL };
	return true;
}

static bool mod_lookup(const struct module_record *rec, uint32_t addr,
		       struct sym_info *info)
{
	const struct modsym_table *t = rec->symtab;
	uint32_t off = module_image_offset(rec, addr);
	long i;

	info->module = rec->name;
	if (!t)
		return false;
	i = bisect(t->n, off, mod_start, t);
	if (i < 0 || off - t->sym[i].off >= t->sym[i].size)
		return false;
	while (i > 0 && t->sym[i - 1].off == t->sym[i].off && !(t->sym[i].type >= 'a'))
		i--;
	info->name = t->sym[i].name;
	info->start = module_image_addr(rec, t->sym[i].off);
	info->size = t->sym[i].size;
	info->type = t->sym[i].type;
	return true;
}

bool sym_lookup(uintptr_t addr, struct sym_info *info)
{
	const struct module_record *rec = module_record_at(addr);

	*info = (struct sym_info){ 0 };
	if (rec)
		return mod_lookup(rec, addr, info);
	return kern_lookup(addr, info);
}

size_t sym_format(uintptr_t addr, char *buf, size_t size)
{
	const struct module_record *rec;
	struct sym_info s;
	int n;

	if (sym_lookup(addr, &s))
		n = snprintf(buf, size, "%s+0x%x/0x%x%s%s%s", s.name, (uint32_t)addr - s.start,
			     s.size, s.module ? " [" : "", s.module ? s.module : "",
			     s.module ? "]" : "");
	else if (s.module)
		n = snprintf(buf, size, "0x%08x [%s]", (uint32_t)addr, s.module);
	else if ((rec = module_record_dropped_init_at(addr)))
		n = snprintf(buf, size, "0x%08x [%s: its init part, discarded]",
			     (uint32_t)addr, rec->name);
	else
		n = snprintf(buf, size, "0x%08x", (uint32_t)addr);
	if (size == 0)
		return 0;
	return (size_t)n < size ? (size_t)n : size - 1;
}

/* --- module tables --- */

/* Parses "OFFSET SIZE TYPE NAME" at *p (up to end); advances *p past the
 * line. Returns 0 or -EINVAL. */
static int parse_line(const char **p, const char *end, struct modsym *s,
		      size_t *name_len)
{
	const char *q = *p, *eol = q, *name;
	char *e;

	while (eol < end && *eol != '\n')
		eol++;
	*p = eol < end ? eol + 1 : end;
	s->off = strtoul(q, &e, 16);
	if (e == q || *e != ' ')
		return -EINVAL;
	q = e + 1;
	s->size = strtoul(q, &e, 16);
	if (e == q || e[0] != ' ' || !strchr("TtDdBbRr", e[1]) || !e[1] || e[2] != ' ')
		return -EINVAL;
	s->type = e[1];
	name = e + 3;
	*name_len = eol - name;
	if (*name_len == 0 || *name_len > MODSYM_NAME_MAX)
		return -EINVAL;
	for (const char *c = name; c < eol; c++)
		if (*c <= ' ' || *c > '~')
			return -EINVAL;
	s->name = name;
	return 0;
}

/* A 32-bit little-endian field anywhere in a packed entry (i386 loads
 * unaligned words). */
struct unaligned32 {
	uint32_t v;
} __attribute__((packed));

static uint32_t rd32(const char *p)
{
	return ((const struct unaligned32 *)p)->v;
}

/* Whether s[0..n) are all printable and not spaces ('!'..'~'), four
 * bytes a test: a byte below '!' borrows into its bit 7 when 0x21 is
 * taken away, one above '~' carries into it when 1 is added (or has it);
 * no good byte borrows or carries into the next, so the word test flags
 * exactly the words holding a bad byte. */
static bool printable(const char *s, size_t n)
{
	size_t i = 0;

	for (; i + 4 <= n; i += 4) {
		uint32_t w = rd32(s + i);

		if (((w - 0x21212121u) | (w + 0x01010101u) | w) & 0x80808080u)
			return false;
	}
	for (; i < n; i++)
		if ((unsigned char)(s[i] - '!') > '~' - '!')
			return false;
	return true;
}

/* Reads the packed entry at *p, already checked by unpack_entry, and
 * advances *p past it. Always 0. */
static int decode_entry(const char **p, const char *end, struct modsym *s,
			size_t *name_len)
{
	const char *e = *p;

	s->off = rd32(e);
	s->size = rd32(e + 4);
	s->type = e[8];
	*name_len = (uint8_t)e[9];
	s->name = e + MODSYMS_ENTRY;
	*p = s->name + *name_len;
	return 0;
}

/* nm's letters a module symbol may have. */
static bool type_ok(char c)
{
	switch (c) {
	case 'T': case 't': case 'D': case 'd': case 'B': case 'b': case 'R': case 'r':
		return true;
	}
	return false;
}

/* Reads the packed entry at *p (up to end; <tessera/modformat.h>);
 * advances *p past it. Returns 0 or -EINVAL. */
static int unpack_entry(const char **p, const char *end, struct modsym *s,
			size_t *name_len)
{
	const char *e = *p, *name = e + MODSYMS_ENTRY;

	*p = end;
	if (end - e < MODSYMS_ENTRY)
		return -EINVAL;
	s->off = rd32(e);
	s->size = rd32(e + 4);
	s->type = e[8];
	*name_len = (uint8_t)e[9];
	if (!type_ok(s->type) || *name_len == 0 ||
	    *name_len > MODSYM_NAME_MAX || (size_t)(end - name) < *name_len)
		return -EINVAL;
	if (!printable(name, *name_len))
		return -EINVAL;
	s->name = name;
	*p = name + *name_len;
	return 0;
}

/* How a table is written: parse reads and checks one entry, decode reads
 * one parse has checked, what says what an entry is. */
struct modsym_format {
	int (*parse)(const char **p, const char *end, struct modsym *s, size_t *name_len);
	int (*decode)(const char **p, const char *end, struct modsym *s, size_t *name_len);
	const char *what;
};

static const struct modsym_format text_format = {
	parse_line, parse_line, "line %u: expected 'OFFSET SIZE TYPE NAME' (hex, hex, "
	"one of TtDdBbRr, a name)",
};

static const struct modsym_format packed_format = {
	unpack_entry, decode_entry, "entry %u: expected offset and size (32 bits "
	"each), one of TtDdBbRr, a name of 1 to 127 printable bytes and its length",
};

/* Counts the entries and name bytes; checks each entry. */
static int measure(struct module_record *rec, const struct modsym_format *f,
		   const char *text, size_t len, uint32_t *lines, size_t *names)
{
	const char *p = text, *end = text + len;
	char what[120];
	struct modsym s;
	size_t nl;
	/* the image offsets: the core, then a separate init image's bytes */
	uint32_t image = rec->init_image ? rec->init_off + rec->init_image_size
					 : rec->mapped_size;

	*lines = 0;
	*names = 0;
	while (p < end) {
		if (f->parse(&p, end, &s, &nl)) {
			snprintf(what, sizeof(what), f->what, *lines + 1);
			return module_fail(rec, -EINVAL, "symbols: %s", what);
		}
		if (s.off > image || s.size > image - s.off)
			return module_fail(rec, -EINVAL, "symbols: %s %u: %.*s at 0x%x "
					   "(0x%x bytes) lies outside the %u-byte image",
					   f == &text_format ? "line" : "entry", *lines + 1,
					   (int)nl, s.name, s.off, s.size, image);
		if (++*lines > MODSYM_MAX_LINES)
			return module_fail(rec, -EINVAL, "symbols: more than %d lines",
					   MODSYM_MAX_LINES);
		*names += nl + 1;
	}
	return 0;
}

/* Sorts a[0..n) by offset, stably (aliases keep the loader's order), by
 * merging runs of doubling width through tmp[n]. */
static void sort_by_offset(struct modsym *a, struct modsym *tmp, uint32_t n)
{
	for (uint32_t w = 1; w < n; w *= 2) {
		for (uint32_t lo = 0; lo < n; lo += 2 * w) {
			uint32_t mid = lo + w < n ? lo + w : n;
			uint32_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			uint32_t i = lo, j = mid, k = lo;

			while (i < mid && j < hi)
				tmp[k++] = a[j].off < a[i].off ? a[j++] : a[i++];
			while (i < mid)
				tmp[k++] = a[i++];
			while (j < hi)
				tmp[k++] = a[j++];
		}
		memcpy(a, tmp, n * sizeof(*a));
	}
}

/* Fills t from the checked text: entries and their names, in the text's
 * order. */
static void fill(struct modsym_table *t, const struct modsym_format *f,
		 const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	char *names = (char *)&t->sym[t->n_all];
	size_t nl;

	for (uint32_t i = 0; i < t->n_all; i++) {
		struct modsym *s = &t->sym[i];

		f->decode(&p, end, s, &nl);
		memcpy(names, s->name, nl);
		names[nl] = '\0';
		s->name = names;
		names += nl + 1;
	}
}

#define MODSYM_SORT_IN_PLACE 32	/* up to this many: insertion sort */

/* Sorts a[0..n) by offset, stably, in place by insertion: for a small
 * table (about n*n/4 moves at worst, none for a sorted one), no memory. */
static void insertion_sort(struct modsym *a, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		struct modsym x = a[i];
		uint32_t j = i;

		for (; j && a[j - 1].off > x.off; j--)
			a[j] = a[j - 1];
		a[j] = x;
	}
}

int modsyms_set(struct module_record *rec, const char *text, size_t len)
{
	const struct modsym_format *f = &text_format;
	struct modsym *tmp = NULL;
	struct modsym_table *t;
	uint32_t lines;
	size_t names;
	int err;

	if (rec->state != MODULE_STATE_MAPPED)
		return module_fail(rec, -EBUSY, "symbols: module is %s; symbols are "
				   "written after map, before init",
				   module_state_name(rec->state));
	if (len >= MODSYMS_MAGIC_LEN && !memcmp(text, MODSYMS_MAGIC, MODSYMS_MAGIC_LEN)) {
		f = &packed_format;
		text += MODSYMS_MAGIC_LEN;
		len -= MODSYMS_MAGIC_LEN;
	}
	err = measure(rec, f, text, len, &lines, &names);
	if (err)
		return err;
	t = kmalloc(sizeof(*t) + lines * sizeof(t->sym[0]) + names + 1);
	if (!t)
		return module_fail(rec, -ENOMEM, "symbols: no memory for %u symbols", lines);
	t->n = t->n_all = lines;
	fill(t, f, text, len);
	if (lines <= MODSYM_SORT_IN_PLACE) {
		insertion_sort(t->sym, lines);
	} else {
		tmp = kmalloc(lines * sizeof(*tmp) + 1);
		if (!tmp) {
			kfree(t);
			return module_fail(rec, -ENOMEM, "symbols: no memory for %u symbols",
					   lines);
		}
		sort_by_offset(t->sym, tmp, lines);
		kfree(tmp);
	}
	modsyms_free(rec);
	rec->symtab = t;
	return 0;
}

void modsyms_drop_init(struct module_record *rec)
{
	struct modsym_table *t = rec->symtab;

	while (t && t->n && t->sym[t->n - 1].off >= rec->core_size)
		t->n--;
}

void modsyms_free(struct module_record *rec)
{
	kfree(rec->symtab);
	rec->symtab = NULL;
}

int modsyms_show(struct seq_buf *m, const struct module_record *rec)
{
	const struct modsym_table *t = rec->symtab;

	for (uint32_t i = 0; t && i < t->n; i++)
		seq_buf_printf(m, "%08x %x %c %s\n", t->sym[i].off, t->sym[i].size,
			   t->sym[i].type, t->sym[i].name);
	return m->error;
}

/* --- /proc/kallsyms --- */

static void module_kallsyms(struct module_record *rec, void *arg)
{
	const struct modsym_table *t = rec->symtab;

	if (rec->state < MODULE_STATE_COMING)
		return;
	for (uint32_t i = 0; t && i < t->n; i++)
		seq_buf_printf(arg, "%08x %c %s\t[%s]\n",
			   (uint32_t)module_image_addr(rec, t->sym[i].off), t->sym[i].type,
			   t->sym[i].name, rec->name);
}

int kallsyms_show(struct seq_buf *m, void *arg)
{
	for (uint32_t i = 0; i < kallsyms_num; i++)
		seq_buf_printf(m, "%08x %c %s\n", kallsyms_table[i].addr,
			   kallsyms_table[i].name[0], kallsyms_table[i].name + 1);
	module_for_each(module_kallsyms, m);
	return m->error;
}
