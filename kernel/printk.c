/*
 * printk: format a message, keep it in the log ring (with a time stamp,
 * read back by /dev/kmsg and dmesg) and show it on the consoles if its
 * level is below the console level. Also panic, which ends everything.
 */
#include "kernel/printk.h"
#include "kernel/console.h"
#include "kernel/power.h"
#include "kernel/timer.h"
#include "kernel/cpu.h"
#include "kernel/oops.h"
#include "kernel/symbols.h"
#include "lib/string.h"
#include <stdint.h>
#include <stdbool.h>

#define LOG_SIZE 65536
#define CONSOLE_LOGLEVEL 7	/* show levels 0..6 (everything but debug) */

static struct {
	char ring[LOG_SIZE];
	uint32_t head;		/* total bytes ever written */
	bool line_open;		/* last message did not end in '\n' */
	int line_level;		/* the level of the last message */
	bool panicking;
	bool trace_shown;	/* an oops already printed the call trace */
} log;

/* Appends n bytes to the ring: one copy, two where it wraps. */
static void log_put(const char *s, size_t n)
{
	while (n) {
		uint32_t at = log.head % LOG_SIZE;
		size_t k = LOG_SIZE - at < n ? LOG_SIZE - at : n;

		memcpy(log.ring + at, s, k);
		log.head += k;
		s += k;
		n -= k;
	}
}

#define LEVEL_NONE	-1	/* no prefix: joins an open line */
#define LEVEL_CONT	-2	/* KERN_CONT: joins an open line */

/* The level prefix of *fmt (0..7, LEVEL_CONT, or LEVEL_NONE), skipped. */
static int parse_level(const char **fmt)
{
	const char *f = *fmt;

	if (f[0] == KERN_SOH[0] && ((f[1] >= '0' && f[1] <= '7') || f[1] == 'c')) {
		*fmt = f + 2;
		return f[1] == 'c' ? LEVEL_CONT : f[1] - '0';
	}
	return LEVEL_NONE;
}

#define TEXT_MAX 512	/* a message's bytes, its NUL included */
#define STAMP_MAX 20	/* holds "[%5u.%03u] " of any ms: 14 bytes at most */

/* "00" to "99": the milliseconds' last two digits with one look. */
static const char two_digits[100][2] = {
	"00", "01", "02", "03", "04", "05", "06", "07", "08", "09",
	"10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
	"20", "21", "22", "23", "24", "25", "26", "27", "28", "29",
	"30", "31", "32", "33", "34", "35", "36", "37", "38", "39",
	"40", "41", "42", "43", "44", "45", "46", "47", "48", "49",
	"50", "51", "52", "53", "54", "55", "56", "57", "58", "59",
	"60", "61", "62", "63", "64", "65", "66", "67", "68", "69",
	"70", "71", "72", "73", "74", "75", "76", "77", "78", "79",
	"80", "81", "82", "83", "84", "85", "86", "87", "88", "89",
	"90", "91", "92", "93", "94", "95", "96", "97", "98", "99",
};

/* Writes "[%5u.%03u] " of ms as seconds and milliseconds so that it ends
 * just before end, and returns where it starts: the same bytes snprintf
 * gives, made by hand from the last digit back. (Inlined in both of
 * log_stamp's ways, which GCC does not do by itself: the call and its
 * saved registers cost a sixth of the stamp.) */
static inline __attribute__((__always_inline__)) char *stamp_before(char *end, uint32_t ms)
{
	char *p = end - 6;	/* the seconds end before ".mmm] " */
	uint32_t sec = ms / 1000, frac = ms % 1000;

	end[-1] = ' ';
	end[-2] = ']';
	end[-4] = two_digits[frac % 100][0];
	end[-3] = two_digits[frac % 100][1];
	end[-5] = (char)('0' + frac / 100);
	end[-6] = '.';
	/* The seconds at least 5 wide: four spaces first, the digits
	 * written over them from the right (no loop for the padding). */
	end[-8] = end[-9] = end[-10] = end[-11] = ' ';
	do {
		*--p = (char)('0' + sec % 10);
		sec /= 10;
	} while (sec);
	if (p > end - 11)
		p = end - 11;
	*--p = '[';
	return p;
}

/* Puts the stamp of ms into the ring. Where the ring has room for it
 * before its end (all but the last STAMP_MAX bytes of 64 KiB) it is made
 * in place, its length counted first (12 bytes below 100,000 seconds,
 * one more a digit above); else made aside and copied with log_put, the
 * same bytes. */
static void log_stamp(uint32_t ms)
{
	uint32_t at = log.head % LOG_SIZE;
	char aside[STAMP_MAX], *stamp;

	if (LOG_SIZE - at >= STAMP_MAX) {
		size_t len = 12;

		for (uint32_t big = ms / 100000000; big; big /= 10)
			len++;
		stamp_before(log.ring + at + len, ms);
		log.head += len;
		return;
	}
	stamp = stamp_before(aside + STAMP_MAX, ms);
	log_put(stamp, aside + STAMP_MAX - stamp);
}

/* Where the plain start of fmt ends: at its first conversion or its
 * end, found with one table look a byte instead of two compares. (Not
 * inlined: inside vprintk GCC copies each byte it looks at to another
 * register, 5 instructions a byte for 4.) */
static __attribute__((__noinline__)) const char *plain_end(const char *fmt)
{
	static const bool ends_plain[256] = { ['\0'] = true, ['%'] = true };

	while (!ends_plain[(uint8_t)*fmt])
		fmt++;
	return fmt;
}

