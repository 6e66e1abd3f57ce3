/*
 * lx_irqleak: for scenario linux_irq. Registers a handler on IRQ 8 (the
 * RTC's line; the RTC stays quiet) and exits without free_irq: Tessera
 * frees it at unload, before the module's code is unmapped, and says so.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>

static int lx_irqleak_dev;

static irqreturn_t lx_irqleak_handler(int irq, void *dev_id)
{
	return IRQ_NONE;
}

static int __init lx_irqleak_init(void)
{
	int err = request_irq(8, lx_irqleak_handler, IRQF_SHARED, "lx_irqleak",
			      &lx_irqleak_dev);

	pr_info("lx_irqleak: request_irq(8) returned %d\n", err);
	return err;
}

static void __exit lx_irqleak_exit(void)
{
	pr_info("lx_irqleak: exit, the handler still registered\n");
}

module_init(lx_irqleak_init);
module_exit(lx_irqleak_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Exits with an IRQ handler registered");
