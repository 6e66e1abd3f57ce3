/*
 * Memory and string routines (lib/string.c, lib/linux_lib.c, Linux's
 * <linux/string.h>), plus the k*dup copies into kmalloc'd memory
 * (mm/linux_mem.c) and Tessera's strerror.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <stddef.h>
#include <linux/types.h>

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
char *strrchr(const char *s, int c);
/* The first occurrence of needle in hay, or NULL. */
char *strstr(const char *hay, const char *needle);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
/* Copies at most size-1 bytes and always terminates; returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size);
/* Copies at most size-1 bytes and terminates (size > 0); returns the
 * length copied, or -E2BIG if src did not fit (dst then holds what did). */
#ifndef HOST_TEST	/* host tests: ssize_t is the C library's */
ssize_t strscpy(char *dst, const char *src, size_t size);
#endif

/* A kmalloc'd copy of s (kstrndup: of at most max bytes of it, always
 * terminated) or of len bytes at src (kmemdup), charged to the calling
 * module; NULL if s is NULL or memory is short. Free with kfree. */
char *kstrdup(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);

/* The words for an errno value (positive or negative): "No such file or
 * directory" for ENOENT; "Unknown error" for numbers it does not know.
 * (Tessera's: Linux modules print %d or %pe instead.) */
const char *strerror(int err);

#endif
