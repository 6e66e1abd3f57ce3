/*
 * Strict string-to-integer conversion (lib/linux_lib.c), Linux's
 * <linux/kstrtox.h>. The whole string must be the number, with an
 * optional single trailing newline (what `echo 5 > file` writes); base 0
 * takes a 0x prefix as hex and a leading 0 as octal; a signed conversion
 * takes a leading '-', every conversion a leading '+'. Return 0 and *res,
 * or -EINVAL (not a number) or -ERANGE (does not fit); *res is unchanged
 * on failure.
 */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H

#include <linux/types.h>

int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtou16(const char *s, unsigned int base, u16 *res);
int kstrtos16(const char *s, unsigned int base, s16 *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);
int kstrtos8(const char *s, unsigned int base, s8 *res);
/* "1", "y", "Y", "on" are true; "0", "n", "N", "off" false. */
int kstrtobool(const char *s, bool *res);

#define kstrtou32(s, base, res)	kstrtouint(s, base, res)
#define kstrtos32(s, base, res)	kstrtoint(s, base, res)
#define kstrtou64(s, base, res)	kstrtoull(s, base, res)
#define kstrtos64(s, base, res)	kstrtoll(s, base, res)

#endif
