/*
 * File helpers and the loader's hashed symbol table for the module tools
 * (see loader/tools.h).
 */
#include "loader/tools.h"
#include "lib/string.h"
#include "mm/mm.h"
#include <tessera/sys.h>
#include <tessera/errno.h>
#include <stdbool.h>

#define KSYM_TABLE_BUCKETS 1024

void *tool_alloc(size_t size)
{
	return vmalloc(size ? size : 1);
}

void tool_free(void *p)
{
	vfree(p);
}

/* Reads fd to its end into *buf (cap bytes to start with); with grow, it
 * doubles the buffer when full: /proc files have no size until read. */
static int read_all(int fd, char **buf, size_t cap, bool grow, size_t *len)
{
	size_t got = 0;
	ssize_t n;

	*buf = tool_alloc(cap);
	if (!*buf)
		return -ENOMEM;
	while ((n = sys_read(fd, *buf + got, cap - 1 - got)) > 0) {
		got += n;
		if (got == cap - 1 && grow) {
			char *bigger = tool_alloc(cap * 2);
			if (!bigger)
				return -ENOMEM;
			memcpy(bigger, *buf, got);
			tool_free(*buf);
			*buf = bigger;
			cap *= 2;
		}
	}
	(*buf)[got] = '\0';
	*len = got;
	return n < 0 ? n : 0;
}

int tool_read_file(const char *path, char **buf, size_t *len)
{
	struct stat st;
	int fd = sys_open(path, O_RDONLY), err;

	if (fd < 0)
		return fd;
	*buf = NULL;
	err = sys_fstat(fd, &st);
	if (!err && S_ISDIR(st.st_mode))
		err = -EISDIR;
	else if (!err && !S_ISREG(st.st_mode))
		err = -EINVAL;	/* a device would never end (/dev/zero) */
	if (!err)
		err = read_all(fd, buf, st.st_size ? st.st_size + 1 : 4096, !st.st_size, len);
	sys_close(fd);
	if (err) {
		tool_free(*buf);
		*buf = NULL;
	}
	return err;
}

int tool_write_line(const char *path, const char *s)
{
	int fd = sys_open(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return fd;
	n = sys_write(fd, s, strlen(s));
	sys_close(fd);
	return n < 0 ? n : n == (ssize_t)strlen(s) ? 0 : -EIO;
}

/* Reads /mod/NAME/FILE (a small text file) into text[size], terminated,
 * without allocating. Returns 0 or -errno. */
static int read_module_file(const char *name, const char *file, char *text,
			    size_t size)
{
	char path[96];
	size_t got = 0;
	ssize_t n;
	int fd;

	text[0] = '\0';
	snprintf(path, sizeof(path), "/mod/%s/%s", name, file);
	fd = sys_open(path, O_RDONLY);
	if (fd < 0)
		return fd;
	while ((n = sys_read(fd, text + got, size - 1 - got)) > 0)
		got += n;
	sys_close(fd);
	text[got] = '\0';
	return n < 0 ? n : 0;
}

/* Copies the value of the line "key: value" of text into buf ("" if no
 * such line). */
static void text_field(const char *text, const char *key, char *buf, size_t size)
{
	size_t klen = strlen(key);

	buf[0] = '\0';
	for (const char *line = text; line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		if (strncmp(line, key, klen) || line[klen] != ':')
			continue;
		const char *v = line + klen + 1;
		while (*v == ' ')
			v++;
		size_t vlen = strchr(v, '\n') ? (size_t)(strchr(v, '\n') - v) : strlen(v);
		strlcpy(buf, v, vlen + 1 < size ? vlen + 1 : size);
		return;
	}
}

int tool_status_field(const char *name, const char *key, char *buf, size_t size)
{
	char text[1024];
	int err = read_module_file(name, "status", text, sizeof(text));

	buf[0] = '\0';
	if (!err)
		text_field(text, key, buf, size);
	return err;
}

int tool_module_error(const char *name, int *err, char *reason, size_t size)
{
	char text[256], num[16];
	int rerr = read_module_file(name, "error", text, sizeof(text));

	*err = 0;
	reason[0] = '\0';
	if (rerr)
		return rerr;
	text_field(text, "errno", num, sizeof(num));
	*err = (int)strtol(num, NULL, 10);
	text_field(text, "reason", reason, size);
	return 0;
}

long tool_meminfo(const char *key)
{
	size_t klen = strlen(key), len;
	char *text;
	long v = -EINVAL;
	int err = tool_read_file("/proc/meminfo", &text, &len);

	if (err)
		return err;
	for (const char *p = text; p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (!strncmp(p, key, klen) && p[klen] == ':') {
			v = strtol(p + klen + 1, NULL, 10);
			break;
		}
	}
	tool_free(text);
	return v;
}

static uint32_t hash_name(const char *s)
{
	return strhash(s) % KSYM_TABLE_BUCKETS;
}

int tool_split_words(char *line, char **word, int max)
{
	int n = 0;

	while (*line && n < max) {
		while (*line == ' ' || *line == '\t')
			*line++ = '\0';
		if (!*line)
			break;
		word[n++] = line;
		while (*line && *line != ' ' && *line != '\t')
			line++;
	}
	return n;
}

/* One line of /proc/ksyms: "c0104a20 printk kernel 0x1f6c2b7d". Advances
 * *p past the line. */
static int parse_line(char **p, struct ksym *k)
{
	char *line = *p, *nl = strchr(line, '\n'), *w[4];

	if (nl) {
		*nl = '\0';
		*p = nl + 1;
	} else {
		*p = line + strlen(line);
	}
	if (tool_split_words(line, w, 4) != 4)
		return -EINVAL;
	k->addr = strtoul(w[0], NULL, 16);
	k->name = w[1];
	k->owner = w[2];
	k->crc = strtoul(w[3], NULL, 16);
	return 0;
}

int ksym_table_load(struct ksym_table *t)
{
	size_t len, lines = 0;
	char *p;
	int err;

	*t = (struct ksym_table){ 0 };
	err = tool_read_file("/proc/ksyms", &t->text, &len);
	if (err)
		return err;
	for (p = t->text; *p; p++)
		lines += *p == '\n';
	t->syms = tool_alloc((lines + 1) * sizeof(struct ksym));
	t->bucket = tool_alloc(KSYM_TABLE_BUCKETS * sizeof(struct ksym *));
	if (!t->syms || !t->bucket) {
		ksym_table_free(t);
		return -ENOMEM;
	}
	memset(t->bucket, 0, KSYM_TABLE_BUCKETS * sizeof(struct ksym *));
	for (p = t->text; *p && t->count <= lines;) {
		struct ksym *k = &t->syms[t->count];
		if (parse_line(&p, k)) {
			ksym_table_free(t);
			return -EINVAL;
		}
		k->next = t->bucket[hash_name(k->name)];
		t->bucket[hash_name(k->name)] = k;
		t->count++;
	}
	return 0;
}

const struct ksym *ksym_table_find(const struct ksym_table *t, const char *name)
{
	for (const struct ksym *k = t->bucket[hash_name(name)]; k; k = k->next)
		if (!strcmp(k->name, name))
			return k;
	return NULL;
}

void ksym_table_free(struct ksym_table *t)
{
	tool_free(t->text);
	tool_free(t->syms);
	tool_free(t->bucket);
	*t = (struct ksym_table){ 0 };
}
