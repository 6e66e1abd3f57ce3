/*
 * Objects, section classes, image sizes and references for the init tools
 * (API in tools/secref.h). Reading and checking the ELF is loader/elf.c's
 * job; this file only classifies and walks what it found.
 */
#define _XOPEN_SOURCE 700	/* nftw */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "tools/hostfile.h"
#include "tools/secref.h"

static const char sig_magic[] = "~Module signature appended~\n";

/* The module's length without a Linux signature: the magic at the end,
 * before it a 12-byte header whose last 4 bytes are the signature's length
 * (big-endian), before that the signature. len if there is none; 0 if the
 * header lies about the length. */
static size_t unsigned_len(const uint8_t *b, size_t len)
{
	size_t magic = sizeof(sig_magic) - 1, siglen;
	const uint8_t *h;

	if (len < magic + 12 || memcmp(b + len - magic, sig_magic, magic))
		return len;
	h = b + len - magic - 12;
	siglen = (size_t)h[8] << 24 | (size_t)h[9] << 16 | (size_t)h[10] << 8 | h[11];
	if (siglen > len - magic - 12)
		return 0;
	return len - magic - 12 - siglen;
}

/* Why host_read_file() gave nothing for path: its stat or open error, an
 * empty file, or a failed read. Returns -errno, the reason in why. */
static int unreadable(const char *path, char *why, size_t why_len)
{
	struct stat st;
	int err = errno ? errno : EIO;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) {
		snprintf(why, why_len, "%s: empty file, not an ELF object", path);
		return -ENOEXEC;
	}
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		err = EISDIR;
	else if (stat(path, &st) != 0)
		err = errno;
	snprintf(why, why_len, "%s: cannot read it: %s", path, strerror(err));
	return -err;
}

int secref_open(struct secref_obj *o, const char *path, char *why,
		size_t why_len)
{
	size_t len = 0;

	memset(o, 0, sizeof(*o));
	o->path = path;
	errno = 0;
	o->buf = host_read_file(path, &len);
	if (!o->buf)
		return unreadable(path, why, why_len);
	o->len = unsigned_len(o->buf, len);
	if (!o->len) {
		snprintf(why, why_len, "%s: its module signature's length runs "
			 "past the start of the file", path);
		goto out_free;
	}
	if (modelf_parse(o->buf, o->len, &o->m) == 0) {
		o->tessera = 1;
		return 0;
	}
	if (modelf_parse_object(o->buf, o->len, &o->m) == 0)
		return 0;
	snprintf(why, why_len, "%s: %s", path, o->m.why);
out_free:
	free(o->buf);
	o->buf = NULL;
	return -ENOEXEC;
}

void secref_close(struct secref_obj *o)
{
	free(o->buf);
	o->buf = NULL;
}

static int starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

enum secref_class secref_class(const struct secref_obj *o, uint32_t shndx)
{
	const char *name = modelf_section_name(&o->m, shndx);

	if (shndx == 0 || shndx >= o->m.shnum ||
	    !(o->m.sh[shndx].sh_flags & SHF_ALLOC))
		return SECREF_OTHER;
	if (starts(name, ".init") || strcmp(name, ".module.init") == 0)
		return SECREF_INIT;
	if (starts(name, ".exit"))
		return SECREF_EXIT;
	return SECREF_CORE;
}

/* Sections Linux's loader takes out of the module's memory. */
static int not_loaded(const char *name)
{
	return strcmp(name, ".modinfo") == 0 || strcmp(name, "__versions") == 0;
}

/* Lays out the sections of one class group from *at on. */
static uint32_t lay_out(const struct secref_obj *o, int linux_loader,
		       int init, uint32_t at)
{
	for (uint32_t i = 1; i < o->m.shnum; i++) {
		enum secref_class c = secref_class(o, i);
		uint32_t align = o->m.sh[i].sh_addralign;

		if (c == SECREF_OTHER || (c == SECREF_INIT) != init ||
		    (linux_loader && not_loaded(modelf_section_name(&o->m, i))))
			continue;
		if (align > 1)
			at = (at + align - 1) / align * align;
		at += o->m.sh[i].sh_size;
	}
	return at;
}

