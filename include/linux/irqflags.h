/*
 * <linux/irqflags.h>: turning interrupts off and on around a critical
 * section on this one CPU. local_irq_save(flags) disables them and keeps
 * the previous state in flags (an unsigned long), local_irq_restore(flags)
 * puts it back, so sections nest. Inline: a module does it itself.
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#define X86_EFLAGS_IF	0x00000200

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ volatile("pushfl; popl %0" : "=r"(flags) : : "memory");
	return flags;
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	__asm__ volatile("pushfl; popl %0; cli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ volatile("pushl %0; popfl" : : "r"(flags) : "memory", "cc");
}

#define local_irq_disable()	__asm__ volatile("cli" ::: "memory")
#define local_irq_enable()	__asm__ volatile("sti" ::: "memory")
#define local_irq_save(flags)						\
	do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags)	arch_local_irq_restore(flags)
#define local_save_flags(flags)						\
	do { (flags) = arch_local_save_flags(); } while (0)
#define irqs_disabled_flags(flags)	(!((flags) & X86_EFLAGS_IF))
#define irqs_disabled()		irqs_disabled_flags(arch_local_save_flags())

#endif
