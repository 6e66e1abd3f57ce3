/* initsavings: core 4040 + .modinfo 64 + __versions 64 = 4168 as Tessera
 * lays it out (it keeps both), 4040 with --linux-loader (Linux drops them). */
	.globl size_e	/* an object needs a symbol table */
	.set size_e, 0
	.text
	.p2align 2
	.skip 4040
	.section .modinfo,"a",@progbits
	.p2align 2
	.skip 64
	.section __versions,"a",@progbits
	.p2align 2
	.skip 64
