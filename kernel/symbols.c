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

/* One allocation: the header, n_all entries, then their names (a text
 * table's, copied; a packed table's written entries, each name in place). */
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

/* The bytes of w outside '!'..'~', each as its bit 7 (0: all four are
 * printable and not spaces): a byte below '!' borrows into its bit 7 when
 * 0x21 is taken away, one above '~' carries into it when 1 is added (or
 * has it); no good byte borrows or carries into the next, so the test
 * flags exactly the words holding a bad byte. */
static uint32_t word_unprintable(uint32_t w)
{
	return ((w - 0x21212121u) | (w + 0x01010101u) | w) & 0x80808080u;
}

/* Whether s[0..n) are all printable and not spaces, four bytes a test:
 * the whole words, then the last four bytes as one more word (it may
 * overlap the one before: those bytes are tested twice, with the same
 * answer); the tests' flags are gathered and looked at once. A name under
 * four bytes is tested a byte at a time. */
static bool printable(const char *s, size_t n)
{
	uint32_t bad = 0;
	size_t i = 0;

	if (n < 4) {
		for (; i < n; i++)
			if ((unsigned char)(s[i] - '!') > '~' - '!')
				return false;
		return true;
	}
	for (; i + 4 < n; i += 4)
		bad |= word_unprintable(rd32(s + i));
	return !(bad | word_unprintable(rd32(s + n - 4)));
}

/* nm's letters a module symbol may have, TtDdBbRr: with its 0x20 bit set,
 * exactly these eight bytes are b, d, r or t (one bit test, no branch a
 * letter). */
static bool type_ok(char c)
{
	uint32_t l = (uint8_t)(c | 0x20) - 'b';

	return l <= 't' - 'b' && ((1u << 0 | 1u << ('d' - 'b') | 1u << ('r' - 'b') |
				   1u << ('t' - 'b')) >> l & 1);
}

/* What a refused line or packed entry gets (%u: its number). */
static const char text_what[] = "line %u: expected 'OFFSET SIZE TYPE NAME' (hex, "
	"hex, one of TtDdBbRr, a name)";
static const char packed_what[] = "entry %u: expected offset and size (32 bits "
	"each), one of TtDdBbRr, a name of 1 to 127 printable bytes and its length";

/* The image offsets a symbol may cover: the core, then a separate init
 * image's bytes. */
static uint32_t image_span(const struct module_record *rec)
{
	return rec->init_image ? rec->init_off + rec->init_image_size : rec->mapped_size;
}

/* Refuses line or entry n (what: text_what or packed_what) that does not
 * parse. Returns -EINVAL. */
static int bad_entry(struct module_record *rec, const char *what, uint32_t n)
{
	char why[120];

	snprintf(why, sizeof(why), what, n);
	return module_fail(rec, -EINVAL, "symbols: %s", why);
}

/* Refuses symbol s (line or entry n) for lying outside image bytes, or,
 * if it lies inside, for being one more than MODSYM_MAX_LINES. Returns
 * -EINVAL. */
static int bad_place(struct module_record *rec, const char *what, uint32_t n,
		     const struct modsym *s, size_t nl, uint32_t image)
{
	if (s->off <= image && s->size <= image - s->off)
		return module_fail(rec, -EINVAL, "symbols: more than %d lines",
				   MODSYM_MAX_LINES);
	return module_fail(rec, -EINVAL, "symbols: %s %u: %.*s at 0x%x (0x%x bytes) "
			   "lies outside the %u-byte image", what == text_what ? "line" :
			   "entry", n, (int)nl, s->name, s->off, s->size, image);
}

/* Counts the lines and name bytes of a text table; checks each line. */
static int text_check(struct module_record *rec, const char *text, size_t len,
		      uint32_t *lines, size_t *names)
{
	const char *p = text, *end = text + len;
	uint32_t image = image_span(rec);
	struct modsym s;
	size_t nl;

	*lines = 0;
	*names = 0;
	while (p < end) {
		if (parse_line(&p, end, &s, &nl))
			return bad_entry(rec, text_what, *lines + 1);
		if (s.off > image || s.size > image - s.off || *lines >= MODSYM_MAX_LINES)
			return bad_place(rec, text_what, *lines + 1, &s, nl, image);
		++*lines;
		*names += nl + 1;
	}
	return 0;
}

/* Fills t's entries and names from the checked text, in its order. */
static void text_fill(struct modsym_table *t, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	char *names = (char *)&t->sym[t->n_all];
	size_t nl;

	for (uint32_t i = 0; i < t->n_all; i++) {
		struct modsym *s = &t->sym[i];

		parse_line(&p, end, s, &nl);
		memcpy(names, s->name, nl);
		names[nl] = '\0';
		s->name = names;
		names += nl + 1;
	}
}

