/*
 * bigcode: the "large module" of make bench-modules. 256 small functions,
 * each calling kernel exports, reached through a table of function
 * pointers: about 20 KiB of code and well over a thousand relocations, so
 * that resolving and relocating cost something measurable next to hello.
 */
#include <module.h>

static char scratch[64];

#define STEP(n)								\
	static int __attribute__((__noinline__)) step_##n(int x)		\
	{								\
		snprintf(scratch, sizeof(scratch), "%d:%d", n, x);	\
		return x + (int)strlen(scratch) + n;			\
	}
#define STEP4(n) STEP(n##0) STEP(n##1) STEP(n##2) STEP(n##3)
#define STEP16(n) STEP4(n##0) STEP4(n##1) STEP4(n##2) STEP4(n##3)
#define NAME4(n) step_##n##0, step_##n##1, step_##n##2, step_##n##3,
#define NAME16(n) NAME4(n##0) NAME4(n##1) NAME4(n##2) NAME4(n##3)

STEP16(10) STEP16(11) STEP16(12) STEP16(13)
STEP16(20) STEP16(21) STEP16(22) STEP16(23)
STEP16(30) STEP16(31) STEP16(32) STEP16(33)
STEP16(40) STEP16(41) STEP16(42) STEP16(43)

static int (*const steps[])(int) = {
	NAME16(10) NAME16(11) NAME16(12) NAME16(13)
	NAME16(20) NAME16(21) NAME16(22) NAME16(23)
	NAME16(30) NAME16(31) NAME16(32) NAME16(33)
	NAME16(40) NAME16(41) NAME16(42) NAME16(43)
};

static int __init bigcode_init(void)
{
	int x = 0;

	for (unsigned i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		x = steps[i](x) & 0xffff;
	pr_info("bigcode: %u functions ran, result %d\n",
		(unsigned)(sizeof(steps) / sizeof(steps[0])), x);
	return 0;
}

static void __exit bigcode_exit(void)
{
	pr_info("bigcode: unloaded\n");
}

module_init(bigcode_init);
module_exit(bigcode_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A large module for the loading benchmark");
