/*
 * Host tests of printk's line (kernel/printk.c): the time stamp made by
 * hand from the last digit back is snprintf's "[%5u.%03u] " for any
 * uptime (made in the ring or aside at its end), and the message found
 * by plain_end's table scan of the plain start (the format itself when it
 * has no conversion) is what snprintf makes of the whole format, in the
 * log ring and on the console, cut at 511 bytes.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/host/ktest.h"

#define KERNEL_CPU_H	/* kernel/printk.c's hardware and clock: below */
#define KERNEL_TIMER_H
#define KERNEL_POWER_H
#define KERNEL_OOPS_H
#define LIB_STRING_H	/* the C library's memcpy and strlen */

static uint32_t now_ms;
static uint32_t uptime_ms(void) { return now_ms; }
static inline uint32_t irq_save(void) { return 0; }
static inline void irq_restore(uint32_t flags) { (void)flags; }
static inline void cpu_cli(void) { }
static __attribute__((noreturn)) void power_off_panic(void) { abort(); }
static bool on_kernel_stack(uintptr_t addr, size_t len) { return false; }

static char shown[100000];	/* what the console got */
static size_t n_shown;

#define vsnprintf k_vsnprintf
#define snprintf k_snprintf
#include "lib/vsnprintf.c"
/* the call trace's 32-bit addresses, never followed on the host */
#pragma GCC diagnostic ignored "-Wint-to-pointer-cast"
#pragma GCC diagnostic ignored "-Wpointer-to-int-cast"
#include "kernel/printk.c"
#undef vsnprintf
#undef snprintf

void console_write(const char *s, size_t n)
{
	memcpy(shown + n_shown, s, n);
	n_shown += n;
}

bool sym_lookup(uintptr_t addr, struct sym_info *info) { return false; }
size_t sym_format(uintptr_t addr, char *buf, size_t size) { return 0; }

/* The last n bytes of the log ring, NUL-terminated. */
static const char *ring_tail(size_t n)
{
	static char tail[2048];
	size_t held = printk_log_size();

	printk_read(held - n, tail, n);
	tail[n] = '\0';
	return tail;
}

KTEST(stamps_of_any_uptime)
{
	static const uint32_t ms[] = {
		0, 1, 9, 10, 99, 100, 999, 1000, 1001, 12345, 99999, 99999999,
		100000000, 999999999, 1000000000, 4294967295u,
	};
	char want[64];
	bool ok = true;

	for (size_t i = 0; i < sizeof(ms) / sizeof(ms[0]) + 1000; i++) {
		uint32_t t = i < sizeof(ms) / sizeof(ms[0]) ? ms[i] : (uint32_t)rand() * 7919u;
		int n = snprintf(want, sizeof(want), "[%5u.%03u] x\n", t / 1000, t % 1000);

		now_ms = t;
		printk(KERN_INFO "x\n");
		if (strcmp(ring_tail(n), want)) {
			printf("    # %u: %s", t, ring_tail(n));
			ok = false;
		}
	}
	KT_EXPECT(ok);
}

/* log_stamp makes the stamp in place unless it is within STAMP_MAX
 * bytes of the ring's end: a line at every place near the end, with
 * stamps of 12, 13 and 14 bytes ("[    1.234] " to "[4294967.295] "),
 * is what snprintf makes, the bytes after the end at the ring's start. */
KTEST(stamps_and_lines_at_the_end_of_the_ring)
{
	static const uint32_t ms[] = { 1234, 100000000u, 4294967295u };
	char want[128];
	bool ok = true;

	for (size_t t = 0; t < sizeof(ms) / sizeof(ms[0]); t++) {
		for (uint32_t before_end = 0; before_end < 48; before_end++) {
			int n = snprintf(want, sizeof(want), "[%5u.%03u] hello: hello, world\n",
					 ms[t] / 1000, ms[t] % 1000);

			log.head = 3 * LOG_SIZE - before_end;
			log.line_open = false;
			now_ms = ms[t];
			printk(KERN_INFO "hello: hello, world\n");
			if (strcmp(ring_tail(n), want)) {
				printf("    # %u before the end: %s", before_end, ring_tail(n));
				ok = false;
			}
		}
	}
	KT_EXPECT(ok);
}

/* printk of a format against snprintf's bytes: the ring (after the
 * stamp) and the console, both. */
#define SAME(...) SAME_LEVEL(KERN_INFO, __VA_ARGS__)
#define SAME_LEVEL(level, ...) ({					\
	char want_[1024];						\
	int n_ = snprintf(want_, sizeof(want_), __VA_ARGS__);		\
									\
	if (n_ > 511)							\
		n_ = 511;						\
	want_[n_] = '\0';						\
	n_shown = 0;							\
	printk(level __VA_ARGS__);					\
	n_shown == (size_t)n_ && !memcmp(shown, want_, n_) &&		\
		!strcmp(ring_tail(n_), want_);				\
})

KTEST(messages_as_snprintf_makes_them)
{
	static char long_plain[700], long_then_conv[700];

	memset(long_plain, 'p', sizeof(long_plain) - 2);
	long_plain[sizeof(long_plain) - 2] = '\n';
	memset(long_then_conv, 'q', sizeof(long_then_conv) - 1);
	memcpy(long_then_conv + 505, "%d%s\n", 6);
	KT_EXPECT(SAME("hello: hello, world\n"));
	KT_EXPECT(SAME("a %s b %d c %x\n", "zz", -5, 255u));
	KT_EXPECT(SAME("%s\n", "at the start"));
	KT_EXPECT(SAME("100%% sure\n"));
	KT_EXPECT(SAME("\n"));
	KT_EXPECT(SAME("%s", long_plain));
	KT_EXPECT(SAME_LEVEL(, long_then_conv, 123456, "tail"));	/* a new line, no level */
}

int main(void)
{
	return ktest_main();
}
