/*
 * Host tests of lib/param.c, the text of module parameters (insmod's
 * name=value and /mod/NAME/parameters/NAME): every type at its bounds and
 * one past them, Linux's number and bool spellings, invbool, charp kept by
 * the caller, fixed strings, arrays (too many elements, empty elements, a
 * refused array leaves the old one), the file format of each.
 */
// sources: lib/param.c
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <limits.h>
#include <tessera/errno.h>
#include "lib/param.h"
#include "tests/host/ktest.h"

static int kept;	/* live copies made by keep() */

static int keep(void *ctx, char **slot, const char *s, size_t len)
{
	char *copy = malloc(len + 1);

	if (!copy)
		return -ENOMEM;
	memcpy(copy, s, len);
	copy[len] = '\0';
	if (ctx)	/* ctx != NULL: *slot is a copy of ours */
		free(*slot), kept--;
	*slot = copy;
	kept++;
	return 0;
}

static char why[80];

static int set(unsigned type, void *var, const char *val)
{
	struct kernel_param p = { "x", var, 0644, type, 0, 0, NULL };

	return param_set(&p, val, keep, NULL, why, sizeof(why));
}

static const char *get(unsigned type, void *var)
{
	static char buf[256];
	struct kernel_param p = { "x", var, 0644, type, 0, 0, NULL };

	return param_get(&p, buf, sizeof(buf)) < 0 ? "(ENOSPC)" : buf;
}

KTEST(int_bounds_and_spellings)
{
	int v = 7;

	KT_EXPECT(set(PARAM_T_int, &v, "3") == 0 && v == 3);
	KT_EXPECT(set(PARAM_T_int, &v, "-2147483648") == 0 && v == INT_MIN);
	KT_EXPECT(set(PARAM_T_int, &v, "2147483647") == 0 && v == INT_MAX);
	KT_EXPECT(set(PARAM_T_int, &v, "2147483648") == -ERANGE && v == INT_MAX);
	KT_EXPECT(set(PARAM_T_int, &v, "-2147483649") == -ERANGE);
	KT_EXPECT(set(PARAM_T_int, &v, "99999999999999999999999") == -ERANGE);
	KT_EXPECT(set(PARAM_T_int, &v, "0x10") == 0 && v == 16);
	KT_EXPECT(set(PARAM_T_int, &v, "010") == 0 && v == 8);
	KT_EXPECT(set(PARAM_T_int, &v, "+5") == 0 && v == 5);
	KT_EXPECT(set(PARAM_T_int, &v, "-0") == 0 && v == 0);
	KT_EXPECT(set(PARAM_T_int, &v, "12\n") == 0 && v == 12);
	KT_EXPECT(set(PARAM_T_int, &v, "abc") == -EINVAL && v == 12);
	KT_EXPECT(set(PARAM_T_int, &v, "") == -EINVAL);
	KT_EXPECT(set(PARAM_T_int, &v, "-") == -EINVAL);
	KT_EXPECT(set(PARAM_T_int, &v, "1 ") == -EINVAL);
	KT_EXPECT(set(PARAM_T_int, &v, "08") == -EINVAL);
	KT_EXPECT(set(PARAM_T_int, &v, "0x") == -EINVAL);
	KT_EXPECT(set(PARAM_T_int, &v, NULL) == -EINVAL);
	KT_EXPECT(set(PARAM_T_int, &v, "-17") == 0 && !strcmp(get(PARAM_T_int, &v), "-17\n"));
}

KTEST(small_types_at_their_bounds)
{
	unsigned char b = 0;
	short s = 0;
	unsigned short us = 0;
	unsigned int u = 0;

	KT_EXPECT(set(PARAM_T_byte, &b, "255") == 0 && b == 255);
	KT_EXPECT(set(PARAM_T_byte, &b, "256") == -ERANGE && b == 255);
	KT_EXPECT(set(PARAM_T_byte, &b, "-1") == -EINVAL);
	KT_EXPECT(!strcmp(get(PARAM_T_byte, &b), "255\n"));
	KT_EXPECT(set(PARAM_T_short, &s, "-32768") == 0 && s == -32768);
	KT_EXPECT(set(PARAM_T_short, &s, "32768") == -ERANGE);
	KT_EXPECT(!strcmp(get(PARAM_T_short, &s), "-32768\n"));
	KT_EXPECT(set(PARAM_T_ushort, &us, "65535") == 0 && us == 65535);
	KT_EXPECT(set(PARAM_T_ushort, &us, "65536") == -ERANGE && us == 65535);
	KT_EXPECT(!strcmp(get(PARAM_T_ushort, &us), "65535\n"));
	KT_EXPECT(set(PARAM_T_uint, &u, "4294967295") == 0 && u == UINT_MAX);
	KT_EXPECT(set(PARAM_T_uint, &u, "4294967296") == -ERANGE);
	KT_EXPECT(set(PARAM_T_uint, &u, "-1") == -EINVAL);
	KT_EXPECT(!strcmp(get(PARAM_T_uint, &u), "4294967295\n"));
}

