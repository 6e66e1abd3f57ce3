/*
 * Linux's type names (<linux/types.h>) over C's fixed-width types: u8..u64,
 * s8..s64 (and the __u8.. spellings), bool, size_t, ssize_t, loff_t,
 * dev_t, umode_t, pid_t, gfp_t, phys_addr_t, dma_addr_t, resource_size_t,
 * and the __user/__iomem markers. Tessera is 32-bit: long and pointers
 * are 4 bytes, addresses (physical and DMA) 32 bits.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <linux/compiler_types.h>

typedef uint8_t		u8;
typedef uint16_t	u16;
typedef uint32_t	u32;
typedef uint64_t	u64;
typedef int8_t		s8;
typedef int16_t		s16;
typedef int32_t		s32;
typedef int64_t		s64;
typedef uint8_t		__u8;
typedef uint16_t	__u16;
typedef uint32_t	__u32;
typedef uint64_t	__u64;
typedef int8_t		__s8;
typedef int16_t		__s16;
typedef int32_t		__s32;
typedef int64_t		__s64;
typedef uint16_t	__le16;
typedef uint32_t	__le32;
typedef uint64_t	__le64;
typedef uint16_t	__be16;
typedef uint32_t	__be32;

typedef unsigned short	umode_t;
typedef unsigned int	gfp_t;		/* allocation flags (<linux/gfp.h>) */
typedef unsigned int	slab_flags_t;
typedef uint32_t	phys_addr_t;
typedef uint32_t	dma_addr_t;
typedef uint32_t	resource_size_t;

/* Host tests (HOST_TEST) take these from the C library instead. */
#ifndef HOST_TEST
#include <tessera/fstypes.h>	/* ssize_t, off_t */
typedef long long	loff_t;		/* 64 bits, as Linux's */
typedef uint32_t	dev_t;		/* major << 20 | minor (<linux/kdev_t.h>) */
typedef int		pid_t;
typedef unsigned int	uid_t;		/* user ids (<linux/uidgid.h>: kuid_t) */
typedef unsigned int	gid_t;
typedef unsigned long	ulong;
typedef unsigned int	uint;
typedef unsigned short	ushort;
typedef unsigned char	u_char;
#else
typedef int		pid_t;	/* the C library's own, the same type */
#endif

#endif
