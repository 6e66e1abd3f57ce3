/*
 * The loader fuzz target (make fuzz; docs/testing.md): one input is one
 * .ko file, taken through every check a module meets on its way in, as
 * modpost and insmod call them and then as the kernel checks the image at
 * `init module`:
 *   modelf_parse_object + the symbol walks of modpost  (an object)
 *   modelf_parse + the queries of insmod and modinfo   (a module)
 *   modreloc_apply into an image at its real address   (the relocator)
 *   kernel/module.c's check_header on that image        (the kernel)
 * Built 32-bit (-m32), like the kernel: the image's pointers are real.
 * An input that starts with the module magic ("TMOD") instead is a raw
 * image, as a person may write one into /mod/NAME/module by hand: only the
 * kernel's checks see it.
 * Images live at IMAGE_BASE, page-aligned like a vmap'd image, the bytes
 * past the image poisoned for ASan; FUZZ_DUMP_IMAGES=DIR writes each
 * relocated image there (tools/fuzz makes raw-image seeds that way).
 * Besides the sanitizers, it aborts when a refusal gives no reason or the
 * relocator refuses what modelf_parse accepted for any reason but an
 * unknown symbol.
 */
#include "loader/elf.h"
#include "tests/fuzz/kcheck.h"
#include <tessera/errno.h>
#include <sanitizer/asan_interface.h>
#include <sys/mman.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Images larger than this are not made (insmod would need that much
 * memory; the checks before it have run). bigbss.ko's is 257 KiB. */
#define MAX_IMAGE	(1u << 20)
/* Where images are made: a fixed address, so that a raw image's pointers
 * can be learnt by the fuzzer (clear of ASan's i386 shadow, 0x20000000 to
 * 0x40000000). */
#define IMAGE_BASE	0x70000000u

static int resolve(void *arg, const char *name, uint32_t *value);

/* --- the loader API: every call to a function that takes a reason
 * buffer is in this block, so a change of that API is made here only
 * (m is not const for that reason). Each returns 0 or -errno and points
 * *why at the reason. --- */

static int fz_parse_object(struct modelf *m, const void *buf, size_t len,
			   const char **why)
{
	int err = modelf_parse_object(buf, len, m);

	*why = m->why;
	return err;
}

static int fz_parse(struct modelf *m, const void *buf, size_t len,
		    const char **why)
{
	int err = modelf_parse(buf, len, m);

	*why = m->why;
	return err;
}

static int fz_reloc_check(struct modelf *m, const char **why)
{
	int err = modreloc_check(m);

	*why = m->why;
	return err;
}

static int fz_apply(struct modelf *m, void *image, uint32_t base,
		    modreloc_resolve_fn resolve, const char **why)
{
	uint32_t *values = malloc(m->nsym * sizeof(uint32_t));
	int err = values ? modreloc_apply(m, image, base, resolve, NULL, values)
			 : -ENOMEM;

	free(values);
	*why = values ? m->why : "no memory for the symbol values";
	return err;
}

/* What insmod does: modelf_parse_lazy, then modreloc_apply_lazy at base
 * into *image (malloc'd here, image_size bytes; NULL if not made): 0 or
 * the refusal, from whichever step made it; 1: the image would be too
 * big to try. */
static int fz_lazy(struct modelf *m, const void *buf, size_t len,
		   uint32_t base, uint8_t **image, const char **why)
{
	uint32_t *table;
	int err = modelf_parse_lazy(buf, len, m);

	*why = m->why;
	*image = NULL;
	if (err)
		return err;
	if (m->image_size > MAX_IMAGE)
		return 1;
	table = malloc(MODRELOC_LAZY_WORDS(m->nsym) * sizeof(uint32_t));
	*image = malloc(m->image_size + 1);
	if (*image)	/* not 0x00 as img1 is: a byte left unwritten differs */
		memset(*image, 0xa5, m->image_size + 1);
	err = table && *image ? modreloc_apply_lazy(m, *image, base, resolve,
						    NULL, table) : 1;
	free(table);
	*why = m->why;
	return err;
}

