/*
 * crcsum: the user half of the crc32 pair. It imports crc32_le and
 * crc32_table from the crc32 module, so it loads only after crc32
 * (`modprobe crcsum` does both, in that order; `modprobe -r crcsum`
 * removes both) and pins it while loaded (lsmod: crc32 used by crcsum).
 * /proc/crcsum checksums what is written to it since it was opened:
 *     cat /etc/motd > /proc/crcsum; cat /proc/crcsum
 *     crc32 0x... over 123 bytes
 * the same value as Python's zlib.crc32 or `gzip -l`'s CRC for the file.
 */
#include <module.h>
#include <linux/proc_fs.h>
#include <linux/mutex.h>
#include "modules/crc32.h"

static DEFINE_MUTEX(crcsum_lock);	/* the state below */
static u32 crcsum_crc;			/* running crc32_le, not inverted */
static u32 crcsum_bytes;

/* Opening for writing starts a new checksum. */
static int crcsum_open(struct inode *inode, struct file *file)
{
	if (file->f_flags & (O_WRONLY | O_RDWR)) {
		mutex_lock(&crcsum_lock);
		crcsum_crc = ~0u;
		crcsum_bytes = 0;
		mutex_unlock(&crcsum_lock);
	}
	return 0;
}

/* buf is the caller's (__user): copied in, a chunk at a time, never read
 * in place. */
static ssize_t crcsum_write(struct file *file, const char __user *buf, size_t count,
			    loff_t *pos)
{
	unsigned char chunk[64];
	size_t done = 0;

	mutex_lock(&crcsum_lock);
	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		if (copy_from_user(chunk, buf + done, n))
			break;
		crcsum_crc = crc32_le(crcsum_crc, chunk, n);
		done += n;
	}
	crcsum_bytes += done;
	mutex_unlock(&crcsum_lock);
	return done || !count ? (ssize_t)done : -EFAULT;
}

static ssize_t crcsum_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	char line[48];
	int len;

	mutex_lock(&crcsum_lock);
	len = snprintf(line, sizeof(line), "crc32 0x%08x over %u bytes\n",
		       crcsum_crc ^ ~0u, crcsum_bytes);
	mutex_unlock(&crcsum_lock);
	if (*pos >= len)
		return 0;
	if (count > (size_t)(len - *pos))
		count = len - *pos;
	if (copy_to_user(buf, line + *pos, count))
		return -EFAULT;
	*pos += count;
	return count;
}

static const struct proc_ops crcsum_ops = {
	.proc_open = crcsum_open,
	.proc_read = crcsum_read,
	.proc_write = crcsum_write,
};

static int __init crcsum_init(void)
{
	crcsum_crc = ~0u;
	if (!proc_create("crcsum", 0666, NULL, &crcsum_ops))
		return -ENOMEM;
	/* the check value of CRC-32: "123456789" gives 0xcbf43926 */
	pr_info("crcsum: crc32 of \"123456789\" is %08x\n",
		crc32_le(~0u, (unsigned char const *)"123456789", 9) ^ ~0u);
	return 0;
}

static void __exit crcsum_exit(void)
{
	remove_proc_entry("crcsum", NULL);
}

module_init(crcsum_init);
module_exit(crcsum_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("Tessera");
MODULE_DESCRIPTION("/proc/crcsum: the CRC-32 of what is written to it, by crc32");
