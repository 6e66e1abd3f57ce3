/*
 * Interrupt entry stubs: one per vector 0..47. Each pushes a dummy error
 * code when the CPU pushes none, then its vector number, and jumps to the
 * common path, which saves the registers as struct regs (kernel/arch.h)
 * and calls isr_dispatch(struct regs *).
 */
#define KERNEL_DS 0x10

.macro STUB_NOERR n
	.global isr\n
isr\n:
	pushl	$0
	pushl	$\n
	jmp	isr_common
.endm

.macro STUB_ERR n
	.global isr\n
isr\n:
	pushl	$\n
	jmp	isr_common
.endm

	.text
STUB_NOERR 0
STUB_NOERR 1
STUB_NOERR 2
STUB_NOERR 3
STUB_NOERR 4
STUB_NOERR 5
STUB_NOERR 6
STUB_NOERR 7
STUB_ERR   8
STUB_NOERR 9
STUB_ERR   10
STUB_ERR   11
STUB_ERR   12
STUB_ERR   13
STUB_ERR   14
STUB_NOERR 15
STUB_NOERR 16
STUB_ERR   17
STUB_NOERR 18
STUB_NOERR 19
STUB_NOERR 20
STUB_ERR   21
STUB_NOERR 22
STUB_NOERR 23
STUB_NOERR 24
STUB_NOERR 25
STUB_NOERR 26
STUB_NOERR 27
STUB_NOERR 28
STUB_ERR   29
STUB_ERR   30
STUB_NOERR 31
.irp n, 32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
STUB_NOERR \n
.endr

isr_common:
	pushal
	pushl	%ds
	pushl	%es
	pushl	%fs
	pushl	%gs
	movw	$KERNEL_DS, %ax
	movw	%ax, %ds
	movw	%ax, %es
	pushl	%esp			/* struct regs * */
	cld
	call	isr_dispatch
	.global isr_dispatch_ret	/* a frame walk meets it: struct regs above */
isr_dispatch_ret:
	addl	$4, %esp
	popl	%gs
	popl	%fs
	popl	%es
	popl	%ds
	popal
	addl	$8, %esp		/* vector and error code */
	iret

	.section .rodata
	.global isr_table
isr_table:
.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
	.long isr\n
.endr

	.section .note.GNU-stack, "", @progbits
