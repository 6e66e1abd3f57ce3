/*
 * The cpio "newc" reader (see fs/cpio.h): one header at a time, checking
 * every length against the end of the archive before using it.
 */
#include "fs/cpio.h"

#define FIELD_MODE	1
#define FIELD_FILESIZE	6
#define FIELD_NAMESIZE	11

static size_t align4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

void cpio_reader_init(struct cpio_reader *r, const void *data, size_t len)
{
	r->buf = data;
	r->len = len;
	r->pos = 0;
	r->error = CPIO_OK;
	r->error_offset = 0;
	r->error_name[0] = '\0';
}

static int fail(struct cpio_reader *r, enum cpio_error err, size_t at,
		const unsigned char *name, size_t namelen)
{
	size_t i = 0;

	r->error = err;
	r->error_offset = at;
	for (; name && i < namelen && i < sizeof(r->error_name) - 1 && name[i]; i++)
		r->error_name[i] = (char)name[i];
	r->error_name[i] = '\0';
	return -1;
}

/* A hex digit's value plus one, 0 for any other byte. */
static const unsigned char hexval1[256] = {
	['0'] = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
	['A'] = 11, 12, 13, 14, 15, 16,
	['a'] = 11, 12, 13, 14, 15, 16,
};

#define HEX_DIGIT(x, bad, c) do {					\
	uint32_t d_ = hexval1[c] - 1u;	/* not a hex digit: ~0 */	\
	(bad) |= d_;							\
	(x) = (x) << 4 | d_;						\
} while (0)

/* The 13 fields of the header at h into v; -1 if one is not 8 hex digits.
 * One table look-up a digit, written out, and one check at the end: the
 * headers are most of the archive's own per-entry work. */
static int fields(const unsigned char *h, uint32_t v[13])
{
	const unsigned char *f = h + 6;
	uint32_t bad = 0;

	for (int i = 0; i < 13; i++, f += 8) {
		uint32_t x = 0;

		HEX_DIGIT(x, bad, f[0]);
		HEX_DIGIT(x, bad, f[1]);
		HEX_DIGIT(x, bad, f[2]);
		HEX_DIGIT(x, bad, f[3]);
		HEX_DIGIT(x, bad, f[4]);
		HEX_DIGIT(x, bad, f[5]);
		HEX_DIGIT(x, bad, f[6]);
		HEX_DIGIT(x, bad, f[7]);
		v[i] = x;
	}
	return bad > 15 ? -1 : 0;
}

static int is_magic(const unsigned char *h)
{
	const char *m = CPIO_MAGIC;

	for (int i = 0; i < 6; i++)
		if (h[i] != (unsigned char)m[i])
			return 0;
	return 1;
}

static int is_trailer(const char *name)
{
	const char *t = CPIO_TRAILER;

	while (*t && *name == *t)
		name++, t++;
	return *t == '\0' && *name == '\0';
}

/* Checks the header at r->pos and fills what it says into *e. */
static int read_header(struct cpio_reader *r, struct cpio_entry *e,
		       size_t *namesize)
{
	const unsigned char *h = r->buf + r->pos;
	uint32_t v[13];

	if (r->len - r->pos < CPIO_HEADER_SIZE)
		return fail(r, CPIO_TRUNCATED_HEADER, r->pos, NULL, 0);
	if (!is_magic(h))
		return fail(r, CPIO_BAD_MAGIC, r->pos, NULL, 0);
	if (fields(h, v) < 0)
		return fail(r, CPIO_BAD_FIELD, r->pos, NULL, 0);
	e->offset = r->pos;
	e->mode = v[FIELD_MODE];
	e->size = v[FIELD_FILESIZE];
	*namesize = v[FIELD_NAMESIZE];
	return 0;
}

int cpio_next(struct cpio_reader *r, struct cpio_entry *e)
{
	size_t start = r->pos, namesize, name_at, data_at, left;
	const unsigned char *name;

	if (r->error != CPIO_OK)
		return -1;
	if (r->pos >= r->len)
		return fail(r, CPIO_NO_TRAILER, r->pos, NULL, 0);
	if (read_header(r, e, &namesize) < 0)
		return -1;
	name_at = start + CPIO_HEADER_SIZE;
	name = r->buf + name_at;
	left = r->len - name_at;
	if (namesize > left)
		return fail(r, CPIO_NAME_PAST_END, start, name, left);
	if (namesize == 0 || name[namesize - 1] != '\0')
		return fail(r, CPIO_BAD_NAME, start, name, namesize);
	e->name = (const char *)name;
	if (is_trailer(e->name))
		return 0;
	data_at = align4(name_at + namesize);
	if (data_at > r->len || e->size > r->len - data_at)
		return fail(r, CPIO_SIZE_PAST_END, start, name, namesize);
	e->data = r->buf + data_at;
	r->pos = align4(data_at + e->size);
	return 1;
}

const char *cpio_strerror(enum cpio_error err)
{
	switch (err) {
	case CPIO_OK: return "no error";
	case CPIO_TRUNCATED_HEADER: return "truncated header";
	case CPIO_BAD_MAGIC: return "bad magic (not a newc cpio archive)";
	case CPIO_BAD_FIELD: return "header field is not hexadecimal";
	case CPIO_NAME_PAST_END: return "name runs past the end";
	case CPIO_BAD_NAME: return "name is not NUL-terminated";
	case CPIO_SIZE_PAST_END: return "data runs past the end";
	case CPIO_NO_TRAILER: return "archive ends without TRAILER!!!";
	}
	return "unknown error";
}
