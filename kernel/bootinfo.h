/*
 * What the boot loader told us, copied out of the multiboot information
 * before anything can overwrite it (kernel/bootinfo.c): the command line,
 * the memory map and the boot modules (the ramdisk).
 */
#ifndef KERNEL_BOOTINFO_H
#define KERNEL_BOOTINFO_H

#include <stdint.h>
#include "mm/mm.h"

#define BOOT_MAX_RANGES	32
#define BOOT_MAX_MODULES 4
#define BOOT_CMDLINE_MAX 256

struct boot_module {
	uint32_t start, end;	/* physical bytes [start, end) */
	char name[64];		/* the loader's string for it */
};

struct bootinfo {
	char cmdline[BOOT_CMDLINE_MAX];
	struct mem_range usable[BOOT_MAX_RANGES];	/* type 1 map entries */
	unsigned n_usable;
	uint64_t usable_bytes;				/* sum of the above */
	struct boot_module modules[BOOT_MAX_MODULES];
	unsigned n_modules;
	uint32_t mbi_start, mbi_end;	/* multiboot structures (phys) */
};

/* Copies what we need from the multiboot information at mbi_phys.
 * Returns 0, or -EINVAL if magic is not the multiboot loader's or the
 * loader gave no memory map (the caller stops with a message). */
int bootinfo_init(uint32_t magic, uint32_t mbi_phys);
/* What bootinfo_init copied (read-only; all zero before it). */
const struct bootinfo *bootinfo(void);
/* The kernel command line ("" if none). */
const char *boot_cmdline(void);
/* Value of "key=value" on the command line, copied into buf; or a bare
 * "key" gives ""; returns NULL if key is absent. */
const char *boot_arg(const char *key, char *buf, unsigned size);

#endif
