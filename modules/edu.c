/*
 * edu: a complete PCI driver for QEMU's `edu` teaching device (run QEMU
 * with `-device edu`; PCI id 1234:11e8; QEMU's docs/specs/edu.rst). Read it
 * from top to bottom: registers, state, interrupt handler, the two jobs
 * the device does (factorials, DMA), the file interface, then probe and
 * remove, which set up and tear down everything in mirror order.
 *
 *   echo 10 > /dev/edu     the device starts computing 10!
 *   cat /dev/edu           sleeps until its interrupt, then prints 3628800
 *   ioctl /dev/edu 3222291713 i:4095   (0xc0104501)
 *                          DMA round trip: 4095 bytes RAM -> device -> RAM
 *
 * What it teaches: claiming and mapping a BAR, checking you talk to the
 * right hardware, a shared interrupt line, sleeping until an interrupt
 * (wait_event_interruptible, and Ctrl-C), coherent DMA memory, a mutex for
 * a device that does one thing at a time, and undoing it all at rmmod.
 * docs/pci.md "Reading the edu driver" walks through it.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/kstrtox.h>
#include <linux/ktime.h>
#include <linux/jiffies.h>
#include <linux/ioctl.h>

/* ---- 1. The device's registers: offsets into BAR 0 (edu.rst) ---- */
#define EDU_ID		0x00	/* RO: 0xRRrr00ed, RR.rr the version */
#define  EDU_ID_MAGIC_MASK	0x0000ffff
#define  EDU_ID_MAGIC		0x000000ed
#define EDU_LIVENESS	0x04	/* RW: reads back the inverse (~) of what was written */
#define EDU_FACT	0x08	/* RW: write n to start n!; read the result */
#define EDU_STATUS	0x20	/* RW: status bits below */
#define  EDU_STATUS_COMPUTING	0x01	/* RO: a factorial is being computed */
#define  EDU_STATUS_IRQFACT	0x80	/* interrupt when a factorial is done */
#define EDU_IRQ_STATUS	0x24	/* RO: why the device interrupted (bits below) */
#define  EDU_IRQ_FACT		0x00000001	/* a factorial finished */
#define  EDU_IRQ_DMA		0x00000100	/* a DMA transfer finished */
#define EDU_IRQ_ACK	0x64	/* WO: the bits written are cleared (acknowledged) */
#define EDU_DMA_SRC	0x80	/* DMA source address */
#define EDU_DMA_DST	0x88	/* DMA destination address */
#define EDU_DMA_COUNT	0x90	/* DMA length in bytes */
#define EDU_DMA_CMD	0x98	/* DMA command bits below */
#define  EDU_DMA_START		0x01	/* go (the device clears it when done) */
#define  EDU_DMA_TO_RAM		0x02	/* direction: 0 RAM -> device, 1 device -> RAM */
#define  EDU_DMA_IRQ		0x04	/* interrupt (EDU_IRQ_DMA) when done */
#define EDU_DMA_BUF	0x40000	/* the device's own 4 KiB buffer, as a DMA address */
#define EDU_DMA_BUF_SIZE 4096

/*
 * The longest transfer we start: 4095, not 4096. QEMU before 8.0 checks
 * that a transfer *ends* inside the device buffer with `end < buffer end`,
 * so one ending exactly at the end of the 4 KiB buffer stops the whole
 * virtual machine (hw_error). A driver works around its hardware's bugs.
 */
#define EDU_DMA_MAX	(EDU_DMA_BUF_SIZE - 1)

/* The device only drives 28 address bits (edu.rst: dma_mask, 256 MiB). */
#define EDU_DMA_BITS	28

/* How long a DMA may take before we give up: the device takes 100 ms. */
#define EDU_DMA_TIMEOUT_MS	1000

/* ---- 2. The ioctl: what a program passes for a DMA round trip ---- */
struct edu_dma_test {
	__u32 len;		/* in: bytes to move, 1..EDU_DMA_MAX */
	__u32 mismatches;	/* out: bytes that came back different */
	__u32 to_device_us;	/* out: RAM -> device, microseconds */
	__u32 to_ram_us;	/* out: device -> RAM, microseconds */
};
/* _IOWR('E', 1, 16 bytes) = 0xc0104501: the number the shell's ioctl takes */
#define EDU_IOC_DMA_TEST	_IOWR('E', 1, struct edu_dma_test)

