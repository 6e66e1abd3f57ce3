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
 * Besides the sanitizers, it aborts when a refusal gives no reason or the
 * relocator refuses what modelf_parse accepted for any reason but an
 * unknown symbol.
 */
#include "loader/elf.h"
#include "tests/fuzz/kcheck.h"
#include <tessera/errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Images larger than this are not made (insmod would need that much
 * memory; the checks before it have run). bigbss.ko's is 257 KiB. */
#define MAX_IMAGE	(1u << 20)

/* --- the loader API: every call to a function that takes a reason
 * buffer is in this block, so a change of that API is made here only.
 * Each returns 0 or -errno and points *why at the reason. --- */

static char why_buf[256];

static int fz_parse_object(struct modelf *m, const void *buf, size_t len,
			   const char **why)
{
	*why = why_buf;
	return modelf_parse_object(buf, len, m, why_buf, sizeof(why_buf));
}

static int fz_parse(struct modelf *m, const void *buf, size_t len,
		    const char **why)
{
	*why = why_buf;
	return modelf_parse(buf, len, m, why_buf, sizeof(why_buf));
}

static int fz_eval_word(const struct modelf *m, uint32_t off, uint32_t *val,
			const char **why)
{
	*why = why_buf;
	return modelf_eval_word(m, off, val, why_buf, sizeof(why_buf));
}

static int fz_reloc_check(const struct modelf *m, const char **why)
{
	*why = why_buf;
	return modreloc_check(m, why_buf, sizeof(why_buf));
}

static int fz_apply(const struct modelf *m, void *image, uint32_t base,
		    modreloc_resolve_fn resolve, const char **why)
{
	*why = why_buf;
	return modreloc_apply(m, image, base, resolve, NULL, why_buf,
			      sizeof(why_buf));
}

/* --- end of the loader API block --- */

/* Stops the run as a finding: libFuzzer keeps the input. */
static void fail(const char *what, int err, const char *why)
{
	fprintf(stderr, "fuzz_loader: %s (error %d, reason \"%s\")\n", what,
		err, why);
	abort();
}

/* A refusal must say why (docs/modules.md: every failure names its cause). */
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
static void query_module(const struct modelf *m)
{
	static const char *const keys[] = { "license", "author", "description" };
	const char *why, *name;
	uint32_t crc, val, start;

	for (uint32_t i = 0; i < m->hdr.num_versions; i++)
		modelf_version(m, i, &crc, &name);
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		modelf_modinfo(m, keys[i]);
	for (uint32_t off = 0; off < m->image_size && off < 4096; off += 16)
		modelf_symbol_at(m, off, &start);
	for (uint32_t off = 0; off + 4 <= MODHDR_SIZE; off += 4)
		if (fz_eval_word(m, off, &val, &why))
			said(-ENOEXEC, why, "modelf_eval_word refused silently");
	for (uint32_t i = 1; i < m->shnum; i++)
		modelf_part_of(m, i);
	said(fz_reloc_check(m, &why), why, "modreloc_check refused silently");
}

/* Relocates an accepted module at its real address and runs the kernel's
 * header checks on the image, as insmod and `init module` do. */
static void load_module(const struct modelf *m)
{
	char kwhy[MODULE_NAME_LEN + 200];
	const char *why;
	uint8_t *image;
	int err;

	if (m->image_size > MAX_IMAGE)
		return;
	image = malloc(m->image_size ? m->image_size : 1);
	if (!image)
		return;
	err = fz_apply(m, image, (uint32_t)(uintptr_t)image, resolve, &why);
	/* resolve() knows every named symbol, so only a nameless one may be
	 * unknown; anything else modelf_parse should have refused. */
	if (err && (err != -ENOKEY || strncmp(why, "unknown symbol", 14)))
		fail("modreloc_apply refused what modelf_parse accepted", err,
		     why);
	if (!err) {
		err = kcheck_header(image, m->image_size, m->hdr.name, kwhy,
				    sizeof(kwhy));
		said(err, kwhy, "the kernel's check_header refused silently");
	}
	free(image);
}

/* Contract: libFuzzer's. Always returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of exactly size bytes: the sanitizer sees any read past the
	 * end, and the buffer is 4-byte aligned as the loader requires. */
	uint8_t *buf = malloc(size ? size : 1);
	struct modelf m;
	const char *why;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (!said(fz_parse_object(&m, buf, size, &why), why,
		  "modelf_parse_object refused silently"))
		walk_object(&m);
	if (!said(fz_parse(&m, buf, size, &why), why,
		  "modelf_parse refused silently")) {
		query_module(&m);
		load_module(&m);
	}
	free(buf);
	return 0;
}
