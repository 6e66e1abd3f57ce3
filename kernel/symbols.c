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

/* A 32-bit little-endian field anywhere in a packed entry (i386 loads
 * unaligned words). */
struct unaligned32 {
	uint32_t v;
} __attribute__((packed));

static uint32_t rd32(const char *p)
{
	return ((const struct unaligned32 *)p)->v;
}

/* A packed entry's fields. */
static uint32_t entry_off(const char *e)
{
	return rd32(e);
}

static uint32_t entry_size(const char *e)
{
	return rd32(e + 4);
}

static char entry_type(const char *e)
{
	return e[8];
}

static const char *entry_name(const char *e)
{
	return e + MODSYMS_ENTRY;
}

/* The entry after e, in the bytes of a table. */
static const char *entry_next(const char *e)
{
	return e + MODSYMS_ENTRY + (uint8_t)e[9] + 1;
}

extern const struct kallsym kallsyms_table[];
extern const uint32_t kallsyms_num;

/* One module symbol, at an image offset, as a text line gives it. */
struct modsym {
	uint32_t off, size;
	char type;
	const char *name;
};

/* One allocation: the header, the places of n_all entries in order of
 * their offsets (for a packed table, room for the most it could hold,
 * len / (MODSYMS_ENTRY + 2), of which n_all are used), then the entries
 * themselves, packed as insmod writes them (<tessera/modformat.h>:
 * offset, size, letter, length, name, NUL): a packed table's written
 * bytes, copied once, or a text table's lines packed. The fields of an
 * entry are read where they lie (entry_off...). */
struct modsym_table {
	uint32_t n;		/* entries kept (init ones dropped at the end) */
	uint32_t n_all;
	const char *entry[];
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
	return entry_off(((const struct modsym_table *)tab)->entry[i]);
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
	if (i < 0 || off - entry_off(t->entry[i]) >= entry_size(t->entry[i]))
		return false;
	while (i > 0 && entry_off(t->entry[i - 1]) == entry_off(t->entry[i]) &&
	       !(entry_type(t->entry[i]) >= 'a'))
		i--;
	info->name = entry_name(t->entry[i]);
	info->start = module_image_addr(rec, entry_off(t->entry[i]));
	info->size = entry_size(t->entry[i]);
	info->type = entry_type(t->entry[i]);
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
 * answer); the tests' flags are gathered and looked at once. A name of
 * up to 16 bytes (most are) is tested with no loop: the first and last
 * words cover up to 8 bytes, the words at 4 and 8 what lies between.
 * A name under four bytes is tested a byte at a time. */
static bool printable(const char *s, size_t n)
{
	uint32_t bad;
	size_t i;

	if (n < 4) {
		for (i = 0; i < n; i++)
			if ((unsigned char)(s[i] - '!') > '~' - '!')
				return false;
		return true;
	}
	bad = word_unprintable(rd32(s)) | word_unprintable(rd32(s + n - 4));
	if (n <= 8)	/* the first and last words cover them all */
		return !bad;
	/* most names are short: up to 16 bytes, one or two words between */
	if (n <= 16)
		return !(bad | word_unprintable(rd32(s + 4)) |
			 (n > 12 ? word_unprintable(rd32(s + 8)) : 0));
	for (i = 4; i + 4 < n; i += 4)
		bad |= word_unprintable(rd32(s + i));
	return !bad;
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

/* Counts the lines of a text table and the bytes they take packed;
 * checks each line; *sorted: whether the offsets never go down. */
static int text_check(struct module_record *rec, const char *text, size_t len,
		      uint32_t *lines, size_t *packed, bool *sorted)
{
	const char *p = text, *end = text + len;
	uint32_t image = image_span(rec), last = 0;
	struct modsym s;
	size_t nl;

	*lines = 0;
	*packed = 0;
	*sorted = true;
	while (p < end) {
		if (parse_line(&p, end, &s, &nl))
			return bad_entry(rec, text_what, *lines + 1);
		if (s.off > image || s.size > image - s.off || *lines >= MODSYM_MAX_LINES)
			return bad_place(rec, text_what, *lines + 1, &s, nl, image);
		*sorted &= s.off >= last;
		last = s.off;
		++*lines;
		*packed += MODSYMS_ENTRY + nl + 1;
	}
	return 0;
}

/* Packs the checked text's lines, in its order, into out (the bytes
 * text_check counted), as insmod would have written them. */
static void text_pack(char *out, const char *text, size_t len, uint32_t lines)
{
	const char *p = text, *end = text + len;
	struct modsym s;
	size_t nl;

	for (uint32_t i = 0; i < lines; i++) {
		parse_line(&p, end, &s, &nl);
		memcpy(out, &s.off, 4);
		memcpy(out + 4, &s.size, 4);
		out[8] = s.type;
		out[9] = (char)nl;
		memcpy(out + MODSYMS_ENTRY, s.name, nl);
		out[MODSYMS_ENTRY + nl] = '\0';
		out += MODSYMS_ENTRY + nl + 1;
	}
}

#define MODSYM_SORT_IN_PLACE 32	/* up to this many: sorted without memory */

/* Puts place e (of an entry at offset off) among a[0..n), which are in
 * order of offset: after every place at off or below (stable: aliases
 * keep the loader's order), the places above it moved up one. Returns
 * how many it moved. */
static uint32_t insert_place(const char **a, uint32_t n, const char *e, uint32_t off)
{
	const char **q = a + n;

	for (; q > a && entry_off(q[-1]) > off; q--)
		*q = q[-1];
	*q = e;
	return a + n - q;
}

/* Puts the places a[0..n) of checked entries in order of their offsets,
 * stably, by insertion: a pointer moved a step, not a whole entry; for a
 * small table (about n*n/4 moves at worst), no memory. */
static void sort_places(const char **a, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++)
		insert_place(a, i, a[i], entry_off(a[i]));
}

