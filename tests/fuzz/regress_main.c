/*
 * The loader fuzzer's regression runner (a host test of make check): feeds
 * every kept crash input (tests/fuzz/regress/), every sample module and
 * every damaged object (build/modules/NAME.ko, build/badko/named/ and set/) to
 * the fuzz target once, no fuzzing, and prints KTAP: one result per
 * directory. A crash is the sanitizer's report, preceded on stderr by the
 * name of the input.
 *
 *   test_fuzz_regress [FILE|DIR]...   (default: the directories above)
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const default_dirs[] = {
	"tests/fuzz/regress", "build/modules", "build/badko/named", "build/badko/set",
};

/* Runs the target on one file; returns 0, or -1 if it cannot be read. */
static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	long len;
	int ok;

	if (!f)
		return -1;
	ok = fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 &&
	     fseek(f, 0, SEEK_SET) == 0 && (data = malloc(len ? len : 1)) &&
	     fread(data, 1, len, f) == (size_t)len;
	fclose(f);
	if (ok) {
		fprintf(stderr, "input %s\n", path);
		LLVMFuzzerTestOneInput(data, len);
	}
	free(data);
	return ok ? 0 : -1;
}

static int is_input(const char *dir, const char *name)
{
	size_t n = strlen(name);

	if (name[0] == '.')
		return 0;
	/* build/modules: the .ko files only (not NAME.o, .i, .mod.c) */
	return strcmp(dir, "build/modules") || (n > 3 && !strcmp(name + n - 3, ".ko"));
}

/* Runs every input file of dir (or dir itself if it is a file); returns
 * how many ran, or -1 if one could not be read. */
static long run_path(const char *path)
{
	struct dirent *e;
	struct stat st;
	long count = 0;
	DIR *d;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return run_file(path) ? -1 : 1;
	d = opendir(path);
	if (!d)
		return 0;
	while ((e = readdir(d)) != NULL && count >= 0) {
		char file[4096];

		snprintf(file, sizeof(file), "%s/%s", path, e->d_name);
		if (!is_input(path, e->d_name) || stat(file, &st) || !S_ISREG(st.st_mode))
			continue;
		count = run_file(file) ? -1 : count + 1;
	}
	closedir(d);
	return count;
}

int main(int argc, char **argv)
{
	const char *const *paths = (const char *const *)argv + 1;
	int n = argc - 1, failed = 0;

	if (n == 0) {
		paths = default_dirs;
		n = sizeof(default_dirs) / sizeof(default_dirs[0]);
	}
	setvbuf(stdout, NULL, _IOLBF, 0);	/* a crash aborts: lose nothing */
	printf("KTAP version 1\n1..%d\n", n);
	for (int i = 0; i < n; i++) {
		long count = run_path(paths[i]);

		if (count < 0)
			failed = 1;
		printf("%s %d %s (%ld inputs)\n", count < 0 ? "not ok" : "ok",
		       i + 1, paths[i], count < 0 ? 0 : count);
	}
	return failed;
}
