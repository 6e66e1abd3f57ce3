/*
 * GNU ld as an independent oracle for the relocator (issue 12): for every
 * sample module build/modules/ (each NAME.ko), at two bases, the image modreloc makes
 * (modreloc_apply, the code the shell's modreloc runs; and insmod's one
 * pass, modreloc_apply_lazy) must equal
 * byte for byte what GNU ld makes when it links the same object at that
 * base as a final link:
 *
 *   i686-linux-gnu-ld -m elf_i386 -T NAME.lds --defsym SYM=ADDR... NAME.ko
 *   i686-linux-gnu-objcopy -O binary -j .module -j .module.bss
 *       -j .module.init --pad-to BASE+IMAGE_SIZE
 *
 * NAME.lds is linker/module.lds's layout for the three parts the .ko
 * already has: .module at BASE, .module.bss and .module.init each where
 * the previous one ends (objcopy fills the bss gap, and pads to the image
 * size, with zeros: the loader's zero-fill). Every import is given as an
 * absolute definition: a kernel symbol at its address in build/tessera.elf
 * (from nm), a symbol another sample exports at the address it would have
 * with that sample loaded at 0xf0400000 + 0x10000 * its index. An
 * unresolved weak import is left undefined: ld makes it 0, as modreloc
 * does. No sample is skipped; one that fails to link or to match fails
 * its test, with the reason.
 *
 * Files go to build/host/ldoracle/. Prints KTAP, one test per module and
 * base.
 */
// sources: loader/elf.c loader/reloc.c tools/hostfile.c build/tessera.elf build/modules/hello.ko build/modules/libdemo.ko
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "loader/elf.h"
#include "tools/hostfile.h"
#include <tessera/errno.h>

#define MODDIR	"build/modules"
#define OUTDIR	"build/host/ldoracle"
#define KERNEL	"build/tessera.elf"
#define MAX_MODS 128
#define DEP_BASE 0xf0400000u

static const uint32_t bases[2] = { 0xf0003000u, 0xf7ffd000u };

struct sample {
	char name[64];
	void *buf;
	size_t len;
	struct modelf m;
	int ok;
};

static struct sample mods[MAX_MODS];
static int nmods;

struct ksym { char *name; uint32_t addr; };
static struct ksym *kernel;
static size_t nkernel;

static int cmp_ksym(const void *a, const void *b)
{
	return strcmp(((const struct ksym *)a)->name, ((const struct ksym *)b)->name);
}

/* The kernel's global symbols, from nm. Returns 0 or -1. */
static int load_kernel_symbols(void)
{
	FILE *p = popen("i686-linux-gnu-nm --defined-only " KERNEL, "r");
	char line[512], type, name[400];
	unsigned addr;
	size_t cap = 0;

	if (!p)
		return -1;
	while (fgets(line, sizeof(line), p))
		if (sscanf(line, "%x %c %399s", &addr, &type, name) == 3) {
			if (nkernel == cap) {
				cap = cap ? cap * 2 : 1024;
				kernel = realloc(kernel, cap * sizeof(*kernel));
			}
			kernel[nkernel].name = strdup(name);
			kernel[nkernel++].addr = addr;
		}
	if (pclose(p) || !nkernel)
		return -1;
	qsort(kernel, nkernel, sizeof(*kernel), cmp_ksym);
	return 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct sample *)a)->name, ((const struct sample *)b)->name);
}

static void load_samples(void)
{
	DIR *d = opendir(MODDIR);
	struct dirent *e;

	while (d && (e = readdir(d)) && nmods < MAX_MODS) {
		size_t n = strlen(e->d_name);

		if (n > 3 && !strcmp(e->d_name + n - 3, ".ko") && n < sizeof(mods[0].name))
			memcpy(mods[nmods++].name, e->d_name, n + 1);
	}
	if (d)
		closedir(d);
	qsort(mods, nmods, sizeof(mods[0]), cmp_name);
	for (int i = 0; i < nmods; i++) {
		char path[160];

		snprintf(path, sizeof(path), MODDIR "/%s", mods[i].name);
		mods[i].buf = host_read_file(path, &mods[i].len);
		mods[i].ok = mods[i].buf && !modelf_parse(mods[i].buf, mods[i].len, &mods[i].m);
	}
}

