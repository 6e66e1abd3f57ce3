/*
 * Copies the multiboot v1 information (command line, memory map, modules)
 * into a static struct at boot, so later code never reads loader memory.
 */
#include "kernel/bootinfo.h"
#include "lib/string.h"
#include <tessera/errno.h>

#define MULTIBOOT_LOADER_MAGIC 0x2BADB002
#define MBI_FLAG_CMDLINE (1u << 2)
#define MBI_FLAG_MODS    (1u << 3)
#define MBI_FLAG_MMAP    (1u << 6)

struct mb_info {
	uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
	uint32_t mods_count, mods_addr, syms[4], mmap_length, mmap_addr;
} __attribute__((packed));

struct mb_mmap_entry {
	uint32_t size;		/* of the rest of the entry */
	uint64_t addr, len;
	uint32_t type;		/* 1 = usable RAM */
} __attribute__((packed));

struct mb_module {
	uint32_t start, end, string, reserved;
} __attribute__((packed));

static struct bootinfo boot;

static void copy_string(char *dst, uint32_t phys, unsigned size)
{
	if (phys && phys < DIRECT_MAP_LIMIT)
		strlcpy(dst, phys_to_virt(phys), size);
	else
		dst[0] = '\0';
}

static void copy_mmap(const struct mb_info *mbi)
{
	uint32_t off = 0;

	while (off + sizeof(struct mb_mmap_entry) <= mbi->mmap_length &&
	       boot.n_usable < BOOT_MAX_RANGES) {
		const struct mb_mmap_entry *e = phys_to_virt(mbi->mmap_addr + off);

		if (e->type == 1 && e->len) {
			boot.usable[boot.n_usable++] =
				(struct mem_range){ e->addr, e->addr + e->len };
			boot.usable_bytes += e->len;
		}
		off += e->size + 4;
	}
}

static void copy_modules(const struct mb_info *mbi)
{
	const struct mb_module *m = phys_to_virt(mbi->mods_addr);

	for (uint32_t i = 0; i < mbi->mods_count && i < BOOT_MAX_MODULES; i++) {
		struct boot_module *b = &boot.modules[boot.n_modules++];

		b->start = m[i].start;
		b->end = m[i].end;
		copy_string(b->name, m[i].string, sizeof(b->name));
	}
	boot.mbi_end = mbi->mods_addr + mbi->mods_count * sizeof(*m);
}

int bootinfo_init(uint32_t magic, uint32_t mbi_phys)
{
	const struct mb_info *mbi = phys_to_virt(mbi_phys);

	if (magic != MULTIBOOT_LOADER_MAGIC)
		return -EINVAL;
	boot.mbi_start = mbi_phys;
	boot.mbi_end = mbi_phys + sizeof(*mbi);
	if (mbi->flags & MBI_FLAG_CMDLINE)
		copy_string(boot.cmdline, mbi->cmdline, sizeof(boot.cmdline));
	if (mbi->flags & MBI_FLAG_MODS)
		copy_modules(mbi);
	if (!(mbi->flags & MBI_FLAG_MMAP))
		return -EINVAL;
	copy_mmap(mbi);
	return 0;
}

const struct bootinfo *bootinfo(void)
{
	return &boot;
}

const char *boot_cmdline(void)
{
	return boot.cmdline;
}

const char *boot_arg(const char *key, char *buf, unsigned size)
{
	size_t klen = strlen(key);
	const char *p = boot.cmdline;

	while (*p) {
		while (*p == ' ')
			p++;
		if (!strncmp(p, key, klen) && (p[klen] == '=' || p[klen] == ' ' || !p[klen])) {
			const char *v = p[klen] == '=' ? p + klen + 1 : p + klen;
			unsigned n = 0;

			while (v[n] && v[n] != ' ' && n + 1 < size) {
				buf[n] = v[n];
				n++;
			}
			buf[n] = '\0';
			return buf;
		}
		while (*p && *p != ' ')
			p++;
	}
	return NULL;
}
