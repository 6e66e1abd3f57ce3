/*
 * The other half of the cycle dm_cyc_a describes.
 */
#include <module.h>

int dm_cyc_a_fn(void);
int dm_cyc_b_fn(void);

int dm_cyc_b_fn(void)
{
	return 2;
}
EXPORT_SYMBOL(dm_cyc_b_fn);

static int __init dm_cyc_b_init(void)
{
	return dm_cyc_a_fn() == 1 ? 0 : -EINVAL;
}

module_init(dm_cyc_b_init);
MODULE_LICENSE("GPL");
