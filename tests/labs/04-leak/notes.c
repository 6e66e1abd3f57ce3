/*
 * notes: the reference solution of lab 04 (labs/04-leak): the same list
 * of notes, with its three leaks fixed (a too-long write, "clear", exit).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/string.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 04: a list of notes in /proc/notes, with leaks to fix");

#define NOTE_MAX 80

struct note {
	struct list_head link;
	char text[NOTE_MAX + 1];
};

static LIST_HEAD(notes);
static unsigned int notes_count;
static DEFINE_MUTEX(notes_lock);

static int notes_show(struct seq_file *m, void *v)
{
	struct note *n;
	unsigned int i = 0;

	mutex_lock(&notes_lock);
	list_for_each_entry(n, &notes, link)
		seq_printf(m, "%u: %s\n", ++i, n->text);
	seq_printf(m, "%u notes\n", notes_count);
	mutex_unlock(&notes_lock);
	return 0;
}

static int notes_open(struct inode *inode, struct file *file)
{
	return single_open(file, notes_show, NULL);
}

/* Frees every note. The caller holds notes_lock (or is exit). */
static void notes_clear(void)
{
	struct note *n, *next;

	list_for_each_entry_safe(n, next, &notes, link) {
		list_del(&n->link);
		kfree(n);
	}
	notes_count = 0;
}

static ssize_t notes_write(struct file *file, const char __user *buf,
			   size_t count, loff_t *pos)
{
	struct note *n;
	size_t len = count;

	if (len > NOTE_MAX + 1)
		return -EINVAL;
	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	if (copy_from_user(n->text, buf, len)) {
		kfree(n);
		return -EFAULT;
	}
	if (len && n->text[len - 1] == '\n')
		n->text[--len] = '\0';
	n->text[len] = '\0';
	mutex_lock(&notes_lock);
	if (!strcmp(n->text, "clear")) {
		notes_clear();
		kfree(n);
	} else {
		list_add_tail(&n->link, &notes);
		notes_count++;
	}
	mutex_unlock(&notes_lock);
	return count;
}

static const struct proc_ops notes_ops = {
	.proc_open = notes_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
	.proc_write = notes_write,
};

static struct proc_dir_entry *notes_entry;

static int __init notes_init(void)
{
	notes_entry = proc_create("notes", 0666, NULL, &notes_ops);
	if (!notes_entry)
		return -ENOMEM;
	pr_info("notes: /proc/notes ready\n");
	return 0;
}

static void __exit notes_exit(void)
{
	proc_remove(notes_entry);
	notes_clear();
}

module_init(notes_init);
module_exit(notes_exit);
