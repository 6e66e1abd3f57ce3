/*
 * depmod's core: modules in, dependencies, unknown symbols, cycles and the
 * text of modules.dep and modules.alias out (see loader/depmod.h).
 * Memory comes from tool_alloc (vmalloc in the guest, malloc on the host).
 */
#include "loader/depmod.h"
#include "loader/tools.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <stdarg.h>

static void say(const struct depmod *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void say(const struct depmod *d, const char *fmt, ...)
{
	char line[320];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	d->say(d->arg, line);
}

static int grow(struct depmod *d)
{
	uint32_t cap = d->cap ? d->cap * 2 : 32;
	struct depmod_mod *mods = tool_alloc(cap * sizeof(*mods));

	if (!mods)
		return -ENOMEM;
	if (d->n)
		memcpy(mods, d->mods, d->n * sizeof(*mods));
	tool_free(d->mods);
	d->mods = mods;
	d->cap = cap;
	return 0;
}

int depmod_add(struct depmod *d, const char *path, char *buf, size_t len)
{
	struct depmod_mod *mod;
	uint32_t at = 0;
	int err = strlen(path) >= DEPMOD_PATH_MAX ? -ENAMETOOLONG : 0;

	if (!err && d->n == d->cap)
		err = grow(d);
	if (err) {
		tool_free(buf);
		return err;
	}
	while (at < d->n && strcmp(d->mods[at].path, path) < 0)
		at++;
	mod = &d->mods[at];
	memmove(mod + 1, mod, (d->n - at) * sizeof(*mod));
	memset(mod, 0, sizeof(*mod));
	if (modelf_parse(buf, len, &mod->m)) {
		say(d, "depmod: WARNING: %s%s%s: %s: left out", d->dir, *d->dir ? "/" : "",
		    path, mod->m.why);
		memmove(mod, mod + 1, (d->n - at) * sizeof(*mod));
		tool_free(buf);
		return -ENOEXEC;
	}
	strlcpy(mod->path, path, sizeof(mod->path));
	mod->buf = buf;
	d->n++;
	return 0;
}

/* Does module j export sym (a defined __ksymtab_SYM)? */
static bool exports(const struct depmod_mod *mod, const char *sym)
{
	const struct modelf *m = &mod->m;

	for (uint32_t i = 1; i < m->nsym; i++) {
		const char *n = modelf_sym_name(m, i);

		if (m->sym[i].st_shndx != SHN_UNDEF && !strncmp(n, "__ksymtab_", 10) &&
		    !strcmp(n + 10, sym))
			return true;
	}
	return false;
}

/* The module that provides sym to module i, -1 for the kernel, -2 for
 * nobody. */
static int32_t provider(const struct depmod *d, uint32_t i, const char *sym)
{
	if (d->kernel_exports(d->arg, sym))
		return -1;
	for (uint32_t j = 0; j < d->n; j++)
		if (j != i && exports(&d->mods[j], sym))
			return (int32_t)j;
	return -2;
}

/* Direct dependencies of module i into direct[] (a bitmap of d->n bits);
 * reports the symbols nobody provides. */
static void direct_deps(struct depmod *d, uint32_t i, uint8_t *direct)
{
	const struct modelf *m = &d->mods[i].m;
	uint32_t pos = 0;
	const char *sym;

	while ((sym = modelf_next_undef(m, &pos)) != NULL) {
		int32_t p = provider(d, i, sym);

		if (p >= 0)
			direct[p / 8] |= 1u << (p % 8);
		else if (p == -2 && ELF32_ST_BIND(m->sym[pos].st_info) != STB_WEAK) {
			say(d, "depmod: WARNING: %s%s%s needs unknown symbol %s", d->dir,
			    *d->dir ? "/" : "", d->mods[i].path, sym);
			d->n_unknown++;
		}
	}
}

#define BIT(map, i)	((map)[(i) / 8] & (1u << ((i) % 8)))

struct walk {
	struct depmod *d;
	uint8_t *direct;	/* n bitmaps of n bits: direct[i * row] */
	uint32_t row;
	uint8_t *state;		/* 0 new, 1 on the path, 2 done */
	uint32_t *path, depth;	/* the DFS path, for naming a cycle */
};

/* Names the cycle from the path's copy of j back to j. */
static void report_cycle(struct walk *w, uint32_t j)
{
	char line[256];
	size_t n = 0;
	uint32_t from = w->depth;

	while (from > 0 && w->path[from - 1] != j)
		from--;
	for (uint32_t k = from - 1; k < w->depth; k++)
		n += snprintf(line + n, n < sizeof(line) ? sizeof(line) - n : 0, "%s -> ",
			      w->d->mods[w->path[k]].m.hdr.name);
	snprintf(line + n, n < sizeof(line) ? sizeof(line) - n : 0, "%s",
		 w->d->mods[j].m.hdr.name);
	say(w->d, "depmod: ERROR: Cycle detected: %s", line);
	w->d->n_in_cycles += w->depth - from + 1;
}

static void find_cycles(struct walk *w, uint32_t i)
{
	w->state[i] = 1;
	w->path[w->depth++] = i;
	for (uint32_t j = 0; j < w->d->n; j++) {
		if (!BIT(w->direct + i * w->row, j))
			continue;
		if (w->state[j] == 1)
			report_cycle(w, j);
		else if (w->state[j] == 0)
			find_cycles(w, j);
	}
	w->depth--;
	w->state[i] = 2;
}

/* Post-order walk from i: every module it needs, each after its own needs.
 * seen[] is a per-start bitmap; out gets the load order. */
static void load_order(struct walk *w, uint32_t i, uint8_t *seen, struct depmod_mod *out)
{
	for (uint32_t j = 0; j < w->d->n; j++) {
		if (!BIT(w->direct + i * w->row, j) || BIT(seen, j))
			continue;
		seen[j / 8] |= 1u << (j % 8);
		load_order(w, j, seen, out);
		out->deps[out->ndeps++] = j;
	}
}

static int orders(struct walk *w)
{
	uint8_t *seen = tool_alloc(w->row);

	if (!seen)
		return -ENOMEM;
	for (uint32_t i = 0; i < w->d->n; i++) {
		struct depmod_mod *mod = &w->d->mods[i];

		mod->deps = tool_alloc(w->d->n * sizeof(uint32_t));
		if (!mod->deps) {
			tool_free(seen);
			return -ENOMEM;
		}
		memset(seen, 0, w->row);
		seen[i / 8] |= 1u << (i % 8);
		load_order(w, i, seen, mod);
	}
	tool_free(seen);
	return 0;
}

int depmod_resolve(struct depmod *d)
{
	struct walk w = { .d = d, .row = (d->n + 7) / 8 };
	int err = -ENOMEM;

	w.direct = tool_alloc(d->n * w.row + 1);
	w.state = tool_alloc(d->n + 1);
	w.path = tool_alloc((d->n + 1) * sizeof(uint32_t));
	if (!w.direct || !w.state || !w.path)
		goto out;
	memset(w.direct, 0, d->n * w.row);
	memset(w.state, 0, d->n);
	for (uint32_t i = 0; i < d->n; i++)
		direct_deps(d, i, w.direct + i * w.row);
	for (uint32_t i = 0; i < d->n; i++)
		if (!w.state[i])
			find_cycles(&w, i);
	if (d->n_in_cycles) {
		say(d, "depmod: ERROR: Found %u modules in dependency cycles!", d->n_in_cycles);
		err = -ELOOP;
		goto out;
	}
	err = orders(&w);
out:
	tool_free(w.direct);
	tool_free(w.state);
	tool_free(w.path);
	return err;
}

/* snprintf into buf at *n, never past size; *n counts what it needed. */
static void put(char *buf, size_t size, size_t *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void put(char *buf, size_t size, size_t *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	*n += vsnprintf(buf + (*n < size ? *n : size), *n < size ? size - *n : 0, fmt, ap);
	va_end(ap);
}

size_t depmod_format_dep(const struct depmod *d, char *buf, size_t size)
{
	size_t n = 0;

	if (size)
		buf[0] = '\0';
	for (uint32_t i = 0; i < d->n; i++) {
		put(buf, size, &n, "%s:", d->mods[i].path);
		/* kmod's order: the module's direct needs first, the deepest
		 * last; modprobe loads right to left */
		for (uint32_t k = d->mods[i].ndeps; k-- > 0; )
			put(buf, size, &n, " %s", d->mods[d->mods[i].deps[k]].path);
		put(buf, size, &n, "\n");
	}
	return n;
}

size_t depmod_format_alias(const struct depmod *d, char *buf, size_t size)
{
	size_t n = 0;

	if (size)
		buf[0] = '\0';
	put(buf, size, &n, "# Aliases extracted from modules themselves.\n");
	for (uint32_t i = 0; i < d->n; i++) {
		uint32_t pos = 0;
		const char *kv;

		while ((kv = modelf_modinfo_next(&d->mods[i].m, &pos)) != NULL)
			if (!strncmp(kv, "alias=", 6))
				put(buf, size, &n, "alias %s %s\n", kv + 6, d->mods[i].m.hdr.name);
	}
	return n;
}

void depmod_free(struct depmod *d)
{
	for (uint32_t i = 0; i < d->n; i++) {
		tool_free(d->mods[i].deps);
		tool_free(d->mods[i].buf);
	}
	tool_free(d->mods);
	d->mods = NULL;
	d->n = d->cap = 0;
}
