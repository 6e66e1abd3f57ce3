/* initsavings: core 100 (.bss), init 50: one page. */
	.globl size_d	/* an object needs a symbol table */
	.set size_d, 0
	.bss
	.p2align 2
	.skip 100
	.section .init.rodata,"a",@progbits
	.skip 50
