/*
 * lx_edu_wait: a driver for QEMU's edu device (-device edu) that sleeps
 * until the device's interrupt wakes it, for scenario linux_edu_wait.
 * A DMA in edu completes 100 ms (of QEMU's virtual clock) after it is
 * started, then interrupts. probe starts one DMA and sleeps in
 * wait_event_interruptible until the handler's wake_up_interruptible,
 * then another and sleeps in wait_for_completion until the handler's
 * complete(). The handler notes the state the sleeper was in when the
 * interrupt came (asleep, not spinning) and the idle thread's ticks
 * across each wait show the CPU halted meanwhile.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/tick.h>
#include <linux/slab.h>

#define EDU_IRQ_STATUS	0x24
#define EDU_IRQ_ACK	0x64
#define EDU_DMA_SRC	0x80
#define EDU_DMA_DST	0x88
#define EDU_DMA_COUNT	0x90
#define EDU_DMA_CMD	0x98
#define  EDU_DMA_START		0x01
#define  EDU_DMA_TO_RAM		0x02
#define  EDU_DMA_IRQ		0x04
#define EDU_DMA_BUF	0x40000		/* the device's own buffer */
#define DMA_LEN		1024
#define TICK_US		(1000000 / HZ)

struct edu {
	void __iomem *bar;
	void *buf;
	dma_addr_t buf_dma;
	wait_queue_head_t wq;
	struct completion done;
	bool use_completion;		/* how the handler wakes the sleeper */
	volatile bool dma_done;
	struct task_struct *sleeper;
	unsigned int sleeper_state;	/* its __state when the interrupt came */
};

static irqreturn_t edu_irq(int irq, void *dev_id)
{
	struct edu *edu = dev_id;
	u32 status = ioread32(edu->bar + EDU_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	iowrite32(status, edu->bar + EDU_IRQ_ACK);
	edu->sleeper_state = edu->sleeper->__state;
	if (edu->use_completion) {
		complete(&edu->done);
	} else {
		edu->dma_done = true;
		wake_up_interruptible(&edu->wq);
	}
	return IRQ_HANDLED;
}

static unsigned long idle_ticks(void)
{
	return (unsigned long)get_cpu_idle_time_us(0, NULL) / TICK_US;
}

static const char *state_name(unsigned int state)
{
	if (state == TASK_INTERRUPTIBLE)
		return "asleep (S)";
	if (state == TASK_UNINTERRUPTIBLE)
		return "asleep (D)";
	return state == TASK_RUNNING ? "running (R)" : "?";
}

/* One DMA (to the device, or back with to_ram), slept through. */
static int edu_dma_wait(struct edu *edu, bool to_ram, bool completion)
{
	unsigned long j0 = jiffies, idle0 = idle_ticks(), ticks, idle;
	u32 src = to_ram ? EDU_DMA_BUF : (u32)edu->buf_dma;
	u32 dst = to_ram ? (u32)edu->buf_dma : EDU_DMA_BUF;
	int err = 0;

	edu->use_completion = completion;
	edu->dma_done = false;
	edu->sleeper = current;
	edu->sleeper_state = ~0u;
	iowrite32(src, edu->bar + EDU_DMA_SRC);
	iowrite32(dst, edu->bar + EDU_DMA_DST);
	iowrite32(DMA_LEN, edu->bar + EDU_DMA_COUNT);
	iowrite32(EDU_DMA_START | EDU_DMA_IRQ | (to_ram ? EDU_DMA_TO_RAM : 0),
		  edu->bar + EDU_DMA_CMD);
	if (completion)
		wait_for_completion(&edu->done);
	else
		err = wait_event_interruptible(edu->wq, edu->dma_done);
	ticks = jiffies - j0;
	idle = idle_ticks() - idle0;
	pr_info("lx_edu_wait: %s: the handler found the sleeper %s and woke it%s; "
		"slept a tick or more: %s, idle for all of them but at most one: %s\n",
		completion ? "wait_for_completion" : "wait_event_interruptible",
		state_name(edu->sleeper_state), err ? " (interrupted)" : "",
		/* the device's 100 ms are QEMU's host time: a loaded host
		 * stretches or squeezes them in guest ticks, so only "it slept"
		 * is asserted, not how long */
		ticks >= 1 ? "yes" : "NO",
		/* the tick the sleeper wakes in may be charged to it when a
		 * loaded host delivers ticks late */
		idle + 1 >= ticks ? "yes" : "NO");
	return err;
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct edu *edu = kzalloc(sizeof(*edu), GFP_KERNEL);
	int err;

	if (!edu)
		return -ENOMEM;
	init_waitqueue_head(&edu->wq);
	init_completion(&edu->done);
	err = pci_enable_device(pdev);
	if (err)
		goto out_free;
	err = pci_request_regions(pdev, "lx_edu_wait");
	if (err)
		goto out_disable;
	err = -ENOMEM;
	edu->bar = pci_iomap(pdev, 0, 0);
	if (!edu->bar)
		goto out_release;
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(28));
	if (!err)
		edu->buf = dma_alloc_coherent(&pdev->dev, DMA_LEN, &edu->buf_dma, GFP_KERNEL);
	if (!edu->buf)
		goto out_unmap;
	pci_set_master(pdev);
	err = request_irq(pdev->irq, edu_irq, IRQF_SHARED, "lx_edu_wait", edu);
	if (err)
		goto out_dma;
	err = edu_dma_wait(edu, false, false);
	if (!err)
		err = edu_dma_wait(edu, true, true);
	if (err)
		goto out_irq;
	pci_set_drvdata(pdev, edu);
	return 0;

out_irq:
	free_irq(pdev->irq, edu);
out_dma:
	dma_free_coherent(&pdev->dev, DMA_LEN, edu->buf, edu->buf_dma);
out_unmap:
	pci_iounmap(pdev, edu->bar);
out_release:
	pci_release_regions(pdev);
out_disable:
	pci_disable_device(pdev);
out_free:
	kfree(edu);
	return err ? err : -ENOMEM;
}

static void edu_remove(struct pci_dev *pdev)
{
	struct edu *edu = pci_get_drvdata(pdev);

	free_irq(pdev->irq, edu);
	dma_free_coherent(&pdev->dev, DMA_LEN, edu->buf, edu->buf_dma);
	pci_iounmap(pdev, edu->bar);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	kfree(edu);
	dev_info(&pdev->dev, "removed\n");
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(0x1234, 0x11e8) },
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, edu_ids);

static struct pci_driver edu_driver = {
	.name = "lx_edu_wait",
	.id_table = edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};

module_pci_driver(edu_driver);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Sleeping until the edu device's interrupt: wait queue, completion");
