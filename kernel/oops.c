/*
 * The oops: what the kernel prints when its own code faults, and what it
 * does next (API in kernel/oops.h). Layers:
 *   taint         Linux's bits and letters; D after any oops
 *   the report    exception name and details, "EIP is at f+0x3/0x8 [m]",
 *                 registers, symbolized call trace, modules, taint
 *   containment   a fault in process context with module code on the
 *                 stack below an active guard resumes at that guard with
 *                 -EFAULT (the command fails, the shell lives); anything
 *                 else (interrupt context, the kernel's own code, a fault
 *                 while printing an oops) panics.
 */
#include "kernel/oops.h"
#include "kernel/arch.h"
#include "kernel/cpu.h"
#include "kernel/module.h"
#include "kernel/printk.h"
#include "kernel/timer.h"
#include "kernel/symbols.h"
#include "kernel/sched.h"
#include "lib/string.h"

static struct {
	uint32_t taint;
	unsigned irq_depth;
	bool in_oops;			/* printing one: another fault panics */
} oops;

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

/* --- taint --- */

static const struct {
	unsigned bit;
	char letter;
	const char *name;
} taints[] = {
	{ TAINT_FORCED_MODULE, 'F', "FORCED_MODULE" },
	{ TAINT_DIE, 'D', "DIE" },
	{ TAINT_OOT_MODULE, 'O', "OOT_MODULE" },
};

void add_taint(unsigned flag)
{
	oops.taint |= 1u << flag;
}

uint32_t get_taint(void)
{
	return oops.taint;
}

void taint_format(char *buf, size_t size)
{
	size_t n = 0;

	if (!oops.taint) {
		strlcpy(buf, "Not tainted", size);
		return;
	}
	strlcpy(buf, "Tainted:", size);
	for (unsigned i = 0; i < sizeof(taints) / sizeof(taints[0]); i++) {
		if (!(oops.taint & (1u << taints[i].bit)))
			continue;
		n = strlen(buf);
		snprintf(buf + n, size > n ? size - n : 0, "%s [%c]=%s", n > 8 ? "," : "",
			 taints[i].letter, taints[i].name);
	}
}

/* --- interrupt context and guards --- */

void irq_enter(void)
{
	oops.irq_depth++;
}

void irq_exit(void)
{
	oops.irq_depth--;
}

unsigned irq_depth(void)
{
	return oops.irq_depth;
}

long guard_enter(struct fault_guard *g, long (*fn)(void *arg), void *arg);
extern char guard_resume[];

long guard_call(struct fault_guard *g, struct module_record *owner, const char *what,
		long (*fn)(void *arg), void *arg)
{
	long ret;

	g->owner = owner;
	g->what = what;
	g->faulted = false;
	g->reason[0] = '\0';
	g->prev = current->guard;
	g->start = jiffies;
	g->preempt_count = current->preempt_count;
	current->guard = g;
	ret = guard_enter(g, fn, arg);
	current->guard = g->prev;
	return ret;
}

/* --- the report --- */

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
	else if (in_stack_guard(addr))
		printk(KERN_EMERG "(the guard page under the kernel stack: a stack overflow)\n");
}

/* The fault in a few words, for the guard's reason and the module's mark. */
static void describe(const struct regs *r, bool overflow, char *buf, size_t size)
{
	uint32_t cr2 = r->vector == 14 ? read_cr2() : 0;
	char name[40];

	if (overflow || (r->vector == 14 && in_stack_guard(cr2))) {
		strlcpy(buf, "kernel stack overflow", size);
	} else if (r->vector == 14) {
		if (cr2 < 4096)
			strlcpy(buf, "NULL pointer dereference", size);
		else
			snprintf(buf, size, "page fault on 0x%08x", cr2);
	} else {
		strlcpy(name, exception_names[r->vector & 31], sizeof(name));
		if (name[0] >= 'A' && name[0] <= 'Z')
			name[0] += 'a' - 'A';
		strlcpy(buf, name, size);
	}
}

