/*
 * Whole-file reads, and modreloc_apply's scratch words, for the host
 * programs that work on module files (tools/badko.c,
 * tests/host/test_elf.c, tests/host/test_reloc.c).
 */
#ifndef TOOLS_HOSTFILE_H
#define TOOLS_HOSTFILE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Reads the whole file at path into a new malloc'd buffer (malloc's
 * alignment suits modelf_parse) and sets *len to its size. Returns the
 * buffer, which the caller frees; NULL if the file cannot be opened,
 * sized or read, is empty, or memory is short (*len is then unchanged).
 */
void *host_read_file(const char *path, size_t *len);

/*
 * modreloc_apply's scratch: at least n 32-bit words, kept (and grown) from
 * call to call; freed at exit by the C library. NULL if memory is short.
 */
uint32_t *host_scratch_words(size_t n);

#endif