/* ---- 3. The driver's state: one struct per device, made in probe ---- */
struct edu {
	struct pci_dev *pdev;
	void __iomem *bar;		/* BAR 0, mapped by pci_iomap */
	struct miscdevice misc;		/* /dev/edu; open files find us through it */
	struct mutex lock;		/* one user of the device at a time */
	wait_queue_head_t wq;		/* sleepers waiting for the interrupt */

	/* Set by the interrupt handler, read by the sleepers. */
	bool fact_busy;			/* the device is computing */
	bool fact_ready;		/* a result waits to be read */
	u32 fact_result;
	bool dma_done;
	bool dma_stuck;			/* a DMA never finished: no more DMA */

	/* Two DMA buffers in RAM: the source and the way back. */
	void *src, *dst;		/* what the CPU uses */
	dma_addr_t src_dma, dst_dma;	/* what the device uses (bus addresses) */
};

static int edu_devices;		/* devices bound, to say "none" at load */

/*
 * ---- 4. The interrupt handler ----
 * Runs in interrupt context: it must not sleep and must be quick. The
 * line may be shared with other devices (IRQF_SHARED), so first ask OUR
 * device whether it interrupted: a zero interrupt status means "not me",
 * IRQ_NONE, and the kernel tries the line's other handlers.
 */
