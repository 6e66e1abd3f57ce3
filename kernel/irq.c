/*
 * Interrupt lines (APIs in <linux/interrupt.h> and kernel/irq.h): for each
 * of the 16 lines of the two 8259 PICs, the kernel's own driver (timer,
 * keyboard, serial: irq_register) or a list of module handlers
 * (request_irq; several when shared), a count of interrupts and of those
 * no handler claimed, and the disable_irq depth. A line is unmasked while
 * it has a handler and is not disabled.
 */
#include "kernel/irq.h"
#include "kernel/arch.h"
#include "kernel/cpu.h"
#include "kernel/timer.h"
#include "kernel/printk.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

#define CASCADE_IRQ	2	/* the slave PIC's line: always open */
#define REPORT_EVERY	(5 * HZ)

struct irqaction {
	irq_handler_t handler;
	void *dev_id;
	unsigned long flags;
	const char *devname;		/* as given: free_irq returns it */
	char name[32];			/* a copy, for /proc/interrupts */
	struct irqaction *next;
};

struct irq_line {
	void (*kernel_fn)(struct regs *r);	/* the kernel's own driver */
	const char *kernel_name;		/* set: the line is not shared */
	struct irqaction *actions;		/* module handlers, in order */
	uint32_t count, unhandled;
	unsigned long reported_at;		/* jiffies of the last report */
	unsigned depth;				/* disable_irq nesting */
	uint32_t window, window_unhandled;	/* the last STORM_WINDOW */
	bool storm_off;		/* masked: nobody handled it (a storm) */
};

static struct {
	struct irq_line line[NR_IRQS];
	uint32_t err_count;
} irqs = { .line[CASCADE_IRQ] = { .kernel_name = "cascade" } };

/* Masks or unmasks line irq to match its state. Interrupts off. */
static void update_mask(unsigned irq)
{
	struct irq_line *l = &irqs.line[irq];

	if (irq == CASCADE_IRQ)
		return;
	if ((l->kernel_fn || l->actions) && !l->depth && !l->storm_off)
		pic_unmask(irq);
	else
		pic_mask(irq);
}

void irq_register(unsigned irq, void (*fn)(struct regs *r), const char *name)
{
	uint32_t flags = irq_save();

	irqs.line[irq].kernel_fn = fn;
	irqs.line[irq].kernel_name = name;
	update_mask(irq);
	irq_restore(flags);
}

/* "timer" or "lx_a, lx_b" into buf. */
static void line_names(const struct irq_line *l, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	if (l->kernel_name)
		n = strlcpy(buf, l->kernel_name, size);
	for (const struct irqaction *a = l->actions; a && n < size; a = a->next)
		n += snprintf(buf + n, size - n, "%s%s", n ? ", " : "", a->name);
}

static void note_unhandled(unsigned irq, struct irq_line *l)
{
	char names[96];

	l->unhandled++;
	irqs.err_count++;
	if (l->unhandled > 1 && jiffies - l->reported_at < REPORT_EVERY)
		return;
	l->reported_at = jiffies;
	line_names(l, names, sizeof(names));
	printk(KERN_ERR "irq %u: nobody cared (%s%s); %u unhandled so far, "
	       "ERR: in /proc/interrupts\n", irq, names[0] ? "handlers: " : "no handler",
	       names, l->unhandled);
}

/* Linux's rule (note_interrupt): a line whose interrupts went unhandled
 * STORM_LIMIT times out of STORM_WINDOW is stuck (a device raising an
 * interrupt its driver never acknowledges): left unmasked, it would keep
 * the CPU in the interrupt path for good. It is masked until a handler is
 * requested on it afresh. */
#define STORM_WINDOW	100000
#define STORM_LIMIT	99900

static void check_storm(unsigned irq, struct irq_line *l, bool handled)
{
	char names[96];

	l->window_unhandled += !handled;
	if (++l->window < STORM_WINDOW)
		return;
	if (l->window_unhandled > STORM_LIMIT) {
		line_names(l, names, sizeof(names));
		printk(KERN_EMERG "irq %u: nobody cared (%s%s): %u of the last %u "
		       "unhandled\nDisabling IRQ #%u\n", irq, names[0] ? "handlers: " :
		       "no handler", names, l->window_unhandled, STORM_WINDOW, irq);
		l->storm_off = true;
		update_mask(irq);
	}
	l->window = l->window_unhandled = 0;
}

