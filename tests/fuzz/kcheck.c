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
