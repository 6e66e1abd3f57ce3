/*
 * <asm/hardirq.h>: where old drivers (LDD3's jit) found in_interrupt();
 * today's code includes <linux/preempt.h>, which this header brings.
 */
#ifndef _ASM_HARDIRQ_H
#define _ASM_HARDIRQ_H

#include <linux/preempt.h>

#endif
