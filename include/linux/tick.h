/*
 * <linux/tick.h>: what the timer tick knows about the CPU's idle time
 * (kernel/sched.c), as cpufreq governors and tests read it in Linux.
 */
#ifndef _LINUX_TICK_H
#define _LINUX_TICK_H

#include <linux/types.h>

/* Microseconds the CPU has been idle since boot (the idle thread's ticks
 * times the tick: a resolution of one tick, 10 ms). cpu must be 0 (one
 * CPU); another returns (u64)-1, as Linux for a CPU without the count.
 * If last_update_time is not NULL it gets the time of the reading, in
 * microseconds since boot. Any context. */
u64 get_cpu_idle_time_us(int cpu, u64 *last_update_time);

#endif