/* --- end of the loader API block --- */

/* Stops the run as a finding: libFuzzer keeps the input. */
static void fail(const char *what, int err, const char *why)
{
	fprintf(stderr, "fuzz_loader: %s (error %d, reason \"%s\")\n", what,
		err, why);
	abort();
}

/* A refusal must say why: an empty reason is a finding. */
static int said(int err, const char *why, const char *step)
{
	if (err && !why[0])
		fail(step, err, why);
	return err;
}

/* What the fuzzer's "kernel" exports: every named symbol, at the address
 * of this array (a valid 32-bit address, as a kernel symbol would be). */
static uint8_t fake_kernel[64];

static int resolve(void *arg, const char *name, uint32_t *value)
{
	if (!name[0])
		return -ENOKEY;
	*value = (uint32_t)(uintptr_t)fake_kernel;
	return 0;
}

/* The image area: MAX_IMAGE bytes at IMAGE_BASE (elsewhere if taken), all
 * poisoned; NULL if it cannot be mapped. */
static uint8_t *image_area(void)
{
	static uint8_t *area;

	if (!area) {
		area = mmap((void *)IMAGE_BASE, MAX_IMAGE, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		if (area == MAP_FAILED)
			area = mmap(NULL, MAX_IMAGE, PROT_READ | PROT_WRITE,
				    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (area == MAP_FAILED)
			return area = NULL;
		ASAN_POISON_MEMORY_REGION(area, MAX_IMAGE);
	}
	return area;
}

/* Makes size bytes (<= MAX_IMAGE) of the area usable; returns them. */
static uint8_t *image_get(uint32_t size)
{
	uint8_t *img = image_area();

	if (img)
		ASAN_UNPOISON_MEMORY_REGION(img, size);
	return img;
}

static void image_put(uint8_t *img, uint32_t size)
{
	ASAN_POISON_MEMORY_REGION(img, size);
}

/* FUZZ_DUMP_IMAGES=DIR: keeps a relocated image as DIR/image-NAME-SIZE. */
static void dump_image(const uint8_t *img, uint32_t size, const char *name)
{
	const char *dir = getenv("FUZZ_DUMP_IMAGES");
	char path[4096];
	FILE *f;

	if (!dir)
		return;
	snprintf(path, sizeof(path), "%s/image-%s-%u", dir, name, size);
	f = fopen(path, "wb");
	if (f) {
		fwrite(img, 1, size, f);
		fclose(f);
	}
}

/* A raw image (starts with the module magic): the kernel's checks only,
 * for the directory its header names. map refuses less than a header. */
static void check_raw_image(const uint8_t *data, size_t size)
{
	char kwhy[MODULE_NAME_LEN + 200], dir[MODULE_NAME_LEN] = "x";
	uint8_t *image;

	if (size < MODHDR_SIZE || size > MAX_IMAGE || !(image = image_get(size)))
		return;
	memcpy(image, data, size);
	if (strnlen((const char *)image + MODHDR_OFF_NAME, MODULE_NAME_LEN) <
	    MODULE_NAME_LEN)
		strcpy(dir, (const char *)image + MODHDR_OFF_NAME);
	said(kcheck_header(image, size, dir, kwhy, sizeof(kwhy)), kwhy,
	     "the kernel's check_header refused silently");
	image_put(image, size);
}

/* modpost's walks over an object's symbols. */
static void walk_object(const struct modelf *m)
{
	uint32_t pos = 0, sum = 0;
	const char *name;

	for (uint32_t i = 0; i < m->nsym + 1; i++)
		sum += (uint8_t)modelf_sym_name(m, i)[0];
	while ((name = modelf_next_undef(m, &pos)) != NULL)
		sum += (uint8_t)name[0];
	for (uint32_t i = 0; i < m->shnum + 1; i++)
		sum += (uint8_t)modelf_section_name(m, i)[0];
	sum += modelf_find_section(m, ".module");
	(void)sum;
}

/* insmod's and modinfo's queries on an accepted module. */
static void query_module(struct modelf *m)
{
	static const char *const keys[] = { "license", "author", "description" };
	const char *why, *name;
	uint32_t crc, start, count;
	struct modelf_sym sym;
	size_t len;
	char *text;

	for (uint32_t i = 0; i < m->hdr.num_versions; i++)
		modelf_version(m, i, &crc, &name);
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		modelf_modinfo(m, keys[i]);
	for (uint32_t off = 0; off < m->image_size && off < 4096; off += 16)
		modelf_symbol_at(m, off, &start);
	for (uint32_t i = 0; i < m->nsym; i++)
		modelf_symbol(m, i, &sym);
	for (uint32_t off = 0; off + 4 <= MODHDR_SIZE; off += 4)
		modelf_rel_at(&m->part[MODELF_MODULE], off);
	len = modelf_symbols_format(m, NULL, 0, &count);
	text = malloc(len + 1);
	if (text) {
		modelf_symbols_format(m, text, len + 1, &count);
		free(text);
	}
	len = modelf_symbols_pack(m, NULL, 0, &count);
	text = malloc(len);
	if (text) {
		modelf_symbols_pack(m, (uint8_t *)text, len, &count);
		free(text);
	}
	for (uint32_t i = 1; i < m->shnum; i++)
		modelf_part_of(m, i);
	said(fz_reloc_check(m, &why), why, "modreloc_check refused silently");
}

/* Relocates an accepted module at its real address and runs the kernel's
 * header checks on the image, as insmod and `init module` do. */
static void load_module(struct modelf *m)
{
	char kwhy[MODULE_NAME_LEN + 200];
	const char *why;
	uint8_t *image;
	int err;

	if (m->image_size > MAX_IMAGE || !(image = image_get(m->image_size)))
		return;
	err = fz_apply(m, image, (uint32_t)(uintptr_t)image, resolve, &why);
	/* resolve() knows every named symbol, so only a nameless one may be
	 * unknown; anything else modelf_parse should have refused. */
	if (err && (err != -ENOKEY || strncmp(why, "unknown symbol", 14)))
		fail("modreloc_apply refused what modelf_parse accepted", err,
		     why);
	if (!err) {
		dump_image(image, m->image_size, m->hdr.name);
		err = kcheck_header(image, m->image_size, m->hdr.name, kwhy,
				    sizeof(kwhy));
		said(err, kwhy, "the kernel's check_header refused silently");
	}
	image_put(image, m->image_size);
}

/* Copies [off, off+len) of buf into out if it lies in the file. */
static void copy_in(uint8_t *out, const uint8_t *buf, size_t size,
		    uint32_t off, uint32_t len)
{
	if (off <= size && len <= size - off)
		memcpy(out + off, buf + off, len);
}

/* insmod reads only the ELF header, the section table and the sections
 * modelf_section_needed names (loader/insmod.c, read_sections): made so
 * here, with every other byte poisoned, modelf_parse must decide exactly
 * as on the whole file (err, why). */
static void check_needed_only(const uint8_t *buf, size_t size, int err,
			      const char *why)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)buf;
	const Elf32_Shdr *sh;
	uint32_t x, shstr_size = 0;
	const char *shstr = NULL, *why2;
	uint8_t *part = malloc(size ? size : 1);
	struct modelf m2;

	if (!part || size < sizeof(*eh) || eh->e_shentsize != sizeof(*sh) ||
	    !eh->e_shnum || eh->e_shnum > MODELF_MAX_SECTIONS ||
	    eh->e_shoff % 4 || eh->e_shoff > size ||
	    eh->e_shnum * sizeof(*sh) > size - eh->e_shoff)
		goto out;	/* insmod reads such a file whole */
	memset(part, 0xa5, size);
	sh = (const Elf32_Shdr *)(buf + eh->e_shoff);
	x = eh->e_shstrndx;
	copy_in(part, buf, size, 0, sizeof(*eh));
	copy_in(part, buf, size, eh->e_shoff, eh->e_shnum * sizeof(*sh));
	if (x && x < eh->e_shnum && sh[x].sh_type == SHT_STRTAB &&
	    sh[x].sh_offset <= size && sh[x].sh_size <= size - sh[x].sh_offset) {
		copy_in(part, buf, size, sh[x].sh_offset, sh[x].sh_size);
		shstr = (const char *)buf + sh[x].sh_offset;
		shstr_size = sh[x].sh_size;
	}
	for (uint32_t i = 1; i < eh->e_shnum; i++)
		if (sh[i].sh_type != SHT_NOBITS &&
		    modelf_section_needed(sh, eh->e_shnum, shstr, shstr_size, i))
			copy_in(part, buf, size, sh[i].sh_offset, sh[i].sh_size);
	if (fz_parse(&m2, part, size, &why2) != err || strcmp(why, why2))
		fail("modelf_parse decided otherwise on the needed sections only",
		     err, why2);
out:
	free(part);
}

