/*
 * initonly: functions outside the init sections that only init code uses,
 * candidates for __init (Adam Richter, 2002: "Perhaps someday someone will
 * write a tool to identify procedures that are only called from init
 * sections"; docs/initsavings.md).
 *
 *   initonly DIR|FILE...
 *	DIR: every *.ko under it. FILE: a whole module (a Tessera .ko or a one-object NAME.o, a Linux
 *	i386 .ko): the analysis sees one object, so a global function that
 *	another object of the same module calls would look unused by it.
 *	Prints, per candidate:
 *	  FILE: NAME (SECTION, SIZE bytes) from A, B
 *	A, B: what refers to it, init functions or other candidates. Then
 *	  initonly: N candidates, BYTES bytes, in M of K files
 *	Exit status 0, or 2 if a file could not be read (named on stderr).
 *
 * The uses of a core function f are found in two places: the relocations
 * (every reference between sections, every address taken) and, inside one
 * code section, the direct branches the assembler resolved without a
 * relocation (call/jmp rel32, jmp/jcc rel8, jcc rel32 whose target is a
 * function's first byte: a byte scan, so a false match only makes a
 * function look used). f is a candidate if something in an init section
 * reaches it, directly or through other candidates, and nothing else uses
 * it: no core code outside the candidates, no data (a function pointer, an
 * export, the module header), no exit code. Annotation tables that point
 * into code (.eh_frame, __mcount_loc, __ex_table, __jump_table,
 * .altinstructions...) are not uses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tools/secref.h"

/* A function of the object. */
struct fn {
	uint32_t sym, sec, start, size;
	int core;		/* in a core code section: may be a candidate */
	int pinned;		/* used by something that is not init code */
	int cand, reached;
};

/* A use of function to: by function from (an index in fns), or by init
 * code (from = -1, init_sym its function's symbol or 0). */
struct use {
	long from;
	uint32_t to, init_sym;
};

/* The object being read: its functions sorted by (section, start), its
 * uses, and the relocated places of the section being scanned. */
static struct {
	struct fn *fn;
	uint32_t nfn;
	struct use *use;
	size_t nuse, capuse;
	uint32_t *relocated;
	size_t nrelocated, caprelocated;
	uint32_t scan_sec;
} obj;

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? 2 * *cap : 64;
	p = realloc(p, *cap * size);
	if (!p) {
		fprintf(stderr, "initonly: out of memory\n");
		exit(2);
	}
	return p;
}

