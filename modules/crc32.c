/*
 * crc32: a library module, the half of a library/user pair (crcsum uses
 * it). It teaches what a module's exports are: a function and a table,
 * EXPORT_SYMBOL'd, found by the loader when another module imports them;
 * `lsmod` then shows crc32 "used by" crcsum, it cannot be removed first,
 * and `modprobe crcsum` loads it before crcsum (modules.dep says so).
 * The table is built in init (the byte-at-a-time algorithm, Sarwate 1988),
 * named as in Linux's lib/crc32.c.
 */
#include <module.h>
#include "modules/crc32.h"

u32 crc32_table[256];
EXPORT_SYMBOL(crc32_table);

u32 crc32_le(u32 crc, unsigned char const *p, size_t len)
{
	while (len--)
		crc = (crc >> 8) ^ crc32_table[(crc ^ *p++) & 0xff];
	return crc;
}
EXPORT_SYMBOL(crc32_le);

static int __init crc32_init(void)
{
	for (u32 i = 0; i < 256; i++) {
		u32 c = i;

		for (int bit = 0; bit < 8; bit++)	/* divide by the polynomial */
			c = (c >> 1) ^ (c & 1 ? 0xedb88320 : 0);
		crc32_table[i] = c;
	}
	pr_info("crc32: table ready (crc32_table[1] = 0x%08x)\n", crc32_table[1]);
	return 0;
}

static void __exit crc32_exit(void)
{
	pr_info("crc32: unloaded\n");
}

module_init(crc32_init);
module_exit(crc32_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("Tessera");
MODULE_DESCRIPTION("CRC-32 (IEEE 802.3) for other modules: crc32_le() and crc32_table");
