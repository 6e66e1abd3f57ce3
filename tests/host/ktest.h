/*
 * A tiny unit-test frame for host tests, printing KTAP like the in-kernel
 * self tests so that tools/check reads both the same way.
 *
 *   KTEST(name) { KT_EXPECT(a == b); }
 *   int main(void) { return ktest_main(); }
 *
 * Each test runs in order; a failed KT_EXPECT prints "# file:line: expr"
 * and the test ends "not ok". The exit status is 1 if anything failed.
 */
#ifndef TESTS_HOST_KTEST_H
#define TESTS_HOST_KTEST_H

#include <stdio.h>

struct ktest {
	const char *name;
	void (*fn)(void);
};

#define KTEST_MAX 256
static struct ktest ktest_list[KTEST_MAX];
static int ktest_count;
static int ktest_failed_now;

#define KTEST(name)							\
	static void ktest_##name(void);					\
	__attribute__((constructor)) static void ktest_reg_##name(void) \
	{								\
		if (ktest_count < KTEST_MAX)				\
			ktest_list[ktest_count++] =			\
				(struct ktest){ #name, ktest_##name };	\
	}								\
	static void ktest_##name(void)

#define KT_EXPECT(cond)							\
	do {								\
		if (!(cond)) {						\
			printf("    # %s:%d: %s\n", __FILE__, __LINE__, #cond); \
			ktest_failed_now = 1;				\
		}							\
	} while (0)

static inline int ktest_main(void)
{
	int bad = 0;

	printf("KTAP version 1\n1..%d\n", ktest_count);
	for (int i = 0; i < ktest_count; i++) {
		ktest_failed_now = 0;
		ktest_list[i].fn();
		printf("%sok %d %s\n", ktest_failed_now ? "not " : "", i + 1,
		       ktest_list[i].name);
		fflush(stdout);
		bad |= ktest_failed_now;
	}
	return bad;
}

#endif