/* How many moves of a place the check may spend putting entries that come
 * below the highest so far in their place, for a table of at most `most`
 * entries: a few an entry, and at least what a table of
 * MODSYM_SORT_IN_PLACE entries needs at worst (so a small table is always
 * sorted by the check). A loader's table in symbol order is mostly one
 * long rising run with a few entries out of it (bigcode's 263 entries:
 * 250 of them one below the highest, its one .module.bss object written
 * second, each swapped with it; about 4k instructions in all, where
 * merging its 8 runs after the check cost 20k: 76 an entry). Past the
 * budget the rest are appended and merged after (merge_places), so a
 * table in reverse order costs no n*n/2 moves. */
static uint32_t insert_budget(uint32_t most)
{
	return 4 * most + MODSYM_SORT_IN_PLACE * MODSYM_SORT_IN_PLACE / 2;
}

/* Counts the entries of a packed table (after the magic;
 * <tessera/modformat.h>), checking each in one pass with no call per
 * entry but the name's test. With places, also notes each entry's place
 * there as it is checked: an entry at or above the highest so far goes
 * last (insmod's entries mostly are); one below is inserted in order
 * (swapped with the last place if it is below that one only, else
 * insert_place, from the end) while the moves stay within
 * insert_budget, else goes last and *sorted is false (sort_table merges
 * the places). places must have room for len / (MODSYMS_ENTRY + 2)
 * places: every entry takes at least that many bytes (a byte of name and
 * its NUL). */
static int packed_check(struct module_record *rec, const char *p, size_t len,
			const char **places, uint32_t *count, bool *sorted)
{
	const char *end = p + len;
	uint32_t image = image_span(rec), n = 0, last = 0;
	long budget = insert_budget(len / (MODSYMS_ENTRY + 2));
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
		if (!places)
			;
		else if (off >= last)
			places[n] = p, last = off;
		else if (budget <= 0)	/* spent: the rest appended */
			places[n] = p, up = false;
		else if (n < 2 || off >= entry_off(places[n - 2]))
			/* below the last place only (the highest, while the
			 * budget lasts): the two swapped, insert_place's one
			 * move without its walk, not counted (one an entry) */
			places[n] = places[n - 1], places[n - 1] = p;
		else
			budget -= insert_place(places, n, p, off);
		n++;
		p += MODSYMS_ENTRY + nl + 1;
	}
	*count = n;
	*sorted = up;
	return 0;
}

/* The end of the run of places in order (offsets never going down) that
 * starts at a[i], i < n. */
static uint32_t places_run_end(const char *const *a, uint32_t i, uint32_t n)
{
	for (i++; i < n && entry_off(a[i]) >= entry_off(a[i - 1]); i++)
		;
	return i;
}

