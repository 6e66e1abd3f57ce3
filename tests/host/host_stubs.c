/*
 * Host stand-ins for printk, panic, kernel/paging.c and the module lookups
 * of kernel/module.c and kernel/symbols.c, and the fake physical memory
 * arena, so that the mm/ sources run unchanged in host tests (see
 * host_stubs.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/host/host_stubs.h"
#include "kernel/paging.h"
#include "kernel/module.h"
#include "kernel/symbols.h"

char *mm_host_base;
uintptr_t mm_host_modarea, mm_host_modarea_size;
unsigned host_err_reports;
unsigned host_pt_errors;

#define PT_ENTRIES	((VMALLOC_END - VMALLOC_START) / PAGE_SIZE)
#define PT_PRESENT	1u

static uint32_t fake_pt[PT_ENTRIES];	/* pa | PT_PRESENT per vmalloc page */
static unsigned fake_pt_mapped;

int vprintk(const char *fmt, va_list ap)
{
	int level = 4;

	if (fmt[0] == '\001' && fmt[1]) {
		level = fmt[1] == 'c' ? 4 : fmt[1] - '0';
		fmt += 2;
	}
	if (level == 3)
		host_err_reports++;
	fprintf(stderr, "    # printk<%d>: ", level);
	return vfprintf(stderr, fmt, ap);
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "Kernel panic - not syncing: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	abort();
}

static uint32_t *pte(uintptr_t va)
{
	if (va < VMALLOC_START || va >= VMALLOC_END || (va & (PAGE_SIZE - 1))) {
		host_pt_errors++;
		return NULL;
	}
	return &fake_pt[(va - VMALLOC_START) / PAGE_SIZE];
}

void paging_map(uintptr_t va, uintptr_t pa)
{
	uint32_t *e = pte(va);

	if (!e)
		return;
	if ((*e & PT_PRESENT) || pa >= HOST_MEM_SIZE || (pa & (PAGE_SIZE - 1)))
		host_pt_errors++;
	else
		fake_pt_mapped++;
	*e = (uint32_t)pa | PT_PRESENT;
}

/* Device memory: any physical address (mm/vmalloc.c's vmap_io). */
void paging_map_io(uintptr_t va, uintptr_t pa)
{
	uint32_t *e = pte(va);

	if (!e)
		return;
	if ((*e & PT_PRESENT) || (pa & (PAGE_SIZE - 1)))
		host_pt_errors++;
	else
		fake_pt_mapped++;
	*e = (uint32_t)pa | PT_PRESENT;
}

void paging_unmap(uintptr_t va)
{
	uint32_t *e = pte(va);

	if (!e)
		return;
	if (!(*e & PT_PRESENT))
		host_pt_errors++;
	else
		fake_pt_mapped--;
	*e = 0;
}

uintptr_t paging_lookup(uintptr_t va)
{
	uint32_t *e;

	if (va < VMALLOC_START || va >= VMALLOC_END)
		return 0;
	e = &fake_pt[(va - VMALLOC_START) / PAGE_SIZE];
	return (*e & PT_PRESENT) ? (*e & PAGE_MASK) : 0;
}

unsigned host_pt_mapped(void)
{
	return fake_pt_mapped;
}

void *host_vptr(uintptr_t va)
{
	uintptr_t pa = paging_lookup(va & PAGE_MASK);

	return pa ? mm_host_base + pa + (va & (PAGE_SIZE - 1)) : NULL;
}

void host_mem_arena(void)
{
	if (!mm_host_base) {
		mm_host_base = aligned_alloc(PAGE_SIZE, HOST_MEM_SIZE);
		if (!mm_host_base)
			abort();
		memset(mm_host_base, 0, HOST_MEM_SIZE);
	}
}

int host_mm_init(void)
{
	static const struct mem_range usable[] = {
		{ 0, 0x9F000 }, { 0x100000, HOST_MEM_SIZE },
	};
	static const struct mem_range reserved[] = {
		{ 0, 0x100000 }, { 0x100000, HOST_KERNEL_END },
	};

	host_mem_arena();
	return page_alloc_init(usable, 2, reserved, 2);
}

static struct {
	bool mapped, init_forgotten;
} host_mods[HOST_MODULES];

static struct module *host_module(unsigned slot)
{
	return (struct module *)(mm_host_modarea + slot * HOST_MODULE_SIZE);
}

struct module *host_module_map(unsigned slot, uint32_t core_size,
			       uint32_t init_size)
{
	struct module *m;

	if (!mm_host_modarea) {
		mm_host_modarea_size = HOST_MODULES * HOST_MODULE_SIZE;
		mm_host_modarea = (uintptr_t)aligned_alloc(PAGE_SIZE,
							   mm_host_modarea_size);
		if (!mm_host_modarea)
			abort();
	}
	if (slot >= HOST_MODULES || core_size + init_size > HOST_MODULE_SIZE)
		abort();
	m = host_module(slot);
	memset(m, 0, sizeof(*m));
	snprintf(m->name, sizeof(m->name), "hostmod%u", slot);
	m->magic = MODULE_MAGIC;
	m->core_size = core_size;
	m->init_size = init_size;
	host_mods[slot].mapped = true;
	host_mods[slot].init_forgotten = false;
	return m;
}

void host_module_unmap(unsigned slot)
{
	host_mods[slot].mapped = false;
}

void host_module_forget_init(unsigned slot)
{
	host_mods[slot].init_forgotten = true;
}

/* The slot whose mapped image holds addr, or -1. */
static int host_slot_of(uintptr_t addr)
{
	uintptr_t off = addr - mm_host_modarea;

	if (!mm_host_modarea || off >= mm_host_modarea_size)
		return -1;
	return host_mods[off / HOST_MODULE_SIZE].mapped ?
	       (int)(off / HOST_MODULE_SIZE) : -1;
}

struct module *module_of_addr(const void *addr)
{
	int slot = host_slot_of((uintptr_t)addr);

	return slot < 0 ? NULL : host_module(slot);
}

size_t sym_format(uintptr_t addr, char *buf, size_t size)
{
	int slot = host_slot_of(addr);
	struct module *m;
	uint32_t off;

	if (slot < 0)
		return snprintf(buf, size, "0x%08x", (unsigned)addr);
	m = host_module(slot);
	off = addr - (uintptr_t)m;
	if (off < m->core_size)
		return snprintf(buf, size, "core_fn+0x%x/0x100 [%s]", off, m->name);
	if (host_mods[slot].init_forgotten)
		return snprintf(buf, size, "0x%08x", (unsigned)addr);
	return snprintf(buf, size, "init_fn+0x%x/0x40 [%s]",
			off - m->core_size, m->name);
}
