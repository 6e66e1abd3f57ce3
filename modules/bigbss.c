/*
 * bigbss: a 256 KiB static array (.bss), which takes no room in the .ko:
 * the loader zero-fills it. Init checks that every byte reads as zero and
 * writes a pattern; exit checks that the pattern is still there.
 */
#include <module.h>

#define BIGBSS_BYTES (256 * 1024)

static uint8_t buf[BIGBSS_BYTES];	/* .bss: zeros, not stored */
static uint32_t written;		/* .bss too: bytes init wrote */

/* The pattern byte at i: not constant, so a shifted copy shows. */
static uint8_t pattern(uint32_t i)
{
	return (uint8_t)(i * 7 + (i >> 12) + 1);
}

static int __init bigbss_init(void)
{
	uint32_t nonzero = 0;

	for (uint32_t i = 0; i < BIGBSS_BYTES; i++)
		nonzero += buf[i] != 0;
	if (nonzero || written) {
		pr_err("bigbss: %u bytes of .bss are not zero\n", nonzero);
		return -EINVAL;
	}
	for (uint32_t i = 0; i < BIGBSS_BYTES; i++)
		buf[i] = pattern(i);
	written = BIGBSS_BYTES;
	pr_info("bigbss: %u bytes of .bss read as zero; pattern written\n",
		BIGBSS_BYTES);
	return 0;
}

static void __exit bigbss_exit(void)
{
	uint32_t bad = 0;

	for (uint32_t i = 0; i < written; i++)
		bad += buf[i] != pattern(i);
	pr_info("bigbss: pattern checked: %u of %u bytes wrong\n", bad, written);
}

module_init(bigbss_init);
module_exit(bigbss_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("256 KiB of .bss, zero-filled by the loader");
