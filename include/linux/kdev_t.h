/*
 * Device numbers (<linux/kdev_t.h>). Tessera's dev_t is 16 bits of
 * meaning: major << 8 | minor, majors and minors 0..255 (Linux: 12 and 20
 * bits; MINORBITS here is 8).
 */
#ifndef _LINUX_KDEV_T_H
#define _LINUX_KDEV_T_H

#include <stdint.h>

#define MINORBITS	8
#define MINORMASK	((1u << MINORBITS) - 1)
#define MKDEV(ma, mi)	((uint32_t)(ma) << MINORBITS | (mi))
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))

#endif
