/*
 * Freestanding string and memory routines for the kernel and modules
 * (lib/string.c), plus strerror() for turning -errno into words.
 */
#ifndef LIB_STRING_H
#define LIB_STRING_H

#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>

/* As the C standard defines them; none fails or allocates. */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
/* The first occurrence of needle in hay, or NULL. */
char *strstr(const char *hay, const char *needle);
/* Copies at most size-1 bytes and always terminates; returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size);
/* Appends like strlcpy; returns the length it tried to create. */
size_t strlcat(char *dst, const char *src, size_t size);

/* The 32-bit FNV-1a hash of the string (its bytes up to the NUL), for
 * hash tables keyed by name: take it modulo the bucket count. */
uint32_t strhash(const char *s);

/* Parses a decimal, 0x-hex or 0-octal integer (base 0) or the given base.
 * *end points past the last digit used. No overflow detection. */
unsigned long strtoul(const char *s, char **end, int base);
long strtol(const char *s, char **end, int base);

/* printf-style formatting: %d %i %u %x %X %o %p %s %c %%, with flags
 * '-', '0', width, precision for %s, and length modifiers l, ll, z.
 * Returns the length the full output would have had (like C99). */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The words for an errno value (positive or negative): "No such file or
 * directory" for ENOENT; "Unknown error" for numbers it does not know. */
const char *strerror(int err);

#endif
