/*
 * tests/pack/tiny.h: the body of tiny01..tiny20, twenty small modules that
 * differ only in name and in how much data they carry (TINY_PAD bytes,
 * set by each tinyNN.c before including this). Scenario
 * modfs_pack_twenty loads them all under modalloc=pack and under
 * modalloc=page and compares the pages they occupy (/proc/modalloc).
 * They print nothing: twenty loads would bury the figures.
 */
#include <module.h>

/* kept whole in the image (used), so the images differ in size */
static char tiny_data[TINY_PAD] __attribute__((used)) = KBUILD_MODNAME;
static unsigned tiny_sum;

static int __init tiny_init(void)
{
	for (unsigned i = 0; i < sizeof(tiny_data); i++)
		tiny_sum += ((volatile char *)tiny_data)[i];
	return 0;
}

static void __exit tiny_exit(void)
{
	tiny_sum = 0;
}

module_init(tiny_init);
module_exit(tiny_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("One of twenty small modules for the modalloc=pack tests");
