/*
 * Module parameters in the kernel: checking a module's parameter table
 * (struct kernel_param, include/tessera/modformat.h) before anything
 * follows it, keeping the arguments insmod wrote to /mod/NAME/args and
 * setting them before init with Linux 6.1's messages, and keeping the
 * strings of charp parameters in kernel memory until the module is
 * unmapped. The text rules are lib/param.c's; the files are
 * fs/modfs/params.c's.
 */
#include "kernel/module.h"
#include "kernel/printk.h"
#include "lib/param.h"
#include "lib/string.h"
#include "mm/mm.h"
#include <tessera/errno.h>

/* More elements than this: not a parameter (keeps the size from overflowing). */
#define PARAM_ARRAY_MAX 65536

/* A charp value the kernel keeps for the variable at slot. */
struct param_copy {
	struct param_copy *next;
	char **slot;
	char *s;
};

/* Is [p, p+len) inside the module's core? */
static bool in_core(const struct module_record *rec, const void *p, uint32_t len)
{
	uintptr_t base = (uintptr_t)rec->hdr, a = (uintptr_t)p;

	return a >= base && len <= rec->core_size && a - base <= rec->core_size - len;
}

static bool name_in_core(const struct module_record *rec, const char *s)
{
	uintptr_t end = (uintptr_t)rec->hdr + rec->core_size;

	if (!in_core(rec, s, 1))
		return false;
	for (uintptr_t p = (uintptr_t)s; p < end; p++)
		if (*(const char *)p == '\0')
			return p != (uintptr_t)s;
	return false;
}

/* The bytes the variable of p takes, or 0 if the entry makes no sense. */
static uint32_t param_bytes(const struct kernel_param *p)
{
	unsigned type = p->type & ~PARAM_T_ARRAY;

	if (!param_type_name(type) || p->flags || p->perm > 0777)
		return 0;
	if (type == PARAM_T_string)
		return p->type & PARAM_T_ARRAY ? 0 : p->max;
	if (!(p->type & PARAM_T_ARRAY))
		return p->max ? 0 : param_elem_size(type);
	if (p->max == 0 || p->max > PARAM_ARRAY_MAX)
		return 0;
	return p->max * param_elem_size(type);
}

static int check_one(struct module_record *rec, uint32_t i)
{
	const struct kernel_param *p = &rec->hdr->params[i];
	uint32_t bytes;

	if (!name_in_core(rec, p->name))
		return module_fail(rec, -ENOEXEC, "init: parameter %u has no name in the "
				   "core", i);
	bytes = param_bytes(p);
	if (!bytes)
		return module_fail(rec, -ENOEXEC, "init: parameter %s: type 0x%x, flags "
				   "0x%x, perm 0%o, max %u make no parameter", p->name,
				   p->type, p->flags, p->perm, p->max);
	if (!in_core(rec, p->arg, bytes) ||
	    (p->num && (!in_core(rec, p->num, sizeof(*p->num)) ||
			(uintptr_t)p->num % __alignof__(unsigned int))))
		return module_fail(rec, -ENOEXEC, "init: parameter %s: its variable (%u "
				   "bytes) or count lies outside the core", p->name, bytes);
	for (uint32_t j = 0; j < i; j++)
		if (param_name_eq(rec->hdr->params[j].name, p->name))
			return module_fail(rec, -ENOEXEC, "init: parameter %s is "
					   "declared twice", p->name);
	return 0;
}

int module_params_check_table(struct module_record *rec)
{
	const struct module *h = rec->hdr;
	int err = 0;

	if (!h->num_params)
		return 0;
	if (h->num_params > rec->core_size / sizeof(struct kernel_param) ||
	    !in_core(rec, h->params, h->num_params * sizeof(struct kernel_param)) ||
	    (uintptr_t)h->params % __alignof__(struct kernel_param))
		return module_fail(rec, -ENOEXEC, "init: parameter table (%u entries) "
				   "lies outside the core", h->num_params);
	for (uint32_t i = 0; i < h->num_params && !err; i++)
		err = check_one(rec, i);
	return err;
}

