/*
 * Formatting into a buffer (lib/vsnprintf.c, lib/linux_lib.c), Linux's
 * <linux/sprintf.h>. Conversions: %d %i %u %x %X %o %p %s %c %%, flags
 * '-', '0', '+', ' ', width, precision, and the length modifiers hh, h,
 * l, ll, L, z, t (docs/linux-compat.md).
 */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <stddef.h>
#include <stdarg.h>

/* As C99: return the length the whole output would have had; the buffer
 * (size > 0) is always terminated. */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* No bound, as in Linux: prefer snprintf or scnprintf. Returns the length
 * written, without the NUL. */
int sprintf(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* As snprintf, but return the length actually written into buf (without
 * the NUL): 0 when size is 0, at most size - 1. */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif
