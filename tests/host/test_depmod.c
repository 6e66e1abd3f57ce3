/*
 * Host tests of loader/depmod.c, depmod's core (the guest's depmod and
 * modprobe, and tools/depmod for the ramdisk): on the real samples, the
 * dependency of crcsum on crc32 and libuser on libdemo, in modules.dep's
 * exact text; dependencies in load order through a chain; a symbol nobody
 * provides, named; a cycle (tests/depmod/dm_cyc_*.ko, built by make
 * check's `make M=tests/depmod`), named and refused; modules.alias from
 * MODULE_ALIAS; the snprintf-like lengths; a file the checker refuses.
 */
// sources: loader/depmod.c loader/elf.c loader/reloc.c lib/strlcpy.c tools/hostfile.c build/modules/crc32.ko build/modules/crcsum.ko build/modules/libdemo.ko build/modules/libuser.ko build/modules/paramdemo.ko build/modules/hello.ko build/kernel-crcs.lds
#include <stdlib.h>
#include <string.h>
#include "loader/depmod.h"
#include "loader/tools.h"
#include "tools/hostfile.h"
#include "tests/host/ktest.h"
#include <tessera/errno.h>

void *tool_alloc(size_t size)
{
	return malloc(size ? size : 1);
}

void tool_free(void *p)
{
	free(p);
}

static char *kcrcs;	/* build/kernel-crcs.lds */
static char said[4096];

static bool kernel_exports(void *arg, const char *sym)
{
	char want[128];

	snprintf(want, sizeof(want), "__crc_%s ", sym);
	return kcrcs && strstr(kcrcs, want);
}

static void say(void *arg, const char *line)
{
	strncat(said, line, sizeof(said) - strlen(said) - 2);
	strcat(said, "\n");
}

static void start(struct depmod *d)
{
	memset(d, 0, sizeof(*d));
	d->kernel_exports = kernel_exports;
	d->say = say;
	d->dir = "D";
	said[0] = '\0';
}

/* Adds DIR/NAME as NAME; 0 or the error. */
static int add(struct depmod *d, const char *dir, const char *name)
{
	char path[256];
	size_t len;
	void *buf;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	buf = host_read_file(path, &len);
	if (!buf) {
		printf("    # cannot read %s\n", path);
		return -ENOENT;
	}
	return depmod_add(d, name, buf, len);
}

KTEST(samples_give_modules_dep_in_kmod_format)
{
	static const char *const names[] = { "libuser.ko", "crcsum.ko", "hello.ko",
					     "crc32.ko", "libdemo.ko" };
	struct depmod d;
	char buf[512];

	start(&d);
	for (unsigned i = 0; i < 5; i++)
		KT_EXPECT(add(&d, "build/modules", names[i]) == 0);
	KT_EXPECT(depmod_resolve(&d) == 0);
	KT_EXPECT(depmod_format_dep(&d, buf, sizeof(buf)) == strlen(buf));
	KT_EXPECT(!strcmp(buf, "crc32.ko:\ncrcsum.ko: crc32.ko\nhello.ko:\nlibdemo.ko:\n"
			  "libuser.ko: libdemo.ko\n"));
	KT_EXPECT(said[0] == '\0');
	depmod_free(&d);
}

KTEST(unknown_symbols_are_named_and_the_rest_written)
{
	struct depmod d;
	char buf[256];

	start(&d);
	KT_EXPECT(add(&d, "build/modules", "libuser.ko") == 0);
	KT_EXPECT(depmod_resolve(&d) == 0);
	KT_EXPECT(d.n_unknown == 2);
	KT_EXPECT(strstr(said, "depmod: WARNING: D/libuser.ko needs unknown symbol libdemo_add\n"));
	KT_EXPECT(strstr(said, "depmod: WARNING: D/libuser.ko needs unknown symbol libdemo_calls\n"));
	depmod_format_dep(&d, buf, sizeof(buf));
	KT_EXPECT(!strcmp(buf, "libuser.ko:\n"));
	depmod_free(&d);
}

