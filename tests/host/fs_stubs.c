/*
 * Host stubs for the fs/ host tests (see fs_stubs.h): page_alloc and
 * kmalloc on malloc, module references that always succeed, a clock that
 * stands still, printk on stderr, and the string helpers glibc lacks.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/host/fs_stubs.h"
#include "mm/mm.h"
#include "kernel/module.h"
#include "kernel/oops.h"

int stub_pages_used;
int stub_kmallocs_live;
int stub_page_fail_after = -1;
int stub_kmalloc_fail_after = -1;

/* A host page: the descriptor followed by a pointer to its 4 KiB. */
struct host_page {
	struct page page;
	void *data;
};

static int should_fail(int *after)
{
	if (*after < 0)
		return 0;
	if (*after == 0)
		return 1;
	(*after)--;
	return 0;
}

struct page *page_alloc(unsigned order)
{
	struct host_page *hp;

	if (order != 0 || should_fail(&stub_page_fail_after))
		return NULL;
	hp = calloc(1, sizeof(*hp));
	hp->data = malloc(PAGE_SIZE);
	memset(hp->data, 0xa5, PAGE_SIZE);	/* not zeroed, like the real one */
	hp->page.refcount = 1;
	stub_pages_used++;
	return &hp->page;
}

void page_free(struct page *page, unsigned order)
{
	struct host_page *hp = (struct host_page *)page;

	free(hp->data);
	free(hp);
	stub_pages_used--;
}

void *page_address(const struct page *page)
{
	return ((const struct host_page *)page)->data;
}

void *kmalloc(size_t size)
{
	if (size == 0 || should_fail(&stub_kmalloc_fail_after))
		return NULL;
	stub_kmallocs_live++;
	return malloc(size);
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(const void *ptr)
{
	if (!ptr)
		return;
	stub_kmallocs_live--;
	free((void *)ptr);
}

bool try_module_get(struct module *mod)
{
	return true;
}

void module_put(struct module *mod)
{
}

/* No module is loaded on the host: file operations are called directly. */
struct module_record *module_record_at(uintptr_t addr)
{
	return NULL;
}

long guard_call(struct fault_guard *g, struct module_record *owner, const char *what,
		long (*fn)(void *arg), void *arg)
{
	g->faulted = false;
	return fn(arg);
}

uint32_t fs_now(void);
uint32_t fs_now(void)
{
	return 0;
}


/* printk on stderr (fs/file.c reports a file closed twice). */
int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stderr, fmt, ap);
	va_end(ap);
	return n;
}
