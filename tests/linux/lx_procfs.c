/*
 * lx_procfs: /proc entries the Linux way (struct proc_ops, seq_file),
 * written as a Linux 5.6+ module is:
 *   /proc/lx_seq           a seq_operations iterator: LX_RECORDS numbered
 *                          records, longer than one page, so reads must
 *                          refill and resume at the right record
 *   /proc/lx_dir/          proc_mkdir
 *   /proc/lx_dir/single    single_open, printing its pde_data
 *   /proc/lx_dir/big       single_open whose one record (6000 bytes) does
 *                          not fit the first buffer: seq_read retries it
 *   /proc/lx_msg           raw proc_read/proc_write: echo stores, cat shows
 * Exit removes them all (proc_remove on the directory takes its files).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

#define LX_RECORDS	200
#define LX_MSG_MAX	64

static struct proc_dir_entry *lx_seq_entry, *lx_dir, *lx_msg_entry;
static int lx_starts;			/* start calls, shown by /proc/lx_msg */
static char lx_msg[LX_MSG_MAX];
static size_t lx_msg_len;

static void *lx_seq_start(struct seq_file *m, loff_t *pos)
{
	lx_starts++;
	return *pos < LX_RECORDS ? pos : NULL;
}

static void *lx_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return *pos < LX_RECORDS ? pos : NULL;
}

static void lx_seq_stop(struct seq_file *m, void *v)
{
}

static int lx_seq_show(struct seq_file *m, void *v)
{
	loff_t n = *(loff_t *)v;

	seq_printf(m, "record %03d of %d: ", (int)n, LX_RECORDS);
	seq_puts(m, "abcdefghij");
	seq_putc(m, '\n');
	return 0;
}

static const struct seq_operations lx_seq_ops = {
	.start = lx_seq_start,
	.next = lx_seq_next,
	.stop = lx_seq_stop,
	.show = lx_seq_show,
};

static int lx_seq_open(struct inode *inode, struct file *file)
{
	return seq_open(file, &lx_seq_ops);
}

static const struct proc_ops lx_seq_pops = {
	.proc_open = lx_seq_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release,
};

static int lx_single_show(struct seq_file *m, void *v)
{
	seq_printf(m, "single_open: data \"%s\"\n", (const char *)m->private);
	return 0;
}

static int lx_single_open(struct inode *inode, struct file *file)
{
	return single_open(file, lx_single_show, pde_data(inode));
}

static const struct proc_ops lx_single_pops = {
	.proc_open = lx_single_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int lx_big_show(struct seq_file *m, void *v)
{
	for (int line = 0; line < 3; line++) {
		for (int i = 0; i < 1999; i++)
			seq_putc(m, 'a' + line);
		seq_putc(m, '\n');
	}
	return 0;
}

static int lx_big_open(struct inode *inode, struct file *file)
{
	return single_open(file, lx_big_show, NULL);
}

static const struct proc_ops lx_big_pops = {
	.proc_open = lx_big_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static ssize_t lx_msg_read(struct file *file, char __user *buf, size_t count,
			   loff_t *pos)
{
	char text[LX_MSG_MAX + 48];
	int len = snprintf(text, sizeof(text), "%.*sstart calls so far: %d\n",
			   (int)lx_msg_len, lx_msg, lx_starts);

	if (*pos >= len)
		return 0;
	if (count > (size_t)(len - *pos))
		count = len - *pos;
	if (copy_to_user(buf, text + *pos, count))
		return -EFAULT;
	*pos += count;
	return count;
}

static ssize_t lx_msg_write(struct file *file, const char __user *buf,
			    size_t count, loff_t *pos)
{
	if (count > LX_MSG_MAX)
		count = LX_MSG_MAX;
	if (copy_from_user(lx_msg, buf, count))
		return -EFAULT;
	lx_msg_len = count;
	return count;
}

static const struct proc_ops lx_msg_pops = {
	.proc_read = lx_msg_read,
	.proc_write = lx_msg_write,
};

static int __init lx_procfs_init(void)
{
	lx_seq_entry = proc_create("lx_seq", 0444, NULL, &lx_seq_pops);
	lx_dir = proc_mkdir("lx_dir", NULL);
	lx_msg_entry = proc_create("lx_msg", 0644, NULL, &lx_msg_pops);
	if (!lx_seq_entry || !lx_dir || !lx_msg_entry ||
	    !proc_create_data("single", 0444, lx_dir, &lx_single_pops, "from init") ||
	    !proc_create("big", 0, lx_dir, &lx_big_pops)) {
		proc_remove(lx_seq_entry);
		proc_remove(lx_dir);
		proc_remove(lx_msg_entry);
		return -ENOMEM;
	}
	pr_info("lx_procfs: /proc/lx_seq, /proc/lx_dir/{single,big}, /proc/lx_msg\n");
	return 0;
}

static void __exit lx_procfs_exit(void)
{
	proc_remove(lx_seq_entry);
	proc_remove(lx_dir);
	remove_proc_entry("lx_msg", NULL);
	pr_info("lx_procfs: removed\n");
}

module_init(lx_procfs_init);
module_exit(lx_procfs_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("proc_fs and seq_file the Linux way");
