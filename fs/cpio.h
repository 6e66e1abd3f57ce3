/*
 * A reader for cpio "newc" archives (fs/cpio.c), the ramdisk format; pure
 * code, no allocation or printing, so host tests and tools use it too.
 *
 * Layout, repeated per entry, every offset from the archive start:
 *   0    6 bytes   magic "070701"
 *   6    13 fields of 8 ASCII hex digits, in this order:
 *        ino, mode (S_IF* | permissions), uid, gid, nlink, mtime (s),
 *        filesize (bytes), devmajor, devminor, rdevmajor, rdevminor,
 *        namesize (bytes, with the NUL), check (0)
 *   110  name, namesize bytes ending in NUL, then zeros to a multiple of 4
 *   ...  data, filesize bytes, then zeros to a multiple of 4
 * The entry named "TRAILER!!!" ends the archive; what follows is ignored.
 */
#ifndef FS_CPIO_H
#define FS_CPIO_H

#include <stddef.h>
#include <stdint.h>

#define CPIO_HEADER_SIZE 110
#define CPIO_MAGIC "070701"
#define CPIO_TRAILER "TRAILER!!!"

enum cpio_error {
	CPIO_OK,
	CPIO_TRUNCATED_HEADER,	/* fewer than 110 bytes left for a header */
	CPIO_BAD_MAGIC,		/* the header does not start "070701" */
	CPIO_BAD_FIELD,		/* a field is not 8 hex digits */
	CPIO_NAME_PAST_END,	/* the name runs past the end of the archive */
	CPIO_BAD_NAME,		/* namesize 0, or the name has no final NUL */
	CPIO_SIZE_PAST_END,	/* the data runs past the end of the archive */
	CPIO_NO_TRAILER,	/* the archive ends without "TRAILER!!!" */
};

struct cpio_entry {
	const char *name;	/* NUL-terminated, inside the archive */
	uint32_t mode;		/* S_IF* | permission bits */
	const void *data;	/* inside the archive */
	uint32_t size;		/* bytes of data */
	size_t offset;		/* of the entry's header */
};

struct cpio_reader {
	const unsigned char *buf;
	size_t len, pos;
	enum cpio_error error;	/* why cpio_next returned -1 */
	size_t error_offset;	/* header offset of the damaged entry */
	char error_name[64];	/* its name as far as it could be read, or "" */
};

/* Starts r at the first entry of the archive data[0..len), which must stay
 * unchanged while r and the entries it gives are used. Never fails. */
void cpio_reader_init(struct cpio_reader *r, const void *data, size_t len);
/* Reads the next entry into *e. Returns 1 for an entry, 0 at the trailer,
 * -1 for damage (r->error, r->error_offset and r->error_name say what and
 * where); every later call returns the same. */
int cpio_next(struct cpio_reader *r, struct cpio_entry *e);
/* Words for an error: "truncated header", "bad magic", ... */
const char *cpio_strerror(enum cpio_error err);

#endif
