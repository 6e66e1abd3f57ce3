/*
 * Host tests of the kernel's vsnprintf (lib/vsnprintf.c), renamed
 * k_snprintf here, against the C library's snprintf: the same bytes and
 * the same return value for the conversions kernel messages use, plain
 * text runs and %s (the fast path) included, in buffers of every size
 * from 0 up (truncation in the middle of a run, of a string, of a number).
 */
#include <stdio.h>
#include "tests/host/ktest.h"

#define vsnprintf k_vsnprintf
#define snprintf k_snprintf
#include "lib/vsnprintf.c"
#undef vsnprintf
#undef snprintf

/* Formats with both, in every buffer size up to 80; true if all agree. */
#define SAME(...) same_in_every_size(#__VA_ARGS__, \
	k_snprintf(k, sizeof(k), __VA_ARGS__), snprintf(c, sizeof(c), __VA_ARGS__), \
	__VA_ARGS__)

static char k[200], c[200];

static bool agree(int kn, int cn)
{
	return kn == cn && !strcmp(k, c);
}

#define same_in_every_size(what, kn, cn, ...) ({			\
	bool ok_ = agree(kn, cn);					\
	for (size_t size_ = 0; ok_ && size_ < 80; size_++) {		\
		memset(k, 'K', sizeof(k));				\
		memset(c, 'K', sizeof(c));				\
		ok_ = k_snprintf(size_ ? k : NULL, size_, __VA_ARGS__) ==	\
		      snprintf(size_ ? c : NULL, size_, __VA_ARGS__) &&	\
		      !memcmp(k, c, sizeof(k));				\
	}								\
	if (!ok_)							\
		printf("    # differs: %s\n", what);			\
	ok_;								\
})

KTEST(plain_text)
{
	KT_EXPECT(SAME("hello: hello, world\n"));
	KT_EXPECT(SAME("a line of text longer than forty bytes, to be cut\n"));
	KT_EXPECT(SAME("100%% sure, %% twice%%"));
}

KTEST(strings)
{
	KT_EXPECT(SAME("%s", "hello"));
	KT_EXPECT(SAME("%s: %s\n", "hello", "loaded at the base"));
	KT_EXPECT(SAME("[%s][%s]", "", "x"));
	KT_EXPECT(SAME("%10s|%-10s|%.3s|%-6.2s|", "ab", "cd", "efghij", "klm"));
	KT_EXPECT(SAME("%*s|%-*s|%.*s", 6, "r", 5, "l", 2, "precision"));
	KT_EXPECT(SAME("%s%s%s", "one", "two", "three"));
}

KTEST(numbers_and_the_rest)
{
	KT_EXPECT(SAME("%d %i %u %x %X %o", -42, 7, 4000000000u, 0xbeefu, 0xbeefu, 8u));
	KT_EXPECT(SAME("%5d|%-5d|%05d|%+d|% d|%#x|%#X", 42, 42, -42, 3, 3, 255u, 255u));
	KT_EXPECT(SAME("%ld %lu %lld %llu %llx", -5L, 5UL, -1234567890123LL,
		       18446744073709551615ULL, 0x123456789abcULL));
	KT_EXPECT(SAME("%zu %zd %hd %hhu %c%c", (size_t)99, (ssize_t)-99, (short)-3,
		       (unsigned char)200, 'o', 'k'));
	KT_EXPECT(SAME("[%5u.%03u] %s: %d modules\n", 12u, 7u, "insmod", 3));
}

int main(void)
{
	return ktest_main();
}
