/*
 * A module built for another kernel: its source sets the vermagic that
 * modpost would otherwise write (Tessera's, include/tessera/vermagic.h), as
 * a module built against other headers would carry. insmod refuses it,
 * naming both strings; insmod -f loads it and the kernel is tainted F
 * (scenario modtools_vermagic).
 */
#include <module.h>

MODULE_INFO(vermagic, "5.10.0-other SMP mod_unload 686");

static int __init dm_vermagic_init(void)
{
	pr_info("dm_vermagic: loaded anyway\n");
	return 0;
}

static void __exit dm_vermagic_exit(void)
{
}

module_init(dm_vermagic_init);
module_exit(dm_vermagic_exit);
MODULE_LICENSE("GPL");
