/*
 * Whole-file reads for host programs (see tools/hostfile.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include "tools/hostfile.h"

void *host_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	void *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc(n))) {
		if (fread(buf, 1, n, f) == (size_t)n) {
			*len = n;
		} else {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	return buf;
}

uint32_t *host_scratch_words(size_t n)
{
	static uint32_t *v;
	static size_t have;

	if (n > have) {
		free(v);
		have = n;
		v = malloc(n * sizeof(*v));
		if (!v)
			have = 0;
	}
	return v;
}
