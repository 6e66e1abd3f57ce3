/*
 * edufact: lab 07's starting file. A small PCI driver for QEMU's edu
 * device (-device edu, PCI 1234:11e8): `echo N > /dev/edufact` makes the
 * device compute N!, `cat /dev/edufact` sleeps until the device's
 * interrupt says it is done and prints the result (or gives up after a
 * second: "Connection timed out"). Everything is written but the
 * interrupt handler (labs/07-edu-irq/README.md; modules/edu.c is the
 * complete driver to compare with once you are done).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/uaccess.h>
#include <linux/kstrtox.h>
#include <linux/jiffies.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 07: factorials by QEMU's edu device, by interrupt");

/* The device's registers, offsets into BAR 0 (QEMU's docs/specs/edu.rst) */
#define EDU_ID		0x00	/* 0xRRrr00ed */
#define EDU_FACT	0x08	/* write n: starts n!; read: the result */
#define EDU_STATUS	0x20	/* 0x80: raise an interrupt when n! is done */
#define  EDU_STATUS_IRQFACT	0x80
#define EDU_IRQ_STATUS	0x24	/* why the device interrupted; 0: it did not */
#define  EDU_IRQ_FACT		0x01	/* a factorial is done */
#define EDU_IRQ_ACK	0x64	/* write the bits of IRQ_STATUS to lower the line */

static struct {
	struct pci_dev *pdev;
	void __iomem *bar;		/* BAR 0, mapped */
	struct mutex lock;		/* one computation at a time */
	wait_queue_head_t wq;		/* the reader sleeps here */
	bool ready;			/* a result waits in result */
	u32 result;
	unsigned int irqs;		/* interrupts that were ours */
} ef;

/*
 * TODO: the interrupt handler. It runs in interrupt context (no sleeping).
 * The line may be shared: if the device did not interrupt (IRQ_STATUS is
 * 0), return IRQ_NONE. Else acknowledge what it says (write it to
 * IRQ_ACK: the line stays raised until you do), and for a finished
 * factorial take the result from EDU_FACT, set ef.ready, count it in
 * ef.irqs, and wake the reader. Then return IRQ_HANDLED.
 */
static irqreturn_t edufact_irq(int irq, void *dev_id)
{
	return IRQ_NONE;
}

/* write: "N\n" starts N! (a computation still running is waited for). */
static ssize_t edufact_write(struct file *file, const char __user *buf,
			     size_t count, loff_t *pos)
{
	char text[16];
	u32 n;
	int err;

	if (count == 0 || count >= sizeof(text))
		return -EINVAL;
	if (copy_from_user(text, buf, count))
		return -EFAULT;
	text[count] = '\0';
	err = kstrtou32(text, 0, &n);
	if (err)
		return err;
	mutex_lock(&ef.lock);
	WRITE_ONCE(ef.ready, false);
	iowrite32(EDU_STATUS_IRQFACT, ef.bar + EDU_STATUS);
	iowrite32(n, ef.bar + EDU_FACT);
	mutex_unlock(&ef.lock);
	return count;
}

/* read: sleeps until the handler says a result is ready, at most 1 s. */
static ssize_t edufact_read(struct file *file, char __user *buf, size_t count,
			    loff_t *pos)
{
	char text[16];
	long left;
	int len;

	if (*pos > 0)
		return 0;
	left = wait_event_interruptible_timeout(ef.wq, READ_ONCE(ef.ready), HZ);
	if (left < 0)
		return left;
	if (left == 0)
		return -ETIMEDOUT;
	len = scnprintf(text, sizeof(text), "%u\n", ef.result);
	if (count < len)
		return -EINVAL;
	if (copy_to_user(buf, text, len))
		return -EFAULT;
	WRITE_ONCE(ef.ready, false);
	*pos = len;
	return len;
}

static const struct file_operations edufact_fops = {
	.owner = THIS_MODULE,
	.read = edufact_read,
	.write = edufact_write,
};

static struct miscdevice edufact_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "edufact",
	.fops = &edufact_fops,
};

static int edufact_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err;

	if (ef.pdev)
		return -EBUSY;			/* one device is enough */
	err = pci_enable_device(pdev);
	if (err)
		return err;
	err = pci_request_regions(pdev, "edufact");
	if (err)
		goto out_disable;
	err = -ENOMEM;
	ef.bar = pci_iomap(pdev, 0, 0);
	if (!ef.bar)
		goto out_release;
	err = -ENODEV;
	if ((ioread32(ef.bar + EDU_ID) & 0xffff) != 0xed)
		goto out_unmap;
	mutex_init(&ef.lock);
	init_waitqueue_head(&ef.wq);
	iowrite32(0, ef.bar + EDU_STATUS);	/* no interrupt until asked */
	err = request_irq(pdev->irq, edufact_irq, IRQF_SHARED, "edufact", &ef);
	if (err)
		goto out_unmap;
	err = misc_register(&edufact_misc);
	if (err)
		goto out_irq;
	ef.pdev = pdev;
	dev_info(&pdev->dev, "edufact: IRQ %u, /dev/edufact ready\n", pdev->irq);
	return 0;

out_irq:
	free_irq(pdev->irq, &ef);
out_unmap:
	pci_iounmap(pdev, ef.bar);
out_release:
	pci_release_regions(pdev);
out_disable:
	pci_disable_device(pdev);
	return err;
}

static void edufact_remove(struct pci_dev *pdev)
{
	if (pdev != ef.pdev)
		return;
	misc_deregister(&edufact_misc);
	iowrite32(0, ef.bar + EDU_STATUS);
	free_irq(pdev->irq, &ef);		/* waits for a running handler */
	pci_iounmap(pdev, ef.bar);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	dev_info(&pdev->dev, "edufact: removed after %u interrupts\n", ef.irqs);
	ef.pdev = NULL;
}

static const struct pci_device_id edufact_ids[] = {
	{ PCI_DEVICE(0x1234, 0x11e8) },
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, edufact_ids);

static struct pci_driver edufact_driver = {
	.name = "edufact",
	.id_table = edufact_ids,
	.probe = edufact_probe,
	.remove = edufact_remove,
};

static int __init edufact_init(void)
{
	return pci_register_driver(&edufact_driver);
}

static void __exit edufact_exit(void)
{
	pci_unregister_driver(&edufact_driver);
}

module_init(edufact_init);
module_exit(edufact_exit);
