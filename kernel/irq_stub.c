/*
 * STUB (replaced by the irqsync branch): request_irq / free_irq over
 * kernel/idt.c's irq_register, one handler per line.
 */
#include <linux/interrupt.h>
#include <tessera/errno.h>

struct regs;
void irq_register(unsigned irq, void (*fn)(struct regs *r));
void isr_stub_dispatch(struct regs *r);

/* regs->vector is the 13th word (kernel/arch.h's struct regs). */
#define REGS_VECTOR(r)	(((const u32 *)(r))[12])

static struct {
	irq_handler_t handler;
	void *dev;
	const char *name;
} lines[16];

void isr_stub_dispatch(struct regs *r)
{
	unsigned irq = REGS_VECTOR(r) - 32;

	if (irq < 16 && lines[irq].handler)
		lines[irq].handler(irq, lines[irq].dev);
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev)
{
	if (irq >= 16 || !handler)
		return -EINVAL;
	if (lines[irq].handler)
		return -EBUSY;
	lines[irq].dev = dev;
	lines[irq].name = name;
	lines[irq].handler = handler;
	irq_register(irq, isr_stub_dispatch);
	return 0;
}

const void *free_irq(unsigned int irq, void *dev)
{
	const char *name;

	if (irq >= 16 || !lines[irq].handler || lines[irq].dev != dev)
		return NULL;
	name = lines[irq].name;
	lines[irq].handler = NULL;
	return name;
}
