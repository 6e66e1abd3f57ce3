/*
 * lx_ldd3: the small pieces Linux Device Drivers' examples lean on, used
 * the way a driver uses them. A device structure embedding its cdev and a
 * semaphore, found at open through inode->i_cdev; reads that name the
 * reader (current->comm, current->pid) and the node (file_dentry); a
 * /proc/lx_ldd3 file with Linux's other proc_ops hooks set, showing the
 * machine (utsname), the capabilities, and the semaphore's story told at
 * load; a byte copy through memcpy_toio/memcpy_fromio into VGA memory
 * that is off the screen.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/poll.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/capability.h>
#include <linux/utsname.h>
#include <linux/uaccess.h>
#include <linux/io.h>

#define LX_MINORS	2
/* 80x25 text mode shows 4000 bytes from 0xb8000; 0xbf000 is off screen */
#define LX_VGA_SPARE	0xbf000
#define LX_VGA_LEN	16

struct lx_dev {
	int number;
	struct semaphore sem;	/* taken across each read, as scull did */
	struct cdev cdev;
};

static dev_t lx_first;
static struct class *lx_class;
static struct lx_dev lx_devs[LX_MINORS];
static DEFINE_SEMAPHORE(lx_story_sem);
static char lx_story[160];
static char lx_vga[LX_VGA_LEN + 1];

static int lx_ldd3_open(struct inode *inode, struct file *file)
{
	struct lx_dev *dev = container_of(inode->i_cdev, struct lx_dev, cdev);

	file->private_data = dev;
	return 0;
}

static ssize_t lx_ldd3_read(struct file *file, char __user *buf, size_t count,
			    loff_t *pos)
{
	struct lx_dev *dev = file->private_data;
	char line[96];
	int len;

	if (down_interruptible(&dev->sem))
		return -ERESTARTSYS;
	len = snprintf(line, sizeof(line), "device %d (%s) read by \"%s\", pid %d\n",
		       dev->number, file_dentry(file)->d_name.name, current->comm,
		       current->pid);
	if (*pos >= len) {
		count = 0;
	} else {
		if (count > (size_t)(len - *pos))
			count = len - *pos;
		if (copy_to_user(buf, line + *pos, count))
			count = -EFAULT;
		else
			*pos += count;
	}
	up(&dev->sem);
	return count;
}

static const struct file_operations lx_ldd3_fops = {
	.owner = THIS_MODULE,
	.open = lx_ldd3_open,
	.read = lx_ldd3_read,
};

static int lx_ldd3_show(struct seq_file *m, void *v)
{
	seq_printf(m, "machine %s, release %s\n", utsname()->machine,
		   init_uts_ns.name.release);
	seq_printf(m, "capable: SYS_ADMIN %d, SYS_RAWIO %d, 99 %d\n",
		   capable(CAP_SYS_ADMIN), capable(CAP_SYS_RAWIO), capable(99));
	seq_printf(m, "comm \"%s\" (TASK_COMM_LEN %d)\n", get_current()->comm,
		   TASK_COMM_LEN);
	seq_printf(m, "%s\nvga: %s\n", lx_story, lx_vga);
	return 0;
}

static int lx_ldd3_proc_open(struct inode *inode, struct file *file)
{
	return single_open(file, lx_ldd3_show, NULL);
}

static unsigned int lx_ldd3_poll(struct file *file, poll_table *wait)
{
	return POLLIN | POLLRDNORM;
}

static const struct proc_ops lx_ldd3_proc_ops = {
	.proc_open = lx_ldd3_proc_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
	.proc_poll = lx_ldd3_poll,
	.proc_mmap = NULL,
	.proc_get_unmapped_area = NULL,
};

/* The semaphore's story, told once: trylock takes it, a second trylock
 * fails (1), up gives it back, down takes it; a down at 0 would sleep until
 * somebody ups it (nobody will here), so it is tried with a limit of a
 * tenth of a second: -ETIME. */
static void lx_semaphore_story(void)
{
	int t1, t2, d1, d2;

	t1 = down_trylock(&lx_story_sem);
	t2 = down_trylock(&lx_story_sem);
	up(&lx_story_sem);
	d1 = down_interruptible(&lx_story_sem);
	d2 = down_timeout(&lx_story_sem, HZ / 10);
	up(&lx_story_sem);
	down(&lx_story_sem);
	up(&lx_story_sem);
	snprintf(lx_story, sizeof(lx_story),
		 "semaphore: trylock %d, trylock %d, down_interruptible %d, then down_timeout %d",
		 t1, t2, d1, d2);
}

static int lx_vga_round_trip(void)
{
	static const char msg[LX_VGA_LEN] = "ldd3 memcpy_io!";
	void __iomem *spare = ioremap(LX_VGA_SPARE, LX_VGA_LEN);

	if (!spare)
		return -ENOMEM;
	memset_io(spare, 0, LX_VGA_LEN);
	memcpy_toio(spare, msg, sizeof(msg));
	memcpy_fromio(lx_vga, spare, LX_VGA_LEN);
	iounmap(spare);
	return 0;
}

static void lx_ldd3_undo(int added)
{
	for (int i = 0; i < added; i++) {
		device_destroy(lx_class, lx_first + i);
		cdev_del(&lx_devs[i].cdev);
	}
	class_destroy(lx_class);
}

static int __init lx_ldd3_init(void)
{
	int err = alloc_chrdev_region(&lx_first, 0, LX_MINORS, "lx_ldd3");
	int added = 0;

	if (err)
		return err;
	lx_semaphore_story();
	err = lx_vga_round_trip();
	if (err)
		goto out_region;
	lx_class = class_create("lx_ldd3");
	if (IS_ERR(lx_class)) {
		err = PTR_ERR(lx_class);
		goto out_region;
	}
	for (; added < LX_MINORS; added++) {
		struct lx_dev *dev = &lx_devs[added];
		struct device *node;

		dev->number = added;
		sema_init(&dev->sem, 1);
		cdev_init(&dev->cdev, &lx_ldd3_fops);
		dev->cdev.owner = THIS_MODULE;
		err = cdev_add(&dev->cdev, lx_first + added, 1);
		if (err)
			goto out_devices;
		node = device_create(lx_class, NULL, lx_first + added, NULL, "lx_ldd3_%d",
				     added);
		if (IS_ERR(node)) {
			cdev_del(&dev->cdev);
			err = PTR_ERR(node);
			goto out_devices;
		}
	}
	if (!proc_create("lx_ldd3", 0, NULL, &lx_ldd3_proc_ops)) {
		err = -ENOMEM;
		goto out_devices;
	}
	pr_info("lx_ldd3: major %d, loaded by \"%s\" (pid %d)\n", MAJOR(lx_first),
		current->comm, current->pid);
	return 0;

out_devices:
	lx_ldd3_undo(added);
out_region:
	unregister_chrdev_region(lx_first, LX_MINORS);
	return err;
}

static void __exit lx_ldd3_exit(void)
{
	remove_proc_entry("lx_ldd3", NULL);
	lx_ldd3_undo(LX_MINORS);
	unregister_chrdev_region(lx_first, LX_MINORS);
}

module_init(lx_ldd3_init);
module_exit(lx_ldd3_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("LDD3's small needs: current, i_cdev, semaphores, capable, utsname, memcpy_*io");
