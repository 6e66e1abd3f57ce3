/*
 * Freestanding string and memory routines for the kernel and modules
 * (lib/string.c), plus strerror() for turning -errno into words.
 */
#ifndef LIB_STRING_H
#define LIB_STRING_H

#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>

#include <linux/string.h>	/* mem*, str*, strlcpy, strscpy, strerror */
#include <linux/sprintf.h>	/* snprintf, vsnprintf, sprintf, scnprintf */
#include <linux/kstrtox.h>	/* kstrto* */

/* Appends like strlcpy; returns the length it tried to create. */
size_t strlcat(char *dst, const char *src, size_t size);

/* The 32-bit FNV-1a hash of the string (its bytes up to the NUL), for
 * hash tables keyed by name: take it modulo the bucket count. */
uint32_t strhash(const char *s);

/* Parses a decimal, 0x-hex or 0-octal integer (base 0) or the given base.
 * *end points past the last digit used. No overflow detection. */
unsigned long strtoul(const char *s, char **end, int base);
long strtol(const char *s, char **end, int base);
/* The value of c as a digit of bases up to 36 (0-9, a-z, A-Z), or 99
 * for any other character. */
static inline int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

#endif
