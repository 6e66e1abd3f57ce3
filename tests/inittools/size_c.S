/* initsavings: core 9692 (text 9600, then .data 92 at 4-byte alignment),
 * init 1000 (.init.data): 10692 bytes, 2500 modulo 4096; 3 pages either
 * way. The .comment section is not allocated: not counted. */
	.globl size_c	/* an object needs a symbol table */
	.set size_c, 0
	.text
	.p2align 2
	.skip 9600
	.data
	.p2align 2
	.skip 92
	.section .init.data,"aw",@progbits
	.p2align 2
	.skip 1000
	.section .comment,"",@progbits
	.skip 5000
