/* initsavings: 4100 bytes of core, no init (> a page: bin 0..511). */
	.globl size_a	/* an object needs a symbol table */
	.set size_a, 0
	.text
	.p2align 2
	.skip 4100
