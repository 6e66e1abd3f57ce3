/*
 * seq_file, Linux's way to make a large generated file a record at a time:
 * the driver gives an iterator (start / next / stop / show) and seq_read
 * calls it to fill a kernel buffer of whole records, copies out what the
 * reader asked for and, at the next read, starts again at the record where
 * it stopped (fs/seq_file.c says exactly how). single_open is the one-record
 * case for a file whose whole text one show call makes.
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <stdarg.h>
#include <stdbool.h>
#include <linux/chrdev.h>

struct seq_operations;

struct seq_file {
	char *buf;		/* records being copied out (kmalloc'd) */
	size_t size;		/* bytes allocated in buf (a page, doubled) */
	size_t from;		/* first byte of buf not yet copied out */
	size_t count;		/* bytes in buf; == size: the record overflowed */
	loff_t index;		/* the iterator's position: the next record */
	loff_t read_pos;	/* file position that buf[from] is at */
	const struct seq_operations *op;
	void *private;		/* the driver's (single_open: its data) */
	struct file *file;
};

/* start(m, pos): the record at *pos, or NULL past the end (or ERR_PTR);
 * next(m, v, pos): advance *pos and return that record or NULL;
 * stop(m, v): after start, always, with the last value seen;
 * show(m, v): print record v; 0, SEQ_SKIP (print nothing), or -errno. */
struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

#define SEQ_SKIP	1
#define SEQ_START_TOKEN	((void *)1)

/* Gives file a new seq_file (file->private_data) iterating with op.
 * Returns 0 or -ENOMEM. Pair with seq_release. */
int seq_open(struct file *file, const struct seq_operations *op);
/* As seq_open, with psize zeroed bytes in m->private (freed by
 * seq_release_private); returns that memory, or NULL for no memory. */
void *__seq_open_private(struct file *file, const struct seq_operations *op,
			 int psize);
int seq_open_private(struct file *file, const struct seq_operations *op,
		     int psize);
/* file_operations.read for a seq_file: copies records from *ppos. Returns
 * the bytes copied (0 at the end), a show's -errno, or -ENOMEM. */
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
/* file_operations.llseek: SEEK_SET and SEEK_CUR to any position >= 0
 * (the next read walks the records up to it), else -EINVAL. */
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
/* Frees the seq_file and its buffer. Returns 0. */
int seq_release(struct inode *inode, struct file *file);
int seq_release_private(struct inode *inode, struct file *file);

/* Appending to the record being shown. When the buffer is full the record
 * is marked overflowed (seq_has_overflowed) and seq_read retries it with a
 * buffer twice as big: a show just prints. */
void seq_printf(struct seq_file *m, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void seq_vprintf(struct seq_file *m, const char *fmt, va_list ap);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
int seq_write(struct seq_file *m, const void *data, size_t len);

static inline bool seq_has_overflowed(struct seq_file *m)
{
	return m->count == m->size;
}

/* A seq_file of one record: show(m, SEQ_START_TOKEN) makes the whole text;
 * data is in m->private. Returns 0 or -ENOMEM. Pair with single_release. */
int single_open(struct file *file, int (*show)(struct seq_file *m, void *v),
		void *data);
int single_release(struct inode *inode, struct file *file);

#endif