/* Sorts the places a[0..n) by offset, stably, through tmp[n]: each round
 * merges neighbouring runs already in order, halving their number (a
 * loader's table in symbol order is a few such runs: each part's locals,
 * then its globals, so a few rounds, not log2(n)). */
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
				tmp[k++] = entry_off(a[j]) < entry_off(a[i]) ? a[j++] : a[i++];
			while (i < mid)
				tmp[k++] = a[i++];
			while (j < hi)
				tmp[k++] = a[j++];
			lo = hi;
		}
		memcpy(a, tmp, n * sizeof(*a));
	} while (runs > 1);
}

/* Sorts t's places by offset, stably: a table written in order (what
 * insmod sends) is left as it is, a small one is sorted by insertion, a
 * larger one merged. Returns 0 or -ENOMEM (t unchanged). */
static int sort_table(struct modsym_table *t, bool sorted)
{
	const char **tmp;

	if (sorted)
		return 0;
	if (t->n_all <= MODSYM_SORT_IN_PLACE) {
		sort_places(t->entry, t->n_all);
		return 0;
	}
	tmp = kmalloc(t->n_all * sizeof(*tmp));
	if (!tmp)
		return -ENOMEM;
	merge_places(t->entry, tmp, t->n_all);
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
	struct modsym_table *t;
	uint32_t lines = 0, most;
	size_t bytes = 0;	/* of the entries, packed */
	const char *e;
	char *copy;
	int err;

	if (rec->state != MODULE_STATE_MAPPED)
		return module_fail(rec, -EBUSY, "symbols: module is %s; symbols are "
				   "written after map, before init",
				   module_state_name(rec->state));
	if (packed) {
		/* The written entries are copied first, once, and checked where
		 * they stay, each place noted as it is checked: one pass, no
		 * count before the allocation, which has room for the most
		 * places len bytes can hold. Short of memory, the check alone
		 * gives the refusal or the count the message names. */
		text += MODSYMS_MAGIC_LEN;
		len -= MODSYMS_MAGIC_LEN;
		most = len / (MODSYMS_ENTRY + 2);
		t = kmalloc(sizeof(*t) + most * sizeof(t->entry[0]) + len + 1);
		if (!t) {
			err = packed_check(rec, text, len, NULL, &lines, &sorted);
			return err ? err : module_fail(rec, -ENOMEM, "symbols: no memory "
						      "for %u symbols", lines);
		}
		copy = (char *)&t->entry[most];
		memcpy(copy, text, len);
		err = packed_check(rec, copy, len, t->entry, &lines, &sorted);
		if (err) {
			kfree(t);
			return err;
		}
	} else {
		err = text_check(rec, text, len, &lines, &bytes, &sorted);
		if (err)
			return err;
		t = kmalloc(sizeof(*t) + lines * sizeof(t->entry[0]) + bytes + 1);
		if (!t)
			return module_fail(rec, -ENOMEM, "symbols: no memory for %u symbols",
					   lines);
		/* the lines packed, each name in place, and their places */
		copy = (char *)&t->entry[lines];
		text_pack(copy, text, len, lines);
		e = copy;
		for (uint32_t i = 0; i < lines; i++, e = entry_next(e))
			t->entry[i] = e;
	}
	t->n = t->n_all = lines;
	if (sort_table(t, sorted)) {
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

	while (t && t->n && entry_off(t->entry[t->n - 1]) >= rec->core_size)
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
		seq_buf_printf(m, "%08x %x %c %s\n", entry_off(t->entry[i]),
			       entry_size(t->entry[i]), entry_type(t->entry[i]),
			       entry_name(t->entry[i]));
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
			       (uint32_t)module_image_addr(rec, entry_off(t->entry[i])),
			       entry_type(t->entry[i]), entry_name(t->entry[i]), rec->name);
}

int kallsyms_show(struct seq_buf *m, void *arg)
{
	for (uint32_t i = 0; i < kallsyms_num; i++)
		seq_buf_printf(m, "%08x %c %s\n", kallsyms_table[i].addr,
			   kallsyms_table[i].name[0], kallsyms_table[i].name + 1);
	module_for_each(module_kallsyms, m);
	return m->error;
}
