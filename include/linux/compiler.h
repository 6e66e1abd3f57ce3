/*
 * Compiler helpers Linux code uses everywhere (<linux/compiler.h>):
 * likely/unlikely, barrier, READ_ONCE/WRITE_ONCE.
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/compiler_types.h>

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
/* Stops the compiler moving memory accesses across this point. */
#define barrier()	__asm__ __volatile__("" : : : "memory")
/* One access of x, neither merged, torn nor repeated by the compiler. */
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)

#endif
