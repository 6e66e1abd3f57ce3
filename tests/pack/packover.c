/*
 * packover: a module that writes past its own end on purpose, to show
 * that modalloc=pack's guard pattern catches it (docs/modfs.md,
 * "Placement"). It registers /dev/packover; each write to it stores
 * `overrun` bytes (a parameter, 0 by default: then nothing is written)
 * just past the end of its image, where the bytes after its last object
 * would go in a buffer overflow. Under modalloc=pack that is the 16-byte
 * guard after its slot: `modcheck` and the unload report name it, and the
 * module placed after it is untouched (up to 16 bytes). Under
 * modalloc=page it would be the unmapped guard page: an oops. Loaded with
 * insmod --init=keep, its image ends after its init part: past_init=1
 * makes the bytes go there instead of after the core.
 */
#include <module.h>

static int overrun;
module_param(overrun, int, 0444);
MODULE_PARM_DESC(overrun, "bytes each write to /dev/packover stores past the module's end");

static int past_init;
module_param(past_init, int, 0444);
MODULE_PARM_DESC(past_init, "1 when loaded with --init=keep: the image ends after the init part");

static int major;

static ssize_t packover_write(struct file *file, const char __user *buf, size_t count,
			      loff_t *pos)
{
	char *end = (char *)THIS_MODULE + THIS_MODULE->core_size +
		    (past_init ? THIS_MODULE->init_size : 0);

	for (int i = 0; i < overrun && i < 16; i++)
		end[i] = (char)0xee;
	return count;
}

static const struct file_operations packover_fops = {
	.owner = THIS_MODULE,
	.write = packover_write,
};

static int __init packover_init(void)
{
	major = register_chrdev(0, "packover", &packover_fops);
	return major < 0 ? major : 0;
}

static void __exit packover_exit(void)
{
	unregister_chrdev(major, "packover");
}

module_init(packover_init);
module_exit(packover_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Writes past its own end on purpose (the modalloc=pack guard test)");
