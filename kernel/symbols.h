/*
 * Naming code addresses (kernel/symbols.c): the kernel's own functions and
 * those of loaded modules, for oops reports and leak reports.
 * PLACEHOLDER on the `leaks` branch: the oops branch provides the real one.
 */
#ifndef KERNEL_SYMBOLS_H
#define KERNEL_SYMBOLS_H

#include <stddef.h>
#include <stdint.h>

/* Writes addr as "function+0xoff/0xsize [module]" (kernel functions without
 * the bracket), or "0x%08x" if no symbol covers it, into buf (size bytes,
 * always NUL-terminated if size > 0). Returns the length of the text it
 * wanted to write, as snprintf does. */
size_t sym_format(uintptr_t addr, char *buf, size_t size);

#endif
