/*
 * <linux/irqreturn.h>: what an interrupt handler returns: IRQ_HANDLED
 * when its device raised the interrupt, IRQ_NONE when not (a shared line:
 * another device's). An interrupt no handler claims is counted and
 * reported (docs/kernel.md, "Interrupts").
 */
#ifndef _LINUX_IRQRETURN_H
#define _LINUX_IRQRETURN_H

enum irqreturn {
	IRQ_NONE		= (0 << 0),
	IRQ_HANDLED		= (1 << 0),
	IRQ_WAKE_THREAD		= (1 << 1),	/* no threaded handlers: as HANDLED */
};
typedef enum irqreturn irqreturn_t;

#define IRQ_RETVAL(x)	((x) ? IRQ_HANDLED : IRQ_NONE)

#endif
