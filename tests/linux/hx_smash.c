/*
 * hx_smash: a character driver whose read overruns a 4-byte buffer on its
 * own stack (the bug of LDD3's "faulty" module, written anew): the saved
 * frame pointer and return address become 0xffffffff, so the read
 * "returns" to 0xffffffff and faults there, with no frame of the module
 * left to find. The guard of the call still knows whose code it called:
 * the fault is contained, the module named and marked, cat fails with
 * EFAULT and the shell goes on.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/string.h>

static int hx_smash_major;
static volatile size_t hx_smash_len = 20;	/* the compiler cannot see it */

static noinline ssize_t hx_smash_read(struct file *file, char __user *buf,
				      size_t count, loff_t *pos)
{
	char stack_buf[4];

	memset(stack_buf, 0xff, hx_smash_len);	/* 16 bytes too many */
	if (count > 4)
		count = 4;
	memcpy(buf, stack_buf, count);
	return count;
}

static const struct file_operations hx_smash_fops = {
	.owner = THIS_MODULE,
	.read = hx_smash_read,
};

static int __init hx_smash_init(void)
{
	hx_smash_major = register_chrdev(0, "hx_smash", &hx_smash_fops);
	if (hx_smash_major < 0)
		return hx_smash_major;
	pr_info("hx_smash: /dev/hx_smash registered; reading it smashes the stack\n");
	return 0;
}

static void __exit hx_smash_exit(void)
{
	unregister_chrdev(hx_smash_major, "hx_smash");
	pr_info("hx_smash: unregistered\n");
}

module_init(hx_smash_init);
module_exit(hx_smash_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A read that overruns its stack buffer: contained, named");
