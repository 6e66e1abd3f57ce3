/*
 * counter: the reference solution of lab 03 (labs/03-procfs):
 * /proc/counter counts its reads; "reset" starts again.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>
#include <linux/string.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 03: a /proc file that counts its readers");

static struct proc_dir_entry *counter_entry;
static unsigned int counter_reads;

static ssize_t counter_read(struct file *file, char __user *buf, size_t count,
			    loff_t *pos)
{
	char line[32];
	int len;

	if (*pos == 0)
		counter_reads++;
	len = snprintf(line, sizeof(line), "reads: %u\n", counter_reads);
	if (*pos >= len)
		return 0;
	if (count > len - *pos)
		count = len - *pos;
	if (copy_to_user(buf, line + *pos, count))
		return -EFAULT;
	*pos += count;
	return count;
}

static ssize_t counter_write(struct file *file, const char __user *buf,
			     size_t count, loff_t *pos)
{
	char word[8];

	if (count > sizeof(word) - 1)
		return -EINVAL;
	if (copy_from_user(word, buf, count))
		return -EFAULT;
	word[count] = '\0';
	if (strcmp(word, "reset") && strcmp(word, "reset\n"))
		return -EINVAL;
	counter_reads = 0;
	return count;
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
	proc_remove(counter_entry);
}

module_init(counter_init);
module_exit(counter_exit);
