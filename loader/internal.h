/*
 * Shared only by the loader's pure code (loader/elf.c, loader/reloc.c):
 * the refusal helper and the little-endian word read. No kernel calls.
 */
#ifndef LOADER_INTERNAL_H
#define LOADER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/*
 * Writes the reason (printf format) into why, whylen bytes, always
 * terminated; nothing if why is NULL or whylen is 0. Returns -ENOEXEC, so
 * a check can `return refuse(why, whylen, "...", ...);`. Never fails.
 * Defined in loader/elf.c.
 */
int modelf_refuse(char *why, size_t whylen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The short name both files call it by. */
#define refuse modelf_refuse

/* The little-endian 32-bit word at p (any alignment). */
static inline uint32_t rd32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

#endif
