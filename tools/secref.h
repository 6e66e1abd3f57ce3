/*
 * What the init tools (tools/initsavings.c, tools/secmismatch.c,
 * tools/initonly.c) share: reading any ELF32 i386 relocatable object (a
 * Tessera .ko or NAME.o, or a Linux i386 .ko with its signature cut off)
 * with loader/elf.c, the class of each section (core, init, exit), the
 * image layout Tessera gives it, and every reference its relocations make,
 * resolved to a section and offset and to the symbols at both ends; and
 * the main loop over the files a tool is given.
 */
#ifndef TOOLS_SECREF_H
#define TOOLS_SECREF_H

#include <stddef.h>
#include <stdint.h>
#include "loader/elf.h"

/* One object read from a file. */
struct secref_obj {
	const char *path;	/* as given */
	void *buf;		/* the file, owned */
	size_t len;		/* bytes parsed (an appended signature is cut) */
	struct modelf m;	/* modelf_parse_object's view */
	int tessera;		/* 1: a Tessera .ko (modelf_parse accepted it) */
};

/*
 * Reads and checks the object at path: the whole file, less a Linux module
 * signature at its end ("~Module signature appended~\n" and what it
 * frames); then modelf_parse_object(). A Tessera .ko (one that
 * modelf_parse() accepts) is marked o->tessera. Returns 0, or -errno with a
 * one-line reason in why (why_len bytes) naming the file; o then owns
 * nothing.
 */
int secref_open(struct secref_obj *o, const char *path, char *why,
		size_t why_len);
/* Frees what secref_open() took. */
void secref_close(struct secref_obj *o);

/* The class of a section, by its name and flags, as Linux's module loader
 * and modpost sort them: not allocated (debug information, notes the
 * loader does not keep): OTHER; a name starting ".init" or Tessera's
 * ".module.init": INIT; ".exit": EXIT; any other allocated section: CORE. */
enum secref_class { SECREF_OTHER, SECREF_CORE, SECREF_INIT, SECREF_EXIT };
enum secref_class secref_class(const struct secref_obj *o, uint32_t shndx);

/*
 * The image Tessera makes of the object: core then init, each page-rounded
 * as a whole (docs/initsavings.md). A Tessera .ko: its header's core_size
 * and init_size. Any other object: every CORE and EXIT section (exit code
 * stays for unload, in Linux as in Tessera) in section-table order, then
 * every INIT section, each at its alignment. linux_loader: leave out
 * .modinfo and __versions, as Linux's loader leaves them out of a module's
 * memory (Tessera keeps both in the core).
 */
void secref_sizes(const struct secref_obj *o, int linux_loader,
		  uint32_t *core, uint32_t *init);

/* One reference: a relocation of an allocated section. */
struct secref {
	uint32_t from_sec, from_off;	/* the place: section, offset in it */
	uint32_t to_sec, to_off;	/* the target: section (0: not defined
					 * in the object), offset in it */
	uint32_t sym;			/* the relocation's symbol index */
	uint32_t type;			/* R_386_* */
};

/*
 * Calls fn for each relocation of each allocated section (SHT_REL; the
 * relocations of debug sections are skipped), in file order. The target of
 * a named symbol is the symbol; of a section symbol, the section plus the
 * addend (+4 for a PC-relative one: the field ends its instruction), as
 * loader/reloc.c computes it. Stops at fn's first nonzero return and
 * returns it; 0 after the last. -ENOEXEC (reason in why) for a RELA
 * section, which no i386 object has.
 */
typedef int (*secref_fn)(void *arg, const struct secref_obj *o,
			 const struct secref *r);
int secref_each(const struct secref_obj *o, secref_fn fn, void *arg,
		char *why, size_t why_len);

/*
 * The symbol that names offset off of section sec: the function or object
 * whose extent holds it, else the nearest named symbol at or before it in
 * that section (not a section or file symbol); *idx gets its index. 0 if
 * none (then *idx is 0).
 */
int secref_symbol_at(const struct secref_obj *o, uint32_t sec, uint32_t off,
		     uint32_t *idx);

/* The function (STT_FUNC of nonzero size) whose extent holds offset off of
 * section sec: its symbol index, or 0. */
uint32_t secref_function_at(const struct secref_obj *o, uint32_t sec,
			    uint32_t off);

/* Whether the object is a Tessera .ko's and the place is its header's init
 * field: a core pointer into init that is used once, before the discard. */
int secref_is_header_init(const struct secref_obj *o, uint32_t sec,
			  uint32_t off);

/* The files a tool was given. */
struct secref_paths {
	char **path;		/* n paths, malloc'd */
	size_t n, cap;
	int width;		/* of the longest, for a column */
	char why[300];		/* why secref_paths() failed */
};

/*
 * Fills *p (zeroed by the caller) with the files args[0..n) name: a FILE
 * as given, a DIR as every *.ko under it at any depth, sorted by path.
 * Returns 0, or -errno with the reason in p->why (the paths found so far
 * stay in *p; a DIR with no *.ko in it is -ENOENT, the other arguments
 * still listed). secref_paths_free() frees them either way.
 */
int secref_paths(int n, char **args, struct secref_paths *p);
void secref_paths_free(struct secref_paths *p);

/* Whether a tool "TOOL DIR|FILE..." was given no argument, or an option
 * first; then "usage: TOOL DIR|FILE..." is on stderr. */
int secref_usage(const char *tool, int argc, char **argv);

/*
 * The loop of such a tool: the files argv[1..argc) name (secref_paths),
 * each opened (secref_open), walked with secref_each(o, fn, arg), then,
 * if that returned 0, given to done(arg, o) (done may be NULL), and
 * closed. A file that cannot be read or walked is named on stderr as
 * "TOOL: reason" and skipped. Returns 0, or 2 if any path or file failed.
 */
typedef void (*secref_done_fn)(void *arg, const struct secref_obj *o);
int secref_files(const char *tool, int argc, char **argv, secref_fn fn,
		 secref_done_fn done, void *arg);

#endif
