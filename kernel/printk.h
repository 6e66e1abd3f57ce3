/*
 * printk, log levels, panic and BUG_ON: the kernel's voice (kernel/printk.c).
 * Messages go into a ring buffer (read back through /dev/kmsg and dmesg) and
 * out to every console (COM1 serial and the VGA text screen).
 */
#ifndef KERNEL_PRINTK_H
#define KERNEL_PRINTK_H

#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>

/* Log levels, as Linux spells them: a prefix "\001" "N" on the format. */
#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"

/* Level used when a format has no prefix. */
#define LOGLEVEL_DEFAULT 4

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

/* Formats (lib/string.h's vsnprintf), stores and prints one message.
 * Returns the number of characters printed. Safe with interrupts off. */
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintk(const char *fmt, va_list ap);

#define pr_emerg(fmt, ...)  printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)    printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)   printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)   printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)  printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)

/* Copies up to size bytes of the log ring, oldest first, starting at byte
 * offset pos of what is still held; returns the count copied (0 at end). */
size_t printk_read(size_t pos, char *buf, size_t size);
/* Bytes of log text currently held in the ring. */
size_t printk_log_size(void);

/* Prints "Call trace:" and the return addresses up the frame-pointer
 * chain from ebp (while it stays on a kernel stack, at most 16), starting
 * with eip if it is not 0, each symbolized: "  [<c0102ce5>] kmain+0x5/0x48a".
 * With esp (not 0), return addresses found between esp and ebp come first,
 * marked "?" (a function that faulted before making its frame). */
void dump_stack_from(uint32_t eip, uint32_t esp, uint32_t ebp);
/* After a contained oops: the next panic prints its own trace again. */
void dump_stack_reset(void);

/* Prints "Kernel panic - not syncing: MSG" and a register-free backtrace,
 * then powers off with a failure status. Only for broken invariants. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#define BUG_ON(cond)							\
	do {								\
		if (cond)						\
			panic("BUG_ON(%s) at %s:%d", #cond, __FILE__, __LINE__); \
	} while (0)

#endif
