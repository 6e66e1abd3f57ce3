/*
 * The kernel's checks of a mapped module image (kernel/module.c's
 * check_header and what it calls), built for the 32-bit host so the loader
 * fuzzer can run them on the image it relocated (tests/fuzz/kcheck.c).
 */
#ifndef TESTS_FUZZ_KCHECK_H
#define TESTS_FUZZ_KCHECK_H

#include <stddef.h>
#include <stdint.h>

/*
 * Runs the kernel's header checks exactly as `init module` does on an
 * image mapped at image (mapped bytes; the kernel maps the image file's
 * size) for the directory /mod/dirname. Returns 0 if the kernel would go
 * on to run init, or its -errno with the kernel's reason copied to why
 * (whylen bytes, always terminated). Never runs module code.
 */
int kcheck_header(void *image, uint32_t mapped, const char *dirname,
		  char *why, size_t whylen);

#endif
