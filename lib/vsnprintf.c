/*
 * vsnprintf and snprintf for the kernel (see lib/string.h): the subset of
 * C99 printf that kernel messages need, with no floating point.
 */
#include "lib/string.h"
#include <stdint.h>
#include <stdbool.h>

struct out {
	char *buf;
	size_t size;
	size_t len;	/* bytes the full output needs so far */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

/* Puts the bytes of s up to its first stop byte or NUL, and returns
 * where it stopped: the same as put of each byte, with put's room check
 * made once (room: what the buffer still takes before its NUL). The
 * plain text of a format (stop '%') and a plain %s go through here. */
static inline const char *put_until(struct out *o, const char *s, char stop)
{
	size_t room = o->len < o->size ? o->size - 1 - o->len : 0;
	size_t i;

	for (i = 0; s[i] && s[i] != stop; i++)
		if (i < room)
			o->buf[o->len + i] = s[i];
	o->len += i;
	return s + i;
}

struct spec {
	bool left, zero, plus, space, alt;
	int width, prec;
	int length;	/* 0 int, 1 long, 2 long long, 3 size_t */
	int half;	/* h: 1 (short), hh: 2 (char), as Linux's %hd %hhu */
};

static void put_padded(struct out *o, const char *s, size_t n, const struct spec *sp,
		       bool numeric)
{
	int pad = sp->width > (int)n ? sp->width - (int)n : 0;
	char fill = (sp->zero && !sp->left && numeric) ? '0' : ' ';

	/* a leading sign goes before zero padding */
	if (fill == '0' && n && (*s == '-' || *s == '+')) {
		put(o, *s++);
		n--;
	}
	if (!sp->left)
		while (pad--> 0)
			put(o, fill);
	while (n--)
		put(o, *s++);
	if (sp->left)
		while (pad--> 0)
			put(o, ' ');
}

static void put_number(struct out *o, unsigned long long v, bool neg, unsigned base,
		       bool upper, const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[32];
	int i = sizeof(tmp);

	/* 64-bit division is a libgcc call on i386: use it only when needed */
	while (v > 0xffffffffull) {
		tmp[--i] = digits[v % base];
		v /= base;
	}
	uint32_t w = (uint32_t)v;
	do {
		tmp[--i] = digits[w % base];
		w /= base;
	} while (w);
	if (sp->alt && base == 16) {
		tmp[--i] = upper ? 'X' : 'x';
		tmp[--i] = '0';
	}
	if (neg)
		tmp[--i] = '-';
	else if (sp->plus)
		tmp[--i] = '+';
	else if (sp->space)
		tmp[--i] = ' ';
	put_padded(o, tmp + i, sizeof(tmp) - i, sp, true);
}

static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .prec = -1 };
	for (;; f++) {
		if (*f == '-') sp->left = true;
		else if (*f == '0') sp->zero = true;
		else if (*f == '+') sp->plus = true;
		else if (*f == ' ') sp->space = true;
		else if (*f == '#') sp->alt = true;
		else break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		f++;
	}
	while (*f >= '0' && *f <= '9')
		sp->width = sp->width * 10 + (*f++ - '0');
	if (*f == '.') {
		sp->prec = 0;
		if (*++f == '*') {
			sp->prec = va_arg(*ap, int);
			f++;
		}
		while (*f >= '0' && *f <= '9')
			sp->prec = sp->prec * 10 + (*f++ - '0');
	}
	sp->half = 0;
	for (; *f == 'l' || *f == 'z' || *f == 'h' || *f == 'L' || *f == 'j' ||
	       *f == 't' || *f == 'q'; f++)
		if (*f == 'l')
			sp->length++;
		else if (*f == 'z' || *f == 't')
			sp->length = 3;
		else if (*f == 'L' || *f == 'j' || *f == 'q')	/* %Ld, %qd: long long */
			sp->length = 2;
		else
			sp->half++;
	return f;
}

static unsigned long long fetch_unsigned(const struct spec *sp, va_list *ap)
{
	if (sp->length == 2)
		return va_arg(*ap, unsigned long long);
	if (sp->length == 1)
		return va_arg(*ap, unsigned long);
	if (sp->length == 3)
		return va_arg(*ap, size_t);
	if (sp->half == 1)
		return (unsigned short)va_arg(*ap, unsigned int);
	if (sp->half >= 2)
		return (unsigned char)va_arg(*ap, unsigned int);
	return va_arg(*ap, unsigned int);
}

static long long fetch_signed(const struct spec *sp, va_list *ap)
{
	if (sp->length == 2)
		return va_arg(*ap, long long);
	if (sp->length == 1)
		return va_arg(*ap, long);
	if (sp->length == 3)
		return (long long)va_arg(*ap, size_t);
	if (sp->half == 1)
		return (short)va_arg(*ap, int);
	if (sp->half >= 2)
		return (signed char)va_arg(*ap, int);
	return va_arg(*ap, int);
}

/* Formats one conversion (the letter conv, after its spec). */
static void convert(struct out *o, char conv, struct spec *sp, va_list *args)
{
	switch (conv) {
	case 'd':
	case 'i': {
		long long v = fetch_signed(sp, args);
		put_number(o, v < 0 ? -(unsigned long long)v : (unsigned long long)v,
			   v < 0, 10, false, sp);
		break;
	}
	case 'u':
		put_number(o, fetch_unsigned(sp, args), false, 10, false, sp);
		break;
	case 'x':
	case 'X':
		put_number(o, fetch_unsigned(sp, args), false, 16, conv == 'X', sp);
		break;
	case 'o':
		put_number(o, fetch_unsigned(sp, args), false, 8, false, sp);
		break;
	case 'p':
		sp->zero = true;
		sp->width = 8;
		put_number(o, (uintptr_t)va_arg(*args, void *), false, 16, false, sp);
		break;
	case 'c': {
		char c = (char)va_arg(*args, int);
		put_padded(o, &c, 1, sp, false);
		break;
	}
	case 's': {
		const char *s = va_arg(*args, const char *);
		if (!s)
			s = "(null)";
		if (sp->width == 0 && sp->prec < 0)	/* a plain %s: one pass */
			put_until(o, s, '\0');
		else
			put_padded(o, s, sp->prec >= 0 ? strnlen(s, sp->prec) : strlen(s),
				   sp, false);
		break;
	}
	case '%':
		put(o, '%');
		break;
	default:
		put(o, '%');
		put(o, conv);
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			fmt = put_until(&o, fmt, '%');	/* plain text */
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &args);
		if (!*fmt)
			break;
		convert(&o, *fmt++, &sp, &args);
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