static void module_entry(struct module_record *rec, void *arg)
{
	char *line = arg, flags[8];
	size_t n = strlen(line);

	if (rec->state < MODULE_STATE_COMING || n > 200)
		return;
	module_flags(rec, flags, sizeof(flags) - 1);
	if (rec->state == MODULE_STATE_COMING)
		strlcat(flags, "+", sizeof(flags));
	else if (rec->state == MODULE_STATE_GOING)
		strlcat(flags, "-", sizeof(flags));
	snprintf(line + n, 256 - n, " %s%s%s%s", rec->name, flags[0] ? "(" : "", flags,
		 flags[0] ? ")" : "");
}

/* "EIP is at ...", registers, call trace, modules, taint. */
static void report_body(const struct regs *r)
{
	char line[256];

	sym_format(r->eip, line, sizeof(line));
	printk(KERN_EMERG "EIP is at %s\n", line);
	regs_dump(r);
	dump_stack_from(r->eip, r->esp_at_pusha + 20, r->ebp);
	line[0] = '\0';
	module_for_each(module_entry, line);
	printk(KERN_EMERG "Modules linked in:%s\n", line);
	add_taint(TAINT_DIE);	/* before the line: it shows this oops too */
	taint_format(line, sizeof(line));
	printk(KERN_EMERG "%s\n", line);
	printk(KERN_EMERG "---[ end trace ]---\n");
}

/* --- containment --- */

/* The first module on the way from the fault up to the guard: the module
 * of eip, else of a return address in a frame below the guard's, else of
 * the first word on the stack between esp and the guard that points into a
 * module (a call to a wild address faults at the target, before any frame
 * is made: the module's return address is then only on top of the stack).
 * *where gets that address. Everything running under a guard runs for the
 * module it called, so this only names it. */
static struct module_record *module_on_stack(uint32_t eip, uint32_t esp, uint32_t ebp,
					     uint32_t limit, uint32_t *where)
{
	struct module_record *rec = module_record_at(eip);
	uint32_t *fp = (uint32_t *)ebp;

	*where = eip;
	for (int depth = 0; !rec && fp && depth < 64; depth++) {
		if (!on_kernel_stack((uintptr_t)fp, 8) || (uintptr_t)fp >= limit)
			break;
		rec = module_record_at(fp[1]);
		*where = fp[1];
		fp = (uint32_t *)fp[0];
	}
	for (uint32_t p = esp; !rec && p + 4 <= limit; p += 4) {
		if (!on_kernel_stack(p, 4))
			break;
		rec = module_record_at(*(uint32_t *)p);
		*where = *(uint32_t *)p;
	}
	return rec;
}

/* Returns the guard that takes this fault (marked, reason set), or NULL
 * with *why_not saying why the kernel cannot go on. */
static struct fault_guard *contain(const struct regs *r, bool overflow, const char **why_not)
{
	struct fault_guard *g = current->guard;
	struct module_record *rec;
	char what[48], sym[96], caller[96];
	uint32_t where;

	*why_not = NULL;
	if (oops.irq_depth)
		*why_not = "it happened in interrupt context, with no command to end";
	else if (in_interrupt_context())
		*why_not = "it happened in a timer function or tasklet (softirq context), "
			   "with no command to end";
	else if (!g)
		*why_not = "no module call was running (the kernel's own code faulted)";
	if (*why_not)
		return NULL;
	rec = module_on_stack(r->eip, r->esp_at_pusha + 20, r->ebp, g->esp, &where);
	if (!rec && g->owner) {	/* no frame of it left: a smashed stack */
		rec = g->owner;
		where = r->eip;
	}
	if (!rec) {
		*why_not = "no module code is on the stack (the kernel's own code faulted)";
		return NULL;
	}
	describe(r, overflow, what, sizeof(what));
	sym_format(r->eip, sym, sizeof(sym));
	sym_format(where, caller, sizeof(caller));
	if (where == r->eip)	/* in the module itself */
		snprintf(g->reason, sizeof(g->reason), "%s at %s", what, sym);
	else			/* in the kernel, called by the module */
		snprintf(g->reason, sizeof(g->reason), "%s at %s called from %s", what,
			 sym, caller);
	g->faulted = true;
	module_mark_faulted(rec, g->what, g->reason);
	printk(KERN_ERR "%s: %s faulted: %s; the %s returns -EFAULT (Bad address), "
	       "the module stays loaded, marked (D)\n", rec->name, g->what, g->reason,
	       g->what);
	return g;
}

