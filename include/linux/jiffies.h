/*
 * STUB (replaced by the irqsync branch): HZ and jiffies, the tick count
 * since boot (kernel/pit.c), only what the headers branch needs.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <stdint.h>

#define HZ 100

extern volatile uint32_t jiffies;

#endif
