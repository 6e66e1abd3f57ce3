/*
 * The built-in character devices, with Linux's numbers: /dev/null (1:3)
 * swallows writes and reads as empty, /dev/zero (1:5) reads as zeros,
 * /dev/console (5:1) is the console byte stream, /dev/kmsg (1:11) reads
 * the printk log.
 */
#include "fs/internal.h"
#include "kernel/console.h"
#include "kernel/printk.h"
#include "lib/string.h"
#include <linux/miscdevice.h>

static ssize_t null_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	return 0;
}

static ssize_t swallow_write(struct file *f, const char *buf, size_t count,
			     loff_t *pos)
{
	return count;
}

static const struct file_operations null_fops = {
	.read = null_read,
	.write = swallow_write,
};

static ssize_t zero_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	memset(buf, 0, count);
	return count;
}

static const struct file_operations zero_fops = {
	.read = zero_read,
	.write = swallow_write,
};

/* Waits for the first byte, then takes what else is already waiting. */
static ssize_t console_fop_read(struct file *f, char *buf, size_t count,
				loff_t *pos)
{
	size_t n = 0;
	int c;

	if (count == 0)
		return 0;
	c = console_getc();
	if (c < 0)
		return c;
	buf[n++] = (char)c;
	while (n < count && (c = console_getc_nowait()) >= 0)
		buf[n++] = (char)c;
	return n;
}

static ssize_t console_fop_write(struct file *f, const char *buf, size_t count,
				 loff_t *pos)
{
	console_write(buf, count);
	return count;
}

static const struct file_operations console_fops = {
	.read = console_fop_read,
	.write = console_fop_write,
};

/* The log text from the file position on; 0 once all of it was read. */
static ssize_t kmsg_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	size_t n;

	if (*pos < 0)
		return 0;
	n = printk_read((size_t)*pos, buf, count);
	*pos += n;
	return n;
}

static const struct file_operations kmsg_fops = {
	.read = kmsg_read,
};

/* The numbers are claimed under Linux's driver names, as /proc/devices
 * shows them: major 1 "mem", 5:1 "/dev/console", 10 "misc" (the misc
 * devices' major, fs/chrdev.c). */
int devfs_register_builtin(void)
{
	int err = register_chrdev_region(MKDEV(1, 0), MINORMASK + 1, "mem");

	if (!err)
		err = register_chrdev_region(MKDEV(5, 1), 1, "/dev/console");
	if (!err)
		err = register_chrdev_region(MKDEV(MISC_MAJOR, 0), MINORMASK + 1, "misc");
	if (!err)
		err = devfs_add(MKDEV(1, 3), "null", &null_fops);

	if (!err)
		err = devfs_add(MKDEV(1, 5), "zero", &zero_fops);
	if (!err)
		err = devfs_add(MKDEV(5, 1), "console", &console_fops);
	if (!err)
		err = devfs_add(MKDEV(1, 11), "kmsg", &kmsg_fops);
	return err;
}
