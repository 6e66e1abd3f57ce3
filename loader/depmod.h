/*
 * depmod's core (loader/depmod.c): pure code, shared by the guest's depmod
 * and modprobe (loader/modprobe.c) and the host's tools/depmod, which
 * writes the ramdisk's modules.dep with the same code. Given .ko files and
 * a way to ask whether the kernel exports a symbol, it finds who needs
 * whom (each module's undefined symbols against the others' exports), the
 * symbols nobody provides, the dependency cycles, and formats
 * modules.dep ("crcsum.ko: crc32.ko", dependencies in load order) and
 * modules.alias ("alias PATTERN NAME").
 */
#ifndef LOADER_DEPMOD_H
#define LOADER_DEPMOD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "loader/elf.h"

#define DEPMOD_PATH_MAX 128

struct depmod_mod {
	char path[DEPMOD_PATH_MAX];	/* as modules.dep lists it: "crc32.ko" */
	char *buf;			/* the file, owned (tool_free) */
	struct modelf m;		/* parsed: m.hdr.name is the name */
	uint32_t *deps;			/* every module it needs, load order */
	uint32_t ndeps;
};

struct depmod {
	struct depmod_mod *mods;	/* sorted by path */
	uint32_t n, cap;
	/* Does the kernel export sym? (/proc/ksyms' "kernel" lines, or the
	 * build's kernel-crcs.lds.) */
	bool (*kernel_exports)(void *arg, const char *sym);
	/* Prints one message line (no newline): "depmod: WARNING: ...". */
	void (*say)(void *arg, const char *line);
	void *arg;
	const char *dir;		/* prefix of paths in messages ("" ok) */
	uint32_t n_unknown;		/* symbols nobody provides */
	uint32_t n_in_cycles;		/* modules in dependency cycles */
};

/* Adds the module at path (relative to the directory) whose whole file is
 * buf[0..len); takes buf (tool_alloc'd, NUL room not needed), even on
 * failure. Returns 0, -ENOEXEC (the loader's checks refuse it: said, with
 * the reason, and left out), -ENAMETOOLONG or -ENOMEM. */
int depmod_add(struct depmod *d, const char *path, char *buf, size_t len);
/* Resolves every module's undefined symbols: reports each one nobody
 * exports (weak ones excepted) and every cycle, naming the modules.
 * Returns 0, -ELOOP if there is a cycle (then nothing should be written),
 * or -ENOMEM. */
int depmod_resolve(struct depmod *d);
/* Formats modules.dep / modules.alias into buf[size] (NUL-terminated,
 * cut if short); returns the length the whole text needs, as snprintf. */
size_t depmod_format_dep(const struct depmod *d, char *buf, size_t size);
size_t depmod_format_alias(const struct depmod *d, char *buf, size_t size);
/* Frees everything depmod_add and depmod_resolve allocated. */
void depmod_free(struct depmod *d);

#endif