/* The address of global name: the kernel's, else another sample's export
 * at its assumed base. 0 and *value, or -ENOKEY. */
static int resolve(void *arg, const char *name, uint32_t *value)
{
	struct ksym key = { .name = (char *)name }, *k;

	(void)arg;
	k = bsearch(&key, kernel, nkernel, sizeof(*kernel), cmp_ksym);
	if (k) {
		*value = k->addr;
		return 0;
	}
	for (int i = 0; i < nmods; i++) {
		const struct modelf *m = &mods[i].m;

		for (uint32_t s = mods[i].ok ? m->first_global : m->nsym; s < m->nsym; s++) {
			struct modelf_sym sym;

			modelf_symbol(m, s, &sym);
			if (sym.kind == MODSYM_IMAGE && !strcmp(sym.name, name)) {
				*value = DEP_BASE + 0x10000u * i + sym.value;
				return 0;
			}
		}
	}
	return -ENOKEY;
}

/* ld's image of sample s at base, in a new buffer of s's image size.
 * Returns it, or NULL with why[] filled. */
static uint8_t *ld_image(struct sample *s, uint32_t base, char *why, size_t wsize)
{
	char lds[256], elf[256], bin[256], *cmd;
	size_t cap = 65536, len;
	uint32_t pos = 0, v;
	const char *imp;
	uint8_t *img = NULL;
	void *got;
	FILE *f;

	snprintf(lds, sizeof(lds), OUTDIR "/%s-%08x.lds", s->name, base);
	snprintf(elf, sizeof(elf), OUTDIR "/%s-%08x.elf", s->name, base);
	snprintf(bin, sizeof(bin), OUTDIR "/%s-%08x.bin", s->name, base);
	f = fopen(lds, "w");
	if (!f)
		return snprintf(why, wsize, "cannot write %s", lds), NULL;
	fprintf(f, "/* linker/module.lds's image layout, at base 0x%08x */\n"
		"SECTIONS\n{\n\t.module 0x%08x : { *(.module) }\n"
		"\t.module.bss . : { *(.module.bss) }\n"
		"\t.module.init . : { *(.module.init) }\n}\n", base, base);
	fclose(f);
	cmd = malloc(cap);
	len = snprintf(cmd, cap, "i686-linux-gnu-ld -m elf_i386 --build-id=none -e 0x%08x "
		       "-T %s -o %s", base, lds, elf);
	while ((imp = modelf_next_undef(&s->m, &pos)) != NULL)
		if (!resolve(NULL, imp, &v) && len + 300 < cap)
			len += snprintf(cmd + len, cap - len, " --defsym '%s=0x%08x'", imp, v);
	snprintf(cmd + len, cap - len, " " MODDIR "/%s > %s.log 2>&1 && "
		 "i686-linux-gnu-objcopy -O binary -j .module -j .module.bss -j .module.init "
		 "--pad-to 0x%08x %s %s >> %s.log 2>&1", s->name, elf,
		 base + s->m.image_size, elf, bin, elf);
	if (system(cmd) != 0) {
		snprintf(why, wsize, "ld or objcopy failed: see %s.log", elf);
	} else if (!(got = host_read_file(bin, &len)) && s->m.image_size) {
		snprintf(why, wsize, "cannot read %s", bin);
	} else if (len != s->m.image_size) {
		snprintf(why, wsize, "ld's image is %zu bytes, the module's %u", len,
			 s->m.image_size);
		free(got);
	} else {
		img = got;
	}
	free(cmd);
	return img;
}

/* The image insmod makes of sample s at base (modelf_parse_lazy and
 * modreloc_apply_lazy: each relocation checked as it is applied), malloc'd;
 * NULL if refused. */