void secref_sizes(const struct secref_obj *o, int linux_loader,
		  uint32_t *core, uint32_t *init)
{
	if (o->tessera && !linux_loader) {
		*core = o->m.hdr.core_size;
		*init = o->m.hdr.init_size;
		return;
	}
	*core = lay_out(o, linux_loader, 0, 0);
	*init = lay_out(o, linux_loader, 1, *core) - *core;
}

static uint32_t rd32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* One relocation of section s (its target section t) as a reference. */
static void make_ref(const struct secref_obj *o, uint32_t t,
		     const Elf32_Rel *rel, struct secref *r)
{
	const Elf32_Sym *sym;
	uint32_t A = 0;

	r->from_sec = t;
	r->from_off = rel->r_offset;
	r->sym = ELF32_R_SYM(rel->r_info);
	r->type = ELF32_R_TYPE(rel->r_info);
	r->to_sec = 0;
	r->to_off = 0;
	if (r->sym >= o->m.nsym)
		return;
	sym = &o->m.sym[r->sym];
	if (sym->st_shndx == SHN_UNDEF || sym->st_shndx >= o->m.shnum)
		return;
	if (o->m.sh[t].sh_type != SHT_NOBITS &&
	    rel->r_offset <= o->m.sh[t].sh_size - 4 && o->m.sh[t].sh_size >= 4)
		A = rd32(o->m.buf + o->m.sh[t].sh_offset + rel->r_offset);
	r->to_sec = sym->st_shndx;
	if (ELF32_ST_TYPE(sym->st_info) != STT_SECTION)
		r->to_off = sym->st_value;
	else
		r->to_off = sym->st_value + A + (r->type == R_386_32 ? 0 : 4);
}

int secref_each(const struct secref_obj *o, secref_fn fn, void *arg,
		char *why, size_t why_len)
{
	const struct modelf *m = &o->m;

	for (uint32_t s = 1; s < m->shnum; s++) {
		const Elf32_Shdr *sh = &m->sh[s];
		const Elf32_Rel *rel = (const Elf32_Rel *)(m->buf + sh->sh_offset);
		uint32_t t = sh->sh_info;

		if (sh->sh_type == SHT_RELA && t < m->shnum &&
		    (m->sh[t].sh_flags & SHF_ALLOC)) {
			snprintf(why, why_len, "%s: section %s is RELA, which no "
				 "i386 object has", o->path,
				 modelf_section_name(m, s));
			return -ENOEXEC;
		}
		if (sh->sh_type != SHT_REL || t == 0 || t >= m->shnum ||
		    !(m->sh[t].sh_flags & SHF_ALLOC))
			continue;
		for (uint32_t i = 0; i < sh->sh_size / sizeof(Elf32_Rel); i++) {
			struct secref r;
			int ret;

			make_ref(o, t, &rel[i], &r);
			if ((ret = fn(arg, o, &r)))
				return ret;
		}
	}
	return 0;
}

/* A symbol that can name a place: defined in sec, named, not a section
 * or file symbol. */
static int names_place(const struct modelf *m, uint32_t i, uint32_t sec)
{
	uint8_t type = ELF32_ST_TYPE(m->sym[i].st_info);

	return m->sym[i].st_shndx == sec && type != STT_SECTION &&
	       type != STT_FILE && modelf_sym_name(m, i)[0];
}

int secref_symbol_at(const struct secref_obj *o, uint32_t sec, uint32_t off,
		     uint32_t *idx)
{
	const struct modelf *m = &o->m;
	uint32_t best = 0;

	for (uint32_t i = 1; i < m->nsym; i++) {
		const Elf32_Sym *s = &m->sym[i];

		if (!names_place(m, i, sec) || s->st_value > off)
			continue;
		if (off - s->st_value < s->st_size &&
		    (ELF32_ST_TYPE(s->st_info) == STT_FUNC ||
		     ELF32_ST_TYPE(s->st_info) == STT_OBJECT)) {
			*idx = i;
			return 1;
		}
		if (!best || s->st_value > m->sym[best].st_value)
			best = i;
	}
	*idx = best;
	return best != 0;
}

