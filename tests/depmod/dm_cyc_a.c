/*
 * dm_cyc_a and dm_cyc_b need each other's exports: a dependency cycle,
 * which depmod reports (naming both) and refuses to write, and which no
 * load order can satisfy (scenario modtools_depmod).
 */
#include <module.h>

int dm_cyc_a_fn(void);
int dm_cyc_b_fn(void);

int dm_cyc_a_fn(void)
{
	return 1;
}
EXPORT_SYMBOL(dm_cyc_a_fn);

static int __init dm_cyc_a_init(void)
{
	return dm_cyc_b_fn() == 2 ? 0 : -EINVAL;
}

module_init(dm_cyc_a_init);
MODULE_LICENSE("GPL");
