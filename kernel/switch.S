/*
 * The context switch (kernel/sched.c): switch_to saves what a C caller
 * expects a call to keep (EBP, EBX, ESI, EDI) and EFLAGS on the old
 * task's stack, stores its stack pointer, loads the new task's and pops
 * the same five words from there, then returns on the new stack: to the
 * place the new task itself once called switch_to from, or, for a task
 * that never ran, to thread_entry (the frame kthread_create builds).
 */
	.text
/* void switch_to(unsigned long *save_sp, unsigned long next_sp) */
	.global switch_to
	.type switch_to, @function
switch_to:
	movl	4(%esp), %eax
	movl	8(%esp), %edx
	pushl	%ebp
	pushl	%ebx
	pushl	%esi
	pushl	%edi
	pushfl
	movl	%esp, (%eax)
	movl	%edx, %esp
	popfl
	popl	%edi
	popl	%esi
	popl	%ebx
	popl	%ebp
	ret
	.size switch_to, . - switch_to

/* A new task's first return lands here, interrupts masked. */
	.global thread_entry
	.type thread_entry, @function
thread_entry:
	xorl	%ebp, %ebp		/* the end of every frame walk */
	call	thread_start		/* never returns */
	ud2
	.size thread_entry, . - thread_entry

	.section .note.GNU-stack, "", @progbits
