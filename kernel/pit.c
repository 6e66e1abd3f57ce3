/*
 * The 8253/8254 timer, channel 0, programmed for HZ interrupts a second;
 * each one advances jiffies, runs the timers that expired and ends a
 * guarded module call that has looped too long (kernel/oops.h).
 */
#include "kernel/timer.h"
#include "kernel/arch.h"
#include "kernel/cpu.h"
#include "kernel/oops.h"

#define PIT_HZ 1193182u

volatile uint32_t jiffies;

static void pit_tick(struct regs *r)
{
	jiffies++;
	timers_run();
	oops_soft_lockup_check(r);
}

void pit_init(void)
{
	uint16_t divisor = PIT_HZ / HZ;

	outb(0x43, 0x36);	/* channel 0, lobyte/hibyte, mode 3 */
	outb(0x40, divisor & 0xff);
	outb(0x40, divisor >> 8);
	irq_register(0, pit_tick);
}

uint32_t uptime_ms(void)
{
	return jiffies * (1000 / HZ);
}

void msleep(uint32_t ms)
{
	uint32_t end = jiffies + (ms * HZ + 999) / 1000;

	while ((int32_t)(end - jiffies) > 0)
		cpu_sti_hlt();
}