#define MODSYM_SORT_IN_PLACE 32	/* up to this many: sorted without memory */

/* Counts the entries of a packed table (after the magic;
 * <tessera/modformat.h>), checking each in one pass with no call per
 * entry but the name's test; *names gets the bytes the table keeps (all
 * of them: packed_fill keeps the entries), *sorted whether the offsets
 * never go down (then the table needs no sort). The first
 * MODSYM_SORT_IN_PLACE entries' places are noted in at[]. */
static int packed_check(struct module_record *rec, const char *p, size_t len,
			uint32_t *count, size_t *names, bool *sorted, const char **at)
{
	const char *end = p + len;
	uint32_t image = image_span(rec), n = 0, last = 0;
	bool up = true;

	while (p < end) {
		uint32_t off, size;
		size_t nl;

		if (end - p < MODSYMS_ENTRY)
			return bad_entry(rec, packed_what, n + 1);
		nl = (uint8_t)p[9];
		if (!type_ok(p[8]) || nl == 0 || nl > MODSYM_NAME_MAX ||
		    (size_t)(end - p) - MODSYMS_ENTRY <= nl || p[MODSYMS_ENTRY + nl] ||
		    !printable(p + MODSYMS_ENTRY, nl))
			return bad_entry(rec, packed_what, n + 1);
		off = rd32(p);
		size = rd32(p + 4);
		if (off > image || size > image - off || n >= MODSYM_MAX_LINES) {
			struct modsym s = { off, size, p[8], p + MODSYMS_ENTRY };

			return bad_place(rec, packed_what, n + 1, &s, nl, image);
		}
		up &= off >= last;
		last = off;
		if (n < MODSYM_SORT_IN_PLACE)
			at[n] = p;
		n++;
		p += MODSYMS_ENTRY + nl + 1;
	}
	*count = n;
	*names = len;	/* the table keeps the entries, names in place */
	*sorted = up;
	return 0;
}

/* Fills t's entries from the checked packed table p[0..len), copied
 * whole after them (each name, NUL-terminated, stays in its entry): from
 * the places at[0..t->n_all) in that order, or, at NULL, in written
 * order. */
static void packed_fill(struct modsym_table *t, const char *const *at, const char *p,
			size_t len)
{
	char *copy = (char *)&t->sym[t->n_all];
	const char *next = copy;	/* the next entry in written order */

	memcpy(copy, p, len);
	for (uint32_t i = 0; i < t->n_all; i++) {
		const char *e = at ? copy + (at[i] - p) : next;

		t->sym[i] = (struct modsym){ rd32(e), rd32(e + 4), e[8], e + MODSYMS_ENTRY };
		next = e + MODSYMS_ENTRY + (uint8_t)e[9] + 1;
	}
}

/* Puts the places of n <= MODSYM_SORT_IN_PLACE checked packed entries in
 * order of their offsets, stably (aliases keep the loader's order): an
 * insertion sort that moves one pointer a step, not a whole entry. */
static void sort_places(const char **at, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		const char *x = at[i];
		uint32_t off = rd32(x), j = i;

		for (; j && rd32(at[j - 1]) > off; j--)
			at[j] = at[j - 1];
		at[j] = x;
	}
}

/* The end of the run of places in order (offsets never going down) that
 * starts at a[i], i < n. */
static uint32_t places_run_end(const char *const *a, uint32_t i, uint32_t n)
{
	for (i++; i < n && rd32(a[i]) >= rd32(a[i - 1]); i++)
		;
	return i;
}

/* Sorts the places a[0..n) by offset, stably, through tmp[n]: each round
 * merges neighbouring runs already in order, halving their number (as
 * sort_by_offset does with whole entries; a pointer moves here). */
static void merge_places(const char **a, const char **tmp, uint32_t n)
{
	uint32_t runs;

	do {
		runs = 0;
		for (uint32_t lo = 0; lo < n; runs++) {
			uint32_t mid = places_run_end(a, lo, n);
			uint32_t hi = mid < n ? places_run_end(a, mid, n) : n;
			uint32_t i = lo, j = mid, k = lo;

			while (i < mid && j < hi)
				tmp[k++] = rd32(a[j]) < rd32(a[i]) ? a[j++] : a[i++];
			while (i < mid)
				tmp[k++] = a[i++];
			while (j < hi)
				tmp[k++] = a[j++];
			lo = hi;
		}
		memcpy(a, tmp, n * sizeof(*a));
	} while (runs > 1);
}

