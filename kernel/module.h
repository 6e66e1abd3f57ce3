/*
 * The module core (kernel/module.c): struct module, its states and its
 * reference count. Built-in code uses a NULL module, which is always live
 * and never counted.
 */
#ifndef KERNEL_MODULE_H
#define KERNEL_MODULE_H

#include <stdbool.h>

struct module;

/* Takes a reference if mod is live (or NULL, built-in); false otherwise. */
bool try_module_get(struct module *mod);
/* Drops a reference; an underflow is reported, not wrapped. */
void module_put(struct module *mod);

#endif
