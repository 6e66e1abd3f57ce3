/*
 * bigdata: 12 KiB of __initdata (a table used only by init), so the init
 * part spans whole pages that truncation frees after init. Init sums the
 * table and keeps only the sum, in the core.
 */
#include <module.h>

#define BIGDATA_WORDS (12 * 1024 / 4)

/* Every word 1 (stored in the .ko: 12 KiB of .init.data). */
static uint32_t table[BIGDATA_WORDS] __initdata = {
	[0 ... BIGDATA_WORDS - 1] = 1,
};

static uint32_t sum;	/* core: survives init */

static int __init bigdata_init(void)
{
	for (unsigned i = 0; i < BIGDATA_WORDS; i++)
		sum += table[i] * i;
	/* sum of i for i < 3072: 3072 * 3071 / 2 = 4717056 */
	pr_info("bigdata: sum of %u init words = %u\n", BIGDATA_WORDS, sum);
	return 0;
}

static void __exit bigdata_exit(void)
{
	pr_info("bigdata: sum was %u\n", sum);
}

module_init(bigdata_init);
module_exit(bigdata_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("12 KiB of init data, dropped after init");
