/* Stub: <asm/io.h> port I/O in Linux's argument order, outb(value, port)
 * (replaced by the pci branch). */
#ifndef _ASM_IO_H
#define _ASM_IO_H

static inline void outb(unsigned char value, unsigned short port)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline unsigned char inb(unsigned short port)
{
	unsigned char v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

#endif
