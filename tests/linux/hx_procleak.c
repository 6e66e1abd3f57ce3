/*
 * hx_procleak: makes /proc/hx_procleak/ with a file in it, and a file in
 * /proc itself, and forgets to remove them in exit. Reading them after
 * the module is gone would call into unmapped code: the kernel removes
 * them at unload and says so.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static int hx_show(struct seq_file *m, void *v)
{
	seq_puts(m, "hx_procleak is here\n");
	return 0;
}

static int hx_open(struct inode *inode, struct file *file)
{
	return single_open(file, hx_show, NULL);
}

static const struct proc_ops hx_procleak_ops = {
	.proc_open = hx_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init hx_procleak_init(void)
{
	struct proc_dir_entry *dir = proc_mkdir("hx_procleak", NULL);

	if (!dir || !proc_create("state", 0444, dir, &hx_procleak_ops) ||
	    !proc_create("hx_procleak_top", 0444, NULL, &hx_procleak_ops))
		return -ENOMEM;
	return 0;
}

static void __exit hx_procleak_exit(void)
{
	/* forgot: proc_remove(dir), remove_proc_entry("hx_procleak_top", NULL) */
}

module_init(hx_procleak_init);
module_exit(hx_procleak_exit);
MODULE_LICENSE("GPL");