static irqreturn_t edu_irq(int irq, void *dev_id)
{
	struct edu *edu = dev_id;	/* what we gave request_irq */
	u32 status = ioread32(edu->bar + EDU_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	/* Acknowledge, or the device keeps the line raised for ever. */
	iowrite32(status, edu->bar + EDU_IRQ_ACK);
	if (status & EDU_IRQ_FACT) {
		edu->fact_result = ioread32(edu->bar + EDU_FACT);
		WRITE_ONCE(edu->fact_ready, true);
		WRITE_ONCE(edu->fact_busy, false);
	}
	if (status & EDU_IRQ_DMA)
		WRITE_ONCE(edu->dma_done, true);
	/* wake_up, not wake_up_interruptible: the DMA waiter sleeps
	 * uninterruptibly (edu_dma_one says why). */
	wake_up(&edu->wq);
	return IRQ_HANDLED;
}

/*
 * ---- 5. Factorials ----
 * Starts n! on the device. The caller holds edu->lock. A factorial still
 * running is waited for first: the device ignores a write to EDU_FACT
 * while it computes. Returns 0, or -ERESTARTSYS if a signal came first.
 */
static int edu_fact_start(struct edu *edu, u32 n)
{
	int err = wait_event_interruptible(edu->wq, !READ_ONCE(edu->fact_busy));

	if (err)
		return err;
	edu->fact_ready = false;	/* an older unread result is dropped */
	edu->fact_busy = true;
	/* Ask for an interrupt when done, then start: writing n starts it. */
	iowrite32(EDU_STATUS_IRQFACT, edu->bar + EDU_STATUS);
	iowrite32(n, edu->bar + EDU_FACT);
	return 0;
}

/*
 * Sleeps until a result is ready and takes it (each result is read once).
 * With nothing started it sleeps until some writer starts one: Ctrl-C
 * ends the sleep (-ERESTARTSYS). The lock is NOT held while sleeping, or
 * the writer we wait for could never start the computation.
 */
static int edu_fact_take(struct edu *edu, u32 *result)
{
	int err;

	for (;;) {
		err = wait_event_interruptible(edu->wq, READ_ONCE(edu->fact_ready));
		if (err)
			return err;
		if (mutex_lock_interruptible(&edu->lock))
			return -ERESTARTSYS;
		if (edu->fact_ready) {		/* still ours: no other reader took it */
			edu->fact_ready = false;
			*result = edu->fact_result;
			mutex_unlock(&edu->lock);
			return 0;
		}
		mutex_unlock(&edu->lock);	/* another reader won: sleep again */
	}
}

/*
 * ---- 6. DMA ----
 * One transfer of len bytes from src to dst (bus addresses); sleeps until
 * the device's DMA interrupt. Returns 0 or -ETIMEDOUT. Caller holds lock.
 *
 * The sleep is uninterruptible (wait_event_timeout, not _interruptible):
 * once started, the device writes into our buffer whatever the caller
 * does, so we must not return (and perhaps free the buffer) before it is
 * done. Ctrl-C waits the 100 ms out.
 */
static int edu_dma_one(struct edu *edu, u32 src, u32 dst, u32 len, u32 dir, u32 *us)
{
	u64 t0 = ktime_get_ns();
	long left;

	edu->dma_done = false;
	iowrite32(src, edu->bar + EDU_DMA_SRC);
	iowrite32(dst, edu->bar + EDU_DMA_DST);
	iowrite32(len, edu->bar + EDU_DMA_COUNT);
	iowrite32(EDU_DMA_START | EDU_DMA_IRQ | dir, edu->bar + EDU_DMA_CMD);
	left = wait_event_timeout(edu->wq, READ_ONCE(edu->dma_done),
				  msecs_to_jiffies(EDU_DMA_TIMEOUT_MS));
	*us = (u32)(ktime_get_ns() - t0) / 1000;	/* fits: < 4 s */
	if (!left) {
		/* The device may still be moving bytes: starting another
		 * transfer on it, or reusing the buffers, is not safe. The
		 * buffers stay allocated until remove, and DMA is refused. */
		edu->dma_stuck = true;
		dev_err(&edu->pdev->dev, "DMA did not finish in %d ms: no more DMA\n",
			EDU_DMA_TIMEOUT_MS);
		return -ETIMEDOUT;
	}
	return 0;
}

/* Fills src with a pattern, moves it to the device and back into dst,
 * counts the bytes that differ. Returns 0 or -ETIMEDOUT. Caller holds lock. */
static int edu_dma_round_trip(struct edu *edu, struct edu_dma_test *t)
{
	u8 *src = edu->src, *dst = edu->dst;
	int err;

	for (u32 i = 0; i < t->len; i++)
		src[i] = (u8)(i * 13 + (i >> 8) + 1);	/* no byte is 0 often */
	memset(dst, 0, t->len);		/* so a transfer that did nothing shows */
	err = edu_dma_one(edu, edu->src_dma, EDU_DMA_BUF, t->len, 0, &t->to_device_us);
	if (!err)
		err = edu_dma_one(edu, EDU_DMA_BUF, edu->dst_dma, t->len,
				  EDU_DMA_TO_RAM, &t->to_ram_us);
	if (err)
		return err;
	t->mismatches = 0;
	for (u32 i = 0; i < t->len; i++)
		t->mismatches += src[i] != dst[i];
	dev_info(&edu->pdev->dev, "DMA round trip of %u bytes: to the device in %u ms, "
		 "back in %u ms, %u bytes differ\n", t->len, t->to_device_us / 1000,
		 t->to_ram_us / 1000, t->mismatches);
	return 0;
}

/* ---- 7. /dev/edu: the file operations ---- */

/* The struct edu of an open /dev/edu: misc_register made private_data
 * point at our miscdevice, which lives inside struct edu. */
static struct edu *file_edu(struct file *file)
{
	return container_of(file->private_data, struct edu, misc);
}

/* write: a number in text ("10\n") starts its factorial. */
static ssize_t edu_write(struct file *file, const char __user *buf, size_t count,
			 loff_t *ppos)
{
	struct edu *edu = file_edu(file);
	char text[16];
	u32 n;
	int err;

	if (count == 0 || count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, buf, count))
		return -EFAULT;
	text[count] = '\0';
	err = kstrtou32(text, 0, &n);		/* one trailing '\n' allowed */
	if (err)
		return err;
	if (mutex_lock_interruptible(&edu->lock))
		return -ERESTARTSYS;
	err = edu_fact_start(edu, n);
	mutex_unlock(&edu->lock);
	return err ? err : (ssize_t)count;
}

/* read: sleeps for the result, gives it as one line; then end of file. */
static ssize_t edu_read(struct file *file, char __user *buf, size_t count,
			loff_t *ppos)
{
	struct edu *edu = file_edu(file);
	char text[16];
	u32 result;
	int len, err;

	if (*ppos > 0)		/* one result per open: cat stops here */
		return 0;
	if (count < sizeof("4294967295\n") - 1)	/* room for any result */
		return -EINVAL;
	err = edu_fact_take(edu, &result);
	if (err)
		return err;
	len = scnprintf(text, sizeof(text), "%u\n", result);
	if (copy_to_user(buf, text, len))
		return -EFAULT;
	*ppos = len;
	return len;
}

