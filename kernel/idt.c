/*
 * The interrupt descriptor table and the C side of every interrupt:
 * CPU exceptions go to the oops code (kernel/oops.c), which reports them
 * and then panics or ends the guarded module call that faulted; hardware
 * IRQs go to the handlers of the line (kernel/irq.c), counted as interrupt
 * context (irq_enter). The double fault has a task gate of its own
 * (kernel/doublefault.c).
 */
#include "kernel/arch.h"
#include "kernel/cpu.h"
#include "kernel/printk.h"
#include "kernel/oops.h"
#include "kernel/irq.h"
#include "kernel/sched.h"

struct idt_gate {
	uint16_t off_lo, sel;
	uint8_t zero, type;
	uint16_t off_hi;
} __attribute__((packed));

struct idt_ptr {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

extern const uint32_t isr_table[48];

static struct {
	struct idt_gate gates[256];
} idt;

void idt_init(void)
{
	struct idt_ptr p = { sizeof(idt.gates) - 1, (uint32_t)idt.gates };

	for (int v = 0; v < 48; v++) {
		idt.gates[v] = (struct idt_gate){
			.off_lo = isr_table[v] & 0xffff,
			.sel = KERNEL_CS,
			.type = 0x8e,	/* present, ring 0, 32-bit interrupt gate */
			.off_hi = isr_table[v] >> 16,
		};
	}
	__asm__ volatile("lidt %0" : : "m"(p));
}

void idt_set_task_gate(unsigned vector, uint16_t tss_selector)
{
	idt.gates[vector] = (struct idt_gate){
		.sel = tss_selector,
		.type = 0x85,	/* present, ring 0, task gate */
	};
}

void regs_dump(const struct regs *r)
{
	printk(KERN_EMERG "EIP: %08x  CS: %04x  EFLAGS: %08x\n", r->eip, r->cs & 0xffff,
	       r->eflags);
	printk(KERN_EMERG "EAX: %08x  EBX: %08x  ECX: %08x  EDX: %08x\n", r->eax, r->ebx,
	       r->ecx, r->edx);
	printk(KERN_EMERG "ESI: %08x  EDI: %08x  EBP: %08x  ESP: %08x\n", r->esi, r->edi,
	       r->ebp, r->esp_at_pusha + 20);
	printk(KERN_EMERG "DS: %04x  ES: %04x  FS: %04x  GS: %04x\n", r->ds & 0xffff,
	       r->es & 0xffff, r->fs & 0xffff, r->gs & 0xffff);
}

void isr_dispatch(struct regs *r);
void isr_dispatch(struct regs *r)
{
	if (r->vector < 32) {
		oops_exception(r);
		return;
	}
	unsigned irq = r->vector - 32;
	irq_enter();
	irq_dispatch(irq, r);
	irq_exit();
	pic_eoi(irq);
	sched_irq_exit(r);	/* maybe another thread now; back here later */
}
