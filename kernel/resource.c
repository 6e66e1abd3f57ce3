/*
 * Resources: the trees of I/O ports and physical addresses
 * (ioport_resource, iomem_resource) with request/release, the kernel's own
 * claims at boot, /proc/ioports and /proc/iomem in Linux's layout, and
 * the reaping of regions a module left claimed.
 * A busy resource is always a claim made here (a struct claim, kmalloc'd);
 * the others are roots and PCI BARs, owned by whoever inserted them.
 */
#include <linux/ioport.h>
#include "kernel/io.h"
#include "kernel/drivers.h"
#include "kernel/bootinfo.h"
#include "kernel/printk.h"
#include "kernel/symbols.h"
#include "kernel/module.h"
#include "kernel/cpu.h"
#include "mm/mm.h"
#include "fs/vfs.h"
#include "lib/string.h"
#include <tessera/errno.h>

struct resource ioport_resource = {
	.start = 0, .end = 0xffff, .name = "PCI IO", .flags = IORESOURCE_IO,
};
struct resource iomem_resource = {
	.start = 0, .end = 0xffffffffu, .name = "PCI mem", .flags = IORESOURCE_MEM,
};

/* A region claimed with __request_region. */
struct claim {
	struct resource res;
	uintptr_t caller;	/* return address of the request */
	const struct module *owner;	/* module of caller, or NULL */
};

/* The child of parent that overlaps [start, end], or NULL; *link gets the
 * place in parent's sorted child list where such a range goes. */
static struct resource *overlap(struct resource *parent, uint32_t start,
				uint32_t end, struct resource ***link)
{
	struct resource **p = &parent->child;

	for (; *p && (*p)->end < start; p = &(*p)->sibling)
		;
	*link = p;
	return *p && (*p)->start <= end ? *p : NULL;
}

/* The deepest non-busy resource under root holding [start, end] whole, or
 * NULL when the range clashes with a busy one or straddles one. */
static struct resource *find_parent(struct resource *root, uint32_t start,
				    uint32_t end, struct resource ***link)
{
	struct resource *r = root, *c;

	if (start < root->start || end > root->end)
		return NULL;
	while ((c = overlap(r, start, end, link)) != NULL) {
		if ((c->flags & IORESOURCE_BUSY) || c->start > start || c->end < end)
			return NULL;
		r = c;
	}
	return r;
}

static void link_in(struct resource *parent, struct resource **link,
		    struct resource *res)
{
	res->parent = parent;
	res->child = NULL;
	res->sibling = *link;
	*link = res;
}

int resource_insert(struct resource *root, struct resource *res)
{
	uint32_t flags = irq_save();
	struct resource **link;
	struct resource *parent = find_parent(root, res->start, res->end, &link);

	if (parent)
		link_in(parent, link, res);
	irq_restore(flags);
	return parent ? 0 : -EBUSY;
}

struct resource *resource_request_caller(struct resource *root, uint32_t start,
					 uint32_t n, const char *name,
					 uintptr_t caller)
{
	struct claim *c;
	struct resource *parent, **link;
	uint32_t flags;

	if (n == 0 || start + (n - 1) < start)
		return NULL;
	c = kzalloc(sizeof(*c));
	if (!c)
		return NULL;
	c->res = (struct resource){ .start = start, .end = start + (n - 1),
		.name = name, .flags = (root->flags & (IORESOURCE_IO | IORESOURCE_MEM)) |
				       IORESOURCE_BUSY };
	c->caller = caller;
	c->owner = module_of_addr((const void *)caller);
	flags = irq_save();
	parent = find_parent(root, start, c->res.end, &link);
	if (parent)
		link_in(parent, link, &c->res);
	irq_restore(flags);
	if (!parent)
		kfree(c);
	return parent ? &c->res : NULL;
}

/* Claims [start, start + n) for name. NULL on clash, bad range or no
 * memory; see <linux/ioport.h>. */
__attribute__((__noinline__))
struct resource *__request_region(struct resource *parent, resource_size_t start,
				  resource_size_t n, const char *name, int flags)
{
	return resource_request_caller(parent, start, n, name,
				       (uintptr_t)__builtin_return_address(0));
}

/* The busy resource [start, end] under r, and the link that points to it. */
static struct resource **find_claim(struct resource **link, uint32_t start,
				    uint32_t end)
{
	for (; *link; link = &(*link)->sibling) {
		struct resource *r = *link;

		if (r->start == start && r->end == end && (r->flags & IORESOURCE_BUSY))
			return link;
		if (r->start <= start && r->end >= end && r->child) {
			struct resource **in = find_claim(&r->child, start, end);

			if (in)
				return in;
		}
	}
	return NULL;
}

static void unlink_claim(struct resource **link)
{
	struct resource *r = *link;

	*link = r->sibling;
	kfree(((struct claim *)(r)));
}

/* Releases the claim [start, start + n); anything else is reported. */
void __release_region(struct resource *parent, resource_size_t start,
		      resource_size_t n)
{
	uint32_t flags = irq_save();
	struct resource **link = n ? find_claim(&parent->child, start, start + (n - 1))
				   : NULL;

	if (link)
		unlink_claim(link);
	irq_restore(flags);
	if (!link)
		pr_err("release_region: %s 0x%x-0x%x was not claimed\n",
		       parent == &ioport_resource ? "ports" : "memory",
		       start, start + n - 1);
}

