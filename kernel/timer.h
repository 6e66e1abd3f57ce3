/*
 * The programmable interval timer at HZ ticks a second, and jiffies, the
 * tick count since boot (kernel/pit.c).
 */
#ifndef KERNEL_TIMER_H
#define KERNEL_TIMER_H

#include <stdint.h>

#define HZ 100

extern volatile uint32_t jiffies;

/* Starts the timer at HZ and counts jiffies from IRQ 0. Boot only, after
 * the IDT and PICs are set up. Never fails. */
void pit_init(void);
/* Milliseconds since boot, at jiffy resolution. */
uint32_t uptime_ms(void);
/* Waits at least ms milliseconds, halting between ticks. */
void msleep(uint32_t ms);

#endif
