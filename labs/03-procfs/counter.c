/*
 * counter: lab 03's starting file. /proc/counter counts how many times it
 * was read; writing "reset" starts the count again
 * (labs/03-procfs/README.md says exactly what to print).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>
#include <linux/string.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 03: a /proc file that counts its readers");

static struct proc_dir_entry *counter_entry;
static unsigned int counter_reads;	/* reads so far (each from offset 0) */

/* TODO: a read at offset 0 counts one more read; give "reads: N\n". */
static ssize_t counter_read(struct file *file, char __user *buf, size_t count,
			    loff_t *pos)
{
	return 0;
}

/* TODO: "reset" (with or without a newline) sets the count to 0;
 * anything else is -EINVAL. */
static ssize_t counter_write(struct file *file, const char __user *buf,
			     size_t count, loff_t *pos)
{
	return -EINVAL;
}

static const struct proc_ops counter_ops = {
	.proc_read = counter_read,
	.proc_write = counter_write,
};

static int __init counter_init(void)
{
	counter_entry = proc_create("counter", 0666, NULL, &counter_ops);
	if (!counter_entry)
		return -ENOMEM;
	pr_info("counter: /proc/counter ready\n");
	return 0;
}

static void __exit counter_exit(void)
{
	/* TODO: what init made, exit removes */
}

module_init(counter_init);
module_exit(counter_exit);