/* 1 if [start, start + n) could be claimed now, else 0. */
int __check_region(struct resource *parent, resource_size_t start,
		   resource_size_t n)
{
	struct resource **link;

	return n && start + (n - 1) >= start &&
	       find_parent(parent, start, start + (n - 1), &link) != NULL;
}

/* ---- /proc/ioports and /proc/iomem ---- */

static void show_tree(struct seq_buf *m, const struct resource *r, int depth,
		      int width)
{
	for (; r; r = r->sibling) {
		seq_buf_printf(m, "%*s%0*x-%0*x : %s\n", depth * 2, "", width, r->start,
			   width, r->end, r->name ? r->name : "<BAD>");
		show_tree(m, r->child, depth + 1, width);
	}
}

static int show_ioports(struct seq_buf *m, void *arg)
{
	uint32_t flags = irq_save();

	show_tree(m, ioport_resource.child, 0, 4);
	irq_restore(flags);
	return 0;
}

static int show_iomem(struct seq_buf *m, void *arg)
{
	uint32_t flags = irq_save();

	show_tree(m, iomem_resource.child, 0, 8);
	irq_restore(flags);
	return 0;
}

/* ---- reaping ---- */

/* Releases, under r's children, every claim made from [start, start+len). */
static unsigned reap_tree(struct resource **link, const char *mod, uintptr_t start,
			  uintptr_t len, bool io)
{
	unsigned n = 0;

	while (*link) {
		struct resource *r = *link;
		struct claim *c = ((struct claim *)(r));
		char sym[96];

		if (r->child)
			n += reap_tree(&r->child, mod, start, len, io);
		if (!(r->flags & IORESOURCE_BUSY) || !c->owner ||
		    (uintptr_t)c->owner - start >= len) {
			link = &r->sibling;
			continue;
		}
		sym_format(c->caller, sym, sizeof(sym));
		pr_err("%s: the module left %s %0*x-%0*x (\"%s\") claimed (%s); "
		       "released them\n", mod, io ? "ports" : "memory region",
		       io ? 4 : 8, r->start, io ? 4 : 8, r->end, r->name, sym);
		unlink_claim(link);
		n++;
	}
	return n;
}

unsigned resource_reap(const char *mod, uintptr_t start, uintptr_t len)
{
	uint32_t flags = irq_save();
	unsigned n = reap_tree(&ioport_resource.child, mod, start, len, true) +
		     reap_tree(&iomem_resource.child, mod, start, len, false);

	irq_restore(flags);
	return n;
}

void io_reap_module(const char *mod, uintptr_t start, uintptr_t len)
{
	pci_reap(mod, start, len);
	ioremap_reap(mod, start, len);
	resource_reap(mod, start, len);
	dma_reap(mod, start, len);
	i8042_reap(mod, start, len);
}

/* ---- boot ---- */

/* The ports the kernel drives or that legacy PC hardware decodes, with
 * Linux's names where Linux has them. */
static const struct { uint16_t start, end; const char *name; } kernel_ports[] = {
	{ 0x0000, 0x001f, "dma1" },
	{ 0x0020, 0x0021, "pic1" },
	{ 0x0040, 0x0043, "timer0" },
	{ 0x0050, 0x0053, "timer1" },
	{ 0x0060, 0x0060, "keyboard" },
	{ 0x0064, 0x0064, "keyboard" },
	{ 0x0070, 0x0071, "cmos" },
	{ 0x0080, 0x008f, "dma page reg" },
	{ 0x00a0, 0x00a1, "pic2" },
	{ 0x00c0, 0x00df, "dma2" },
	{ 0x00f4, 0x00f7, "isa-debug-exit" },
	{ 0x03c0, 0x03df, "vga+" },
	{ 0x03f8, 0x03ff, "serial" },
	{ 0x0cf8, 0x0cff, "PCI conf1" },
};

void resource_init(const struct bootinfo *bi)
{
	for (unsigned i = 0; i < sizeof(kernel_ports) / sizeof(kernel_ports[0]); i++)
		if (!__request_region(&ioport_resource, kernel_ports[i].start,
				      kernel_ports[i].end - kernel_ports[i].start + 1,
				      kernel_ports[i].name, 0))
			pr_err("resource: cannot claim ports for %s\n", kernel_ports[i].name);
	for (unsigned i = 0; i < bi->n_usable; i++) {
		uint64_t s = bi->usable[i].start, e = bi->usable[i].end;

		if (s < e && e <= 0x100000000ull &&
		    !__request_region(&iomem_resource, s, e - s, "System RAM", 0))
			pr_err("resource: cannot claim RAM at 0x%llx\n", s);
	}
	__request_region(&iomem_resource, 0xa0000, 0x20000, "Video RAM area", 0);
	if (proc_create_show("ioports", show_ioports, NULL) ||
	    proc_create_show("iomem", show_iomem, NULL))
		pr_err("resource: cannot make /proc/ioports and /proc/iomem\n");
}
