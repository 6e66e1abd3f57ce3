/*
 * hx_rdoops: a character device, /dev/hx_rdoops, whose read follows a NULL
 * pointer: loading works, `cat /dev/hx_rdoops` faults in hx_rdoops_read.
 * The oops names the function; cat fails with "Bad address" (EFAULT); the
 * module is marked (D) and its device refuses further calls (EIO).
 */
#include <module.h>

#define DEVICE_NAME "hx_rdoops"

static struct {
	int major;
	const char *volatile message;	/* never set: NULL */
} hx;

static ssize_t hx_rdoops_read(struct file *file, char __user *buf, size_t count,
			      loff_t *pos)
{
	size_t len = strlen(hx.message);	/* the fault: strlen(NULL) */

	return len < count ? (ssize_t)len : (ssize_t)count;
}

static const struct file_operations hx_rdoops_fops = {
	.owner = THIS_MODULE,
	.read = hx_rdoops_read,
};

static int __init hx_rdoops_init(void)
{
	hx.major = register_chrdev(0, DEVICE_NAME, &hx_rdoops_fops);
	if (hx.major < 0)
		return hx.major;
	pr_info("hx_rdoops: /dev/%s registered; reading it faults\n", DEVICE_NAME);
	return 0;
}

static void __exit hx_rdoops_exit(void)
{
	unregister_chrdev(hx.major, DEVICE_NAME);
	pr_info("hx_rdoops: unregistered\n");
}

module_init(hx_rdoops_init);
module_exit(hx_rdoops_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/dev/hx_rdoops: read follows a NULL pointer");
