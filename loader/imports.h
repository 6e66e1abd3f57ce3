/*
 * A module's imports, as insmod (loader/insmod.c) and modreloc
 * (loader/byhand.c) both handle them: looked up in the kernel
 * (/proc/ksym_lookup), checked (every one known, every CRC agreeing, the
 * modules it uses noted), then resolved for the relocator. cmd ("insmod",
 * "modreloc") starts every message, as "CMD: NAME: reason". m is a module
 * modelf_parse took (no undefined local, symbol 0 the null one).
 */
#ifndef LOADER_IMPORTS_H
#define LOADER_IMPORTS_H

#include "loader/elf.h"
#include "loader/tools.h"

#define IMPORTS_MAX_OWNERS 64	/* the kernel itself pins at most 16; it says so */

/*
 * Asks the kernel about the symbols m imports and those it has version
 * CRCs for, and only those, in one question (ksym_table_lookup into
 * *syms): the cost follows the module, not how many symbols the system
 * exports. imports_look_up asks /proc/ksym_lookup (modreloc, insmod -n);
 * imports_look_up_on asks on control, the module's control file, through
 * fd, a descriptor open read-write on it (insmod: the one it keeps; no
 * open and close). Returns 0 or -errno, having said why.
 */
int imports_look_up(const char *cmd, const struct modelf *m, struct ksym_table *syms);
int imports_look_up_on(const char *cmd, const struct modelf *m, struct ksym_table *syms,
		       const char *control, int fd);

/*
 * Every import must be exported by someone (in syms, from
 * imports_look_up of the same m: the answers are read back in the order it
 * asked, with no search), with the CRC it was built against (Owens: the ABI is bound
 * when the module is built). All the missing ones are listed, not just the
 * first, then "N unknown symbols: OUTCOME"; an unresolved weak symbol is
 * allowed (the relocator makes it 0, as Linux does). Each module that
 * exports one is added once to owners[0..*n_owners) (room for
 * IMPORTS_MAX_OWNERS; the kernel is not one), never dropped silently.
 * Returns 0, -ENOKEY (a symbol missing), -EINVAL (a CRC disagrees) or
 * -ENOSPC (too many owners), having said why.
 */
int imports_check(const char *cmd, const char *outcome, const struct modelf *m,
		  const struct ksym_table *syms, const char **owners, unsigned *n_owners);

/* A resolver for modreloc_apply, arg the struct ksym_table: a name's
 * address, or -ENOKEY. */
int imports_resolve(void *arg, const char *name, uint32_t *value);

/* The relocator's answer with no search, when name is the very string
 * (the same pointer) imports_look_up asked nth (its imports come first, in
 * symbol order): 0 and the address in *value, or -ENOKEY if the kernel
 * does not know it. 1: the nth question was not name (look it up by
 * name: imports_resolve). */
int imports_answer(const struct ksym_table *syms, uint32_t nth, const char *name,
		   uint32_t *value);

#endif
