/*
 * In-kernel self tests, reported in KTAP (kernel/selftest.c). A test is a
 * function registered with SELFTEST(name); it runs when the kernel command
 * line holds "selftest" (all tests) or "selftest=NAME" (one test, for the
 * tests that are meant to crash, like the page-fault test). Each CHECK that
 * fails prints a KTAP diagnostic "# file:line: expression" and marks the
 * test failed; the test goes on.
 *
 *   SELFTEST(buddy_all_pages) { ... CHECK(x == y); ... }
 */
#ifndef KERNEL_SELFTEST_H
#define KERNEL_SELFTEST_H

#include <stdbool.h>

struct selftest {
	const char *name;
	void (*fn)(void);
	bool by_name_only;	/* run only by selftest=NAME (crash tests) */
};

#define SELFTEST_(name, only)						\
	static void selftest_##name(void);				\
	static const struct selftest selftest_desc_##name		\
		__attribute__((used, section(".selftests"), aligned(4))) = \
		{ #name, selftest_##name, only };			\
	static void selftest_##name(void)

#define SELFTEST(name) SELFTEST_(name, false)
#define SELFTEST_CRASH(name) SELFTEST_(name, true)

/* CHECK's failure path: prints "# file:line: CHECK(what) failed" and marks
 * the running test failed (it goes on). */
void selftest_fail(const char *file, int line, const char *what);

#define CHECK(cond)							\
	do {								\
		if (!(cond))						\
			selftest_fail(__FILE__, __LINE__, #cond);	\
	} while (0)

/* Runs the tests the command line asks for, prints KTAP, powers off with
 * success only if every test passed. Does not return. */
void selftest_run(const char *which) __attribute__((noreturn));

#endif
