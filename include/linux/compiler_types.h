/*
 * Annotations Linux code carries on declarations (<linux/compiler_types.h>):
 * address-space markers that only the sparse checker reads (__user,
 * __iomem, __force: empty here) and gcc attributes under Linux's names.
 */
#ifndef _LINUX_COMPILER_TYPES_H
#define _LINUX_COMPILER_TYPES_H

#ifndef __user
#define __user
#endif
#ifndef __kernel
#define __kernel
#endif
#ifndef __iomem
#define __iomem
#endif
#ifndef __force
#define __force
#endif
#ifndef __rcu
#define __rcu
#endif
#ifndef __percpu
#define __percpu
#endif

#ifndef __used
#define __used			__attribute__((__used__))
#endif
#ifndef __maybe_unused
#define __maybe_unused		__attribute__((__unused__))
#endif
#ifndef __always_unused
#define __always_unused		__attribute__((__unused__))
#endif
#ifndef __always_inline
#define __always_inline		inline __attribute__((__always_inline__))
#endif
#ifndef noinline
#define noinline		__attribute__((__noinline__))
#endif
#ifndef __noreturn
#define __noreturn		__attribute__((__noreturn__))
#endif
#ifndef __must_check
#define __must_check		__attribute__((__warn_unused_result__))
#endif
#ifndef __aligned
#define __aligned(x)		__attribute__((__aligned__(x)))
#endif
#ifndef __packed
#define __packed		__attribute__((__packed__))
#endif
#ifndef __section
#define __section(s)		__attribute__((__section__(s)))
#endif
#ifndef __printf
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#endif
#ifndef __cold
#define __cold			__attribute__((__cold__))
#endif
#ifndef __weak
#define __weak			__attribute__((__weak__))
#endif
#ifndef __pure
#define __pure			__attribute__((__pure__))
#endif
#ifndef __deprecated
#define __deprecated
#endif
#ifndef notrace
#define notrace
#endif
#ifndef asmlinkage
#define asmlinkage
#endif

#endif
