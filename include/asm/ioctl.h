/*
 * ioctl command numbers, bit for bit as Linux encodes them on x86, so a
 * number a driver's header makes is the number the shell's `ioctl` types:
 *
 *   bits 31..30  direction: _IOC_NONE 0, _IOC_WRITE 1 (the caller's data
 *                goes to the driver), _IOC_READ 2 (the driver fills it)
 *   bits 29..16  size of the argument's type, bytes (14 bits)
 *   bits 15..8   type: the driver's "magic" number or letter
 *   bits  7..0   nr: the command's number within that type
 *
 * Module-visible and used by the shell: no kernel internals.
 */
#ifndef _ASM_IOCTL_H
#define _ASM_IOCTL_H

#define _IOC_NRBITS	8
#define _IOC_TYPEBITS	8
#define _IOC_SIZEBITS	14
#define _IOC_DIRBITS	2

#define _IOC_NRMASK	((1U << _IOC_NRBITS) - 1)
#define _IOC_TYPEMASK	((1U << _IOC_TYPEBITS) - 1)
#define _IOC_SIZEMASK	((1U << _IOC_SIZEBITS) - 1)
#define _IOC_DIRMASK	((1U << _IOC_DIRBITS) - 1)

#define _IOC_NRSHIFT	0
#define _IOC_TYPESHIFT	(_IOC_NRSHIFT + _IOC_NRBITS)
#define _IOC_SIZESHIFT	(_IOC_TYPESHIFT + _IOC_TYPEBITS)
#define _IOC_DIRSHIFT	(_IOC_SIZESHIFT + _IOC_SIZEBITS)

#define _IOC_NONE	0U
#define _IOC_WRITE	1U
#define _IOC_READ	2U

#define _IOC(dir, type, nr, size)					\
	((unsigned int)(((dir) << _IOC_DIRSHIFT) |			\
			((type) << _IOC_TYPESHIFT) |			\
			((nr) << _IOC_NRSHIFT) |			\
			((size) << _IOC_SIZESHIFT)))
#define _IOC_TYPECHECK(t)	(sizeof(t))

#define _IO(type, nr)		_IOC(_IOC_NONE, (type), (nr), 0)
#define _IOR(type, nr, argtype)	_IOC(_IOC_READ, (type), (nr), _IOC_TYPECHECK(argtype))
#define _IOW(type, nr, argtype)	_IOC(_IOC_WRITE, (type), (nr), _IOC_TYPECHECK(argtype))
#define _IOWR(type, nr, argtype) \
	_IOC(_IOC_READ | _IOC_WRITE, (type), (nr), _IOC_TYPECHECK(argtype))

#define _IOC_DIR(nr)		(((nr) >> _IOC_DIRSHIFT) & _IOC_DIRMASK)
#define _IOC_TYPE(nr)		(((nr) >> _IOC_TYPESHIFT) & _IOC_TYPEMASK)
#define _IOC_NR(nr)		(((nr) >> _IOC_NRSHIFT) & _IOC_NRMASK)
#define _IOC_SIZE(nr)		(((nr) >> _IOC_SIZESHIFT) & _IOC_SIZEMASK)

#define IOC_IN		(_IOC_WRITE << _IOC_DIRSHIFT)
#define IOC_OUT		(_IOC_READ << _IOC_DIRSHIFT)
#define IOC_INOUT	((_IOC_WRITE | _IOC_READ) << _IOC_DIRSHIFT)
#define IOCSIZE_MASK	(_IOC_SIZEMASK << _IOC_SIZESHIFT)
#define IOCSIZE_SHIFT	(_IOC_SIZESHIFT)

#endif
