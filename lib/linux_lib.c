/*
 * Linux's string and number helpers that Tessera's own code does without
 * (<linux/string.h>, <linux/sprintf.h>, <linux/kstrtox.h>): strcpy and
 * friends, strscpy, sprintf, scnprintf, and the strict kstrto* parsers.
 */
#include "lib/string.h"	/* <linux/string.h> and digit_value */
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/limits.h>
#include <linux/errno.h>

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

char *strcpy(char *dst, const char *src)
{
	return memcpy(dst, src, strlen(src) + 1);
}

char *strncpy(char *dst, const char *src, size_t n)
{
	size_t len = strnlen(src, n);

	memcpy(dst, src, len);
	memset(dst + len, 0, n - len);
	return dst;
}

char *strcat(char *dst, const char *src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t len;

	if (size == 0)
		return -E2BIG;
	len = strnlen(src, size - 1);
	memcpy(dst, src, len);
	dst[len] = '\0';
	return src[len] ? -E2BIG : (ssize_t)len;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, ap);
	va_end(ap);
	return n;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	int n = vsnprintf(buf, size, fmt, ap);

	if (size == 0 || n < 0)
		return 0;
	return (size_t)n < size ? n : (int)(size - 1);
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* ---- kstrto*: the whole string is the number, one '\n' may follow ---- */

/* Parses an unsigned number (no sign) of s into *res; 0, -EINVAL, -ERANGE. */
static int parse_ull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0;
	int d, any = 0;

	if (base == 0 || base == 16) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16) {
			s += 2;
			base = 16;
		} else if (base == 0) {
			base = s[0] == '0' ? 8 : 10;
		}
	}
	if (base < 2 || base > 36)
		return -EINVAL;
	for (; (d = digit_value(*s)) < (int)base; s++, any = 1) {
		if (v > (ULLONG_MAX - (unsigned)d) / base)
			return -ERANGE;
		v = v * base + (unsigned)d;
	}
	if (!any || (*s == '\n' ? s[1] != '\0' : *s != '\0'))
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	return parse_ull(s[0] == '+' ? s + 1 : s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int err;

	if (s[0] == '-') {
		err = parse_ull(s + 1, base, &v);
		if (err)
			return err;
		if (v > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*res = v ? -(long long)(v - 1) - 1 : 0;
		return 0;
	}
	err = kstrtoull(s, base, &v);
	if (err)
		return err;
	if (v > (unsigned long long)LLONG_MAX)
		return -ERANGE;
	*res = (long long)v;
	return 0;
}

/* The narrower conversions: parse wide, check the range, store. */
#define KSTRTO_UNSIGNED(name, type, maxv)				\
int name(const char *s, unsigned int base, type *res)			\
{									\
	unsigned long long v;						\
	int err = kstrtoull(s, base, &v);				\
									\
	if (err)							\
		return err;						\
	if (v > (maxv))							\
		return -ERANGE;						\
	*res = (type)v;							\
	return 0;							\
}
#define KSTRTO_SIGNED(name, type, minv, maxv)				\
int name(const char *s, unsigned int base, type *res)			\
{									\
	long long v;							\
	int err = kstrtoll(s, base, &v);				\
									\
	if (err)							\
		return err;						\
	if (v < (minv) || v > (maxv))					\
		return -ERANGE;						\
	*res = (type)v;							\
	return 0;							\
}

KSTRTO_UNSIGNED(kstrtoul, unsigned long, ULONG_MAX)
KSTRTO_UNSIGNED(kstrtouint, unsigned int, UINT_MAX)
KSTRTO_UNSIGNED(kstrtou16, u16, U16_MAX)
KSTRTO_UNSIGNED(kstrtou8, u8, U8_MAX)
KSTRTO_SIGNED(kstrtol, long, LONG_MIN, LONG_MAX)
KSTRTO_SIGNED(kstrtoint, int, INT_MIN, INT_MAX)
KSTRTO_SIGNED(kstrtos16, s16, S16_MIN, S16_MAX)
KSTRTO_SIGNED(kstrtos8, s8, S8_MIN, S8_MAX)

int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (s[1] == 'n' || s[1] == 'N') {
			*res = true;
			return 0;
		}
		if (s[1] == 'f' || s[1] == 'F') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}
