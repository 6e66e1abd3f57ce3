/*
 * Which Linux API Tessera's module headers follow: 6.1 (an LTS release).
 * A module that tests LINUX_VERSION_CODE >= KERNEL_VERSION(a, b, c) takes
 * its 6.1 branch; docs/linux-compat.md lists what differs.
 */
#ifndef _LINUX_VERSION_H
#define _LINUX_VERSION_H

#define KERNEL_VERSION(a, b, c)	(((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#define LINUX_VERSION_CODE	KERNEL_VERSION(6, 1, 0)
#define LINUX_VERSION_MAJOR	6
#define LINUX_VERSION_PATCHLEVEL 1
#define LINUX_VERSION_SUBLEVEL	0

#endif
