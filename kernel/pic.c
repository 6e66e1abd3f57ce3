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
	outb(PIC1_DATA, pic.mask & 0xff);
	outb(PIC2_DATA, pic.mask >> 8);
}

void pic_init(void)
{
	outb(PIC1_CMD, 0x11);	/* ICW1: init, expect ICW4 */
	outb(PIC2_CMD, 0x11);
	outb(PIC1_DATA, 32);	/* ICW2: vector offsets */
	outb(PIC2_DATA, 40);
	outb(PIC1_DATA, 4);	/* ICW3: slave on IRQ 2 */
	outb(PIC2_DATA, 2);
	outb(PIC1_DATA, 1);	/* ICW4: 8086 mode */
	outb(PIC2_DATA, 1);
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
		outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
}
