/*
 * Loading by hand (loader/byhand.c): the shell commands modlayout, modsyms
 * and modreloc, which let a person do insmod's steps one at a time, and
 * the command sequence `insmod -n` prints (docs/modfs.md, "Loading by
 * hand").
 */
#ifndef LOADER_BYHAND_H
#define LOADER_BYHAND_H

#include "loader/elf.h"

/* What insmod has found out about one module before changing anything. */
struct byhand_plan {
	const char *path;		/* the .ko as given */
	const struct modelf *m;		/* parsed (modelf_parse) */
	const char *const *owners;	/* modules it uses (each gets `use`) */
	unsigned n_owners;
	char *const *args;		/* name=value words */
	int n_args;
	int forced;			/* vermagic differs, -f given */
	const char *near;		/* --near=NAME: placement hint, or NULL */
};

/*
 * Prints to stdout the shell commands that load the module exactly as
 * insmod does, one a line, each one typeable as it is: mkdir, truncate,
 * map, cat status, modreloc (taking the base from /mod/NAME), modsyms into
 * symbols, cp of the image, use, args, init, truncate to the core, rm of
 * the temporary image. Changes nothing. Never fails.
 */
void byhand_print_commands(const struct byhand_plan *p);

#endif
