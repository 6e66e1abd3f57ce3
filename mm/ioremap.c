/*
 * ioremap / iounmap: a device's physical memory (a PCI BAR) mapped
 * uncached into the vmalloc area (vmap_io), each mapping remembered with
 * who asked for it, so that one a module leaves at unload is unmapped and
 * reported.
 */
#include <asm/io.h>
#include "kernel/io.h"
#include "kernel/printk.h"
#include "kernel/symbols.h"
#include "kernel/module.h"
#include "mm/mm.h"
#include <tessera/errno.h>

struct iomap {
	uintptr_t virt;		/* what ioremap returned */
	uint32_t phys, size;	/* what was asked for */
	uintptr_t caller;	/* return address of the request */
	const struct module *owner;	/* module of caller, or NULL */
	struct iomap *next;
};

static struct {
	struct iomap *maps;
} ioremaps;

void *ioremap_caller(uint32_t phys, uint32_t size, uintptr_t caller)
{
	uint32_t first = phys & PAGE_MASK, off = phys & ~PAGE_MASK;
	uint64_t last = (uint64_t)phys + size;
	struct iomap *m;
	void *base;

	if (size == 0 || last > 0x100000000ull)
		return NULL;
	m = kmalloc(sizeof(*m));
	if (!m)
		return NULL;
	base = vmap_io(first, PAGES_FOR(off + (uint64_t)size));
	if (!base) {
		kfree(m);
		return NULL;
	}
	*m = (struct iomap){ .virt = (uintptr_t)base + off, .phys = phys,
			     .size = size, .caller = caller,
			     .owner = module_of_addr((const void *)caller),
			     .next = ioremaps.maps };
	ioremaps.maps = m;
	return (void *)m->virt;
}

/* Maps [phys, phys + size) uncached; see <asm/io.h>. */
__attribute__((__noinline__)) void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	return ioremap_caller(phys, size, (uintptr_t)__builtin_return_address(0));
}

static void iomap_release(struct iomap **link)
{
	struct iomap *m = *link;

	*link = m->next;
	vunmap((void *)(m->virt & PAGE_MASK));
	kfree(m);
}

/* Unmaps an ioremap mapping; see <asm/io.h>. */
void iounmap(volatile void __iomem *addr)
{
	struct iomap **link = &ioremaps.maps;

	if (!addr)
		return;
	while (*link && (*link)->virt != (uintptr_t)addr)
		link = &(*link)->next;
	if (!*link) {
		pr_err("iounmap: %p was not mapped by ioremap\n", addr);
		return;
	}
	iomap_release(link);
}

unsigned ioremap_reap(const char *mod, uintptr_t start, uintptr_t len)
{
	struct iomap **link = &ioremaps.maps;
	unsigned n = 0;

	while (*link) {
		struct iomap *m = *link;
		char sym[96];

		if (!m->owner || (uintptr_t)m->owner - start >= len) {
			link = &m->next;
			continue;
		}
		sym_format(m->caller, sym, sizeof(sym));
		pr_err("%s: the module left an ioremap of %08x-%08x mapped (%s); "
		       "unmapped it\n", mod, m->phys, m->phys + m->size - 1, sym);
		iomap_release(link);
		n++;
	}
	return n;
}
