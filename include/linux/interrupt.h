/*
 * <linux/interrupt.h>: interrupt handlers for the 16 lines of the two
 * 8259 PICs (kernel/irq.c). Several handlers may share a line
 * (IRQF_SHARED): each is called in turn, in interrupt context (no
 * sleeping; a fault there panics). /proc/interrupts counts each line's
 * interrupts and names its handlers; an interrupt no handler claims is
 * counted (the ERR: line) and reported. A module's handlers still
 * registered when it goes away are freed (and reported) before its code
 * is unmapped.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/irqreturn.h>
#include <linux/irqflags.h>

#define NR_IRQS		16

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/* request_irq flags: only IRQF_SHARED changes anything here; the rest
 * are accepted for Linux drivers and ignored (lines are edge-triggered). */
#define IRQF_TRIGGER_NONE	0x00000000
#define IRQF_TRIGGER_RISING	0x00000001
#define IRQF_TRIGGER_FALLING	0x00000002
#define IRQF_TRIGGER_HIGH	0x00000004
#define IRQF_TRIGGER_LOW	0x00000008
#define IRQF_SHARED		0x00000080
#define IRQF_PROBE_SHARED	0x00000100
#define IRQF_TIMER		0x00000200
#define IRQF_PERCPU		0x00000400
#define IRQF_NOBALANCING	0x00000800
#define IRQF_IRQPOLL		0x00001000
#define IRQF_ONESHOT		0x00002000
#define IRQF_NO_SUSPEND		0x00004000
#define IRQF_NO_THREAD		0x00010000

/*
 * Adds handler to line irq (0..15): from now on each interrupt of the
 * line calls handler(irq, dev_id). name shows in /proc/interrupts (copied:
 * the string may go away). Returns 0; -EINVAL for a bad line, a NULL
 * handler, or IRQF_SHARED without a dev_id; -EBUSY if the line is taken
 * and either side did not ask for IRQF_SHARED (the kernel's own lines,
 * timer, keyboard, serial, are never shared); -ENOMEM.
 */
int __attribute__((warn_unused_result))
request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
	    const char *name, void *dev_id);
/* Removes the handler registered on irq with dev_id; the line is masked
 * when its last handler goes. Returns the name given to request_irq, or
 * NULL (and a warning) if there is no such handler. */
const void *free_irq(unsigned int irq, void *dev_id);

/* Masks line irq; calls nest: the line comes back at the enable_irq that
 * matches the first disable_irq. With one CPU no handler can be running
 * elsewhere, so disable_irq need not wait and is disable_irq_nosync. */
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
/* Undoes one disable_irq; an enable without a disable is reported. */
void enable_irq(unsigned int irq);

#endif