/* The message of fmt, whose plain start is plain bytes long and ends at
 * a conversion, in text (TEXT_MAX bytes, no NUL needed); returns its
 * length, or TEXT_MAX - 1 or more when it is cut there. The plain start
 * is copied with memcpy; vsnprintf formats the rest after it: the same
 * bytes vsnprintf gives for all of fmt, as the plain start is its own
 * output. */
static int format_text(char *text, const char *fmt, size_t plain, va_list ap)
{
	memcpy(text, fmt, plain);
	return plain + vsnprintf(text + plain, TEXT_MAX - plain, fmt + plain, ap);
}

/* A message goes into the ring after its stamp (unless it continues an
 * open line) and to the console; a format with no conversion (most
 * pr_info lines) is its own message, copied once, straight into the
 * ring. */
int vprintk(const char *fmt, va_list ap)
{
	char text[TEXT_MAX];
	int level = parse_level(&fmt);
	const char *conv = plain_end(fmt);
	size_t plain = conv - fmt;
	const char *msg = fmt;	/* a format with no conversion is its message */
	int n = plain;
	uint32_t flags;

	if (plain >= TEXT_MAX - 1) {	/* the plain start fills the message */
		n = TEXT_MAX - 1;
	} else if (*conv) {	/* a conversion: formatted into text */
		n = format_text(text, fmt, plain, ap);
		msg = text;
		if (n > TEXT_MAX - 1)
			n = TEXT_MAX - 1;
	}
	flags = irq_save();
	if (level >= 0 && log.line_open) {	/* a new message ends the line */
		log_put("\n", 1);
		if (log.line_level < CONSOLE_LOGLEVEL)
			console_write("\n", 1);
		log.line_open = false;
	}
	if (level < 0)		/* a continuation has its line's level */
		level = log.line_open ? log.line_level : LOGLEVEL_DEFAULT;
	log.line_level = level;
	if (!log.line_open)	/* a new line: its stamp first */
		log_stamp(uptime_ms());
	log_put(msg, n);
	log.line_open = n > 0 && msg[n - 1] != '\n';
	if (level < CONSOLE_LOGLEVEL)
		console_write(msg, n);
	irq_restore(flags);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

size_t printk_log_size(void)
{
	return log.head < LOG_SIZE ? log.head : LOG_SIZE;
}

size_t printk_read(size_t pos, char *buf, size_t size)
{
	size_t held = printk_log_size(), first = log.head - held, n = 0;

	while (pos + n < held && n < size) {
		buf[n] = log.ring[(first + pos + n) % LOG_SIZE];
		n++;
	}
	return n;
}

/* One call-trace line: "  [<f0003004>] hx_oops_poke+0x3/0x8 [hx_oops]". */
static void trace_line(uint32_t addr)
{
	char sym[96];

	sym_format(addr, sym, sizeof(sym));
	printk(KERN_EMERG "  [<%08x>] %s\n", addr, sym);
}

/* Is w a return address: inside a function, just after a call rel32? */
static bool return_address(uint32_t w)
{
	struct sym_info s;

	return sym_lookup(w, &s) && (s.type == 'T' || s.type == 't') &&
	       w - s.start >= 5 && *(const uint8_t *)(w - 5) == 0xe8;
}

/* The words from esp up to the frame at ebp hold no frame link; a
 * function that faulted before making its frame (or never makes one)
 * left its return address there: shown with "?", as Linux marks what it
 * found by scanning. */
static void scan_frame(uint32_t esp, uint32_t ebp)
{
	for (uint32_t a = esp; a < ebp && a - esp < 64 && on_kernel_stack(a, 4); a += 4) {
		uint32_t w = *(const uint32_t *)a;
		char sym[96];

		if (!return_address(w))
			continue;
		sym_format(w, sym, sizeof(sym));
		printk(KERN_EMERG "  [<%08x>] ? %s\n", w, sym);
	}
}

void dump_stack_from(uint32_t eip, uint32_t esp, uint32_t ebp)
{
	uint32_t *fp = (uint32_t *)ebp;

	uint32_t last = 0, repeats = 0;
	int depth;

	log.trace_shown = true;
	printk(KERN_EMERG "Call trace:\n");
	if (eip)
		trace_line(eip);
	if (esp)
		scan_frame(esp, ebp);
	for (depth = 0; fp && depth < 16; depth++) {
		if (!on_kernel_stack((uintptr_t)fp, 8) || ((uintptr_t)fp & 3) || !fp[1])
			break;
		if (fp[1] == last) {
			repeats++;	/* recursion: one line, then a count */
		} else {
			if (repeats)
				printk(KERN_EMERG "  ... the same %u more time%s\n", repeats,
				       repeats == 1 ? "" : "s");
			repeats = 0;
			trace_line(fp[1]);
		}
		last = fp[1];
		fp = (uint32_t *)fp[0];
	}
	if (repeats)
		printk(KERN_EMERG "  ... the same %u more time%s%s\n", repeats,
		       repeats == 1 ? "" : "s", depth == 16 ? " (the trace stops at 16)" : "");
}

void dump_stack_reset(void)
{
	log.trace_shown = false;
}

void panic(const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	cpu_cli();
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!log.panicking) {
		log.panicking = true;
		printk(KERN_EMERG "Kernel panic - not syncing: %s\n", msg);
		if (!log.trace_shown)
			dump_stack_from(0, 0, (uint32_t)__builtin_frame_address(0));
		printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", msg);
	}
	power_off_panic();
}
