/*
 * seq_file: a generated file read a record at a time, with Linux's
 * iterator protocol. A read works on a buffer of whole records:
 *   - when the buffer is empty, start(m, &m->index) gives the record to
 *     show first; show prints it; a record that does not fit the buffer
 *     (seq_has_overflowed) is shown again after stop/start with a buffer
 *     twice as big, so one record is never cut;
 *   - then next(m, v, &m->index) advances and more records are shown while
 *     the reader wants more bytes than the buffer holds; a record that
 *     overflows is dropped from the buffer, and m->index already names it:
 *     the next read's start shows it first;
 *   - stop(m, v) ends every start; bytes copied out go from buf[from],
 *     those left wait for the next read, which copies them before it
 *     fills the buffer again (once per read, as Linux).
 * So a large output read in small pieces is complete and never repeated.
 * A read at another position than the last one ended at (seq_lseek, or a
 * pread-like caller) starts over from record 0 and skips up to it.
 */
#include "fs/internal.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <linux/err.h>
#include <linux/seq_file.h>

#define SEQ_FIRST_SIZE	PAGE_SIZE

/* Replaces the buffer by an empty one of the first size, or twice the
 * size. Returns 0 or -ENOMEM (no buffer then). */
static int seq_grow(struct seq_file *m)
{
	size_t size = m->size ? m->size * 2 : SEQ_FIRST_SIZE;

	kfree(m->buf);
	m->buf = kmalloc(size);
	m->size = m->buf ? size : 0;
	m->count = 0;
	m->from = 0;
	return m->buf ? 0 : -ENOMEM;
}

/* Shows records from m->index until one is not empty; grows the buffer
 * and starts over while that one overflows. Returns the record (or NULL /
 * an ERR_PTR at the end, after a show's error in *err); start has been
 * called and stop has not. */
static void *seq_first_record(struct seq_file *m, int *err)
{
	void *p;

	for (;;) {
		m->count = 0;
		p = m->op->start(m, &m->index);
		while (p && !IS_ERR(p)) {
			*err = m->op->show(m, p);
			if (*err < 0)
				return p;
			if (*err > 0)		/* SEQ_SKIP */
				m->count = 0;
			if (m->count)
				break;
			p = m->op->next(m, p, &m->index);
		}
		*err = IS_ERR(p) ? (int)PTR_ERR(p) : 0;
		if (!p || IS_ERR(p) || !seq_has_overflowed(m))
			return p;
		m->op->stop(m, p);
		*err = seq_grow(m);
		if (*err)
			return ERR_PTR(*err);
	}
}

/* Fills the empty buffer with whole records from m->index: at least one,
 * more while fewer than want bytes are held. Returns 0 (m->count == 0 at
 * the end of the file), or -errno. */
static int seq_fill(struct seq_file *m, size_t want)
{
	void *p;
	int err = 0;

	if (!m->buf && seq_grow(m))
		return -ENOMEM;
	m->from = 0;
	p = seq_first_record(m, &err);
	if (IS_ERR(p) && PTR_ERR(p) == -ENOMEM && !m->buf)
		return -ENOMEM;		/* nothing started: no stop */
	if (!err && p) {
		for (;;) {
			size_t before = m->count;
			loff_t index = m->index;

			p = m->op->next(m, p, &m->index);
			if (m->index == index)	/* a next that did not advance */
				m->index++;
			if (!p || IS_ERR(p) || m->count >= want)
				break;
			err = m->op->show(m, p);
			if (err > 0) {
				m->count = before;
				err = 0;
			} else if (err < 0 || seq_has_overflowed(m)) {
				m->count = before;	/* shown again next time */
				err = 0;
				break;
			}
		}
	} else if (err) {
		m->count = 0;
	}
	m->op->stop(m, p);
	return err;
}

/* Moves up to n bytes out of the buffer into buf (or nowhere, buf NULL). */
static size_t seq_take(struct seq_file *m, char *buf, size_t n)
{
	if (n > m->count)
		n = m->count;
	if (buf)
		memcpy(buf, m->buf + m->from, n);
	m->from += n;
	m->count -= n;
	return n;
}

