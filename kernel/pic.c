/*
 * The two 8259A interrupt controllers: remapped so IRQ 0..15 arrive as
 * vectors 32..47 (clear of the CPU exceptions), each line masked until a
 * driver registers a handler for it.
 */
#include "kernel/arch.h"
#include "kernel/cpu.h"

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define PIC_EOI 0x20

static struct {
	uint16_t mask;	/* bit set = line masked */
} pic = { 0xffff };

static void pic_write_mask(void)
{
	outb(pic.mask & 0xff, PIC1_DATA);
	outb(pic.mask >> 8, PIC2_DATA);
}

void pic_init(void)
{
	outb(0x11, PIC1_CMD);	/* ICW1: init, expect ICW4 */
	outb(0x11, PIC2_CMD);
	outb(32, PIC1_DATA);	/* ICW2: vector offsets */
	outb(40, PIC2_DATA);
	outb(4, PIC1_DATA);	/* ICW3: slave on IRQ 2 */
	outb(2, PIC2_DATA);
	outb(1, PIC1_DATA);	/* ICW4: 8086 mode */
	outb(1, PIC2_DATA);
	pic.mask = 0xffff & ~(1u << 2);	/* cascade line open */
	pic_write_mask();
}

void pic_unmask(unsigned irq)
{
	pic.mask &= ~(1u << irq);
	pic_write_mask();
}

void pic_mask(unsigned irq)
{
	pic.mask |= 1u << irq;
	pic_write_mask();
}

void pic_eoi(unsigned irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC2_CMD);
	outb(PIC_EOI, PIC1_CMD);
}

bool pic_pending(unsigned irq)
{
	uint16_t port = irq >= 8 ? PIC2_CMD : PIC1_CMD;
	uint8_t irr;

	outb(0x0a, port);	/* OCW3: the next read gives the IRR */
	irr = inb(port);
	return irr & (1u << (irq & 7));
}
