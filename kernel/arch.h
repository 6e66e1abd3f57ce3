/*
 * The CPU tables and interrupt plumbing (kernel/gdt.c, idt.c, isr.S, pic.c,
 * pit.c): flat segments, the interrupt descriptor table, the saved
 * register frame every handler sees, and IRQ handler registration.
 */
#ifndef KERNEL_ARCH_H
#define KERNEL_ARCH_H

#include <stdbool.h>
#include <stdint.h>

#define KERNEL_CS 0x08
#define KERNEL_DS 0x10

/* What kernel/isr.S pushes, lowest address first. */
struct regs {
	uint32_t gs, fs, es, ds;
	uint32_t edi, esi, ebp, esp_at_pusha, ebx, edx, ecx, eax;
	uint32_t vector, error_code;
	uint32_t eip, cs, eflags;	/* pushed by the CPU */
};

/* Loads the flat GDT (KERNEL_CS, KERNEL_DS) and reloads the segments.
 * Boot only, interrupts off. Never fails. */
void gdt_init(void);
/* Loads the IDT: vectors 0..47 go to kernel/isr.S's stubs (exceptions
 * 0..31, IRQs 32..47). Boot only, after gdt_init. Never fails. */
void idt_init(void);
/* Remaps the 8259 PICs to vectors 32..47, all lines masked. */
void pic_init(void);
/* Unmasks (masks) IRQ line irq (0..15). */
void pic_unmask(unsigned irq);
void pic_mask(unsigned irq);
/* Acknowledges IRQ line irq (to both PICs for 8..15); the IRQ handler
 * path calls it once per interrupt. */
void pic_eoi(unsigned irq);
/* Is IRQ line irq raised and not yet taken (its IRR bit)? */
bool pic_pending(unsigned irq);

/* Makes vector a task gate to the TSS selected by tss_selector (the
 * double fault's own task). Boot only. */
void idt_set_task_gate(unsigned vector, uint16_t tss_selector);
/* Makes GDT entry index a 32-bit available TSS at base (limit bytes - 1);
 * returns its selector. Boot only. */
uint16_t gdt_set_tss(unsigned index, uint32_t base, uint32_t limit);

/* Installs the kernel's own driver fn for IRQ line irq (0..15), named
 * name in /proc/interrupts, and unmasks the line (kernel/irq.c). Boot
 * only; the line is then not shared. */
void irq_register(unsigned irq, void (*fn)(struct regs *r), const char *name);

/* Prints the register dump of an exception frame (used by oops/panic). */
void regs_dump(const struct regs *r);

#endif