/*
 * The one pass insmod makes (fz_lazy) decides exactly as modelf_parse then
 * modreloc_apply (err, why: modelf_parse's decision on buf): the same
 * refusal with the same reason, or the same image byte for byte (and the
 * same warning), both made at one base into buffers of their own.
 */
static void check_lazy(const uint8_t *buf, size_t size, int err,
		       const char *why)
{
	static const uint32_t base = 0xc8001000u;
	struct modelf m1, m2;
	const char *why1 = why, *why2;
	uint8_t *img1 = NULL, *img2 = NULL;
	int err1 = err, err2;

	if (!err) {
		if (modelf_parse(buf, size, &m1))
			fail("modelf_parse decided otherwise the second time", 0, "");
		if (m1.image_size > MAX_IMAGE ||
		    !(img1 = malloc(m1.image_size + 1)))
			return;
		/* the relocators must write every byte of the image (nothing
		 * zeroes it first): filled unlike img2, a byte neither writes
		 * makes the two images differ */
		memset(img1, 0x00, m1.image_size + 1);
		err1 = fz_apply(&m1, img1, base, resolve, &why1);
	}
	err2 = fz_lazy(&m2, buf, size, base, &img2, &why2);
	if (err2 == 1)		/* too big, or no memory */
		goto out;
	if (err1 != err2 || strcmp(why1, why2))
		fail("insmod's one pass decided otherwise than modelf_parse "
		     "and modreloc_apply", err2, why2);
	if (!err1 && (memcmp(img1, img2, m1.image_size) ||
		      strcmp(m1.warn, m2.warn)))
		fail("insmod's one pass made another image", 0, m2.warn);
out:
	free(img1);
	free(img2);
}

/* Contract: libFuzzer's. Always returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of exactly size bytes: the sanitizer sees any read past the
	 * end, and the buffer is 4-byte aligned as the loader requires. */
	uint8_t *buf = malloc(size ? size : 1);
	struct modelf m;
	const char *why;
	int err;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (size >= 4 && !memcmp(buf, "TMOD", 4)) {
		check_raw_image(buf, size);
		free(buf);
		return 0;
	}
	if (!said(fz_parse_object(&m, buf, size, &why), why,
		  "modelf_parse_object refused silently"))
		walk_object(&m);
	err = fz_parse(&m, buf, size, &why);
	check_needed_only(buf, size, err, why);
	check_lazy(buf, size, err, why);
	if (!said(err, why, "modelf_parse refused silently")) {
		query_module(&m);
		load_module(&m);
	}
	free(buf);
	return 0;
}
