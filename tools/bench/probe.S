/*
 * The smallest multiboot kernel, for tools/bench-boot: its first
 * instruction reads the TSC and prints it on COM1 as "probe tsc=0x" and
 * 16 hex digits, then leaves QEMU through isa-debug-exit (port 0xf4).
 * What the firmware and QEMU's multiboot loader cost before any kernel
 * runs, in the same QEMU as Tessera. Built by tools/bench-boot into
 * build/bench/probe.elf: i686 gcc -m32 -nostdlib -Wl,-Ttext=0x100000.
 */
#define MB_MAGIC	0x1BADB002
#define MB_FLAGS	0x00000000
#define COM1		0x3f8

	.section .text
	.align 4
	.long	MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

	.global _start
_start:
	rdtsc				/* the first instruction */
	movl	%edx, %ebx
	movl	%eax, %ebp
	movl	$banner, %esi
1:	movb	(%esi), %al		/* "probe tsc=0x" */
	testb	%al, %al
	jz	2f
	call	putc
	incl	%esi
	jmp	1b
2:	movl	%ebx, %edi		/* high word, then low word */
	call	hex32
	movl	%ebp, %edi
	call	hex32
	movb	$'\n', %al
	call	putc
	movw	$0xf4, %dx		/* isa-debug-exit: QEMU exits 1 */
	xorl	%eax, %eax
	outl	%eax, %dx
3:	cli
	hlt
	jmp	3b

/* Prints EDI as 8 hex digits. */
hex32:
	movl	$8, %ecx
1:	roll	$4, %edi
	movl	%edi, %eax
	andl	$0xf, %eax
	movb	digits(%eax), %al
	call	putc
	loop	1b
	ret

/* Writes AL to COM1 (QEMU's UART needs no waiting). */
putc:
	movw	$COM1, %dx
	outb	%al, %dx
	ret

	.section .rodata
banner:	.asciz	"probe tsc=0x"
digits:	.ascii	"0123456789abcdef"

	.section .note.GNU-stack, "", @progbits
