/*
 * min/max and friends (<linux/minmax.h>). min and max refuse (a compiler
 * warning) to compare values of different types, as Linux's do; min_t and
 * max_t convert both to the type given.
 */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#define min(x, y) ({ __typeof__(x) __min1 = (x); __typeof__(y) __min2 = (y); \
		     (void)(&__min1 == &__min2); __min1 < __min2 ? __min1 : __min2; })
#define max(x, y) ({ __typeof__(x) __max1 = (x); __typeof__(y) __max2 = (y); \
		     (void)(&__max1 == &__max2); __max1 > __max2 ? __max1 : __max2; })
#define min3(x, y, z)	min((__typeof__(x))min(x, y), z)
#define max3(x, y, z)	max((__typeof__(x))max(x, y), z)
#define min_t(type, x, y) ({ type __x = (x); type __y = (y); __x < __y ? __x : __y; })
#define max_t(type, x, y) ({ type __x = (x); type __y = (y); __x > __y ? __x : __y; })
#define clamp(val, lo, hi)	min((__typeof__(val))max(val, lo), hi)
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)
#define clamp_val(val, lo, hi)	clamp_t(__typeof__(val), val, lo, hi)
#define swap(a, b) do { __typeof__(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)

#endif