KTEST(a_cycle_is_named_and_refused)
{
	struct depmod d;

	start(&d);
	KT_EXPECT(add(&d, "tests/depmod", "dm_cyc_b.ko") == 0);
	KT_EXPECT(add(&d, "tests/depmod", "dm_cyc_a.ko") == 0);
	KT_EXPECT(add(&d, "tests/depmod", "dm_lib.ko") == 0);
	KT_EXPECT(depmod_resolve(&d) == -ELOOP);
	KT_EXPECT(!strcmp(said, "depmod: ERROR: Cycle detected: dm_cyc_a -> dm_cyc_b -> dm_cyc_a\n"
			  "depmod: ERROR: Found 2 modules in dependency cycles!\n"));
	depmod_free(&d);
}

/* Two pairs from two directories, sorted by path, each user after the
 * library it needs. */
KTEST(dependencies_come_in_load_order)
{
	struct depmod d;
	char buf[512];

	start(&d);
	KT_EXPECT(add(&d, "tests/depmod", "dm_user.ko") == 0);
	KT_EXPECT(add(&d, "tests/depmod", "dm_lib.ko") == 0);
	KT_EXPECT(add(&d, "build/modules", "crcsum.ko") == 0);
	KT_EXPECT(add(&d, "build/modules", "crc32.ko") == 0);
	KT_EXPECT(depmod_resolve(&d) == 0);
	depmod_format_dep(&d, buf, sizeof(buf));
	KT_EXPECT(!strcmp(buf, "crc32.ko:\ncrcsum.ko: crc32.ko\ndm_lib.ko:\n"
			  "dm_user.ko: dm_lib.ko\n"));
	depmod_free(&d);
}

/* A chain two deep: dm_top needs dm_user needs dm_lib. kmod's order on
 * the line is the reverse of the load order: the direct need first, the
 * deepest last (modprobe loads right to left). */
KTEST(a_chain_lists_the_deepest_last)
{
	struct depmod d;
	char buf[512];

	start(&d);
	KT_EXPECT(add(&d, "tests/depmod", "dm_top.ko") == 0);
	KT_EXPECT(add(&d, "tests/depmod", "dm_user.ko") == 0);
	KT_EXPECT(add(&d, "tests/depmod", "dm_lib.ko") == 0);
	KT_EXPECT(depmod_resolve(&d) == 0);
	depmod_format_dep(&d, buf, sizeof(buf));
	KT_EXPECT(!strcmp(buf, "dm_lib.ko:\ndm_top.ko: dm_user.ko dm_lib.ko\n"
			  "dm_user.ko: dm_lib.ko\n"));
	depmod_free(&d);
}

KTEST(aliases_and_lengths)
{
	struct depmod d;
	char buf[256], small[8];
	size_t len;

	start(&d);
	KT_EXPECT(add(&d, "build/modules", "paramdemo.ko") == 0);
	KT_EXPECT(depmod_resolve(&d) == 0);
	len = depmod_format_alias(&d, buf, sizeof(buf));
	KT_EXPECT(!strcmp(buf, "# Aliases extracted from modules themselves.\n"
			  "alias params-demo paramdemo\n"));
	KT_EXPECT(len == strlen(buf));
	KT_EXPECT(depmod_format_alias(&d, small, sizeof(small)) == len);
	KT_EXPECT(!strcmp(small, "# Alias"));
	KT_EXPECT(depmod_format_dep(&d, NULL, 0) == strlen("paramdemo.ko:\n"));
	depmod_free(&d);
}

KTEST(a_refused_file_is_left_out_with_its_reason)
{
	struct depmod d;
	char *junk = malloc(16);

	start(&d);
	memcpy(junk, "not an ELF file", 16);
	KT_EXPECT(depmod_add(&d, "junk.ko", junk, 16) == -ENOEXEC);
	KT_EXPECT(d.n == 0);
	KT_EXPECT(strstr(said, "depmod: WARNING: D/junk.ko: file is 16 bytes, too short") != NULL);
	depmod_free(&d);
}

int main(void)
{
	size_t len;
	char *raw = host_read_file("build/kernel-crcs.lds", &len);

	kcrcs = raw ? calloc(1, len + 1) : NULL;	/* host_read_file adds no NUL */
	if (kcrcs)
		memcpy(kcrcs, raw, len);
	free(raw);
	return ktest_main() | !kcrcs;
}
