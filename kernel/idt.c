/*
 * The interrupt descriptor table and the C side of every interrupt:
 * CPU exceptions print their name and a register dump (page faults also
 * the faulting address and the decoded error code) and then panic;
 * hardware IRQs go to the handler registered for the line.
 */
#include "kernel/arch.h"
#include "kernel/cpu.h"
#include "kernel/printk.h"

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
	irq_handler_t irq[16];
} idt;

static const char *const exception_names[32] = {
	"Divide error", "Debug", "Non-maskable interrupt", "Breakpoint",
	"Overflow", "BOUND range exceeded", "Invalid opcode", "Device not available",
	"Double fault", "Coprocessor segment overrun", "Invalid TSS",
	"Segment not present", "Stack-segment fault", "General protection fault",
	"Page fault", "Reserved (15)", "x87 floating-point error", "Alignment check",
	"Machine check", "SIMD floating-point exception", "Virtualization exception",
	"Control protection exception", "Reserved (22)", "Reserved (23)",
	"Reserved (24)", "Reserved (25)", "Reserved (26)", "Reserved (27)",
	"Hypervisor injection", "VMM communication", "Security exception",
	"Reserved (31)",
};

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

void irq_register(unsigned irq, irq_handler_t fn)
{
	idt.irq[irq] = fn;
	pic_unmask(irq);
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

/* Error code bits: P (0 = not present), W/R, U/S, RSVD, I/D. */
static void page_fault_report(const struct regs *r)
{
	uint32_t addr = read_cr2(), e = r->error_code;

	printk(KERN_EMERG "Page fault at 0x%08x: %s, %s access, %s mode%s%s (error code 0x%x)\n",
	       addr, (e & 1) ? "protection violation" : "page not present",
	       (e & 2) ? "write" : "read", (e & 4) ? "user" : "kernel",
	       (e & 8) ? ", reserved bit set" : "", (e & 16) ? ", instruction fetch" : "", e);
	if (addr < 4096)
		printk(KERN_EMERG "(a NULL pointer dereference)\n");
}

static void exception(struct regs *r)
{
	printk(KERN_EMERG "Oops: %s (vector %u, error code 0x%x)\n",
	       exception_names[r->vector], r->vector, r->error_code);
	if (r->vector == 14)
		page_fault_report(r);
	regs_dump(r);
	dump_stack_from(r->eip, r->ebp);
	panic("Fatal exception: %s", exception_names[r->vector]);
}

void isr_dispatch(struct regs *r);
void isr_dispatch(struct regs *r)
{
	if (r->vector < 32) {
		exception(r);
		return;
	}
	unsigned irq = r->vector - 32;
	if (idt.irq[irq])
		idt.irq[irq](r);
	pic_eoi(irq);
}
