/*
 * <asm/atomic.h>: older drivers include the architecture's header; it is
 * <linux/atomic.h>.
 */
#ifndef _ASM_ATOMIC_H
#define _ASM_ATOMIC_H

#include <linux/atomic.h>

#endif
