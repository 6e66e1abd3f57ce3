/*
 * Shared only by the loader's pure code (loader/elf.c, loader/reloc.c):
 * the refusal helper, the names used in refusals and the little-endian
 * word read. No kernel calls.
 */
#ifndef LOADER_INTERNAL_H
#define LOADER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "loader/elf.h"

/*
 * Writes the reason (printf format) into m->why, always terminated.
 * Returns -ENOEXEC, so a check can `return refuse(m, "...", ...);`. Never
 * fails. Defined in loader/elf.c.
 */
int modelf_refuse(struct modelf *m, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The short name both files call it by. */
#define refuse modelf_refuse

/* Room for "#65535 (no name)". */
struct modelf_label {
	char s[24];
};

/* How a refusal names section i: its name, or "#i (no name)" when it has
 * none (an empty or damaged name). Returns l->s or the name. */
const char *modelf_sec_label(const struct modelf *m, uint32_t i,
			     struct modelf_label *l);
/* The same for symbol i: "printk", or "#12 (no name)". */
const char *modelf_sym_label(const struct modelf *m, uint32_t i,
			     struct modelf_label *l);

/* The little-endian 32-bit word at p (any alignment). */
static inline uint32_t rd32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

#endif