/* ioctl EDU_IOC_DMA_TEST: a DMA round trip of t.len bytes; t comes back
 * filled in. 0, -EINVAL (length), -ENOTTY (other numbers), -ETIMEDOUT. */
static long edu_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct edu *edu = file_edu(file);
	struct edu_dma_test t;
	int err;

	if (cmd != EDU_IOC_DMA_TEST)
		return -ENOTTY;
	if (copy_from_user(&t, (void __user *)arg, sizeof(t)))
		return -EFAULT;
	if (t.len == 0 || t.len > EDU_DMA_MAX)
		return -EINVAL;
	if (mutex_lock_interruptible(&edu->lock))
		return -ERESTARTSYS;
	err = edu->dma_stuck ? -EIO : edu_dma_round_trip(edu, &t);
	mutex_unlock(&edu->lock);
	if (!err && copy_to_user((void __user *)arg, &t, sizeof(t)))
		err = -EFAULT;
	return err;
}

static const struct file_operations edu_fops = {
	.owner = THIS_MODULE,		/* rmmod waits for the last close */
	.read = edu_read,
	.write = edu_write,
	.unlocked_ioctl = edu_ioctl,
};

/* ---- 8. probe: called by the PCI core for each edu device found ---- */

/* Is it really an edu, and alive? 0 or -ENODEV. */
static int edu_check(struct edu *edu)
{
	u32 id = ioread32(edu->bar + EDU_ID);
	u32 back;

	if ((id & EDU_ID_MAGIC_MASK) != EDU_ID_MAGIC) {
		dev_err(&edu->pdev->dev, "id 0x%08x: not an edu device\n", id);
		return -ENODEV;
	}
	iowrite32(0x12345678, edu->bar + EDU_LIVENESS);
	back = ioread32(edu->bar + EDU_LIVENESS);
	if (back != ~0x12345678u) {
		dev_err(&edu->pdev->dev, "liveness: wrote 12345678, read %08x\n", back);
		return -ENODEV;
	}
	dev_info(&edu->pdev->dev, "edu version %u.%u (id 0x%08x), liveness check passed\n",
		 id >> 24, (id >> 16) & 0xff, id);
	return 0;
}

/* The two coherent DMA buffers (one page each). 0 or -ENOMEM/-EIO. */
static int edu_dma_alloc(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	int err = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(EDU_DMA_BITS));

	if (err)
		return err;
	edu->src = dma_alloc_coherent(dev, EDU_DMA_BUF_SIZE, &edu->src_dma, GFP_KERNEL);
	edu->dst = dma_alloc_coherent(dev, EDU_DMA_BUF_SIZE, &edu->dst_dma, GFP_KERNEL);
	return edu->src && edu->dst ? 0 : -ENOMEM;
}

/* Frees what edu_dma_alloc got (either buffer may be NULL). */
static void edu_dma_free(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;

	if (edu->dst)
		dma_free_coherent(dev, EDU_DMA_BUF_SIZE, edu->dst, edu->dst_dma);
	if (edu->src)
		dma_free_coherent(dev, EDU_DMA_BUF_SIZE, edu->src, edu->src_dma);
}

/* Quiets the device: no factorial interrupt (status bit 0x80 off), and
 * whatever it raised acknowledged. At probe, because an earlier driver
 * (an earlier load of this one) may have left either behind, and the
 * handler would then take a stale result; at remove, so that a factorial
 * still computing leaves no interrupt pending for the next driver. */
static void edu_quiet(struct edu *edu)
{
	iowrite32(0, edu->bar + EDU_STATUS);
	iowrite32(ioread32(edu->bar + EDU_IRQ_STATUS), edu->bar + EDU_IRQ_ACK);
}

/* /dev/edu: a misc device (major 10, a free minor) whose files find us
 * through edu->misc (file_edu). */
static int edu_node_register(struct edu *edu, struct pci_dev *pdev)
{
	edu->misc.minor = MISC_DYNAMIC_MINOR;
	edu->misc.name = "edu";
	edu->misc.fops = &edu_fops;
	edu->misc.parent = &pdev->dev;
	return misc_register(&edu->misc);
}

/*
 * Each step needs the ones before it, and each failure undoes exactly the
 * steps done so far, in reverse (the labels at the bottom). The device
 * node comes last: once /dev/edu exists a program may use it at once.
 */