uint32_t secref_function_at(const struct secref_obj *o, uint32_t sec,
			    uint32_t off)
{
	const struct modelf *m = &o->m;

	for (uint32_t i = 1; i < m->nsym; i++) {
		const Elf32_Sym *s = &m->sym[i];

		if (s->st_shndx == sec && ELF32_ST_TYPE(s->st_info) == STT_FUNC &&
		    s->st_value <= off && off - s->st_value < s->st_size)
			return i;
	}
	return 0;
}

int secref_is_header_init(const struct secref_obj *o, uint32_t sec,
			  uint32_t off)
{
	return o->tessera && sec == o->m.part[MODELF_MODULE].shndx &&
	       off == MODHDR_OFF_INIT;
}

static int add_path(struct secref_paths *p, const char *path)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 256;
		char **grown = realloc(p->path, cap * sizeof(*grown));

		if (!grown)
			return -ENOMEM;
		p->path = grown;
		p->cap = cap;
	}
	if (!(p->path[p->n] = strdup(path)))
		return -ENOMEM;
	p->n++;
	if ((int)strlen(path) > p->width)
		p->width = (int)strlen(path);
	return 0;
}

static struct secref_paths *walking;	/* nftw passes no argument */

static int walk_one(const char *path, const struct stat *st, int flag,
		    struct FTW *ftw)
{
	size_t n = strlen(path);

	if (flag == FTW_F && n > 3 && strcmp(path + n - 3, ".ko") == 0)
		return add_path(walking, path) ? 1 : 0;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int secref_paths(int n, char **args, struct secref_paths *p)
{
	int err = 0;

	for (int i = 0; i < n; i++) {
		struct stat st;
		size_t first = p->n;

		if (stat(args[i], &st) || !S_ISDIR(st.st_mode)) {
			if (add_path(p, args[i]))
				goto out_nomem;
			continue;
		}
		walking = p;
		if (nftw(args[i], walk_one, 16, FTW_PHYS)) {
			snprintf(p->why, sizeof(p->why), "%s: cannot walk it "
				 "(or out of memory)", args[i]);
			return -EIO;
		}
		if (p->n == first) {	/* the others are still listed */
			snprintf(p->why, sizeof(p->why), "%s: no *.ko file under it",
				 args[i]);
			err = -ENOENT;
		} else {
			qsort(p->path + first, p->n - first, sizeof(char *), by_name);
		}
	}
	return err;
out_nomem:
	snprintf(p->why, sizeof(p->why), "out of memory");
	return -ENOMEM;
}

void secref_paths_free(struct secref_paths *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->path[i]);
	free(p->path);
	p->path = NULL;
	p->n = p->cap = 0;
}

int secref_usage(const char *tool, int argc, char **argv)
{
	if (argc >= 2 && argv[1][0] != '-')
		return 0;
	fprintf(stderr, "usage: %s DIR|FILE...\n", tool);
	return 1;
}

/* One file of secref_files(): 0, or -errno after printing why. */
static int one_file(const char *tool, const char *path, secref_fn fn,
		    secref_done_fn done, void *arg)
{
	struct secref_obj o;
	char why[300] = "";
	int err = secref_open(&o, path, why, sizeof(why));

	if (!err) {
		err = secref_each(&o, fn, arg, why, sizeof(why));
		if (!err && done)
			done(arg, &o);
		secref_close(&o);
	}
	if (err)
		fprintf(stderr, "%s: %s\n", tool, why[0] ? why : path);
	return err;
}

int secref_files(const char *tool, int argc, char **argv, secref_fn fn,
		 secref_done_fn done, void *arg)
{
	struct secref_paths paths = { 0 };
	int status = 0;

	if (secref_paths(argc - 1, argv + 1, &paths)) {
		fprintf(stderr, "%s: %s\n", tool, paths.why);
		status = 2;
	}
	for (size_t i = 0; i < paths.n; i++)
		if (one_file(tool, paths.path[i], fn, done, arg))
			status = 2;
	secref_paths_free(&paths);
	return status;
}
