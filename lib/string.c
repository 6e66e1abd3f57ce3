/*
 * Freestanding memory and string routines (see lib/string.h). Plain loops,
 * except memcpy and memset on i386, which move whole words with rep movsl
 * and rep stosl: the loader copies whole module images with them.
 */
#include "lib/string.h"
#include <tessera/errno.h>
#include <stdint.h>

void *memcpy(void *dst, const void *src, size_t n)
{
#if defined(__i386__) && !defined(HOST_TEST)
	/* words with rep movsl, then the 0..3 bytes left with rep movsb */
	void *d = dst;
	size_t words = n / 4, bytes = n % 4;

	__asm__ volatile("rep movsl\n\tmovl %4, %%ecx\n\trep movsb"
			 : "+D"(d), "+S"(src), "+c"(words)
			 : "m"(*(const char (*)[n])src), "r"(bytes)
			 : "memory");
	return dst;
#else
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
#endif
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dst;
	if (d < s) {
		while (n--)
			*d++ = *s++;
	} else {
		while (n--)
			d[n] = s[n];
	}
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
#if defined(__i386__) && !defined(HOST_TEST)
	/* the byte repeated in a word, rep stosl, then the bytes left */
	uint32_t word = (uint8_t)c * 0x01010101u;
	void *d = dst;
	size_t words = n / 4, bytes = n % 4;

	__asm__ volatile("rep stosl\n\tmovl %3, %%ecx\n\trep stosb"
			 : "+D"(d), "+c"(words)
			 : "a"(word), "r"(bytes)
			 : "memory");
	return dst;
#else
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
#endif
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			return 0;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strstr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncmp(hay, needle, n))
			return (char *)hay;
	return n ? NULL : (char *)hay;
}


uint32_t strhash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (uint8_t)*s++) * 16777619u;
	return h;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	unsigned long v = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '+')
		s++;
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	    digit_value(s[2]) < 16) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	while (digit_value(*s) < base)
		v = v * base + digit_value(*s++);
	if (end)
		*end = (char *)s;
	return v;
}

long strtol(const char *s, char **end, int base)
{
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '-')
		return -(long)strtoul(s + 1, end, base);
	return (long)strtoul(s, end, base);
}

static const char *const errno_words[] = {
	[0] = "Success",
	[EPERM] = "Operation not permitted",
	[ENOENT] = "No such file or directory",
	[ESRCH] = "No such process",
	[EINTR] = "Interrupted system call",
	[EIO] = "Input/output error",
	[ENXIO] = "No such device or address",
	[E2BIG] = "Argument list too long",
	[ENOEXEC] = "Exec format error",
	[EBADF] = "Bad file descriptor",
	[ECHILD] = "No child processes",
	[EAGAIN] = "Resource temporarily unavailable",
	[ENOMEM] = "Cannot allocate memory",
	[EACCES] = "Permission denied",
	[EFAULT] = "Bad address",
	[EBUSY] = "Device or resource busy",
	[EEXIST] = "File exists",
	[EXDEV] = "Invalid cross-device link",
	[ENODEV] = "No such device",
	[ENOTDIR] = "Not a directory",
	[EISDIR] = "Is a directory",
	[EINVAL] = "Invalid argument",
	[ENFILE] = "Too many open files in system",
	[EMFILE] = "Too many open files",
	[ENOTTY] = "Inappropriate ioctl for device",
	[EFBIG] = "File too large",
	[ENOSPC] = "No space left on device",
	[ESPIPE] = "Illegal seek",
	[EROFS] = "Read-only file system",
	[EMLINK] = "Too many links",
	[EPIPE] = "Broken pipe",
	[ERANGE] = "Numerical result out of range",
	[EDEADLK] = "Resource deadlock avoided",
	[ENAMETOOLONG] = "File name too long",
	[ENOSYS] = "Function not implemented",
	[ENOTEMPTY] = "Directory not empty",
	[ELOOP] = "Too many levels of symbolic links",
	[ETIME] = "Timer expired",
	[EOPNOTSUPP] = "Operation not supported",
	[ECONNRESET] = "Connection reset by peer",
	[ENOBUFS] = "No buffer space available",
	[ESHUTDOWN] = "Cannot send after transport endpoint shutdown",
	[ETIMEDOUT] = "Connection timed out",
	[ENOKEY] = "Required key not available",
};

const char *strerror(int err)
{
	if (err < 0)
		err = -err;
	if ((size_t)err < sizeof(errno_words) / sizeof(errno_words[0]) && errno_words[err])
		return errno_words[err];
	return "Unknown error";
}
