/*
 * Host tests of kernel/module.c's modinfo scan (modinfo_skip, the word
 * loop that finds where a "key=value" entry ends): its answer against the
 * plain byte loop on random blocks, ASCII and with bytes of 0x80 and
 * above (the turn's quick test stops on those without a zero byte), each
 * block laid at the very end of a global buffer so that ASan sees any
 * read past it.
 * kernel/module.c is included as the fuzzer's build includes it, with
 * its stand-ins (tests/fuzz/kcheck.c).
 */
// sources: kernel/params.c lib/param.c lib/strlcpy.c
#include "tests/fuzz/kcheck.c"
#include "tests/host/ktest.h"

/* The byte loop modinfo_skip stands for. */
static uint32_t skip_plain(const char *p, uint32_t i)
{
	while (p[i])
		i++;
	return i + 1;
}

static uint32_t rnd_state = 12345;
static char area[128];

/* size bytes ending where area ends. */
static char *block(uint32_t size)
{
	return area + sizeof(area) - size;
}

static uint32_t rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 8;
}

/* A byte: a zero one time in zeros_in, else ASCII or (high) any byte. */
static char rnd_byte(uint32_t zeros_in, bool high)
{
	if (rnd() % zeros_in == 0)
		return 0;
	return high ? (char)(1 + rnd() % 255) : (char)(1 + rnd() % 127);
}

KTEST(skip_matches_the_byte_loop)
{
	unsigned bad = 0;

	for (uint32_t round = 0; round < 200000; round++) {
		uint32_t size = 1 + rnd() % 80;
		char *p = block(size);
		bool high = round & 1;
		uint32_t zeros_in = 2 + rnd() % 40;

		for (uint32_t j = 0; j < size; j++)
			p[j] = rnd_byte(zeros_in, high);
		p[size - 1] = 0;	/* modinfo_find's precondition */
		for (uint32_t i = 0; i < size; i++)
			bad += modinfo_skip(p, i, size) != skip_plain(p, i);
	}
	KT_EXPECT(bad == 0);
}

/* Every position of a zero byte in a word, and the bytes 0x80, 0x81 and
 * 0xff beside it (a borrow through them must not hide it). */
KTEST(skip_finds_each_zero_position)
{
	static const char fills[] = { 'a', (char)0x80, (char)0x81, (char)0xff, 0x01 };
	unsigned bad = 0;

	for (uint32_t size = 1; size <= 24; size++) {
		for (uint32_t z = 0; z < size; z++) {
			for (uint32_t f = 0; f < sizeof(fills); f++) {
				char *p = block(size);

				memset(p, fills[f], size);
				p[z] = 0;
				p[size - 1] = 0;
				for (uint32_t i = 0; i < size; i++)
					bad += modinfo_skip(p, i, size) != skip_plain(p, i);
					}
		}
	}
	KT_EXPECT(bad == 0);
}

int main(void)
{
	return ktest_main();
}