/* Makes the frame r return to guard_resume with EAX = g: the guarded
 * call then returns GUARD_FAULT_ERR on the stack it was called on. */
static void resume_at(struct fault_guard *g, struct regs *r)
{
	current->guard = g->prev;	/* guard_call would; it resumes past that */
	/* spinlocks the faulting code held stay held (reported when taken
	 * again), but the caller's preemption count is its own again */
	current->preempt_count = g->preempt_count;
	g->prev = NULL;
	oops.in_oops = false;
	dump_stack_reset();
	r->eip = (uint32_t)(uintptr_t)guard_resume;
	r->eax = (uint32_t)(uintptr_t)g;
}

/* After the report: resume at a guard (r changed to enter guard_resume),
 * or panic. */
static bool finish(struct regs *r, bool overflow)
{
	const char *why_not;
	struct fault_guard *g = contain(r, overflow, &why_not);

	if (!g) {
		printk(KERN_EMERG "Cannot recover: %s\n", why_not);
		panic("Fatal exception%s: %s", in_interrupt_context() ? " in interrupt" : "",
		      overflow ? "kernel stack overflow" : exception_names[r->vector & 31]);
	}
	resume_at(g, r);
	return true;
}

void oops_soft_lockup_check(struct regs *r)
{
	struct fault_guard *g = current->guard;
	struct module_record *rec = module_record_at(r->eip);
	uint32_t secs;
	char sym[96];

	/* a kernel thread's function may run for ever (it loops until
	 * kthread_should_stop): only a command's call is a lockup */
	if (!g || !rec || oops.in_oops || oops.irq_depth != 1 || current->threadfn ||
	    jiffies - g->start < SOFT_LOCKUP_SECONDS * HZ)
		return;
	oops.in_oops = true;
	secs = (jiffies - g->start) / HZ;
	printk(KERN_EMERG "Oops: soft lockup: %s's %s has run %u s without returning\n",
	       rec->name, g->what, secs);
	report_body(r);
	sym_format(r->eip, sym, sizeof(sym));
	snprintf(g->reason, sizeof(g->reason), "soft lockup: ran %u s without "
		 "returning, interrupted at %s", secs, sym);
	g->faulted = true;
	module_mark_faulted(rec, g->what, g->reason);
	printk(KERN_ERR "%s: %s faulted: %s; the %s returns -EFAULT (Bad address), "
	       "the module stays loaded, marked (D)\n", rec->name, g->what, g->reason,
	       g->what);
	resume_at(g, r);
}

static void nested_fault(const struct regs *r)
{
	printk(KERN_EMERG "Oops: %s (vector %u) at 0x%08x while printing an oops\n",
	       exception_names[r->vector & 31], r->vector, r->eip);
	panic("Fatal exception while printing an oops");
}

void oops_exception(struct regs *r)
{
	if (oops.in_oops)
		nested_fault(r);
	oops.in_oops = true;
	printk(KERN_EMERG "Oops: %s (vector %u, error code 0x%x)\n",
	       exception_names[r->vector], r->vector, r->error_code);
	if (r->vector == 14)
		page_fault_report(r);
	if (r->vector == 13 && r->error_code)
		printk(KERN_EMERG "(segment selector 0x%x%s)\n", r->error_code & ~7u,
		       (r->error_code & 2) ? " in the IDT" : "");
	report_body(r);
	finish(r, false);
}

bool oops_double_fault(struct regs *r, bool stack_overflow)
{
	if (oops.in_oops)
		nested_fault(r);
	oops.in_oops = true;
	printk(KERN_EMERG "Oops: Double fault (vector 8)%s\n",
	       stack_overflow ? ": kernel stack overflow" : "");
	if (stack_overflow)
		printk(KERN_EMERG "ESP 0x%08x ran into the guard page under the kernel stack\n",
		       r->esp_at_pusha + 20);
	report_body(r);
	return finish(r, stack_overflow);
}
