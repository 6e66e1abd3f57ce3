/*
 * tools/depmod: the host's depmod, for the ramdisk. The same core as the
 * guest's depmod command (loader/depmod.c), with the kernel's exports taken
 * from the build's version list instead of /proc/ksyms.
 *
 *   depmod --kernel-crcs build/kernel-crcs.lds DIR
 *	reads every DIR/NAME.ko, writes DIR/modules.dep and DIR/modules.alias;
 *	warns about symbols nobody provides; exits 1 (writing nothing) on a
 *	dependency cycle or an unreadable file.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader/depmod.h"
#include "loader/tools.h"

void *tool_alloc(size_t size)
{
	return malloc(size ? size : 1);
}

void tool_free(void *p)
{
	free(p);
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) >= 0 && !fseek(f, 0, SEEK_SET)) {
		buf = malloc((size_t)n + 1);
		if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		if (buf)
			buf[n] = '\0';
		*len = (size_t)n;
	}
	fclose(f);
	return buf;
}

/* The kernel's exports: "__crc_SYM = ...;" lines, SYM\0SYM\0... */
static char *ksyms;
static size_t ksyms_len;

static void load_kernel(const char *path)
{
	size_t len;
	char *text = read_all(path, &len);

	if (!text) {
		fprintf(stderr, "depmod: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	ksyms = malloc(len + 1);
	for (char *l = strstr(text, "__crc_"); ksyms && l; l = strstr(l, "__crc_")) {
		size_t n = strcspn(l + 6, " =;\n");

		memcpy(ksyms + ksyms_len, l + 6, n);
		ksyms[ksyms_len + n] = '\0';
		ksyms_len += n + 1;
		l += 6 + n;
	}
	free(text);
}

static bool kernel_exports(void *arg, const char *sym)
{
	for (size_t i = 0; i < ksyms_len; i += strlen(ksyms + i) + 1)
		if (!strcmp(ksyms + i, sym))
			return true;
	return false;
}

static void say(void *arg, const char *line)
{
	fprintf(stderr, "%s\n", line);
}

static int write_file(const char *dir, const char *name, size_t (*fmt)(const struct depmod *,
		      char *, size_t), const struct depmod *d)
{
	size_t len = fmt(d, NULL, 0);
	char *text = malloc(len + 1), path[4096];
	FILE *f;
	int err = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = text ? fopen(path, "w") : NULL;
	if (f) {
		fmt(d, text, len + 1);
		err = fwrite(text, 1, len, f) != len;
		err |= fclose(f) != 0;
	}
	if (!f || err)
		fprintf(stderr, "depmod: %s: cannot write it\n", path);
	free(text);
	return !f || err;
}

int main(int argc, char **argv)
{
	struct depmod d = { .kernel_exports = kernel_exports, .say = say, .dir = "" };
	struct dirent *de;
	DIR *dir;
	int status = 0;

	if (argc != 4 || strcmp(argv[1], "--kernel-crcs")) {
		fprintf(stderr, "usage: depmod --kernel-crcs FILE.lds DIR\n");
		return 2;
	}
	load_kernel(argv[2]);
	dir = opendir(argv[3]);
	if (!dir) {
		fprintf(stderr, "depmod: %s: %s\n", argv[3], strerror(errno));
		return 1;
	}
	d.dir = argv[3];
	while (!status && (de = readdir(dir)) != NULL) {
		size_t n = strlen(de->d_name), len;
		char path[4096], *buf;

		if (n < 4 || strcmp(de->d_name + n - 3, ".ko"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", argv[3], de->d_name);
		buf = read_all(path, &len);
		if (!buf)
			fprintf(stderr, "depmod: %s: %s\n", path, strerror(errno));
		status = !buf || depmod_add(&d, de->d_name, buf, len) == -ENOMEM;
	}
	closedir(dir);
	if (!status)
		status = depmod_resolve(&d) != 0;
	if (!status)
		status = write_file(argv[3], "modules.dep", depmod_format_dep, &d) ||
			 write_file(argv[3], "modules.alias", depmod_format_alias, &d);
	depmod_free(&d);
	free(ksyms);
	return status;
}
