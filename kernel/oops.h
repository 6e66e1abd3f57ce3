/*
 * When kernel code faults (kernel/oops.c, guard.S, doublefault.c): the
 * symbolized oops, the taint flags, the guarded calls that let a fault in
 * a module end only the command that ran it, and the in-interrupt depth
 * that decides a fault cannot be contained. docs/debugging.md tells how
 * to read an oops and what each taint letter means.
 */
#ifndef KERNEL_OOPS_H
#define KERNEL_OOPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct regs;

/* --- taint: Linux's bit numbers and letters --- */
#define TAINT_FORCED_MODULE	1	/* 'F': a module was loaded with insmod -f */
#define TAINT_DIE		7	/* 'D': an oops happened */
#define TAINT_OOT_MODULE	12	/* 'O': an out-of-tree module was loaded */

/* Sets taint bit flag (TAINT_*). Never fails; the bits stay set. */
void add_taint(unsigned flag);
/* The taint bits, as /proc/tainted shows them (Linux's number). */
uint32_t get_taint(void);
/* "Not tainted", or "Tainted: [D]=DIE, [O]=OOT_MODULE". */
void taint_format(char *buf, size_t size);

/* --- interrupt context --- */

/* The IRQ path (kernel/idt.c) counts how deep it is; a fault at depth > 0
 * has no command to abort and panics. */
void irq_enter(void);
void irq_exit(void);
/* How many interrupts deep the CPU is: 0 in process context. */
unsigned irq_depth(void);

/* --- guarded calls: a fault inside ends the call, not the kernel --- */

/* Saved by guard_enter (kernel/guard.S: the first six words, in order). */
struct fault_guard {
	uint32_t ebx, esi, edi, ebp, esp, eflags;
	struct fault_guard *prev;	/* the guard this one nests in */
	const char *what;		/* "init", "exit", "read"...: the call */
	bool faulted;
	char reason[160];		/* "NULL pointer dereference at f+0x3/0x8 [m]" */
	uint32_t start;			/* jiffies when the call began or last slept */
	int preempt_count;		/* the caller's, given back after a fault */
	struct module_record *owner;	/* the module called (guard_call's) */
};

/* A guarded call of a command (not a kernel thread's function, which may
 * loop until stopped) that has run this long without returning or sleeping,
 * interrupted in its module's own code, is ended by the timer tick as if
 * it had faulted (a soft lockup: an endless loop in init, read...). */
#define SOFT_LOCKUP_SECONDS 5

/* The error a faulted guarded call returns: -EFAULT ("Bad address"). */
#define GUARD_FAULT_ERR (-14)

/*
 * Calls fn(arg), a call into module owner's code, so that a fault in it
 * (in process context, not while an oops is printed) prints the oops,
 * marks the module faulted, taints D and makes guard_call return
 * GUARD_FAULT_ERR with g->faulted set and g->reason naming the fault and
 * place: the caller's own cleanup then runs as after any error. Otherwise
 * returns fn's result with g->faulted false. what names the call for the
 * reason ("init"). The faulting module is the first one found on the stack
 * below the guard, else owner (a module that smashed its own stack leaves
 * no frame to find). Guards nest; the innermost one catches.
 */
struct module_record;
long guard_call(struct fault_guard *g, struct module_record *owner, const char *what,
		long (*fn)(void *arg), void *arg);

/* Called by the timer tick (IRQ 0) with the interrupted frame: if the
 * innermost guarded call has run SOFT_LOCKUP_SECONDS and r is in module
 * code interrupted in process context, prints the oops, marks the module
 * and makes the interrupt return to the guard (GUARD_FAULT_ERR). */
void oops_soft_lockup_check(struct regs *r);

/* --- the oops itself (called by kernel/idt.c and doublefault.c) --- */

/* A CPU exception in kernel code: prints the oops, then resumes at the
 * innermost guard if the fault can be contained, else panics. */
void oops_exception(struct regs *r);
/* The double-fault task found the state of the faulting task in *r (eip,
 * esp, ebp and the other registers, vector 8) and whether its ESP was in
 * the stack's guard page. Returns true with r->eip/eax changed to resume
 * at a guard; otherwise panics. */
bool oops_double_fault(struct regs *r, bool stack_overflow);

/* Sets up the double-fault task and the guard page under the kernel
 * stack (kernel/doublefault.c). Boot only, after paging_init. Returns 0 or
 * -ENOMEM (no page for the page table; the kernel then has no guard). */
int stack_guard_init(void);
/* Is [addr, addr + len) on a kernel stack (the boot stack or the
 * double-fault stack)? For walking frames without faulting. */
bool on_kernel_stack(uintptr_t addr, size_t len);
/* Is addr inside the guard page under the kernel stack? */
bool in_stack_guard(uintptr_t addr);

#endif