KTEST(long_and_ulong_follow_the_c_type)
{
	long l = 0;
	unsigned long ul = 0;
	char text[32];

	KT_EXPECT(set(PARAM_T_long, &l, "-5") == 0 && l == -5);
	snprintf(text, sizeof(text), "%ld", LONG_MIN);
	KT_EXPECT(set(PARAM_T_long, &l, text) == 0 && l == LONG_MIN);
	snprintf(text, sizeof(text), "%lu", (unsigned long)LONG_MAX + 1);
	KT_EXPECT(set(PARAM_T_long, &l, text) == -ERANGE);
	snprintf(text, sizeof(text), "%lu", ULONG_MAX);
	KT_EXPECT(set(PARAM_T_ulong, &ul, text) == 0 && ul == ULONG_MAX);
	KT_EXPECT(set(PARAM_T_ulong, &ul, "-1") == -EINVAL);
	KT_EXPECT(set(PARAM_T_ulong, &ul, "0xffff") == 0 && !strcmp(get(PARAM_T_ulong, &ul), "65535\n"));
}

KTEST(bool_and_invbool)
{
	bool b = false;

	KT_EXPECT(set(PARAM_T_bool, &b, "y") == 0 && b);
	KT_EXPECT(set(PARAM_T_bool, &b, "N") == 0 && !b);
	KT_EXPECT(set(PARAM_T_bool, &b, "1") == 0 && b);
	KT_EXPECT(set(PARAM_T_bool, &b, "0") == 0 && !b);
	KT_EXPECT(set(PARAM_T_bool, &b, "Y") == 0 && b);
	KT_EXPECT(set(PARAM_T_bool, &b, "n") == 0 && !b);
	KT_EXPECT(set(PARAM_T_bool, &b, "on") == 0 && b);
	KT_EXPECT(set(PARAM_T_bool, &b, "off") == 0 && !b);
	KT_EXPECT(set(PARAM_T_bool, &b, "yes-ish") == 0 && b);	/* first letter */
	KT_EXPECT(set(PARAM_T_bool, &b, NULL) == 0 && b);	/* bare name */
	KT_EXPECT(set(PARAM_T_bool, &b, "2") == -EINVAL && b);
	KT_EXPECT(set(PARAM_T_bool, &b, "") == -EINVAL);
	KT_EXPECT(set(PARAM_T_bool, &b, "o") == -EINVAL);
	KT_EXPECT(!strcmp(get(PARAM_T_bool, &b), "Y\n"));
	KT_EXPECT(set(PARAM_T_invbool, &b, "y") == 0 && !b);
	KT_EXPECT(!strcmp(get(PARAM_T_invbool, &b), "Y\n"));
	KT_EXPECT(!strcmp(get(PARAM_T_bool, &b), "N\n"));
	KT_EXPECT(set(PARAM_T_invbool, &b, NULL) == 0 && !b);
	KT_EXPECT(set(PARAM_T_invbool, &b, "0") == 0 && b);
}

KTEST(charp_is_kept_by_the_caller)
{
	char *s = "world", big[PARAM_CHARP_MAX + 1];
	struct kernel_param p = { "whom", &s, 0444, PARAM_T_charp, 0, 0, NULL };

	KT_EXPECT(!strcmp(get(PARAM_T_charp, &s), "world\n"));
	KT_EXPECT(param_set(&p, "Mom and Dad", keep, NULL, why, sizeof(why)) == 0);
	KT_EXPECT(!strcmp(s, "Mom and Dad") && kept == 1);
	KT_EXPECT(param_set(&p, "", keep, (void *)1, why, sizeof(why)) == 0);
	KT_EXPECT(!strcmp(get(PARAM_T_charp, &s), "\n") && kept == 1);
	memset(big, 'a', PARAM_CHARP_MAX - 1);
	big[PARAM_CHARP_MAX - 1] = '\0';
	KT_EXPECT(param_set(&p, big, keep, (void *)1, why, sizeof(why)) == 0);
	KT_EXPECT(strlen(s) == PARAM_CHARP_MAX - 1);
	big[PARAM_CHARP_MAX - 1] = 'a';
	big[PARAM_CHARP_MAX] = '\0';
	KT_EXPECT(param_set(&p, big, keep, (void *)1, why, sizeof(why)) == -ENOSPC);
	KT_EXPECT(!strcmp(why, "string parameter too long"));
	free(s);
	kept--;
	s = NULL;
	KT_EXPECT(!strcmp(get(PARAM_T_charp, &s), "(null)\n"));
}

KTEST(fixed_string_buffer)
{
	char buf[8] = "abc";
	struct kernel_param p = { "name", buf, 0644, PARAM_T_string, 0, sizeof(buf), NULL };
	char out[32];

	KT_EXPECT(param_set(&p, "1234567", keep, NULL, why, sizeof(why)) == 0);
	KT_EXPECT(!strcmp(buf, "1234567"));
	KT_EXPECT(param_set(&p, "12345678", keep, NULL, why, sizeof(why)) == -ENOSPC);
	KT_EXPECT(!strcmp(why, "string doesn't fit in 7 chars.") && !strcmp(buf, "1234567"));
	KT_EXPECT(param_get(&p, out, sizeof(out)) == 8 && !strcmp(out, "1234567\n"));
	KT_EXPECT(param_get(&p, out, 8) == -ENOSPC);
}