int module_params_set_args(struct module_record *rec, const char *text, size_t len)
{
	char *copy;

	if (rec->state != MODULE_STATE_MAPPED || rec->faulted)
		return module_fail(rec, -EBUSY, "args: the module is %s; arguments are "
				   "taken only before init", rec->faulted ? "faulted" :
				   module_state_name(rec->state));
	if (len > MODULE_ARGS_MAX || strnlen(text, len) != len)
		return module_fail(rec, -EINVAL, "args: %u bytes%s; expected at most %u "
				   "bytes of name=value lines", (uint32_t)len,
				   strnlen(text, len) != len ? " with a NUL inside" : "",
				   MODULE_ARGS_MAX);
	copy = kmalloc(len + 1);
	if (!copy)
		return module_fail(rec, -ENOMEM, "args: no memory for %u bytes",
				   (uint32_t)len);
	memcpy(copy, text, len);
	copy[len] = '\0';
	kfree(rec->args);
	rec->args = copy;
	return 0;
}

/* param_keep_fn: the kernel's own copy of a charp value, replacing the one
 * it kept for the same variable before (a module's initial string, in its
 * image, is never freed). */
static int keep_string(void *ctx, char **slot, const char *s, size_t len)
{
	struct module_record *rec = ctx;
	struct param_copy *c;
	char *copy = kmalloc(len + 1);

	if (!copy)
		return -ENOMEM;
	for (c = rec->param_copies; c && c->slot != slot; c = c->next)
		;
	if (!c) {
		c = kzalloc(sizeof(*c));
		if (!c) {
			kfree(copy);
			return -ENOMEM;
		}
		c->slot = slot;
		c->next = rec->param_copies;
		rec->param_copies = c;
	}
	memcpy(copy, s, len);
	copy[len] = '\0';
	kfree(c->s);
	c->s = copy;
	*slot = copy;
	return 0;
}

const struct kernel_param *module_param_find(const struct module_record *rec,
					     const char *name)
{
	const struct module *h = rec->hdr;

	for (uint32_t i = 0; h && i < h->num_params; i++)
		if (param_name_eq(h->params[i].name, name))
			return &h->params[i];
	return NULL;
}

int module_param_store(struct module_record *rec, const struct kernel_param *p,
		       const char *text)
{
	return param_set(p, text, keep_string, rec, NULL, 0);
}

/* One argument, "name=value" or "name": set it, or say why not as
 * Linux's parse_args does. */
static int apply_one(struct module_record *rec, const char *arg)
{
	const char *eq = strchr(arg, '='), *val = eq ? eq + 1 : NULL;
	size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
	const struct kernel_param *p;
	char name[64], why[64];
	int err;

	strlcpy(name, arg, n < sizeof(name) ? n + 1 : sizeof(name));
	p = n < sizeof(name) ? module_param_find(rec, name) : NULL;
	if (!p) {
		pr_warn("%s: unknown parameter '%.*s' ignored\n", rec->name, (int)n, arg);
		return 0;
	}
	err = param_set(p, val, keep_string, rec, why, sizeof(why));
	if (!err)
		return 0;
	if (why[0])
		pr_err("%s: %s\n", p->name, why);
	if (err == -ENOSPC)
		pr_err("%s: `%s' too large for parameter `%s'\n", rec->name, val ? val : "",
		       p->name);
	else if (err != -ENOMEM)
		pr_err("%s: `%s' invalid for parameter `%s'\n", rec->name, val ? val : "",
		       p->name);
	return module_fail(rec, err, "`%.60s' %s for parameter `%s'", val ? val : "",
			   err == -ENOSPC ? "too large" : err == -ENOMEM ? "(no memory)" :
			   "invalid", p->name);
}

int module_params_apply_args(struct module_record *rec)
{
	char *line, *next;
	int err = 0;

	for (line = rec->args; line && !err; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next = '\0';
		if (line[0])
			err = apply_one(rec, line);
		if (next)
			*next++ = '\n';
	}
	return err;
}

void module_params_release(struct module_record *rec)
{
	while (rec->param_copies) {
		struct param_copy *c = rec->param_copies;
		rec->param_copies = c->next;
		kfree(c->s);
		kfree(c);
	}
	kfree(rec->args);
	rec->args = NULL;
}
