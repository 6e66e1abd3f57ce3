/*
 * Host tests of the cpio "newc" reader (fs/cpio.c): a good archive read
 * entry by entry, and each kind of damage reported with its exact error,
 * header offset and entry name, after the entries before it.
 */
// sources: fs/cpio.c
#include <stdio.h>
#include <string.h>
#include "tests/host/ktest.h"
#include "fs/cpio.h"

static unsigned char ar[4096];
static size_t ar_len;

/* Appends one entry; namesize and filesize in the header may lie. */
static size_t put_entry_raw(const char *magic, uint32_t mode, const char *name,
			    uint32_t namesize, const void *data, uint32_t size,
			    uint32_t claimed_size)
{
	size_t at = ar_len;
	char hdr[CPIO_HEADER_SIZE + 1];

	snprintf(hdr, sizeof(hdr), "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 magic, 1u, mode, 0u, 0u, 1u, 0u, claimed_size, 0u, 0u, 0u, 0u,
		 namesize, 0u);
	memcpy(ar + ar_len, hdr, CPIO_HEADER_SIZE);
	ar_len += CPIO_HEADER_SIZE;
	memcpy(ar + ar_len, name, strlen(name) + 1);
	ar_len = (ar_len + strlen(name) + 1 + 3) & ~3u;
	memcpy(ar + ar_len, data, size);
	ar_len = (ar_len + size + 3) & ~3u;
	return at;
}

static size_t put_entry(uint32_t mode, const char *name, const char *data)
{
	return put_entry_raw(CPIO_MAGIC, mode, name, strlen(name) + 1, data,
			     strlen(data), strlen(data));
}

static void start(void)
{
	memset(ar, 0, sizeof(ar));
	ar_len = 0;
}

static void put_trailer(void)
{
	put_entry(0, CPIO_TRAILER, "");
}

KTEST(good_archive_entries_in_order)
{
	struct cpio_reader r;
	struct cpio_entry e;
	size_t second;

	start();
	put_entry(0040755, ".", "");
	second = put_entry(0040755, "etc", "");
	put_entry(0100644, "etc/rc", "hello\n");
	put_entry(0100644, "bin/x", "12345");
	put_trailer();
	cpio_reader_init(&r, ar, ar_len);
	KT_EXPECT(cpio_next(&r, &e) == 1);
	KT_EXPECT(strcmp(e.name, ".") == 0 && e.mode == 0040755 && e.offset == 0);
	KT_EXPECT(cpio_next(&r, &e) == 1);
	KT_EXPECT(strcmp(e.name, "etc") == 0 && e.size == 0);
	KT_EXPECT(e.offset == second && second == 112);	/* 110 + 2, aligned */
	KT_EXPECT(cpio_next(&r, &e) == 1);
	KT_EXPECT(strcmp(e.name, "etc/rc") == 0 && e.mode == 0100644);
	KT_EXPECT(e.size == 6 && memcmp(e.data, "hello\n", 6) == 0);
	KT_EXPECT(cpio_next(&r, &e) == 1);
	KT_EXPECT(strcmp(e.name, "bin/x") == 0 && e.size == 5);
	KT_EXPECT(memcmp(e.data, "12345", 5) == 0);
	KT_EXPECT(cpio_next(&r, &e) == 0);
	KT_EXPECT(r.error == CPIO_OK);
}

KTEST(trailing_zeros_after_trailer_ignored)
{
	struct cpio_reader r;
	struct cpio_entry e;

	start();
	put_entry(0100644, "a", "x");
	put_trailer();
	cpio_reader_init(&r, ar, ar_len + 512);	/* zero padding, like cpio's */
	KT_EXPECT(cpio_next(&r, &e) == 1);
	KT_EXPECT(cpio_next(&r, &e) == 0);
}

KTEST(truncated_header_after_good_entry)
{
	struct cpio_reader r;
	struct cpio_entry e;
	size_t bad;

	start();
	put_entry(0100644, "first", "data");
	bad = put_entry(0100644, "second", "more");
	cpio_reader_init(&r, ar, bad + 50);
	KT_EXPECT(cpio_next(&r, &e) == 1);
	KT_EXPECT(strcmp(e.name, "first") == 0);
	KT_EXPECT(cpio_next(&r, &e) == -1);
	KT_EXPECT(r.error == CPIO_TRUNCATED_HEADER);
	KT_EXPECT(r.error_offset == bad && bad == 120);
	KT_EXPECT(strcmp(r.error_name, "") == 0);
	KT_EXPECT(strcmp(cpio_strerror(r.error), "truncated header") == 0);
	KT_EXPECT(cpio_next(&r, &e) == -1);	/* stays failed */
}

