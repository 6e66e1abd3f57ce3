/*
 * skel: the template to copy when you write a module. It is a complete
 * character driver, /dev/skel, that remembers the text last written to it
 * and gives it back when read. Every part a module has is here, once:
 *
 *   1. one #include               <module.h> brings the whole module API
 *   2. the state, file-static     one struct, named after the driver
 *   3. the file operations        what open/read/write on /dev/skel do
 *   4. init and exit              set up and tear down, in reverse order
 *   5. modinfo                    license, author, description, version
 *
 * To make your own:
 *   cp -r modules/skel mydrv && mv mydrv/skel.c mydrv/mydrv.c
 *   (rename skel -> mydrv inside), then `make M=mydrv` builds mydrv/mydrv.ko;
 *   put it in the ramdisk and `insmod /lib/modules/mydrv.ko` in the shell.
 * docs/modules.md explains the build and the rules below.
 */
#include <module.h>

#define SKEL_NAME	"skel"
#define SKEL_BUF_SIZE	256

/*
 * 2. The driver's state. Static data lives in the module's core and is
 * freed when the module is unloaded. Big buffers: kmalloc/vmalloc them in
 * init and free them in exit.
 */
static struct {
	int major;			/* from register_chrdev */
	char *buf;			/* the last write, kmalloc'd */
	size_t len;			/* bytes held in buf */
} skel;

/*
 * 3. File operations. They run in the core (never mark them __init: the
 * init part is freed after init, and the build refuses a core pointer into
 * it). Return a count or a negative errno, like Linux.
 */
static ssize_t skel_read(struct file *file, char __user *out, size_t count,
			 loff_t *pos)
{
	if (*pos < 0 || (size_t)*pos >= skel.len)
		return 0;				/* end of file */
	if (count > skel.len - *pos)
		count = skel.len - *pos;
	memcpy(out, skel.buf + *pos, count);
	*pos += count;
	return count;
}

/* A write at offset 0 starts a new text; later writes (echo sends "hi"
 * then "\n") continue it at *pos. */
static ssize_t skel_write(struct file *file, const char __user *in,
			  size_t count, loff_t *pos)
{
	if (*pos < 0 || *pos > SKEL_BUF_SIZE ||
	    count > SKEL_BUF_SIZE - (size_t)*pos)
		return -EFBIG;				/* too big: say why */
	if (*pos == 0)
		skel.len = 0;
	memcpy(skel.buf + *pos, in, count);
	*pos += count;
	if (skel.len < (size_t)*pos)
		skel.len = *pos;
	return count;
}

/* .owner = THIS_MODULE: while /dev/skel is open the module is pinned,
 * so rmmod is refused instead of pulling the code from under a reader. */
static const struct file_operations skel_fops = {
	.owner = THIS_MODULE,
	.read = skel_read,
	.write = skel_write,
};

/*
 * 4. init: get every resource; on a failure undo what was done, in
 * reverse order, and return the error (insmod reports it, and nothing of
 * the module stays). __init puts this code in the init part, which is
 * dropped once it has returned.
 */
static int __init skel_init(void)
{
	int err;

	skel.buf = kmalloc(SKEL_BUF_SIZE);
	if (!skel.buf)
		return -ENOMEM;
	err = register_chrdev(0, SKEL_NAME, &skel_fops);
	if (err < 0)
		goto out_free_buf;
	skel.major = err;
	pr_info("skel: /dev/%s ready (major %d)\n", SKEL_NAME, skel.major);
	return 0;

out_free_buf:
	kfree(skel.buf);
	return err;
}

/* exit: release everything init got, in reverse order. It stays in the
 * core (__exit), since it runs long after init. */
static void __exit skel_exit(void)
{
	unregister_chrdev(skel.major, SKEL_NAME);
	kfree(skel.buf);
	pr_info("skel: removed\n");
}

module_init(skel_init);
module_exit(skel_exit);

/* 5. modinfo: shown by `modinfo skel.ko`. */
MODULE_LICENSE("GPL");
MODULE_AUTHOR("Your Name");
MODULE_DESCRIPTION("Template driver: /dev/skel gives back the last text written");
MODULE_VERSION("0.1");
