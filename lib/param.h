/*
 * Module parameter values as text (lib/param.c): parsing `name=value`'s
 * value into a parameter's variable and showing it again, with Linux 6.1's
 * rules (kernel/params.c and lib/kstrtox.c there): numbers in C's bases
 * (0x.. hex, 0.. octal), range-checked for their type; bools y/n/1/0, t/f,
 * on/off; comma-separated arrays; charp strings kept by the caller; fixed
 * string buffers. Pure code: no allocation, no printing; the kernel
 * (kernel/params.c) and the host tests use it on a struct kernel_param
 * (include/tessera/modformat.h) whose pointers are real.
 */
#ifndef LIB_PARAM_H
#define LIB_PARAM_H

#include <stddef.h>
#include <tessera/modformat.h>

/* Linux's limit for a charp value (param_set_charp): 1023 bytes. */
#define PARAM_CHARP_MAX 1024

/* Stores a charp value: makes a copy of s[0..len) that lasts (with a NUL),
 * frees what it stored in *slot before if that was its own, and sets
 * *slot. Returns 0 or -ENOMEM (then *slot is unchanged). */
typedef int (*param_keep_fn)(void *ctx, char **slot, const char *s, size_t len);

/*
 * Sets p's variable from the text val (NULL: the name came without '=',
 * which only a bool or invbool takes, as true). A whole array is checked
 * before any element is stored; a refused value changes nothing. Returns 0,
 * -EINVAL (not a value of the type; too many array elements; no value),
 * -ERANGE (a number outside the type), -ENOSPC (a string longer than its
 * buffer or than PARAM_CHARP_MAX-1), or keep's -ENOMEM. If why is not NULL
 * it gets Linux's extra line for the refusal ("can only take 4 arguments",
 * "string doesn't fit in 7 chars."), or "".
 */
int param_set(const struct kernel_param *p, const char *val, param_keep_fn keep,
	      void *ctx, char *why, size_t why_size);

/* Writes p's value as its parameters file shows it ("3\n", "Y\n",
 * "1,2,3\n", an array with no elements ""), NUL-terminated. Returns the
 * length, or -ENOSPC if buf is too small. */
int param_get(const struct kernel_param *p, char *buf, size_t size);

/* The type as modinfo and the docs name it: "int", "charp", "string"...
 * (without "array of"); NULL for a type that does not exist. */
const char *param_type_name(unsigned type);

/* The bytes one element of the type takes (0 for string and unknown). */
size_t param_elem_size(unsigned type);

/* True if the two parameter names are equal with '-' and '_' taken as the
 * same character (Linux's parameq). */
int param_name_eq(const char *a, const char *b);

#endif