static uint8_t *one_pass(const struct sample *s, uint32_t base)
{
	struct modelf m;
	uint8_t *img;

	if (modelf_parse_lazy(s->buf, s->len, &m))
		return NULL;
	img = calloc(1, m.image_size + 1);
	if (modreloc_apply_lazy(&m, img, base, resolve, NULL,
				host_scratch_words(MODRELOC_LAZY_WORDS(m.nsym)))) {
		free(img);
		return NULL;
	}
	return img;
}

/* One test: sample s at base. Returns 1 if it passed: modreloc's image
 * and insmod's (one_pass) are both ld's. */
static int check(struct sample *s, uint32_t base, char *why, size_t wsize)
{
	uint8_t *ours, *theirs, *lazy = NULL;
	int same = 0;

	if (!s->ok)
		return snprintf(why, wsize, "modelf_parse refuses it: %s", s->m.why), 0;
	ours = calloc(1, s->m.image_size + 1);
	if (modreloc_apply(&s->m, ours, base, resolve, NULL,
			   host_scratch_words(s->m.nsym))) {
		snprintf(why, wsize, "modreloc refuses it: %s", s->m.why);
	} else if (!(lazy = one_pass(s, base))) {
		snprintf(why, wsize, "insmod's one pass refuses it");
	} else if ((theirs = ld_image(s, base, why, wsize)) != NULL) {
		uint32_t i = 0, j = 0;

		while (i < s->m.image_size && ours[i] == theirs[i])
			i++;
		while (j < s->m.image_size && lazy[j] == theirs[j])
			j++;
		same = i == s->m.image_size && j == i;
		if (i < s->m.image_size)
			snprintf(why, wsize, "first difference at image offset 0x%x: "
				 "modreloc 0x%02x, ld 0x%02x", i, ours[i], theirs[i]);
		else if (!same)
			snprintf(why, wsize, "first difference at image offset 0x%x: "
				 "insmod's one pass 0x%02x, ld 0x%02x", j, lazy[j],
				 theirs[j]);
		free(theirs);
	}
	free(ours);
	free(lazy);
	return same;
}

/* The comparison can fail: ld's hello at the first base is not
 * modreloc's hello at the second. */
static int check_can_fail(void)
{
	char why[300];

	for (int i = 0; i < nmods; i++)
		if (!strcmp(mods[i].name, "hello.ko") && mods[i].ok) {
			struct sample s = mods[i];
			uint8_t *ours = calloc(1, s.m.image_size), *theirs;
			int differ = 0;

			modreloc_apply(&s.m, ours, bases[1], resolve, NULL,
				       host_scratch_words(s.m.nsym));
			theirs = ld_image(&s, bases[0], why, sizeof(why));
			differ = theirs && memcmp(ours, theirs, s.m.image_size) != 0;
			free(ours);
			free(theirs);
			return differ;
		}
	return 0;
}

int main(void)
{
	int n = 0, bad = 0;
	char why[300];

	mkdir("build/host", 0755);
	mkdir(OUTDIR, 0755);
	load_samples();
	printf("KTAP version 1\n1..%d\n", nmods * 2 + 2);
	printf("%sok 1 kernel symbols and %d samples read\n",
	       !load_kernel_symbols() && nmods >= 20 ? "" : "not ", nmods);
	printf("%sok 2 hello.ko: ld's image at 0x%08x differs from modreloc's at 0x%08x\n",
	       check_can_fail() ? "" : "not ", bases[0], bases[1]);
	for (int i = 0; i < nmods; i++)
		for (int b = 0; b < 2; b++) {
			int ok = check(&mods[i], bases[b], why, sizeof(why));

			if (!ok)
				printf("    # %s\n", why);
			printf("%sok %d %s at 0x%08x equals GNU ld's image\n", ok ? "" : "not ",
			       n++ + 3, mods[i].name, bases[b]);
			bad |= !ok;
		}
	for (int i = 0; i < nmods; i++)
		free(mods[i].buf);
	for (size_t i = 0; i < nkernel; i++)
		free(kernel[i].name);
	free(kernel);
	return bad;
}
