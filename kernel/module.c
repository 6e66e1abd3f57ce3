/*
 * The module core: struct module bookkeeping, states and reference
 * counts. For now only built-in code (the NULL module) exists.
 */
#include "kernel/module.h"
#include <stddef.h>

bool try_module_get(struct module *mod)
{
	return mod == NULL;
}

void module_put(struct module *mod)
{
}
