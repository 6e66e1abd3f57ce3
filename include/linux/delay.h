/*
 * STUB (replaced by the irqsync branch): msleep, only what the headers
 * branch needs.
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <stdint.h>

/* Waits at least ms milliseconds, halting between ticks. */
void msleep(uint32_t ms);

#endif
