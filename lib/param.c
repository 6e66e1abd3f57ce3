/*
 * Module parameter values as text: parsing into a parameter's variable and
 * showing it, with Linux 6.1's rules (see lib/param.h). Values arrive as a
 * pointer and a length, so an array's elements are parsed in place, and a
 * whole array is checked before anything is stored.
 */
#include "lib/param.h"
#include "lib/string.h"
#include <stdbool.h>
#include <stdint.h>
#ifdef HOST_TEST
#include <limits.h>
#else
#include <linux/limits.h>	/* the kernel is built -nostdinc: no C library */
#endif
#include <tessera/errno.h>

/* A parsed element, before it is stored. */
union param_value {
	unsigned long long u;
	long long s;
	bool b;
};


/* Linux's kstrtoull(s, 0): optional '+', base from the prefix (0x hex,
 * 0 octal, else decimal), digits, one optional trailing newline, nothing
 * else. Returns 0, -EINVAL or -ERANGE (more than 64 bits). */
static int parse_ull(const char *s, size_t len, unsigned long long *res)
{
	const char *end = s + len;
	unsigned base = 10, digits = 0;
	unsigned long long v = 0;

	if (s < end && *s == '+')
		s++;
	if (s < end && *s == '0') {
		base = 8;
		if (end - s > 2 && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16) {
			base = 16;
			s += 2;
		}
	}
	for (; s < end && (unsigned)digit_value(*s) < base; s++, digits++) {
		unsigned d = digit_value(*s);
		if (v > (ULLONG_MAX - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	if (s < end && *s == '\n')
		s++;
	if (s != end || !digits)
		return -EINVAL;
	*res = v;
	return 0;
}

/* Linux's kstrtoll(s, 0): a '-' in front of kstrtoull's number. */
static int parse_ll(const char *s, size_t len, long long *res)
{
	unsigned long long v;
	int err;

	if (len && *s == '-') {
		err = parse_ull(s + 1, len - 1, &v);
		if (!err && v > (unsigned long long)LLONG_MAX + 1)
			err = -ERANGE;
		if (!err)
			*res = v ? -(long long)(v - 1) - 1 : 0;
		return err;
	}
	err = parse_ull(s, len, &v);
	if (!err && v > (unsigned long long)LLONG_MAX)
		err = -ERANGE;
	if (!err)
		*res = (long long)v;
	return err;
}

/* Linux's kstrtobool: the first character y Y t T 1 or n N f F 0, or
 * "on"/"off" (o plus n or f); the rest is not looked at. */
static int parse_bool(const char *s, size_t len, bool *res)
{
	if (!len)
		return -EINVAL;
	if (strchr("yYtT1", s[0])) {
		*res = true;
		return 0;
	}
	if (strchr("nNfF0", s[0])) {
		*res = false;
		return 0;
	}
	if ((s[0] == 'o' || s[0] == 'O') && len > 1) {
		if (s[1] == 'n' || s[1] == 'N')
			*res = true;
		else if (s[1] == 'f' || s[1] == 'F')
			*res = false;
		else
			return -EINVAL;
		return 0;
	}
	return -EINVAL;
}

/* Signed types: the range, and whether the type is signed at all. */
static bool signed_range(unsigned type, long long *min, long long *max)
{
	switch (type) {
	case PARAM_T_short: *min = SHRT_MIN; *max = SHRT_MAX; return true;
	case PARAM_T_int:   *min = INT_MIN;  *max = INT_MAX;  return true;
	case PARAM_T_long:  *min = LONG_MIN; *max = LONG_MAX; return true;
	default: return false;
	}
}

static unsigned long long unsigned_max(unsigned type)
{
	switch (type) {
	case PARAM_T_byte:   return UCHAR_MAX;
	case PARAM_T_ushort: return USHRT_MAX;
	case PARAM_T_uint:   return UINT_MAX;
	default:	     return ULONG_MAX;
	}
}

/* Parses one element of a numeric or bool type. */
static int parse_one(unsigned type, const char *s, size_t len, union param_value *v)
{
	long long min, max;
	int err;

	if (type == PARAM_T_bool || type == PARAM_T_invbool) {
		err = parse_bool(s, len, &v->b);
		if (type == PARAM_T_invbool)
			v->b = !v->b;
		return err;
	}
	if (signed_range(type, &min, &max)) {
		err = parse_ll(s, len, &v->s);
		return !err && (v->s < min || v->s > max) ? -ERANGE : err;
	}
	err = parse_ull(s, len, &v->u);
	return !err && v->u > unsigned_max(type) ? -ERANGE : err;
}

static void store_one(unsigned type, void *dst, const union param_value *v)
{
	switch (type) {
	case PARAM_T_byte:	*(unsigned char *)dst = v->u; break;
	case PARAM_T_short:	*(short *)dst = v->s; break;
	case PARAM_T_ushort:	*(unsigned short *)dst = v->u; break;
	case PARAM_T_int:	*(int *)dst = v->s; break;
	case PARAM_T_uint:	*(unsigned int *)dst = v->u; break;
	case PARAM_T_long:	*(long *)dst = v->s; break;
	case PARAM_T_ulong:	*(unsigned long *)dst = v->u; break;
	default:		*(bool *)dst = v->b; break;
	}
}

size_t param_elem_size(unsigned type)
{
	switch (type) {
	case PARAM_T_byte:	return sizeof(unsigned char);
	case PARAM_T_short:	return sizeof(short);
	case PARAM_T_ushort:	return sizeof(unsigned short);
	case PARAM_T_int:	return sizeof(int);
	case PARAM_T_uint:	return sizeof(unsigned int);
	case PARAM_T_long:	return sizeof(long);
	case PARAM_T_ulong:	return sizeof(unsigned long);
	case PARAM_T_bool:
	case PARAM_T_invbool:	return sizeof(bool);
	case PARAM_T_charp:	return sizeof(char *);
	default:		return 0;
	}
}

const char *param_type_name(unsigned type)
{
	static const char *const names[] = {
		[PARAM_T_byte] = "byte", [PARAM_T_short] = "short",
		[PARAM_T_ushort] = "ushort", [PARAM_T_int] = "int",
		[PARAM_T_uint] = "uint", [PARAM_T_long] = "long",
		[PARAM_T_ulong] = "ulong", [PARAM_T_bool] = "bool",
		[PARAM_T_invbool] = "invbool", [PARAM_T_charp] = "charp",
		[PARAM_T_string] = "string",
	};

	return type >= 1 && type <= PARAM_T_LAST ? names[type] : NULL;
}

int param_name_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a == '-' ? '_' : *a, y = *b == '-' ? '_' : *b;
		if (x != y)
			return 0;
	}
	return *a == *b;
}

static void say(char *why, size_t size, const char *fmt, unsigned n)
{
	if (why && size)
		snprintf(why, size, fmt, n);
}

/* Checks (store false) or stores one element s[0..len) at dst. */
static int set_one(unsigned type, void *dst, const char *s, size_t len, bool store,
		   param_keep_fn keep, void *ctx, char *why, size_t why_size)
{
	union param_value v;
	int err;

	if (type == PARAM_T_charp) {
		if (len >= PARAM_CHARP_MAX) {
			say(why, why_size, "string parameter too long", 0);
			return -ENOSPC;
		}
		return store ? keep(ctx, dst, s, len) : 0;
	}
	err = parse_one(type, s, len, &v);
	if (!err && store)
		store_one(type, dst, &v);
	return err;
}

static const char *find_comma(const char *s, const char *end)
{
	for (; s < end; s++)
		if (*s == ',')
			return s;
	return NULL;
}

/* An array: elements separated by commas, each checked, then stored. */
static int set_array(const struct kernel_param *p, const char *val, param_keep_fn keep,
		     void *ctx, char *why, size_t why_size)
{
	unsigned type = p->type & ~PARAM_T_ARRAY, n = 0;
	size_t size = param_elem_size(type), total = strlen(val);
	int err = 0;

	for (int pass = 0; pass < 2 && !err; pass++) {
		const char *s = val, *end = val + total;
		for (n = 0; !err; n++) {
			const char *comma = find_comma(s, end);
			size_t len = comma ? (size_t)(comma - s) : (size_t)(end - s);
			if (n == p->max) {
				say(why, why_size, "can only take %u arguments", p->max);
				return -EINVAL;
			}
			err = set_one(type, (char *)p->arg + n * size, s, len, pass == 1,
				      keep, ctx, why, why_size);
			if (!comma)
				break;
			s = comma + 1;
		}
	}
	if (!err && p->num)
		*p->num = n + 1;
	return err;
}

int param_set(const struct kernel_param *p, const char *val, param_keep_fn keep,
	      void *ctx, char *why, size_t why_size)
{
	unsigned type = p->type;
	size_t len;

	say(why, why_size, "", 0);
	if (!val && (type == PARAM_T_bool || type == PARAM_T_invbool))
		val = "1";
	if (!val)
		return -EINVAL;
	if (type & PARAM_T_ARRAY)
		return set_array(p, val, keep, ctx, why, why_size);
	len = strlen(val);
	if (type == PARAM_T_string) {
		if (len >= p->max) {
			say(why, why_size, "string doesn't fit in %u chars.", p->max - 1);
			return -ENOSPC;
		}
		memcpy(p->arg, val, len + 1);
		return 0;
	}
	return set_one(type, p->arg, val, len, true, keep, ctx, why, why_size);
}

/* One element as text, at most size bytes with the NUL; its length. */
static int get_one(unsigned type, const void *src, char *buf, size_t size)
{
	switch (type) {
	case PARAM_T_byte:
		return snprintf(buf, size, "%u", *(const unsigned char *)src);
	case PARAM_T_short:
		return snprintf(buf, size, "%d", *(const short *)src);
	case PARAM_T_ushort:
		return snprintf(buf, size, "%u", *(const unsigned short *)src);
	case PARAM_T_int:
		return snprintf(buf, size, "%d", *(const int *)src);
	case PARAM_T_uint:
		return snprintf(buf, size, "%u", *(const unsigned int *)src);
	case PARAM_T_long:
		return snprintf(buf, size, "%ld", *(const long *)src);
	case PARAM_T_ulong:
		return snprintf(buf, size, "%lu", *(const unsigned long *)src);
	case PARAM_T_bool:
		return snprintf(buf, size, "%c", *(const bool *)src ? 'Y' : 'N');
	case PARAM_T_invbool:
		return snprintf(buf, size, "%c", *(const bool *)src ? 'N' : 'Y');
	case PARAM_T_charp: {
		const char *s = *(char *const *)src;
		return snprintf(buf, size, "%s", s ? s : "(null)");
	}
	default:
		return snprintf(buf, size, "%s", (const char *)src);
	}
}

int param_get(const struct kernel_param *p, char *buf, size_t size)
{
	unsigned type = p->type & ~PARAM_T_ARRAY, n = 1;
	size_t size1 = param_elem_size(type), off = 0;

	if (p->type & PARAM_T_ARRAY)
		n = p->num ? *p->num : p->max;
	if (size)
		buf[0] = '\0';
	for (unsigned i = 0; i < n; i++) {
		int len = get_one(type, (const char *)p->arg + i * size1, buf + off,
				  off < size ? size - off : 0);
		off += len;
		if (off + 2 > size)
			return -ENOSPC;
		buf[off++] = i + 1 < n ? ',' : '\n';
		buf[off] = '\0';
	}
	return off;
}
