/*
 * Shared by the module tools (insmod, rmmod, lsmod, modinfo in loader/):
 * whole-file reads and one-line writes through the file API, the reason a
 * module's status gives for its last failure, splitting a line into words,
 * and the loader's own hashed copy of /proc/ksyms. Like the shell, these
 * use only include/tessera/sys.h (plus memory, which user mode will get
 * from malloc).
 */
#ifndef LOADER_TOOLS_H
#define LOADER_TOOLS_H

#include <stddef.h>
#include <stdint.h>

/* Memory for the tools' buffers: vmalloc today, malloc in user mode.
 * tool_alloc returns NULL when memory is short (size 0 gives a valid
 * pointer); tool_free(NULL) does nothing. */
void *tool_alloc(size_t size);
void tool_free(void *p);
/* tool_alloc whose bytes are whatever the memory held (the zeroing of a
 * page costs 1,024 stores): for a buffer the caller fills whole. From
 * 2 KiB to 16 KiB it is kmalloc's whole pages (no guard page after it),
 * else vmalloc's; tool_free takes either. */
void *tool_alloc_uninit(size_t size);

/* Reads the whole regular file at path into a new buffer (NUL-terminated,
 * 4-byte aligned); *len gets its size. Returns 0 or -errno: -EISDIR for a
 * directory, -EINVAL for a device or anything else not a regular file.
 * Free the buffer with tool_free. */
int tool_read_file(const char *path, char **buf, size_t *len);
/* Writes the string s to path in one write() (no O_CREAT). Returns the
 * write's result: 0 when every byte went, else -errno. */
int tool_write_line(const char *path, const char *s);
/* Writes the len bytes at data to path in one write() (no O_CREAT).
 * Returns 0 when every byte went, else -errno. */
int tool_write_data(const char *path, const void *data, size_t len);
/* Reads /mod/NAME/FILE (a small text file: base, error, status) into
 * text[size], NUL-terminated, without allocating. Returns 0 or -errno. */
int tool_module_file(const char *name, const char *file, char *text, size_t size);
/* Copies the text after "key:" in the status file of module name into
 * buf ("" if absent). Returns 0 or -errno. */
int tool_status_field(const char *name, const char *key, char *buf, size_t size);
/* Bytes for a reason read from /mod/NAME/error (the kernel keeps 192). */
#define MODULE_REASON_MAX 200

/* Reads /mod/NAME/error, the kernel's record of the module's last failed
 * command: *err gets its errno (0: none recorded) and reason[] its reason
 * in words ("" if none). The one place the tools read why the kernel
 * refused. Returns 0, or -errno if the file cannot be read (then *err is 0
 * and reason[] is ""). Needs no memory. */
int tool_module_error(const char *name, int *err, char *reason, size_t size);

/* Splits line (NUL-terminated, no newline) in place into words separated
 * by spaces and tabs, which become NULs: word[0..n) point at the first n
 * words, n <= max. Returns n. Never fails. */
int tool_split_words(char *line, char **word, int max);

/* The number after "key:" in /proc/meminfo (PagesFree, VmallocRanges...),
 * or a negative errno. */
long tool_meminfo(const char *key);

/* One exported symbol, as /proc/ksyms lists it. */
struct ksym {
	uint32_t addr, crc;
	const char *name;	/* into the table's text */
	const char *owner;	/* "kernel" or a module name */
	struct ksym *next;	/* hash chain */
};

/* A lookup of up to KSYM_SMALL names whose question and answers fit in
 * KSYM_SMALL_TEXT bytes needs no memory: it uses the table's own room,
 * and no hash chains (nbuckets 0: a name is found by comparing it with
 * each of them). */
#define KSYM_SMALL	16
#define KSYM_SMALL_TEXT	640

struct ksym_table {
	char *text;		/* the file, split into strings in place */
	struct ksym *syms;
	uint32_t count;		/* entries (names asked, for a lookup) */
	uint32_t known;		/* entries the kernel exports */
	struct ksym **bucket;	/* nbuckets chains (a power of two), or none */
	uint32_t nbuckets;
	struct ksym **asked;	/* a lookup's entry for each name given, in order */
	uint32_t n_asked;
	/* the room of a small lookup (text, syms, asked may point here) */
	struct ksym small_syms[KSYM_SMALL];
	struct ksym *small_asked[KSYM_SMALL];
	char small_text[KSYM_SMALL_TEXT];
};

/* Reads and hashes /proc/ksyms. Returns 0 or -errno (-EINVAL for a line
 * it cannot parse). */
int ksym_table_load(struct ksym_table *t);
/* Asks the kernel about only the n names (one write, one read;
 * docs/modfs.md), each once however often it is given: t->count names
 * asked, t->known of them exported. fd is a module's control file open
 * read-write, asked there (MODASK_MAGIC), or -1: /proc/ksym_lookup is
 * opened for the question. names must outlive t.
 * Returns 0 or -errno (-EIO for an answer it cannot parse). */
int ksym_table_lookup(struct ksym_table *t, int fd, const char *const *names, uint32_t n);
/* The entry named name, or NULL. One hash look-up (in a small look-up's
 * table, a compare with each of its names). */
const struct ksym *ksym_table_find(const struct ksym_table *t, const char *name);
/* After ksym_table_lookup: the entry of the i-th name it was given, or
 * NULL if the kernel does not export it (or i is not below the n names
 * given): what ksym_table_find(t, names[i]) answers, with no hash and no
 * compare. Inline: the check and the relocator ask once an import. */
static inline const struct ksym *ksym_table_answer(const struct ksym_table *t, uint32_t i)
{
	const struct ksym *k = i < t->n_asked ? t->asked[i] : NULL;

	return k && k->owner ? k : NULL;
}
/* Empties a table that holds nothing (what load and lookup start with;
 * a table must be emptied once before ksym_table_free may be called). */
void ksym_table_init(struct ksym_table *t);
/* Frees the table's memory and empties it (safe on an emptied table). */
void ksym_table_free(struct ksym_table *t);

#endif