void irq_dispatch(unsigned irq, struct regs *r)
{
	struct irq_line *l = &irqs.line[irq];
	bool handled = false;
	struct irqaction *a, *next;

	l->count++;
	if (l->depth)		/* raised just before disable_irq masked it */
		return;
	if (l->kernel_fn) {
		l->kernel_fn(r);
		handled = true;
	}
	for (a = l->actions; a; a = next) {
		next = a->next;	/* a handler may free itself */
		if (a->handler((int)irq, a->dev_id) != IRQ_NONE)
			handled = true;
	}
	if (!handled)
		note_unhandled(irq, l);
	check_storm(irq, l, handled);
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	struct irqaction *a, **p;
	struct irq_line *l;
	uint32_t eflags;

	if (irq >= NR_IRQS || !handler || ((flags & IRQF_SHARED) && !dev_id))
		return -EINVAL;
	a = kzalloc(sizeof(*a));
	if (!a)
		return -ENOMEM;
	*a = (struct irqaction){ .handler = handler, .dev_id = dev_id, .flags = flags,
				 .devname = name };
	strlcpy(a->name, name ? name : "", sizeof(a->name));
	eflags = irq_save();
	l = &irqs.line[irq];
	if (l->kernel_name || (l->actions && !(l->actions->flags & flags & IRQF_SHARED))) {
		irq_restore(eflags);
		kfree(a);
		return -EBUSY;
	}
	if (!l->actions)		/* a new first handler: a stuck line may go again */
		l->storm_off = false;
	for (p = &l->actions; *p; p = &(*p)->next)
		;
	*p = a;
	update_mask(irq);
	irq_restore(eflags);
	return 0;
}

/* Unlinks and returns the action of line irq with dev_id, or NULL.
 * Interrupts off. */
static struct irqaction *unlink_action(unsigned irq, void *dev_id)
{
	struct irqaction **p, *a;

	for (p = &irqs.line[irq].actions; *p; p = &(*p)->next) {
		if ((*p)->dev_id != dev_id)
			continue;
		a = *p;
		*p = a->next;
		update_mask(irq);
		return a;
	}
	return NULL;
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irqaction *a = NULL;
	const char *name;
	uint32_t flags;

	if (irq < NR_IRQS) {
		flags = irq_save();
		a = unlink_action(irq, dev_id);
		irq_restore(flags);
	}
	if (!a) {
		printk(KERN_WARNING "Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	name = a->devname;
	kfree(a);
	return name;
}

void disable_irq_nosync(unsigned int irq)
{
	uint32_t flags;

	if (irq >= NR_IRQS)
		return;
	flags = irq_save();
	if (irqs.line[irq].depth++ == 0)
		update_mask(irq);
	irq_restore(flags);
}

void disable_irq(unsigned int irq)
{
	disable_irq_nosync(irq);
}

void enable_irq(unsigned int irq)
{
	uint32_t flags;

	if (irq >= NR_IRQS)
		return;
	flags = irq_save();
	if (!irqs.line[irq].depth) {
		irq_restore(flags);
		printk(KERN_WARNING "Unbalanced enable for IRQ %u\n", irq);
		return;
	}
	if (--irqs.line[irq].depth == 0)
		update_mask(irq);
	irq_restore(flags);
}

bool irq_line_stat(unsigned irq, struct irq_line_stat *st)
{
	const struct irq_line *l = &irqs.line[irq];

	st->count = l->count;
	line_names(l, st->names, sizeof(st->names));
	return st->count || st->names[0];
}

uint32_t irq_err_count(void)
{
	return irqs.err_count;
}

static bool inside(uintptr_t p, uintptr_t start, uintptr_t len)
{
	return p - start < len;
}

unsigned irq_remove_range(uintptr_t start, uintptr_t len,
			  void (*report)(unsigned irq, irq_handler_t fn, void *arg), void *arg)
{
	unsigned n = 0;

	for (unsigned irq = 0; irq < NR_IRQS; irq++) {
		uint32_t flags = irq_save();
		struct irqaction **p = &irqs.line[irq].actions;

		while (*p) {
			struct irqaction *a = *p;

			if (!inside((uintptr_t)a->handler, start, len) &&
			    !inside((uintptr_t)a->dev_id, start, len)) {
				p = &a->next;
				continue;
			}
			*p = a->next;
			update_mask(irq);
			irq_restore(flags);
			if (report)
				report(irq, a->handler, arg);
			kfree(a);
			n++;
			flags = irq_save();
		}
		irq_restore(flags);
	}
	return n;
}
