/*
 * kernel/module.c built on the host, unchanged, so that its static
 * check_header() (what `init module` checks on a mapped image) can be
 * called on an image the loader made: the file is included here, and the
 * few kernel calls it makes outside the checks get stand-ins below.
 */
#include "kernel/module.c"
#include "tests/fuzz/kcheck.h"

/* --- stand-ins for the kernel services module.c links against --- */

int printk(const char *fmt, ...)
{
	return 0;
}

void *kzalloc(size_t size)
{
	return NULL;		/* module_create is never called here */
}

void *kmalloc(size_t size)
{
	return NULL;		/* kernel/params.c: only module_start reaches it */
}

void kfree(const void *p)
{
}

int ksyms_add(struct module_record *rec, const char **clash)
{
	return -ENOMEM;		/* module_start is never called here */
}

void ksyms_remove(struct module_record *rec)
{
}

const struct kernel_symbol *ksym_find(const char *name,
				      struct module_record **owner)
{
	return NULL;
}

/* Faults, taint, module symbols and memory accounting: only module_start,
 * module_stop and unmapping reach them, never check_header. */
long guard_call(struct fault_guard *g, struct module_record *owner, const char *what,
		long (*fn)(void *arg), void *arg)
{
	g->faulted = false;
	return fn(arg);
}

void add_taint(unsigned flag)
{
}

uint32_t get_taint(void)
{
	return 0;
}

void modsyms_drop_init(struct module_record *rec)
{
}

void modsyms_free(struct module_record *rec)
{
}

unsigned mm_module_release(const struct module *mod,
			   void (*fn)(const struct mm_held_site *site, void *arg),
			   void *arg)
{
	return 0;
}

int mm_held_format(char *buf, size_t size, unsigned kind, uint32_t count,
		   uint32_t amount)
{
	return snprintf(buf, size, "%u", count);
}

struct task_struct *sched_find_user(uintptr_t start, uintptr_t len, uintptr_t *where,
				    const char **how)
{
	return NULL;		/* no threads on the host */
}

void put_task_struct(struct task_struct *t)
{
}

void vunmap(const void *addr)
{
	(void)addr;		/* never reached: no init image on the host */
}

/* Contract in tests/fuzz/kcheck.h. */
int kcheck_header(void *image, uint32_t mapped, const char *dirname,
		  char *why, size_t whylen)
{
	struct module_record rec = { .state = MODULE_STATE_MAPPED };
	int err;

	strlcpy(rec.name, dirname, sizeof(rec.name));
	rec.hdr = image;
	rec.mapped_size = mapped;
	err = check_header(&rec);
	strlcpy(why, err ? rec.last_why : "", whylen);
	return err;
}
