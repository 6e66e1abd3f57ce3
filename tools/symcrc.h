/*
 * Symbol version CRCs (tools/symcrc.c), used by modpost on the host: find
 * the declaration of a symbol in preprocessed C (gcc -E output), normalize
 * its spelling, and take its CRC32. The rule is in docs/modules.md.
 */
#ifndef TOOLS_SYMCRC_H
#define TOOLS_SYMCRC_H

#include <stddef.h>
#include <stdint.h>

/* CRC32 as zlib and Ethernet compute it (reflected polynomial 0xEDB88320,
 * initial value and final xor 0xFFFFFFFF): crc32("123456789") == 0xCBF43926. */
uint32_t symcrc_crc32(const void *data, size_t len);

/*
 * Writes into out (outlen bytes) the normalized text of the first top-level
 * declaration of name in the preprocessed source src[0..len): the tokens of
 * the first statement outside any function body that declares name (at
 * parenthesis depth 0, or as `(*name)`), up to `;`, the `{` of a function
 * body or an initializer's `=`, without a leading `extern`, one space only
 * between two word tokens. Returns 0, -ENOENT if there is no such
 * declaration, -ENAMETOOLONG if out is too small.
 */
int symcrc_declaration(const char *src, size_t len, const char *name,
		       char *out, size_t outlen);

/* symcrc_declaration() then the CRC32 of the text; decl may be NULL. */
int symcrc_symbol(const char *src, size_t len, const char *name,
		  uint32_t *crc, char *decl, size_t decllen);

/*
 * The names exported in src (each identifier __ksymtab_NAME, which
 * EXPORT_SYMBOL(NAME) creates), one at a time: *pos starts at 0; copies the
 * next name into out and returns 1, or returns 0 at the end.
 */
int symcrc_next_export(const char *src, size_t len, size_t *pos,
		       char *out, size_t outlen);

#endif
