/*
 * initleft: an init that registers a misc device and a /proc file whose
 * structures all lie in its own init part (__initdata), then fails. The
 * kernel must take both out before the init part goes: under insmod
 * --init=split that part is an image of its own (/mod/NAME/init), apart
 * from the core, and leftover reaping looks in both ranges (docs/modfs.md,
 * "Init strategies"; scenario modfs_policy_page and modfs_policy_pack).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/proc_fs.h>

static struct file_operations initleft_fops __initdata = {
	.owner = THIS_MODULE,
};

static struct miscdevice initleft_misc __initdata = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "initleft",
	.fops = &initleft_fops,
};

static struct proc_ops initleft_proc_ops __initdata;

static int __init initleft_init(void)
{
	int err = misc_register(&initleft_misc);

	if (err)
		return err;
	if (!proc_create("initleft", 0444, NULL, &initleft_proc_ops))
		return -ENOMEM;
	pr_info("initleft: /dev/initleft and /proc/initleft made from init data; failing\n");
	return -ENODEV;
}

static void __exit initleft_exit(void)
{
}

module_init(initleft_init);
module_exit(initleft_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A failing init that leaves a device and a /proc file in its init part");