KTEST(bad_magic)
{
	struct cpio_reader r;
	struct cpio_entry e;
	size_t bad;

	start();
	put_entry(0100644, "ok", "1");
	bad = put_entry_raw("070707", 0100644, "odc", 4, "", 0, 0);
	put_trailer();
	cpio_reader_init(&r, ar, ar_len);
	KT_EXPECT(cpio_next(&r, &e) == 1);
	KT_EXPECT(cpio_next(&r, &e) == -1);
	KT_EXPECT(r.error == CPIO_BAD_MAGIC);
	KT_EXPECT(r.error_offset == bad && bad == 120);
}

KTEST(bad_magic_at_start)
{
	struct cpio_reader r;
	struct cpio_entry e;

	cpio_reader_init(&r, "this is not an archive at all, but it is long enough "
			 "to hold a header of one hundred and ten bytes.........", 110);
	KT_EXPECT(cpio_next(&r, &e) == -1);
	KT_EXPECT(r.error == CPIO_BAD_MAGIC && r.error_offset == 0);
}

KTEST(name_past_end)
{
	struct cpio_reader r;
	struct cpio_entry e;
	size_t bad;

	start();
	put_entry(0100644, "ok", "1");
	bad = put_entry_raw(CPIO_MAGIC, 0100644, "abcdefgh", 200, "", 0, 0);
	cpio_reader_init(&r, ar, bad + CPIO_HEADER_SIZE + 5);
	KT_EXPECT(cpio_next(&r, &e) == 1);
	KT_EXPECT(cpio_next(&r, &e) == -1);
	KT_EXPECT(r.error == CPIO_NAME_PAST_END);
	KT_EXPECT(r.error_offset == bad);
	KT_EXPECT(strcmp(r.error_name, "abcde") == 0);	/* what was there */
}

KTEST(size_past_end)
{
	struct cpio_reader r;
	struct cpio_entry e;
	size_t bad;

	start();
	put_entry(0040755, "dir", "");
	bad = put_entry_raw(CPIO_MAGIC, 0100644, "dir/big", 8, "0123456789", 10, 100);
	cpio_reader_init(&r, ar, ar_len);
	KT_EXPECT(cpio_next(&r, &e) == 1);
	KT_EXPECT(strcmp(e.name, "dir") == 0);
	KT_EXPECT(cpio_next(&r, &e) == -1);
	KT_EXPECT(r.error == CPIO_SIZE_PAST_END);
	KT_EXPECT(r.error_offset == bad && bad == 116);
	KT_EXPECT(strcmp(r.error_name, "dir/big") == 0);
}

KTEST(name_without_nul)
{
	struct cpio_reader r;
	struct cpio_entry e;

	start();
	put_entry_raw(CPIO_MAGIC, 0100644, "abcd", 3, "", 0, 0);
	put_trailer();
	cpio_reader_init(&r, ar, ar_len);
	KT_EXPECT(cpio_next(&r, &e) == -1);
	KT_EXPECT(r.error == CPIO_BAD_NAME && r.error_offset == 0);
	KT_EXPECT(strcmp(r.error_name, "abc") == 0);
}

KTEST(field_not_hex)
{
	struct cpio_reader r;
	struct cpio_entry e;

	start();
	put_entry(0100644, "f", "x");
	ar[6 + 8 * 6 + 3] = 'g';	/* inside filesize */
	cpio_reader_init(&r, ar, ar_len);
	KT_EXPECT(cpio_next(&r, &e) == -1);
	KT_EXPECT(r.error == CPIO_BAD_FIELD && r.error_offset == 0);
}

KTEST(missing_trailer)
{
	struct cpio_reader r;
	struct cpio_entry e;
	size_t end;

	start();
	put_entry(0100644, "only", "abc");
	end = ar_len;
	cpio_reader_init(&r, ar, ar_len);
	KT_EXPECT(cpio_next(&r, &e) == 1);
	KT_EXPECT(cpio_next(&r, &e) == -1);
	KT_EXPECT(r.error == CPIO_NO_TRAILER && r.error_offset == end);
}

KTEST(empty_archive_has_no_trailer)
{
	struct cpio_reader r;
	struct cpio_entry e;

	cpio_reader_init(&r, "", 0);
	KT_EXPECT(cpio_next(&r, &e) == -1);
	KT_EXPECT(r.error == CPIO_NO_TRAILER && r.error_offset == 0);
}

int main(void)
{
	return ktest_main();
}
