/* initsavings: core 4000, init 200: 2 pages with init, 1 without. */
	.globl size_b	/* an object needs a symbol table */
	.set size_b, 0
	.text
	.p2align 2
	.skip 4000
	.section .init.text,"ax",@progbits
	.p2align 2
	.skip 200
