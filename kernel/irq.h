/*
 * Interrupt lines (kernel/irq.c): the kernel's side of <linux/interrupt.h>.
 * kernel/idt.c calls irq_dispatch for each hardware interrupt; modfs reaps
 * a departing module's handlers; /proc/interrupts reads the counts.
 */
#ifndef KERNEL_IRQ_H
#define KERNEL_IRQ_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/interrupt.h>

struct regs;

/* Runs every handler of line irq (in interrupt context, the PIC not yet
 * acknowledged) and counts the interrupt; one nobody claims is counted as
 * unhandled and reported (at most once per line every 5 s). */
void irq_dispatch(unsigned irq, struct regs *r);

/* What /proc/interrupts shows of one line. */
struct irq_line_stat {
	uint32_t count;		/* interrupts since boot */
	char names[96];		/* "timer", "lx_a, lx_b" ("" if none) */
};
/* Fills *st for line irq (< NR_IRQS); returns false for a line with no
 * handler that never interrupted (Linux leaves those out). */
bool irq_line_stat(unsigned irq, struct irq_line_stat *st);
/* Interrupts no handler claimed, all lines together (the ERR: line). */
uint32_t irq_err_count(void);

/* Frees every module handler whose function or name lies in [start,
 * start + len) (a module image about to be unmapped), calling
 * report(irq, handler, arg) for each first. Returns how many. */
unsigned irq_remove_range(uintptr_t start, uintptr_t len,
			  void (*report)(unsigned irq, irq_handler_t fn, void *arg), void *arg);

#endif
