/*
 * lx_compat: the small things the books' examples lean on without
 * naming them, each as a Linux 6.1 module would use it:
 *   - printk lines: a message with a level starts a new line even when
 *     the one before did not end in '\n'; pr_cont and KERN_CONT join it
 *   - headers that bring others, as Linux's do: <linux/proc_fs.h> brings
 *     struct file (<linux/fs.h>), which brings rwlock_t; <linux/device.h>
 *     brings dev_info; nothing else is included for them here
 *   - <linux/fcntl.h>: O_ACCMODE and O_NONBLOCK tested in file->f_flags
 *   - errno numbers drivers return: ETIMEDOUT, and ENOIOCTLCMD, which
 *     the caller of ioctl sees as ENOTTY
 * /proc/lx_compat reads as one line naming the file, its access mode and
 * whether it is non-blocking (never yet), and counting reads (under a
 * read lock); its ioctl returns 0 for LX_OK, -ETIMEDOUT for
 * LX_TIMEOUT and -ENOIOCTLCMD for any other command.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/device.h>
#include <linux/fcntl.h>
#include <linux/pci_ids.h>
#include <linux/uaccess.h>

#define LX_OK		0x4c10
#define LX_TIMEOUT	0x4c11

static struct proc_dir_entry *lx_entry;
static DEFINE_RWLOCK(lx_lock);
static int lx_reads;

static ssize_t lx_read(struct file *file, char __user *buf, size_t count,
		       loff_t *pos)
{
	char line[80];
	int len;

	if (*pos)
		return 0;
	write_lock(&lx_lock);
	lx_reads++;
	write_unlock(&lx_lock);
	read_lock(&lx_lock);
	len = scnprintf(line, sizeof(line), "%s: read %d, %s%s\n",
			file->f_path.dentry->d_name.name, lx_reads,
			(file->f_flags & O_ACCMODE) == O_RDONLY ? "read-only" : "writable",
			file->f_flags & O_NONBLOCK ? ", non-blocking" : "");
	read_unlock(&lx_lock);
	if ((size_t)len > count)
		len = count;
	if (copy_to_user(buf, line, len))
		return -EFAULT;
	*pos = len;
	return len;
}

static long lx_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case LX_OK:
		return 0;
	case LX_TIMEOUT:
		return -ETIMEDOUT;
	default:
		return -ENOIOCTLCMD;
	}
}

static const struct proc_ops lx_ops = {
	.proc_read = lx_read,
	.proc_ioctl = lx_ioctl,
};

static int __init lx_compat_init(void)
{
	pr_info("lx_compat: first part, ");
	pr_info("lx_compat: a new message, a new line\n");
	pr_info("lx_compat: joined");
	pr_cont(" by pr_cont");
	printk(KERN_CONT " and KERN_CONT\n");
	dev_info(NULL, "dev_info from <linux/device.h>\n");
	pr_info("lx_compat: AC97 is %04x:%04x\n", PCI_VENDOR_ID_INTEL,
		PCI_DEVICE_ID_INTEL_82801AA_3);
	lx_entry = proc_create("lx_compat", 0444, NULL, &lx_ops);
	if (!lx_entry)
		return -ENOMEM;
	return 0;
}

static void __exit lx_compat_exit(void)
{
	proc_remove(lx_entry);
	pr_info("lx_compat: %d reads\n", lx_reads);
}

module_init(lx_compat_init);
module_exit(lx_compat_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("What the LKMPG and LDD3 examples use in passing");
