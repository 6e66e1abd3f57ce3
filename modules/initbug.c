/*
 * initbug: the bug modpost's section-mismatch check exists for. A pointer
 * in the core (kept) refers to a function in the init part (dropped once
 * init returns); calling through it later jumps into memory the module no
 * longer has.
 *
 * The build refuses such a module ("core ... refers to init ..."), so this
 * one is built with the check turned into a warning, KBUILD_MODPOST_WARN=1
 * (the Makefile sets it for initbug alone; docs/modules.md). insmod
 * repeats the warning and loads it. Reading /proc/initbug calls the
 * pointer: a page fault at an address inside the discarded init part,
 * contained to the read (docs/debugging.md reads the oops).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>

/* Page-aligned, so that it starts a page of its own in the init part:
 * after the drop that page is unmapped and the call faults at once.
 * (Unaligned, it could share the core's last page, which stays mapped,
 * and the call would run whatever bytes are left there.) */
static int __init __aligned(4096) initbug_answer(void)
{
	return 42;
}

/* THE BUG: core data pointing at __init code. Fine during init, a
 * dangling pointer after it. (Not static: a static pointer nobody
 * changes would be folded by the compiler into a direct call.) */
int (*initbug_answer_ptr)(void) = initbug_answer;

static struct proc_dir_entry *proc;

/* Reading /proc/initbug calls through the pointer. (A plain read, no
 * seq_file: a fault here must leave nothing allocated behind.) */
static ssize_t initbug_read(struct file *file, char __user *buf, size_t count,
			    loff_t *pos)
{
	char line[32];
	int len = snprintf(line, sizeof(line), "the answer is %d\n",
			   initbug_answer_ptr());

	if (*pos >= len)
		return 0;
	if (count > len - *pos)
		count = len - *pos;
	if (copy_to_user(buf, line + *pos, count))
		return -EFAULT;
	*pos += count;
	return count;
}

static const struct proc_ops initbug_proc_ops = {
	.proc_read = initbug_read,
};

static int __init initbug_init(void)
{
	/* During init the pointer still works. */
	pr_info("initbug: during init, the answer is %d (initbug_answer at %p)\n",
		initbug_answer_ptr(), initbug_answer_ptr);
	proc = proc_create("initbug", 0444, NULL, &initbug_proc_ops);
	return proc ? 0 : -ENOMEM;
}

static void __exit initbug_exit(void)
{
	proc_remove(proc);
}

module_init(initbug_init);
module_exit(initbug_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Calls one of its __init functions after init: the section mismatch");
