/*
 * The first instructions. The boot loader jumps to _start at its physical
 * address with paging off, EAX = multiboot magic and EBX = the physical
 * address of the multiboot information. We build a boot page directory
 * that maps the first 4 MiB twice (identity, so the next instruction still
 * runs, and at 0xC0000000) and physical 0..768 MiB at 0xC0000000 with 4 MiB
 * pages, turn paging on, move to the higher half, set the stack and call
 * kmain(magic, mbi_phys). kernel/paging.c drops the identity entry later.
 * The TSC at _start is kept in boot_entry_tsc (tools/bench-boot).
 */
#define KERNEL_BASE	0xC0000000
#define PDE_PRESENT	0x001
#define PDE_WRITE	0x002
#define PDE_4M		0x080
#define DIRECT_MAP_PDES	192		/* 768 MiB / 4 MiB */

	.section .boot.text, "ax"
	.global _start
_start:
	cli
	movl	%eax, %esi			/* keep magic and mbi */
	movl	%ebx, %edi
	rdtsc					/* boot_entry_tsc: where the kernel's */
	movl	%eax, (boot_entry_tsc - KERNEL_BASE)	/* own boot work */
	movl	%edx, (boot_entry_tsc + 4 - KERNEL_BASE)	/* begins */

	/* PDE 0 (identity) and PDEs 768.. (higher half) */
	movl	$(boot_pgdir - KERNEL_BASE), %edx
	movl	$(PDE_PRESENT | PDE_WRITE | PDE_4M), %eax
	movl	%eax, (%edx)
	leal	(768 * 4)(%edx), %ebx
	movl	$DIRECT_MAP_PDES, %ecx
1:	movl	%eax, (%ebx)
	addl	$0x400000, %eax
	addl	$4, %ebx
	loop	1b

	movl	%cr4, %eax
	orl	$0x10, %eax			/* CR4.PSE: 4 MiB pages */
	movl	%eax, %cr4
	movl	%edx, %cr3
	movl	%cr0, %eax
	orl	$0x80010000, %eax		/* CR0.PG | CR0.WP */
	movl	%eax, %cr0
	movl	$higher_half, %eax
	jmp	*%eax

	.text
higher_half:
	movl	$boot_stack_top, %esp
	xorl	%ebp, %ebp			/* ends backtraces */
	pushl	%edi				/* mbi_phys */
	pushl	%esi				/* magic */
	call	kmain
2:	cli
	hlt
	jmp	2b

	.section .data
	.align 8
	.global boot_entry_tsc
boot_entry_tsc:				/* uint64_t: the TSC at _start */
	.quad 0

	.align 4096
	.global boot_pgdir
boot_pgdir:
	.fill 1024, 4, 0

	/* The kernel stack, 16 KiB, with a guard page under it that
	 * kernel/doublefault.c unmaps: an overflow faults into the guard
	 * and becomes a double fault, reported as an oops. */
	.section .bss
	.align 4096
	.global boot_stack_guard
boot_stack_guard:
	.skip 4096
	.global boot_stack_bottom
boot_stack_bottom:
	.skip 16384
	.global boot_stack_top
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
