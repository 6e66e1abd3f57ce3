/*
 * Moving bytes between a driver and its caller's buffer (<linux/uaccess.h>).
 * There is no user space yet: every buffer a file operation receives is a
 * kernel pointer (the shell runs in the kernel), so these copy with memcpy
 * and cannot fault. Like Linux's, copy_to_user/copy_from_user return the
 * number of bytes NOT copied (always 0); put_user/get_user return 0 or
 * -EFAULT (always 0); strncpy_from_user returns the length copied.
 * access_ok takes Linux's 2 or older 3 arguments.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/string.h>
#include <linux/errno.h>

static inline unsigned long copy_to_user(void __user *to, const void *from,
					 unsigned long n)
{
	memcpy((void *)to, from, n);
	return 0;
}

static inline unsigned long copy_from_user(void *to, const void __user *from,
					   unsigned long n)
{
	memcpy(to, (const void *)from, n);
	return 0;
}

static inline unsigned long clear_user(void __user *to, unsigned long n)
{
	memset((void *)to, 0, n);
	return 0;
}

/* Copies the string at src, at most count bytes; returns its length
 * (count if no NUL came first: dst is then not terminated). */
static inline long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long n = 0;

	while (n < count && (dst[n] = src[n]) != '\0')
		n++;
	return n;
}

static inline long strnlen_user(const char __user *s, long n)
{
	return (long)strnlen(s, (size_t)n) + 1;
}

#define put_user(x, ptr)	({ *(ptr) = (x); 0; })
#define get_user(x, ptr)	({ (x) = *(ptr); 0; })
#define __put_user(x, ptr)	put_user(x, ptr)
#define __get_user(x, ptr)	get_user(x, ptr)
#define __copy_to_user(to, from, n)	copy_to_user(to, from, n)
#define __copy_from_user(to, from, n)	copy_from_user(to, from, n)
#define access_ok(...)		1

#endif
