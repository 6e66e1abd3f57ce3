/*
 * Host tests of loader/symbols.c, the table insmod writes to
 * /mod/NAME/symbols: for the real build/modules/hello.ko, exactly the lines
 * nm shows for its functions and objects, at their image offsets, but
 * for its metadata (version table, modinfo); the
 * snprintf-like length and truncation; the packed form holds the same,
 * and writes only whole entries within any buffer size.
 */
// sources: loader/symbols.c loader/elf.c loader/reloc.c tools/hostfile.c build/modules/hello.ko
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader/elf.h"
#include "tools/hostfile.h"
#include "tests/host/ktest.h"

static uint8_t *ko;
static size_t ko_len;
static struct modelf m;

static void load_ko(void)
{
	ko = host_read_file("build/modules/hello.ko", &ko_len);
	if (ko_len && modelf_parse(ko, ko_len, &m))
		ko_len = 0;
}

KTEST(hello_symbols_are_its_functions_and_objects)
{
	char buf[1024];
	uint32_t n;

	KT_EXPECT(ko_len > 0);
	if (!ko_len)
		return;
	KT_EXPECT(modelf_symbols_format(&m, buf, sizeof(buf), &n) == strlen(buf));
	KT_EXPECT(n == 5);
	KT_EXPECT(strstr(buf, "00000000 80 D __this_module\n") != NULL);
	KT_EXPECT(strstr(buf, "00000080 16 t hello_exit\n") != NULL);
	KT_EXPECT(strstr(buf, "00000080 16 T cleanup_module\n") != NULL);
	/* init-part symbols: their image offsets, past the core (0x1b0) */
	KT_EXPECT(strstr(buf, "000001b0 18 t hello_init\n") != NULL);
	KT_EXPECT(strstr(buf, "000001b0 18 T init_module\n") != NULL);
	/* the metadata is not listed, as in Linux's kallsyms: the version
	 * table and modpost's .modinfo strings (tools/modpost.c) */
	KT_EXPECT(m.hdr.num_versions == 1 && m.hdr.modinfo_size > 0);
	KT_EXPECT(strstr(buf, "__module_versions") == NULL);
	KT_EXPECT(strstr(buf, "__modinfo_") == NULL);
	KT_EXPECT(strstr(buf, "__module_vermagic") == NULL);
	KT_EXPECT(strstr(buf, "__module_intree") == NULL);
	KT_EXPECT(strstr(buf, "__module_depends") == NULL);
	/* sizeless markers (__module_start, __core_end) and the import are not listed */
	KT_EXPECT(strstr(buf, "__module_start") == NULL);
	KT_EXPECT(strstr(buf, "printk") == NULL);
}

KTEST(symbols_length_and_truncation_like_snprintf)
{
	char full[1024], small[16];
	uint32_t n1, n2;
	size_t len;

	if (!ko_len)
		return;
	len = modelf_symbols_format(&m, full, sizeof(full), &n1);
	KT_EXPECT(modelf_symbols_format(&m, NULL, 0, &n2) == len);
	KT_EXPECT(n1 == n2);
	KT_EXPECT(modelf_symbols_format(&m, small, sizeof(small), &n2) == len);
	KT_EXPECT(strlen(small) == sizeof(small) - 1);
	KT_EXPECT(!strncmp(small, full, sizeof(small) - 1));
}

/* The packed table (what insmod writes) holds the same symbols as the
 * text, entry by entry: offset, size, letter, name. */
KTEST(packed_table_is_the_text_table)
{
	char text[1024], line[200], *p = text;
	uint8_t packed[1024];
	uint32_t n1, n2;
	size_t len, off = MODSYMS_MAGIC_LEN;

	if (!ko_len)
		return;
	modelf_symbols_format(&m, text, sizeof(text), &n1);
	len = modelf_symbols_pack(&m, packed, sizeof(packed), &n2);
	KT_EXPECT(n1 == n2 && n2 == 5);
	KT_EXPECT(len <= sizeof(packed));
	KT_EXPECT(!memcmp(packed, "\x7fSYM", 4));
	for (uint32_t i = 0; i < n2 && off + MODSYMS_ENTRY <= len; i++) {
		const uint8_t *e = packed + off;
		uint32_t o = e[0] | e[1] << 8 | e[2] << 16 | (uint32_t)e[3] << 24;
		uint32_t sz = e[4] | e[5] << 8 | e[6] << 16 | (uint32_t)e[7] << 24;
		char *nl = strchr(p, '\n');

		snprintf(line, sizeof(line), "%08x %x %c %.*s", o, sz, e[8], e[9],
			 (const char *)e + MODSYMS_ENTRY);
		KT_EXPECT(nl && !strncmp(p, line, nl - p) && strlen(line) == (size_t)(nl - p));
		p = nl ? nl + 1 : p;
		KT_EXPECT(e[MODSYMS_ENTRY + e[9]] == '\0');	/* each name ends in a NUL */
		off += MODSYMS_ENTRY + e[9] + 1;
	}
	KT_EXPECT(off == len);
	/* too small: nothing past what fits, the whole length returned */
	KT_EXPECT(modelf_symbols_pack(&m, packed, 20, &n2) == len);
	KT_EXPECT(modelf_symbols_pack(&m, NULL, 0, &n2) == len);
}

/* Every buffer size: the bytes written are whole entries, the same as the
 * full table's, and nothing is written past size (names are copied
 * straight into the buffer only when the longest fits). */
KTEST(packed_table_in_every_buffer_size)
{
	uint8_t full[1024], part[1024 + 1];
	uint32_t n, n2;
	size_t len;

	if (!ko_len)
		return;
	len = modelf_symbols_pack(&m, full, sizeof(full), &n);
	for (size_t size = 0; size <= len + 130; size++) {
		size_t off = MODSYMS_MAGIC_LEN;

		memset(part, 0xa5, sizeof(part));
		KT_EXPECT(modelf_symbols_pack(&m, part, size, &n2) == len && n2 == n);
		/* the whole entries that fit are written, as in the full table */
		while (off < len && off + MODSYMS_ENTRY + full[off + 9] + 1 <= size)
			off += MODSYMS_ENTRY + full[off + 9] + 1;
		if (size < MODSYMS_MAGIC_LEN)
			off = 0;
		KT_EXPECT(!memcmp(part, full, off));
		for (size_t i = off; i < sizeof(part); i++)
			if (i >= size && part[i] != 0xa5) {
				KT_EXPECT(!"a byte written past size");
				break;
			}
	}
}

int main(void)
{
	load_ko();
	return ktest_main();
}
