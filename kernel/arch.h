/*
 * The CPU tables and interrupt plumbing (kernel/gdt.c, idt.c, isr.S, pic.c,
 * pit.c): flat segments, the interrupt descriptor table, the saved
 * register frame every handler sees, and IRQ handler registration.
 */
#ifndef KERNEL_ARCH_H
#define KERNEL_ARCH_H

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

void gdt_init(void);
void idt_init(void);
/* Remaps the 8259 PICs to vectors 32..47, all lines masked. */
void pic_init(void);
void pic_unmask(unsigned irq);
void pic_eoi(unsigned irq);

typedef void (*irq_handler_t)(struct regs *r);
/* Installs the handler for IRQ line irq (0..15) and unmasks it. */
void irq_register(unsigned irq, irq_handler_t fn);

/* Prints the register dump of an exception frame (used by oops/panic). */
void regs_dump(const struct regs *r);

#endif
