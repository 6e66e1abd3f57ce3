/*
 * tests/pack/edge.h: the body of edge4080 and edge4081, two modules whose
 * images (core + init, as `map module` sees them) are exactly 4080 and
 * 4081 bytes: the largest image modalloc=pack still packs (4080 + the
 * 16-byte guard = one whole region) and the smallest it page-places. Each
 * edgeNNNN.c sets EDGE_CORE and EDGE_INIT, the sizes of a core array and
 * of an __initdata array, before including this. Scenario
 * modfs_pack_twenty prints the sizes (`mapped:` and `placement:` of
 * status): a layout change that moves them off the boundary fails it
 * loudly; then retune the two figures (`build/tools/initsavings -v tests/pack/edge408*.ko`).
 */
#include <module.h>

/* kept whole in the core (used) */
static char edge_core[EDGE_CORE] __attribute__((used)) = KBUILD_MODNAME;
/* kept whole in the init part, gone with it */
static char edge_init[EDGE_INIT] __initdata __attribute__((used)) = "init";
static unsigned edge_sum;

static int __init edge_init_fn(void)
{
	for (unsigned i = 0; i < sizeof(edge_init); i++)
		edge_sum += ((volatile char *)edge_init)[i];
	edge_sum += ((volatile char *)edge_core)[0];
	return 0;
}

static void __exit edge_exit_fn(void)
{
	edge_sum = 0;
}

module_init(edge_init_fn);
module_exit(edge_exit_fn);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A module whose image sits at modalloc=pack's one-page boundary");
