/*
 * Device numbers as Linux keeps them inside the kernel: a dev_t is
 * major << 20 | minor (12-bit major, 20-bit minor). /dev nodes, stat's
 * st_rdev and every chrdev call use this one layout.
 */
#ifndef _LINUX_KDEV_T_H
#define _LINUX_KDEV_T_H

#include <stdint.h>

#ifndef HOST_TEST	/* host tests of fs/ see the host's dev_t */
typedef uint32_t dev_t;
#endif

#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)

#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	((dev_t)(((dev_t)(ma) << MINORBITS) | (mi)))

#endif
