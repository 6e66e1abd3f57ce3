/*
 * crc32's exports, included by crc32.c and by the modules that use them
 * (crcsum.c): both see the same declarations, so their CRCs agree.
 */
#ifndef MODULES_CRC32_H
#define MODULES_CRC32_H

#include <linux/types.h>

/* The CRC-32 of p[0..len) continued from crc, bit-reflected, polynomial
 * 0xedb88320 (Ethernet, zlib, PNG), as Linux's crc32_le: no inversion
 * here, so zlib's crc32() is crc32_le(~0, p, len) ^ ~0. */
u32 crc32_le(u32 crc, unsigned char const *p, size_t len);
/* The 256-entry table crc32_le uses, built at load: entry i is the CRC of
 * the byte i. Exported for modules that run the loop themselves. */
extern u32 crc32_table[256];

#endif
