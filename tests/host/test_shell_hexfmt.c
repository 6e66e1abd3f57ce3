/*
 * Host tests of the hexdump formatter (shell/hexfmt.c): its output must be
 * byte for byte what util-linux `hexdump -C` prints for the same input
 * (the expected texts below were produced by that tool).
 */
// sources: shell/hexfmt.c
#include "tests/host/ktest.h"
#include "shell/hexfmt.h"
#include "lib/string.h"

static char out[4096];
static int out_len;

static void collect(void *arg, const char *text, int len)
{
	memcpy(out + out_len, text, len);
	out_len += len;
	out[out_len] = '\0';
}

/* Dumps data fed in chunks of `chunk` bytes, starting at offset start. */
static const char *dump(const void *data, size_t n, size_t chunk,
			uint32_t start)
{
	struct hexfmt h;
	const char *p = data;

	out_len = 0;
	out[0] = '\0';
	hexfmt_init(&h, start, collect, NULL);
	for (size_t i = 0; i < n; i += chunk)
		hexfmt_feed(&h, p + i, n - i < chunk ? n - i : chunk);
	hexfmt_end(&h);
	return out;
}

KTEST(short_line_pads_hex_columns)
{
	KT_EXPECT(!strcmp(dump("hello\n", 6, 6, 0),
		"00000000  68 65 6c 6c 6f 0a                                 |hello.|\n"
		"00000006\n"));
}

KTEST(repeated_lines_become_one_star)
{
	static const char zeros[64];

	KT_EXPECT(!strcmp(dump(zeros, 64, 64, 0),
		"00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
		"*\n"
		"00000040\n"));
}

KTEST(chunking_does_not_change_output)
{
	char data[43] = { 0 };
	const char *want =
		"00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
		"*\n"
		"00000020  00 00 00 00 00 00 00 00  61 62 63                 |........abc|\n"
		"0000002b\n";

	memcpy(data + 40, "abc", 3);
	KT_EXPECT(!strcmp(dump(data, 43, 43, 0), want));
	KT_EXPECT(!strcmp(dump(data, 43, 1, 0), want));
	KT_EXPECT(!strcmp(dump(data, 43, 7, 0), want));
}

KTEST(star_ends_when_lines_differ)
{
	char data[101];

	memset(data, 'A', 48);
	memset(data + 48, 'B', 16);
	memset(data + 64, 'A', 32);
	memcpy(data + 96, "\x01\x7f\x80~ ", 5);
	KT_EXPECT(!strcmp(dump(data, 101, 13, 0),
		"00000000  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|\n"
		"*\n"
		"00000030  42 42 42 42 42 42 42 42  42 42 42 42 42 42 42 42  |BBBBBBBBBBBBBBBB|\n"
		"00000040  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|\n"
		"*\n"
		"00000060  01 7f 80 7e 20                                    |...~ |\n"
		"00000065\n"));
}

KTEST(empty_input_prints_nothing)
{
	KT_EXPECT(!strcmp(dump("", 0, 1, 0), ""));
}

KTEST(start_offset_is_shown)
{
	KT_EXPECT(!strcmp(dump("xyz", 3, 3, 0x1003),
		"00001003  78 79 7a                                          |xyz|\n"
		"00001006\n"));
}

int main(void)
{
	return ktest_main();
}
