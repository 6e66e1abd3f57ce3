/*
 * STUB (replaced by the irqsync branch): request_irq / free_irq, one
 * handler per line, over kernel/idt.c's irq_register. Just enough for the
 * pci family's edu test.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>

typedef int irqreturn_t;
#define IRQ_NONE	0
#define IRQ_HANDLED	1
#define IRQF_SHARED	0x80

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/* Calls handler(irq, dev) for each interrupt on ISA line irq (0..15).
 * Returns 0, -EINVAL (bad line or no handler) or -EBUSY (line taken). */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev);
/* Stops calling the handler registered with dev on irq. Returns its name. */
const void *free_irq(unsigned int irq, void *dev);

#endif
