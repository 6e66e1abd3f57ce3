/*
 * badver: deliberately built against the wrong ABI. It declares kmalloc
 * itself, with a prototype that differs from the kernel's (<linux/slab.h>), so
 * its recorded CRC differs and loading fails with
 *   insmod: badver: disagrees about version of symbol kmalloc
 * It builds, like any module: the mismatch is only seen at load time.
 */
#include <linux/printk.h>	/* only printk: not <linux/slab.h> */
#include <tessera/modformat.h>

void *kmalloc(unsigned long size, int flags);	/* Linux's shape, not ours */
void kfree(const void *ptr);

int init_module(void);
void cleanup_module(void);

static const char license[] __attribute__((used, section(".modinfo"))) =
	"license=GPL";
static void *buf;

int init_module(void)
{
	buf = kmalloc(64, 0);
	printk(KERN_INFO "badver: should never run (buf %p)\n", buf);
	return 0;
}

void cleanup_module(void)
{
	kfree(buf);
}
