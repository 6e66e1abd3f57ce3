/*
 * STUB (replaced by the headers branch): Linux's fixed-width type names,
 * and the address types the pci family's headers need.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

/* The __u32 family: what the host's <linux/...> headers (under <sys/stat.h>)
 * expect of <linux/types.h> when a host test compiles with -Iinclude. */
typedef uint8_t __u8;
typedef uint16_t __u16;
typedef uint32_t __u32;
typedef uint64_t __u64;
typedef int8_t __s8;
typedef int16_t __s16;
typedef int32_t __s32;
typedef int64_t __s64;

typedef unsigned int gfp_t;
typedef u32 phys_addr_t;	/* physical addresses: no PAE, 32 bits */
typedef u32 resource_size_t;	/* port numbers and bus addresses */
typedef u32 dma_addr_t;		/* what a device puts on the bus */

#ifndef __iomem
#define __iomem
#endif
#ifndef __user
#define __user
#endif

#endif
