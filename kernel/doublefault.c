/*
 * Kernel stack overflow: the guard page under the kernel stack and the
 * double-fault task. A push into the guard page faults; the CPU cannot push
 * the page fault's frame there either, so it raises a double fault, whose
 * IDT entry is a task gate: the CPU saves the overflowing state in the
 * kernel's TSS and switches to a task with a stack of its own, which
 * reports the oops (kernel/oops.c) and then panics, or rewrites the saved
 * state to resume at a guarded call and returns with iret (a task return).
 */
#include "kernel/oops.h"
#include "kernel/arch.h"
#include "kernel/cpu.h"
#include "kernel/paging.h"
#include "kernel/printk.h"
#include "mm/mm.h"
#include "kernel/sched.h"
#include <tessera/errno.h>

#define TSS_MAIN	3	/* GDT indexes */
#define TSS_DF		4
#define DF_STACK_SIZE	8192
#define EFLAGS_IF	0x200

/* The i386 task state segment, 104 bytes. */
struct tss {
	uint16_t link, r0;
	uint32_t esp0;
	uint16_t ss0, r1;
	uint32_t esp1;
	uint16_t ss1, r2;
	uint32_t esp2;
	uint16_t ss2, r3;
	uint32_t cr3, eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint16_t es, r4, cs, r5, ss, r6, ds, r7, fs, r8, gs, r9, ldt, r10;
	uint16_t trap, iomap;
} __attribute__((packed));

_Static_assert(sizeof(struct tss) == 104, "i386 TSS layout");

extern char boot_stack_guard[], boot_stack_bottom[], boot_stack_top[];
void df_task_entry(void);
void df_task(void);

static struct {
	struct tss main;	/* the kernel's task: where a task switch saves it */
	struct tss df;		/* the double-fault task */
	uint8_t stack[DF_STACK_SIZE] __attribute__((aligned(16)));
	bool guarded;		/* the guard page is unmapped */
} dfault;

/* The task's first instruction and its loop: the CPU pushed an error code
 * (0) on the task's stack; drop it, handle, return to the faulting task.
 * The next double fault starts at the jmp, which the iret saved. */
__asm__(".text\n"
	".globl df_task_entry\n"
	"df_task_entry:\n\t"
	"addl $4, %esp\n\t"
	"call df_task\n\t"
	"iret\n\t"
	"jmp df_task_entry\n");

bool on_kernel_stack(uintptr_t addr, size_t len)
{
	uintptr_t lo = (uintptr_t)boot_stack_bottom, hi = (uintptr_t)boot_stack_top;
	uintptr_t dlo = (uintptr_t)dfault.stack, dhi = dlo + DF_STACK_SIZE;

	return (addr >= lo && addr < hi && len <= hi - addr) ||
	       (addr >= dlo && addr < dhi && len <= dhi - addr) ||
	       on_thread_stack(addr, len);
}

bool in_stack_guard(uintptr_t addr)
{
	return addr - (uintptr_t)boot_stack_guard < PAGE_SIZE ||
	       in_thread_stack_guard(addr);
}

/* The faulting task's state, as the exception path would have saved it. */
static void regs_of(const struct tss *t, struct regs *r)
{
	*r = (struct regs){
		.gs = t->gs, .fs = t->fs, .es = t->es, .ds = t->ds,
		.edi = t->edi, .esi = t->esi, .ebp = t->ebp, .esp_at_pusha = t->esp - 20,
		.ebx = t->ebx, .edx = t->edx, .ecx = t->ecx, .eax = t->eax,
		.vector = 8, .eip = t->eip, .cs = t->cs, .eflags = t->eflags,
	};
}

void df_task(void)
{
	struct tss *t = &dfault.main;
	struct regs r;
	bool overflow = in_stack_guard(read_cr2()) || in_stack_guard(t->esp - 4);

	regs_of(t, &r);
	if (oops_double_fault(&r, overflow)) {
		/* guard_resume loads its own ESP and EFLAGS; until then no
		 * interrupt may push onto the guard page */
		t->eip = r.eip;
		t->eax = r.eax;
		t->eflags &= ~EFLAGS_IF;
	}
}

static void tasks_init(void)
{
	uint16_t main_sel, df_sel;

	dfault.df = (struct tss){
		.cr3 = read_cr3(), .eip = (uint32_t)(uintptr_t)df_task_entry,
		.eflags = 0x2, .esp = (uint32_t)(uintptr_t)(dfault.stack + DF_STACK_SIZE),
		.cs = KERNEL_CS, .ss = KERNEL_DS, .ds = KERNEL_DS, .es = KERNEL_DS,
		.fs = KERNEL_DS, .gs = KERNEL_DS, .iomap = sizeof(struct tss),
	};
	/* a task switch saves everything but CR3, which the switch back loads */
	dfault.main.cr3 = read_cr3();
	dfault.main.iomap = sizeof(struct tss);
	main_sel = gdt_set_tss(TSS_MAIN, (uint32_t)(uintptr_t)&dfault.main,
			       sizeof(struct tss) - 1);
	df_sel = gdt_set_tss(TSS_DF, (uint32_t)(uintptr_t)&dfault.df, sizeof(struct tss) - 1);
	__asm__ volatile("ltr %0" : : "r"(main_sel));
	idt_set_task_gate(8, df_sel);
}

int stack_guard_init(void)
{
	int err;

	tasks_init();
	err = paging_unmap_direct((uintptr_t)boot_stack_guard);
	dfault.guarded = !err;
	if (err)
		printk(KERN_ERR "stack guard: not set (%d); an overflow will reset\n", err);
	return err;
}
