/*
 * i386 port and memory-mapped I/O under Linux's names and argument order
 * (value first, then port or address): inb..outl and their _p forms,
 * readb..writel, ioread8..iowrite32, ioremap/iounmap, virt_to_phys.
 * Port and MMIO accessors are inline: one instruction each, no call.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>

/* ---- ports: x86's separate 64 KiB I/O space ---- */
static inline u8 inb(u16 port)
{
	u8 v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u16 inw(u16 port)
{
	u16 v;

	__asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u32 inl(u16 port)
{
	u32 v;

	__asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outb(u8 v, u16 port)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(u16 v, u16 port)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(u32 v, u16 port)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

/* The _p ("pause") forms add a write to port 0x80, unused POST-code port,
 * as a short delay for slow ISA devices. */
static inline void slow_down_io(void)
{
	__asm__ volatile("outb %%al, $0x80" : : : "eax");
}
#define inb_p(port)		({ u8 __v = inb(port); slow_down_io(); __v; })
#define inw_p(port)		({ u16 __v = inw(port); slow_down_io(); __v; })
#define inl_p(port)		({ u32 __v = inl(port); slow_down_io(); __v; })
#define outb_p(v, port)		do { outb(v, port); slow_down_io(); } while (0)
#define outw_p(v, port)		do { outw(v, port); slow_down_io(); } while (0)
#define outl_p(v, port)		do { outl(v, port); slow_down_io(); } while (0)

/* ---- memory-mapped I/O: through a pointer from ioremap/pci_iomap ----
 * Each access is one volatile load or store, ordered against the
 * compiler's other memory accesses (a "memory" clobber); x86 keeps
 * uncached accesses in program order, so no fence is needed. */
static inline u8 readb(const volatile void __iomem *addr)
{
	u8 v = *(const volatile u8 *)addr;

	__asm__ volatile("" ::: "memory");
	return v;
}

static inline u16 readw(const volatile void __iomem *addr)
{
	u16 v = *(const volatile u16 *)addr;

	__asm__ volatile("" ::: "memory");
	return v;
}

static inline u32 readl(const volatile void __iomem *addr)
{
	u32 v = *(const volatile u32 *)addr;

	__asm__ volatile("" ::: "memory");
	return v;
}

static inline void writeb(u8 v, volatile void __iomem *addr)
{
	__asm__ volatile("" ::: "memory");
	*(volatile u8 *)addr = v;
}

static inline void writew(u16 v, volatile void __iomem *addr)
{
	__asm__ volatile("" ::: "memory");
	*(volatile u16 *)addr = v;
}

static inline void writel(u32 v, volatile void __iomem *addr)
{
	__asm__ volatile("" ::: "memory");
	*(volatile u32 *)addr = v;
}

/* Block copies to and from device memory, one byte access at a time
 * (Linux's x86 versions may use wider moves; a device that needs a width
 * should be driven with readl/writel). */
static inline void memcpy_fromio(void *to, const volatile void __iomem *from, size_t n)
{
	for (size_t i = 0; i < n; i++)
		((u8 *)to)[i] = readb((const volatile u8 __iomem *)from + i);
}

static inline void memcpy_toio(volatile void __iomem *to, const void *from, size_t n)
{
	for (size_t i = 0; i < n; i++)
		writeb(((const u8 *)from)[i], (volatile u8 __iomem *)to + i);
}

static inline void memset_io(volatile void __iomem *to, int c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		writeb((u8)c, (volatile u8 __iomem *)to + i);
}

/* The relaxed forms: on x86 the same accesses. */
#define readb_relaxed(a)	readb(a)
#define readw_relaxed(a)	readw(a)
#define readl_relaxed(a)	readl(a)
#define writeb_relaxed(v, a)	writeb(v, a)
#define writew_relaxed(v, a)	writew(v, a)
#define writel_relaxed(v, a)	writel(v, a)

/* ioread/iowrite: on a cookie from pci_iomap or ioport_map, which is a
 * port number (below 0x10000) or an MMIO pointer; they pick the access. */
#define IO_SPACE_LIMIT	0xffff
#define __io_is_port(a)	((unsigned long)(a) <= IO_SPACE_LIMIT)
static inline u8 ioread8(const volatile void __iomem *a)
{
	return __io_is_port(a) ? inb((unsigned long)a) : readb(a);
}

static inline u16 ioread16(const volatile void __iomem *a)
{
	return __io_is_port(a) ? inw((unsigned long)a) : readw(a);
}

static inline u32 ioread32(const volatile void __iomem *a)
{
	return __io_is_port(a) ? inl((unsigned long)a) : readl(a);
}

static inline void iowrite8(u8 v, volatile void __iomem *a)
{
	if (__io_is_port(a))
		outb(v, (unsigned long)a);
	else
		writeb(v, a);
}

static inline void iowrite16(u16 v, volatile void __iomem *a)
{
	if (__io_is_port(a))
		outw(v, (unsigned long)a);
	else
		writew(v, a);
}

static inline void iowrite32(u32 v, volatile void __iomem *a)
{
	if (__io_is_port(a))
		outl(v, (unsigned long)a);
	else
		writel(v, a);
}

/* A cookie for ports [port, port + nr) usable with ioread/iowrite. */
static inline void __iomem *ioport_map(unsigned long port, unsigned int nr)
{
	return (void __iomem *)port;
}

static inline void ioport_unmap(void __iomem *addr)
{
}

/* ---- mapping physical MMIO ---- */

/* Maps size bytes of physical address space from phys (any alignment)
 * into the vmalloc area, uncached (PCD and PWT set), and returns the
 * virtual address of phys, or NULL if size is 0, the range wraps, or
 * address space runs out. Each mapping is one range of /proc/vmallocinfo
 * ("ioremap"); a module's mappings left at unload are unmapped and
 * reported. */
void __iomem *ioremap(phys_addr_t phys, size_t size);
/* Unmaps what ioremap returned (the pointer it gave, not an offset into
 * it). NULL does nothing; anything else is reported and ignored. */
void iounmap(volatile void __iomem *addr);
#define ioremap_nocache(p, s)	ioremap(p, s)
#define ioremap_uc(p, s)	ioremap(p, s)
#define ioremap_wc(p, s)	ioremap(p, s)

/* ---- the direct map: kernel address <-> physical address ----
 * Valid for memory of the direct map (kmalloc, page allocator,
 * dma_alloc_coherent), not for vmalloc or ioremap addresses. */
#define __PHYS_OFFSET	0xC0000000ul
#ifndef virt_to_phys
static inline phys_addr_t virt_to_phys(volatile void *address)
{
	return (unsigned long)address - __PHYS_OFFSET;
}
#endif
#ifndef phys_to_virt
static inline void *phys_to_virt(phys_addr_t address)
{
	return (void *)(address + __PHYS_OFFSET);
}
#endif

#endif