/* Fills t from the checked packed table p[0..len) in order of offset,
 * stably: the places of its entries are sorted (a pointer moved, not a
 * whole entry), then each entry is written once, in its sorted place. A
 * table in order is filled as written; a small one's places, noted by
 * packed_check in small[], are sorted by insertion with no memory; a
 * larger one's are noted here, in memory for twice their number, and
 * merged. Returns 0 or -ENOMEM (t not filled). */
static int packed_fill_sorted(struct modsym_table *t, const char **small, const char *p,
			      size_t len, bool sorted)
{
	uint32_t n = t->n_all;
	const char **at = small, *e = p;

	if (sorted) {
		packed_fill(t, NULL, p, len);
		return 0;
	}
	if (n > MODSYM_SORT_IN_PLACE) {
		at = kmalloc(2 * n * sizeof(*at));
		if (!at)
			return -ENOMEM;
		for (uint32_t i = 0; i < n; i++, e += MODSYMS_ENTRY + (uint8_t)e[9] + 1)
			at[i] = e;
		merge_places(at, at + n, n);
	} else {
		sort_places(at, n);
	}
	packed_fill(t, at, p, len);
	if (at != small)
		kfree(at);
	return 0;
}

/* The end of the run in order (offsets never going down) that starts at
 * a[i], i < n. */
static uint32_t run_end(const struct modsym *a, uint32_t i, uint32_t n)
{
	for (i++; i < n && a[i].off >= a[i - 1].off; i++)
		;
	return i;
}

/* Sorts a[0..n) by offset, stably (aliases keep the loader's order),
 * through tmp[n]: each round merges neighbouring runs already in order,
 * halving their number (a loader's table is a few such runs: each part's
 * locals, then its globals, so a few rounds, not log2(n)). */
static void sort_by_offset(struct modsym *a, struct modsym *tmp, uint32_t n)
{
	uint32_t runs;

	do {
		runs = 0;
		for (uint32_t lo = 0; lo < n; runs++) {
			uint32_t mid = run_end(a, lo, n);
			uint32_t hi = mid < n ? run_end(a, mid, n) : n;
			uint32_t i = lo, j = mid, k = lo;

			while (i < mid && j < hi)
				tmp[k++] = a[j].off < a[i].off ? a[j++] : a[i++];
			while (i < mid)
				tmp[k++] = a[i++];
			while (j < hi)
				tmp[k++] = a[j++];
			lo = hi;
		}
		memcpy(a, tmp, n * sizeof(*a));
	} while (runs > 1);
}

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

/* Sorts t by offset, stably. Returns 0 or -ENOMEM (t unchanged). */
static int sort_table(struct modsym_table *t)
{
	struct modsym *tmp;

	if (t->n_all <= MODSYM_SORT_IN_PLACE) {
		insertion_sort(t->sym, t->n_all);
		return 0;
	}
	tmp = kmalloc(t->n_all * sizeof(*tmp) + 1);
	if (!tmp)
		return -ENOMEM;
	sort_by_offset(t->sym, tmp, t->n_all);
	kfree(tmp);
	return 0;
}

bool modsyms_packed(const char *buf, size_t len)
{
	return len >= MODSYMS_MAGIC_LEN && rd32(buf) == rd32(MODSYMS_MAGIC);
}

int modsyms_set(struct module_record *rec, const char *text, size_t len)
{
	bool packed = modsyms_packed(text, len);
	bool sorted = false;
	const char *at[MODSYM_SORT_IN_PLACE];	/* a small packed table's entries */
	struct modsym_table *t;
	uint32_t lines = 0;
	size_t names = 0;
	int err;

	if (rec->state != MODULE_STATE_MAPPED)
		return module_fail(rec, -EBUSY, "symbols: module is %s; symbols are "
				   "written after map, before init",
				   module_state_name(rec->state));
	if (packed) {
		text += MODSYMS_MAGIC_LEN;
		len -= MODSYMS_MAGIC_LEN;
		err = packed_check(rec, text, len, &lines, &names, &sorted, at);
	} else {
		err = text_check(rec, text, len, &lines, &names);
	}
	if (err)
		return err;
	t = kmalloc(sizeof(*t) + lines * sizeof(t->sym[0]) + names + 1);
	if (!t)
		return module_fail(rec, -ENOMEM, "symbols: no memory for %u symbols", lines);
	t->n = t->n_all = lines;
	if (packed)
		err = packed_fill_sorted(t, at, text, len, sorted);
	else
		text_fill(t, text, len);
	if (err || (!packed && !sorted && sort_table(t))) {
		kfree(t);
		return module_fail(rec, -ENOMEM, "symbols: no memory for %u symbols", lines);
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
