/*
 * <asm/processor.h>: the CPU in a busy-wait. cpu_relax() is the x86
 * `pause` hint in a polling loop; <linux/sched.h> includes this, as
 * Linux's does through its own headers, so a driver has it at hand.
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

/* One turn of a busy-wait loop: `pause`, and a compiler barrier, so the
 * polled value is read again. Any context. */
static inline void cpu_relax(void)
{
	__asm__ volatile("pause" ::: "memory");
}

#endif
