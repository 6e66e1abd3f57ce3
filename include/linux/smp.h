/*
 * <linux/smp.h>: the CPU numbers of a multiprocessor kernel, on
 * Tessera's one CPU: always CPU 0. get_cpu() disables preemption, as in
 * Linux, so the number stays true until put_cpu().
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/preempt.h>

#define NR_CPUS			1
#define smp_processor_id()	0
#define raw_smp_processor_id()	0
#define num_online_cpus()	1U
#define num_possible_cpus()	1U
#define get_cpu()		({ preempt_disable(); 0; })
#define put_cpu()		preempt_enable()

#endif
