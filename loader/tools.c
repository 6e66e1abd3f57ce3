/*
 * File helpers and the loader's hashed symbol table for the module tools
 * (see loader/tools.h).
 */
#include "loader/tools.h"
#include "lib/string.h"
#include "mm/mm.h"
#include <tessera/sys.h>
#include <tessera/errno.h>
#include <tessera/modformat.h>
#include <stdbool.h>

#define KSYM_TABLE_BUCKETS 1024

void *tool_alloc(size_t size)
{
	return vmalloc(size ? size : 1);
}

/* A buffer of more than 2 KiB and up to TOOL_KMALLOC_MAX bytes comes
 * from kmalloc's whole pages (2^order of them: a 7.5 KB .ko takes two),
 * found and mapped already, where vmalloc reserves a range and maps each
 * page (about 160 instructions against 430 for two pages, 180 against
 * 900 for bigcode's 7). A smaller one stays with vmalloc, which takes a
 * page for it as kmalloc's pages do (a slab object would often need no
 * new page, and a low-memory failure would move to another step); a
 * larger one, or one kmalloc cannot give (no free run of pages), comes
 * from vmalloc, whose pages need not be contiguous. The bound is 8 pages
 * (order 3), the largest run Linux still calls cheap to ask the buddy
 * allocator for (PAGE_ALLOC_COSTLY_ORDER; its kvmalloc also tries
 * kmalloc first): a larger run is rarely free once memory is split, and
 * asking for it would only end in vmalloc anyway. Neither zeroes it. */
#define TOOL_KMALLOC_MAX (8 * PAGE_SIZE)

void *tool_alloc_uninit(size_t size)
{
	void *p = size > 2048 && size <= TOOL_KMALLOC_MAX ? kmalloc(size) : NULL;

	return p ? p : vmalloc_uninit(size ? size : 1);
}

/* Each buffer goes back where it came from: vmalloc's lie in its area. */
void tool_free(void *p)
{
	if ((uintptr_t)p >= VMALLOC_START && (uintptr_t)p < VMALLOC_END)
		vfree(p);
	else
		kfree(p);
}

/* Frees a buffer unless it is keep (a caller's own room). */
static void free_unless(void *p, const void *keep)
{
	if (p != keep)
		tool_free(p);
}

/* Reads fd to its end into *buf (cap bytes to start with: the caller's
 * *buf if given, else a new one); with grow, it doubles the buffer when
 * full: /proc files have no size until read. */
