/*
 * The machine half of guarded calls (kernel/oops.h): guard_enter saves
 * what a C caller expects to survive a call (EBX, ESI, EDI, EBP, ESP and
 * EFLAGS) in the guard and calls fn(arg); after a contained fault the
 * exception path returns to guard_resume with EAX = the guard, which puts
 * those registers back and returns GUARD_FAULT_ERR from guard_enter, as if
 * fn had returned it. Offsets follow struct fault_guard.
 */
#define G_EBX	0
#define G_ESI	4
#define G_EDI	8
#define G_EBP	12
#define G_ESP	16
#define G_EFLAGS 20

	.text
/* long guard_enter(struct fault_guard *g, long (*fn)(void *), void *arg) */
	.global guard_enter
	.type guard_enter, @function
guard_enter:
	movl	4(%esp), %eax
	movl	%ebx, G_EBX(%eax)
	movl	%esi, G_ESI(%eax)
	movl	%edi, G_EDI(%eax)
	movl	%ebp, G_EBP(%eax)
	movl	%esp, G_ESP(%eax)	/* points at our return address */
	pushfl
	popl	G_EFLAGS(%eax)
	pushl	12(%esp)		/* arg */
	call	*12(%esp)		/* fn: 8(%esp) before the push */
	addl	$4, %esp
	ret
	.size guard_enter, . - guard_enter

/* Entered by iret (or a task switch) with EAX = the guard. */
	.global guard_resume
	.type guard_resume, @function
guard_resume:
	movl	G_ESP(%eax), %esp
	clts				/* a task switch back (double fault) set CR0.TS */
	movl	G_EBX(%eax), %ebx
	movl	G_ESI(%eax), %esi
	movl	G_EDI(%eax), %edi
	movl	G_EBP(%eax), %ebp
	pushl	G_EFLAGS(%eax)
	popfl
	movl	$-14, %eax		/* GUARD_FAULT_ERR: -EFAULT */
	ret
	.size guard_resume, . - guard_resume

	.section .note.GNU-stack, "", @progbits