static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct edu *edu;
	int err;

	edu = kzalloc(sizeof(*edu), GFP_KERNEL);
	if (!edu)
		return -ENOMEM;
	edu->pdev = pdev;
	mutex_init(&edu->lock);
	init_waitqueue_head(&edu->wq);

	err = pci_enable_device(pdev);		/* turn on decoding of BAR 0 */
	if (err)
		goto out_free;
	err = pci_request_regions(pdev, "edu");	/* BAR 0 is ours: /proc/iomem */
	if (err)
		goto out_disable;
	edu->bar = pci_iomap(pdev, 0, 0);	/* and mapped: 1 MiB, uncached */
	err = -ENOMEM;
	if (!edu->bar)
		goto out_release;
	err = edu_check(edu);			/* the right device, alive */
	if (err)
		goto out_unmap;
	err = edu_dma_alloc(edu);
	if (err)
		goto out_dma;
	edu_quiet(edu);				/* nothing left from before */
	pci_set_master(pdev);			/* it may now start DMA */
	/* Shared: the device's INTx line may serve others too (edu_irq). */
	err = request_irq(pdev->irq, edu_irq, IRQF_SHARED, "edu", edu);
	if (err)
		goto out_master;

	err = edu_node_register(edu, pdev);	/* /dev/edu appears */
	if (err)
		goto out_irq;
	pci_set_drvdata(pdev, edu);		/* for remove */
	edu_devices++;
	dev_info(&pdev->dev, "IRQ %u, DMA buffers below %u MiB, /dev/edu ready\n",
		 pdev->irq, 1u << (EDU_DMA_BITS - 20));
	return 0;

out_irq:
	free_irq(pdev->irq, edu);
out_master:
	pci_clear_master(pdev);
out_dma:
	edu_dma_free(edu);
out_unmap:
	pci_iounmap(pdev, edu->bar);
out_release:
	pci_release_regions(pdev);
out_disable:
	pci_disable_device(pdev);
out_free:
	kfree(edu);
	return err;
}

/*
 * ---- 9. remove: called for each bound device at rmmod ----
 * Nobody has /dev/edu open (.owner keeps rmmod away until the last
 * close), so no transfer runs. Undo probe in reverse, and mind the order:
 */
static void edu_remove(struct pci_dev *pdev)
{
	struct edu *edu = pci_get_drvdata(pdev);

	misc_deregister(&edu->misc);	/* no new opens */
	edu_quiet(edu);		/* 0. nothing more raised, nothing pending */
	/* 1. The interrupt first: its handler reads the registers through
	 *    the mapping and touches *edu. free_irq also waits for a handler
	 *    running right now to finish. */
	free_irq(pdev->irq, edu);
	/* 2. The mapping next: after free_irq nothing can use it any more. */
	pci_iounmap(pdev, edu->bar);
	/* 3. The DMA memory last, and only once the device may no longer
	 *    master the bus: memory a device can still write into must not be
	 *    given to anyone else. */
	pci_clear_master(pdev);
	edu_dma_free(edu);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	kfree(edu);
	edu_devices--;
	dev_info(&pdev->dev, "removed: interrupt, mapping and DMA memory freed\n");
}

/* ---- 10. The driver: which devices it takes, and module init/exit ---- */
static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(0x1234, 0x11e8) },	/* QEMU's edu */
	{ 0 }				/* end of table */
};
MODULE_DEVICE_TABLE(pci, edu_ids);

static struct pci_driver edu_driver = {
	.name = "edu",
	.id_table = edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};

/* Registering calls probe for every edu present; with none, the driver
 * stays registered, waiting (on Linux a hot-plugged card would bind). */
static int __init edu_init(void)
{
	int err = pci_register_driver(&edu_driver);

	if (!err && edu_devices == 0)
		pr_info("edu: no edu device found (QEMU needs -device edu); driver registered, bound to nothing\n");
	return err;
}

static void __exit edu_exit(void)
{
	pci_unregister_driver(&edu_driver);	/* remove for each bound device */
}

module_init(edu_init);
module_exit(edu_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("Tessera");
MODULE_DESCRIPTION("Driver for QEMU's edu device: factorials by interrupt, DMA round trip");
MODULE_VERSION("1.0");