static int read_all(int fd, char **buf, size_t cap, bool grow, size_t *len)
{
	const char *own = *buf;
	size_t got = 0;
	ssize_t n;

	if (!own)
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
			free_unless(*buf, own);
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

int tool_write_data(const char *path, const void *data, size_t len)
{
	int fd = sys_open(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return fd;
	n = sys_write(fd, data, len);
	sys_close(fd);
	return n < 0 ? n : n == (ssize_t)len ? 0 : -EIO;
}

int tool_write_line(const char *path, const char *s)
{
	return tool_write_data(path, s, strlen(s));
}

int tool_module_file(const char *name, const char *file, char *text, size_t size)
{
	char path[96];
	size_t got = 0;
	ssize_t n;
	int fd;

	text[0] = '\0';
	strlcpy(path, "/mod/", sizeof(path));	/* "/mod/NAME/FILE" */
	strlcat(path, name, sizeof(path));
	strlcat(path, "/", sizeof(path));
	strlcat(path, file, sizeof(path));
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
	int err = tool_module_file(name, "status", text, sizeof(text));

	buf[0] = '\0';
	if (!err)
		text_field(text, key, buf, size);
	return err;
}

int tool_module_error(const char *name, int *err, char *reason, size_t size)
{
	char text[256], num[16];
	int rerr = tool_module_file(name, "error", text, sizeof(text));

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

static uint32_t hash_name(const struct ksym_table *t, const char *s)
{
	return strhash(s) & (t->nbuckets - 1);
}

/* Allocates room for n entries and their nbuckets chains; 0 or -ENOMEM. */
static int table_alloc(struct ksym_table *t, size_t n, uint32_t nbuckets)
{
	t->nbuckets = nbuckets;
	t->syms = tool_alloc((n + 1) * sizeof(struct ksym));
	t->bucket = tool_alloc(nbuckets * sizeof(struct ksym *));
	if (!t->syms || !t->bucket)
		return -ENOMEM;
	memset(t->bucket, 0, nbuckets * sizeof(struct ksym *));
	return 0;
}

static void table_insert(struct ksym_table *t, struct ksym *k)
{
	uint32_t b = hash_name(t, k->name);

	k->next = t->bucket[b];
	t->bucket[b] = k;
	t->count++;
	t->known++;
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

/* Each byte's value as a hex digit plus one, 0 for any other byte. */
static const unsigned char hex_value1[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
	['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
	['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

/* A hex digit's value, 16 or more for any other byte (one table look-up). */
static unsigned hex_digit(char c)
{
	return hex_value1[(unsigned char)c] - 1u;
}

/* strtoul(word, NULL, 16) of a word with no leading blank, each digit
 * looked at once: an optional '+', "0x" or "0X" when a hex digit follows,
 * the hex digits up to the first other byte. */
static unsigned long hex_word(const char *s)
{
	unsigned long v = 0;
	unsigned d;

	if (*s == '+')
		s++;
	if (s[0] == '0' && (s[1] | 0x20) == 'x' && hex_digit(s[2]) < 16)
		s += 2;
	while ((d = hex_digit(*s++)) < 16)
		v = v * 16 + d;
	return v;
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
	k->addr = hex_word(w[0]);
	k->name = w[1];
	k->owner = w[2];
	k->crc = hex_word(w[3]);
	return 0;
}

int ksym_table_load(struct ksym_table *t)
{
	size_t len, lines = 0;
	char *p;
	int err;

	ksym_table_init(t);
	err = tool_read_file("/proc/ksyms", &t->text, &len);
	if (err)
		return err;
	for (p = t->text; *p; p++)
		lines += *p == '\n';
	if (table_alloc(t, lines, KSYM_TABLE_BUCKETS)) {
		ksym_table_free(t);
		return -ENOMEM;
	}
	for (p = t->text; *p && t->count <= lines;) {
		struct ksym *k = &t->syms[t->count];
		if (parse_line(&p, k)) {
			ksym_table_free(t);
			return -EINVAL;
		}
		table_insert(t, k);
	}
	return 0;
}

/* Copies the table's names into q[start..), each followed by sep, while
 * they fit in cap bytes. Returns the length, or 0 if they do not fit. */
static size_t copy_names(const struct ksym_table *t, char *q, size_t start, size_t cap,
			 char sep)
{
	size_t off = start;

	for (uint32_t i = 0; i < t->count; i++) {
		const char *c = t->syms[i].name;

		for (; *c && off < cap; c++)	/* a byte at a time: no strlen first */
			q[off++] = *c;
		if (off >= cap)
			return 0;
		q[off++] = sep;
	}
	return off;
}

/* The question: the table's names in one buffer, the table's own room
 * if they fit there (copied once), else memory of their measured size:
 * for /proc/ksym_lookup one a line; on a control file (control)
 * MODASK_MAGIC, then each name with its NUL. NULL if no memory. */
static char *lookup_question(struct ksym_table *t, bool control, size_t *len)
{
	size_t start = control ? MODASK_MAGIC_LEN : 0, need = start + 1;
	char sep = control ? '\0' : '\n', *q = t->small_text;

	if (control)	/* the magic: a constant 4-byte copy, one word store */
		__builtin_memcpy(q, MODASK_MAGIC, MODASK_MAGIC_LEN);
	*len = copy_names(t, q, start, sizeof(t->small_text), sep);
	if (*len)
		return q;
	for (uint32_t i = 0; i < t->count; i++)
		need += strlen(t->syms[i].name) + 1;
	q = tool_alloc(need);
	if (!q)
		return NULL;
	if (control)
		__builtin_memcpy(q, MODASK_MAGIC, MODASK_MAGIC_LEN);
	*len = copy_names(t, q, start, need, sep);
	return q;
}

/* Writes the question in one write on fd (a module's control file), or
 * on /proc/ksym_lookup opened for it if fd is -1, and reads the whole
 * answer into t->text in one read (*got bytes): an answer line is at most
 * 76 bytes (8 + 1 + 55 + 3 + 8 + 1), a packed answer MODASK_ANSWER_MAX,
 * both files give a read all it has room for, and the buffer has 80 a
 * name (the table's own room when that fits there, as the question did).
 * Returns 0 or -errno. */
static int lookup_ask(struct ksym_table *t, int fd, size_t *got)
{
	size_t len, cap = 80 * (size_t)t->count + 2;	/* a line <= 80 */
	char *q = lookup_question(t, fd >= 0, &len);
	int own = fd < 0 ? sys_open("/proc/ksym_lookup", O_RDWR) : fd;
	int err = own;
	ssize_t n;

	if (!q)
		err = -ENOMEM;
	if (q && own >= 0) {
		n = sys_write(own, q, len);
		err = n < 0 ? (int)n : (size_t)n != len ? -EIO : 0;
		t->text = cap <= sizeof(t->small_text) ? t->small_text : tool_alloc(cap);
		if (!err && !t->text)
			err = -ENOMEM;
		if (!err) {
			n = sys_read(own, t->text, cap - 1);
			err = n < 0 ? (int)n : 0;
			*got = n < 0 ? 0 : n;
			t->text[*got] = '\0';
		}
	}
	if (fd < 0 && own >= 0)
		sys_close(own);
	if (q)
		free_unless(q, t->small_text);
	return err;
}

/* The value of the 8 hex digits at s (what the kernel's "%08x" makes),
 * or -1 if any of them is not a hex digit (a NUL ends the digits too). */
static int64_t hex8_at(const char *s)
{
	uint32_t v = 0;

	for (int i = 0; i < 8; i++) {
		unsigned d = hex_digit(s[i]);

		if (d >= 16)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* One answer line, as the kernel makes it (docs/modfs.md): "c0102800
 * kernel 0x930c8fc1" (8 hex digits, the owner, "0x" and 8 hex digits,
 * one space between) or "unknown" (k->owner stays NULL: ksym_table_find
 * skips it); each byte looked at once, the owner ended in place. Advances
 * *p past the line; -EIO for anything else. */
static int parse_answer(char **p, struct ksym *k)
{
	char *s = *p, *owner;
	int64_t addr, crc;

	if (s[0] == 'u') {
		if (strncmp(s, "unknown\n", 8))
			return -EIO;
		*p = s + 8;
		return 0;
	}
	addr = hex8_at(s);
	if (addr < 0 || s[8] != ' ')
		return -EIO;
	owner = s += 9;
	while (*s > ' ')	/* the owner: up to its space (a NUL stops it) */
		s++;
	if (s == owner || s[0] != ' ' || s[1] != '0' || s[2] != 'x')
		return -EIO;
	*s = '\0';
	crc = hex8_at(s + 3);
	if (crc < 0 || s[11] != '\n')
		return -EIO;
	k->addr = addr;
	k->owner = owner;
	k->crc = crc;
	*p = s + 12;
	return 0;
}

/* A 32-bit word anywhere in a buffer (i386 loads unaligned words). */
struct unaligned32 {
	uint32_t v;
} __attribute__((packed));

/* One packed answer (a look-up on a control file; MODASK_MAGIC in
 * <tessera/modformat.h>) at *p, before end: the owner and its NUL, then
 * the address and CRC; a lone NUL leaves k->owner NULL (nobody exports
 * it). The owner is used where it lies. Advances *p past the answer; -EIO
 * if it is cut short. */
static int parse_packed_answer(char **p, const char *end, struct ksym *k)
{
	char *s = *p;

	/* the owner, up to its NUL; the kernel, the commonest, recognised
	 * whole ("kernel" and its NUL, 7 bytes compared as two words, when
	 * its address and CRC can follow before end) with no byte scan */
	if (end - s >= 7 + 8 && !__builtin_memcmp(s, "kernel", 7))
		s += 6;
	while (s < end && *s)
		s++;
	if (s == end)
		return -EIO;
	if (s == *p) {		/* no owner: unknown */
		*p = s + 1;
		return 0;
	}
	if (end - s < 9)
		return -EIO;
	k->owner = *p;
	k->addr = ((const struct unaligned32 *)(s + 1))->v;	/* i386: little-endian */
	k->crc = ((const struct unaligned32 *)(s + 5))->v;
	*p = s + 9;
	return 0;
}

/* The entry named name, known or not: in its hash chain, or, in a table
 * of at most KSYM_SMALL names (no chains: nbuckets 0), among them all. */
static struct ksym *table_entry(const struct ksym_table *t, const char *name)
{
	if (!t->nbuckets) {
		for (uint32_t i = 0; i < t->count; i++)
			if (!strcmp(t->syms[i].name, name))
				return &t->syms[i];
		return NULL;
	}
	for (struct ksym *k = t->bucket[hash_name(t, name)]; k; k = k->next)
		if (!strcmp(k->name, name))
			return k;
	return NULL;
}

/* The entry named name, added (not known yet) if it is not there: the
 * table holds each name once however often it is asked. */
static struct ksym *table_entry_add(struct ksym_table *t, const char *name)
{
	struct ksym *k, **chain = NULL;

	if (!t->nbuckets) {
		/* a few names: a compare with each beats hashing them all
		 * (a first byte that differs settles most compares at once) */
		for (k = t->syms; k < t->syms + t->count; k++)
			if (k->name[0] == name[0] && !strcmp(k->name, name))
				return k;
	} else {
		chain = &t->bucket[hash_name(t, name)];
		for (k = *chain; k; k = k->next)	/* table_entry, hashed once */
			if (!strcmp(k->name, name))
				return k;
	}
	k = &t->syms[t->count++];
	*k = (struct ksym){ .name = name, .next = chain ? *chain : NULL };
	if (chain)
		*chain = k;
	return k;
}

int ksym_table_lookup(struct ksym_table *t, int fd, const char *const *names, uint32_t n)
{
	uint32_t nb = 16;
	size_t got = 0;
	char *p;
	int err;

	ksym_table_init(t);
	if (n <= KSYM_SMALL) {	/* the table's own room, no chains */
		t->syms = t->small_syms;
		t->asked = t->small_asked;
		err = 0;
	} else {
		while (nb < 2 * n)
			nb *= 2;
		err = table_alloc(t, n, nb);
		t->asked = tool_alloc(n * sizeof(struct ksym *) + 1);
		if (!err && !t->asked)
			err = -ENOMEM;
	}
	for (uint32_t i = 0; !err && i < n; i++)
		t->asked[i] = table_entry_add(t, names[i]);
	t->n_asked = n;
	if (!err && t->count)
		err = lookup_ask(t, fd, &got);
	p = t->text;
	t->known = 0;
	for (uint32_t i = 0; !err && i < t->count; i++) {
		err = fd >= 0 ? parse_packed_answer(&p, t->text + got, &t->syms[i])
			      : parse_answer(&p, &t->syms[i]);
		t->known += !err && t->syms[i].owner;
	}
	if (err)
		ksym_table_free(t);
	return err;
}

const struct ksym *ksym_table_find(const struct ksym_table *t, const char *name)
{
	const struct ksym *k = table_entry(t, name);

	return k && k->owner ? k : NULL;
}

void ksym_table_init(struct ksym_table *t)
{
	t->text = NULL;
	t->syms = NULL;
	t->bucket = NULL;
	t->asked = NULL;
	t->count = t->known = t->nbuckets = t->n_asked = 0;
}

void ksym_table_free(struct ksym_table *t)
{
	free_unless(t->text, t->small_text);
	free_unless(t->syms, t->small_syms);
	tool_free(t->bucket);
	free_unless(t->asked, t->small_asked);
	ksym_table_init(t);
}