/* One read's worth, as Linux's: what is left in the buffer first, then
 * (if the reader wants more) one fill and what of it fits. Copies (or,
 * with buf NULL, skips) up to size bytes; returns how many; *err gets the
 * error of the fill. One fill per read matters: an iterator whose start
 * returns NULL once past the end (and rewinds) ends a cat there. */
static size_t seq_copy(struct seq_file *m, char *buf, size_t size, int *err)
{
	size_t done = seq_take(m, buf, size);

	*err = 0;
	if (done < size) {
		*err = seq_fill(m, size - done);
		if (!*err)
			done += seq_take(m, buf ? buf + done : NULL, size - done);
	}
	m->read_pos += done;
	return done;
}

/* Starts over from record 0 and skips to byte pos (or the end). */
static int seq_skip_to(struct seq_file *m, loff_t pos)
{
	size_t n;
	int err = 0;

	m->index = 0;
	m->count = 0;
	m->from = 0;
	m->read_pos = 0;
	while (m->read_pos < pos && !err) {
		n = seq_copy(m, NULL, (size_t)(pos - m->read_pos), &err);
		if (!n)
			break;
	}
	m->read_pos = pos;
	return err;
}

ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	size_t done;
	int err;

	if (*ppos < 0)
		return -EINVAL;
	if (*ppos != m->read_pos) {
		err = seq_skip_to(m, *ppos);
		if (err)
			return err;
	}
	done = seq_copy(m, (char *)buf, size, &err);
	*ppos += done;
	return done ? (ssize_t)done : err;
}

loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	switch (whence) {
	case SEEK_CUR:
		offset += file->pos;
		/* fall through */
	case SEEK_SET:
		if (offset < 0)
			return -EINVAL;
		file->pos = offset;	/* seq_read walks there */
		return offset;
	default:
		return -EINVAL;
	}
}

int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *m = kzalloc(sizeof(*m));

	if (!m)
		return -ENOMEM;
	m->op = op;
	m->file = file;
	file->private_data = m;
	return 0;
}

int seq_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->buf);
	kfree(m);
	file->private_data = NULL;
	return 0;
}

void *__seq_open_private(struct file *file, const struct seq_operations *op,
			 int psize)
{
	void *private = kzalloc(psize > 0 ? (size_t)psize : 1);

	if (!private)
		return NULL;
	if (seq_open(file, op)) {
		kfree(private);
		return NULL;
	}
	((struct seq_file *)file->private_data)->private = private;
	return private;
}

int seq_open_private(struct file *file, const struct seq_operations *op,
		     int psize)
{
	return __seq_open_private(file, op, psize) ? 0 : -ENOMEM;
}

int seq_release_private(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->private);
	return seq_release(inode, file);
}

/* ---- printing into the record ---- */

static void seq_overflow(struct seq_file *m)
{
	m->count = m->size;
}

void seq_vprintf(struct seq_file *m, const char *fmt, va_list ap)
{
	int n;

	if (m->count < m->size) {
		n = vsnprintf(m->buf + m->count, m->size - m->count, fmt, ap);
		if (n >= 0 && m->count + n < m->size) {
			m->count += n;
			return;
		}
	}
	seq_overflow(m);
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	seq_vprintf(m, fmt, ap);
	va_end(ap);
}

int seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, data, len);
		m->count += len;
		return 0;
	}
	seq_overflow(m);
	return -1;
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	if (m->count < m->size)
		m->buf[m->count++] = c;
}

/* ---- one-record files ---- */

static void *single_start(struct seq_file *m, loff_t *pos)
{
	return *pos ? NULL : SEQ_START_TOKEN;
}

static void *single_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return NULL;
}

static void single_stop(struct seq_file *m, void *v)
{
}

int single_open(struct file *file, int (*show)(struct seq_file *m, void *v),
		void *data)
{
	struct seq_operations *op = kmalloc(sizeof(*op));
	int err;

	if (!op)
		return -ENOMEM;
	op->start = single_start;
	op->next = single_next;
	op->stop = single_stop;
	op->show = show;
	err = seq_open(file, op);
	if (err) {
		kfree(op);
		return err;
	}
	((struct seq_file *)file->private_data)->private = data;
	return 0;
}

int single_release(struct inode *inode, struct file *file)
{
	const struct seq_operations *op = ((struct seq_file *)file->private_data)->op;

	seq_release(inode, file);
	kfree((void *)op);
	return 0;
}