static int fn_order(const void *a, const void *b)
{
	const struct fn *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* Annotation tables: they point into code, but do not use it. */
static int annotation(const char *sec)
{
	static const char *const names[] = {
		".eh_frame", "__mcount_loc", "__patchable_function_entries",
		".altinstructions", "__ex_table",
		"__bug_table", ".smp_locks", ".parainstructions", "__jump_table",
		".static_call_sites", ".retpoline_sites", ".return_sites",
		".call_sites", ".ibt_endbr_seal", ".orc_unwind_ip", ".kcfi_traps",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(sec, names[i]) == 0)
			return 1;
	return 0;
}

/* The functions: named STT_FUNC of nonzero size in a code section, one
 * per address (the first of aliases), sorted. */
static void find_functions(const struct secref_obj *o)
{
	const struct modelf *m = &o->m;
	uint32_t n = 0;

	obj.fn = calloc(m->nsym ? m->nsym : 1, sizeof(*obj.fn));
	if (!obj.fn) {
		fprintf(stderr, "initonly: out of memory\n");
		exit(2);
	}
	for (uint32_t i = 1; i < m->nsym; i++) {
		const Elf32_Sym *s = &m->sym[i];

		if (ELF32_ST_TYPE(s->st_info) != STT_FUNC || !s->st_size ||
		    s->st_shndx == SHN_UNDEF || s->st_shndx >= m->shnum ||
		    !(m->sh[s->st_shndx].sh_flags & SHF_EXECINSTR))
			continue;
		obj.fn[n++] = (struct fn){ .sym = i, .sec = s->st_shndx,
			.start = s->st_value, .size = s->st_size,
			.core = secref_class(o, s->st_shndx) == SECREF_CORE };
	}
	qsort(obj.fn, n, sizeof(*obj.fn), fn_order);
	obj.nfn = 0;
	for (uint32_t i = 0; i < n; i++)
		if (!obj.nfn || fn_order(&obj.fn[obj.nfn - 1], &obj.fn[i]))
			obj.fn[obj.nfn++] = obj.fn[i];
}

/* The function holding offset off of section sec: its index, or -1. */
static long fn_at(uint32_t sec, uint32_t off)
{
	long lo = 0, hi = (long)obj.nfn - 1, best = -1;

	while (lo <= hi) {
		long mid = (lo + hi) / 2;
		const struct fn *f = &obj.fn[mid];

		if (f->sec < sec || (f->sec == sec && f->start <= off)) {
			best = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	if (best < 0 || obj.fn[best].sec != sec ||
	    off - obj.fn[best].start >= obj.fn[best].size)
		return -1;
	return best;
}

static void add_use(long from, uint32_t to, uint32_t init_sym)
{
	obj.use = grow(obj.use, &obj.capuse, obj.nuse, sizeof(*obj.use));
	obj.use[obj.nuse++] = (struct use){ from, to, init_sym };
}

/* A use of the place (to_sec, to_off) from the place (from_sec, from_off);
 * call: a direct call or jump, not an address taken. */
static void use(const struct secref_obj *o, uint32_t from_sec,
		uint32_t from_off, uint32_t to_sec, uint32_t to_off, int call)
{
	enum secref_class c = secref_class(o, from_sec);
	long to = fn_at(to_sec, to_off), from;

	if (to < 0 || !obj.fn[to].core || c == SECREF_OTHER ||
	    annotation(modelf_section_name(&o->m, from_sec)))
		return;
	if (!call || c == SECREF_EXIT) {	/* escapes, or runs after init */
		obj.fn[to].pinned = 1;
		return;
	}
	from = fn_at(from_sec, from_off);
	if (c == SECREF_INIT)
		add_use(-1, to, from >= 0 ? obj.fn[from].sym : 0);
	else if (from < 0 || !obj.fn[from].core)
		obj.fn[to].pinned = 1;
	else if (from != to)
		add_use(from, to, 0);
}

static int nothing(void *arg, const struct secref_obj *o,
		   const struct secref *r)
{
	return 0;
}

static int relocation(void *arg, const struct secref_obj *o,
		      const struct secref *r)
{
	int code = (o->m.sh[r->from_sec].sh_flags & SHF_EXECINSTR) != 0;
	int pcrel = r->type == R_386_PC32 || r->type == R_386_PLT32;

	if (r->to_sec)
		use(o, r->from_sec, r->from_off, r->to_sec, r->to_off,
		    code && pcrel);
	return 0;
}

/* Remembers the relocated places of the section being scanned. */
static int note_place(void *arg, const struct secref_obj *o,
		      const struct secref *r)
{
	if (r->from_sec != obj.scan_sec)
		return 0;
	obj.relocated = grow(obj.relocated, &obj.caprelocated, obj.nrelocated,
			     sizeof(*obj.relocated));
	obj.relocated[obj.nrelocated++] = r->from_off;
	return 0;
}

static int by_value(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Whether a relocation's word starts at off (sorted obj.relocated). */
static int relocated(uint32_t off)
{
	size_t a = 0, b = obj.nrelocated;

	while (a < b) {			/* the first place >= off */
		size_t mid = (a + b) / 2;

		if (obj.relocated[mid] < off)
			a = mid + 1;
		else
			b = mid;
	}
	return a < obj.nrelocated && obj.relocated[a] == off;
}

/* The direct branch at b[i] (of len bytes): its target, or -1 (none, or
 * its rel32 field is a relocation's word: that use is counted from the
 * relocation). */
static long branch_target(const uint8_t *b, uint32_t i, uint32_t len)
{
	int32_t rel;

	if ((b[i] == 0xe8 || b[i] == 0xe9) && i + 5 <= len) {
		memcpy(&rel, b + i + 1, 4);	/* i386: little-endian */
		return relocated(i + 1) ? -1 : (long)i + 5 + rel;
	}
	if (b[i] == 0x0f && i + 6 <= len && (b[i + 1] & 0xf0) == 0x80) {
		memcpy(&rel, b + i + 2, 4);
		return relocated(i + 2) ? -1 : (long)i + 6 + rel;
	}
	if ((b[i] == 0xeb || (b[i] & 0xf0) == 0x70) && i + 2 <= len)
		return (long)i + 2 + (int8_t)b[i + 1];
	return -1;
}

/* The branches the assembler resolved inside core code section sec. */
static void scan_branches(const struct secref_obj *o, uint32_t sec)
{
	const Elf32_Shdr *sh = &o->m.sh[sec];
	const uint8_t *b = o->m.buf + sh->sh_offset;
	char why[200];

	obj.scan_sec = sec;
	obj.nrelocated = 0;
	secref_each(o, note_place, NULL, why, sizeof(why));
	if (obj.nrelocated)
		qsort(obj.relocated, obj.nrelocated, sizeof(uint32_t), by_value);
	for (uint32_t i = 0; i < sh->sh_size; i++) {
		long t = branch_target(b, i, sh->sh_size);
		long to = t >= 0 && t < (long)sh->sh_size ? fn_at(sec, t) : -1;

		if (to >= 0 && obj.fn[to].start == (uint32_t)t)
			use(o, sec, i, sec, (uint32_t)t, 1);
	}
}

/* Candidates: core functions used, none pinned, each use from init code
 * or a candidate; then only those init code reaches. */
static void decide(void)
{
	int changed = 1;

	for (uint32_t f = 0; f < obj.nfn; f++)
		obj.fn[f].cand = obj.fn[f].core && !obj.fn[f].pinned;
	while (changed) {
		changed = 0;
		for (size_t u = 0; u < obj.nuse; u++) {
			struct use *x = &obj.use[u];

			if (x->from >= 0 && !obj.fn[x->from].cand &&
			    obj.fn[x->to].cand) {
				obj.fn[x->to].cand = 0;
				changed = 1;
			}
		}
	}
	for (changed = 1; changed; ) {
		changed = 0;
		for (size_t u = 0; u < obj.nuse; u++) {
			struct use *x = &obj.use[u];
			int by = x->from < 0 || obj.fn[x->from].reached;

			if (by && obj.fn[x->to].cand && !obj.fn[x->to].reached)
				changed = obj.fn[x->to].reached = 1;
		}
	}
}

/* Prints "from A, B": each user once, in the order found. */
static void print_users(const struct secref_obj *o, uint32_t f)
{
	const char *sep = " from ";

	for (size_t u = 0; u < obj.nuse; u++) {
		const struct use *x = &obj.use[u];
		uint32_t sym = x->from < 0 ? x->init_sym : obj.fn[x->from].sym;
		int seen = 0;

		if (x->to != f)
			continue;
		for (size_t v = 0; v < u && !seen; v++)
			seen = obj.use[v].to == f && obj.use[v].from == x->from &&
			       obj.use[v].init_sym == x->init_sym;
		if (seen)
			continue;
		printf("%s%s", sep, sym ? modelf_sym_name(&o->m, sym) :
		       "(init code)");
		sep = ", ";
	}
	printf("\n");
}

/* Analyses one object; returns its candidates' count, adds their bytes. */
static unsigned analyse(const struct secref_obj *o, unsigned long long *bytes)
{
	char why[200];
	unsigned n = 0;

	find_functions(o);
	obj.nuse = 0;
	secref_each(o, relocation, NULL, why, sizeof(why));
	for (uint32_t s = 1; s < o->m.shnum; s++)
		if ((o->m.sh[s].sh_flags & SHF_EXECINSTR) &&
		    o->m.sh[s].sh_type == SHT_PROGBITS &&
		    secref_class(o, s) == SECREF_CORE)
			scan_branches(o, s);
	decide();
	for (uint32_t f = 0; f < obj.nfn; f++) {
		const struct fn *x = &obj.fn[f];

		if (!x->cand || !x->reached)
			continue;
		printf("%s: %s (%s, %u byte%s)", o->path,
		       modelf_sym_name(&o->m, x->sym),
		       modelf_section_name(&o->m, x->sec), x->size,
		       x->size == 1 ? "" : "s");
		print_users(o, f);
		n++;
		*bytes += x->size;
	}
	free(obj.fn);
	return n;
}

/* What main counts over the files. */
struct totals {
	unsigned long long bytes;
	unsigned n, files, with;
};

/* secref_files' done: one file that read well, analysed and counted. */
static void one_object(void *arg, const struct secref_obj *o)
{
	struct totals *t = arg;
	unsigned k = analyse(o, &t->bytes);

	t->n += k;
	t->with += k != 0;
	t->files++;
}

int main(int argc, char **argv)
{
	struct totals t = { 0 };
	int status;

	if (secref_usage("initonly", argc, argv))
		return 2;
	status = secref_files("initonly", argc, argv, nothing, one_object, &t);
	printf("initonly: %u candidate%s, %llu bytes, in %u of %u file%s\n",
	       t.n, t.n == 1 ? "" : "s", t.bytes, t.with, t.files,
	       t.files == 1 ? "" : "s");
	free(obj.use);
	free(obj.relocated);
	return status;
}