KTEST(arrays)
{
	int a[4] = { 9, 9, 9, 9 };
	unsigned n = 0;
	struct kernel_param p = { "arr", a, 0644, PARAM_T_int | PARAM_T_ARRAY, 0, 4, &n };
	char out[64];

	KT_EXPECT(param_get(&p, out, sizeof(out)) == 0 && !strcmp(out, ""));
	KT_EXPECT(param_set(&p, "1,2,3", keep, NULL, why, sizeof(why)) == 0);
	KT_EXPECT(n == 3 && a[0] == 1 && a[2] == 3 && a[3] == 9);
	KT_EXPECT(param_get(&p, out, sizeof(out)) == 6 && !strcmp(out, "1,2,3\n"));
	KT_EXPECT(param_set(&p, "1,2,3,4,5", keep, NULL, why, sizeof(why)) == -EINVAL);
	KT_EXPECT(!strcmp(why, "can only take 4 arguments"));
	KT_EXPECT(n == 3 && a[0] == 1 && a[3] == 9);	/* untouched */
	KT_EXPECT(param_set(&p, "5,,6", keep, NULL, why, sizeof(why)) == -EINVAL && a[0] == 1);
	KT_EXPECT(param_set(&p, "5,6,", keep, NULL, why, sizeof(why)) == -EINVAL && n == 3);
	KT_EXPECT(param_set(&p, "", keep, NULL, why, sizeof(why)) == -EINVAL);
	KT_EXPECT(param_set(&p, "7,x", keep, NULL, why, sizeof(why)) == -EINVAL && a[0] == 1);
	KT_EXPECT(param_set(&p, "7,99999999999", keep, NULL, why, sizeof(why)) == -ERANGE);
	KT_EXPECT(param_set(&p, NULL, keep, NULL, why, sizeof(why)) == -EINVAL);
	KT_EXPECT(param_set(&p, "-1,0x7fffffff,3,4", keep, NULL, why, sizeof(why)) == 0 && n == 4);
	KT_EXPECT(param_get(&p, out, sizeof(out)) > 0 && !strcmp(out, "-1,2147483647,3,4\n"));
}

KTEST(array_without_count_shows_every_element)
{
	unsigned short a[3] = { 1, 2, 3 };
	bool flags[2] = { true, false };
	struct kernel_param p = { "a", a, 0644, PARAM_T_ushort | PARAM_T_ARRAY, 0, 3, NULL };
	struct kernel_param q = { "f", flags, 0644, PARAM_T_bool | PARAM_T_ARRAY, 0, 2, NULL };
	char out[64];

	KT_EXPECT(param_set(&p, "65535,65536", keep, NULL, why, sizeof(why)) == -ERANGE);
	KT_EXPECT(param_set(&p, "4", keep, NULL, why, sizeof(why)) == 0);
	KT_EXPECT(param_get(&p, out, sizeof(out)) > 0 && !strcmp(out, "4,2,3\n"));
	KT_EXPECT(param_get(&q, out, sizeof(out)) > 0 && !strcmp(out, "Y,N\n"));
	KT_EXPECT(param_set(&q, "n,y", keep, NULL, why, sizeof(why)) == 0);
	KT_EXPECT(param_get(&q, out, sizeof(out)) > 0 && !strcmp(out, "N,Y\n"));
}

KTEST(charp_array)
{
	char *names[3] = { "a", "b", "c" };
	unsigned n = 0;
	struct kernel_param p = { "names", names, 0444, PARAM_T_charp | PARAM_T_ARRAY, 0, 3, &n };
	char out[64];

	kept = 0;
	KT_EXPECT(param_set(&p, "x y,,z", keep, NULL, why, sizeof(why)) == 0 && n == 3);
	KT_EXPECT(kept == 3 && param_get(&p, out, sizeof(out)) > 0 && !strcmp(out, "x y,,z\n"));
	for (int i = 0; i < 3; i++)
		free(names[i]);
}

KTEST(names_and_types)
{
	KT_EXPECT(param_name_eq("my_param", "my-param"));
	KT_EXPECT(!param_name_eq("my_param", "my_para"));
	KT_EXPECT(!param_name_eq("a", "b"));
	KT_EXPECT(!strcmp(param_type_name(PARAM_T_invbool), "invbool"));
	KT_EXPECT(!strcmp(param_type_name(PARAM_T_string), "string"));
	KT_EXPECT(param_type_name(0) == NULL && param_type_name(PARAM_T_LAST + 1) == NULL);
	KT_EXPECT(param_elem_size(PARAM_T_string) == 0);
}

int main(void)
{
	return ktest_main();
}
