/*
 * Resources: ranges of I/O ports and of physical address space, kept as
 * two trees (ioport_resource: /proc/ioports; iomem_resource: /proc/iomem).
 * A driver claims what it drives with request_region / request_mem_region
 * and gives it back with release_region / release_mem_region. A claim
 * fails (NULL) when it overlaps a busy range or straddles any range; it
 * nests inside a range that is not busy (a PCI device's BAR), as Linux's.
 */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H

#include <linux/types.h>

struct resource {
	resource_size_t start, end;	/* inclusive: [start, end] */
	const char *name;		/* shown in /proc; must outlive the claim */
	unsigned long flags;		/* IORESOURCE_* */
	struct resource *parent, *sibling, *child;	/* the tree */
};

#define IORESOURCE_IO		0x00000100	/* port numbers */
#define IORESOURCE_MEM		0x00000200	/* physical addresses */
#define IORESOURCE_PREFETCH	0x00002000	/* a PCI BAR's prefetchable bit */
#define IORESOURCE_MEM_64	0x00100000	/* a 64-bit PCI memory BAR */
#define IORESOURCE_BUSY		0x80000000	/* claimed by a driver */

/* The roots: all ports 0..0xffff, all physical addresses 0..4 GiB-1. */
extern struct resource ioport_resource;
extern struct resource iomem_resource;

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

static inline unsigned long resource_type(const struct resource *res)
{
	return res->flags & (IORESOURCE_IO | IORESOURCE_MEM);
}

/* Claims [start, start + n) in the tree under parent for name, marked
 * busy. Returns the new resource, or NULL if n is 0, the range wraps or
 * leaves parent, overlaps a busy range, straddles a range, or memory is
 * short. Claimed from a module's code, it is that module's: one it still
 * holds at unload is released and reported. flags: 0 (Linux's
 * IORESOURCE_EXCLUSIVE and _MUXED are not supported). */
struct resource *__request_region(struct resource *parent,
				  resource_size_t start, resource_size_t n,
				  const char *name, int flags);
/* Releases the busy range [start, start + n) that __request_region made
 * (exactly that range). A range not claimed is reported and ignored. */
void __release_region(struct resource *parent, resource_size_t start,
		      resource_size_t n);

#define request_region(start, n, name) \
	__request_region(&ioport_resource, (start), (n), (name), 0)
#define request_mem_region(start, n, name) \
	__request_region(&iomem_resource, (start), (n), (name), 0)
#define release_region(start, n) \
	__release_region(&ioport_resource, (start), (n))
#define release_mem_region(start, n) \
	__release_region(&iomem_resource, (start), (n))

/* True if [start, start + n) could be claimed now. Linux's old
 * check_region, negated. */
int __check_region(struct resource *parent, resource_size_t start,
		   resource_size_t n);

#endif
