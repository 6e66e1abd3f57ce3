/*
 * Growing text buffers for generated files (/proc, modfs status): text is
 * appended with seq_buf_printf and the buffer doubles as needed: from
 * kmalloc up to a page, then from vmalloc (single pages, as Linux's
 * seq_file uses kvmalloc), so a long text such as /proc/ksyms never needs
 * contiguous pages. An append that cannot get memory sets m->error and
 * every later one does nothing.
 * Below them, the file operations that make the text at open and read it.
 */
#include "fs/vfs.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

#define SEQ_MIN_CAP 256

static void buf_free(struct seq_buf *m)
{
	if (m->cap > PAGE_SIZE)
		vfree(m->buf);
	else
		kfree(m->buf);
}

/* Room for extra more bytes plus a NUL. Returns 0 or -ENOMEM. */
static int seq_reserve(struct seq_buf *m, size_t extra)
{
	size_t need = m->len + extra + 1, cap = m->cap ? m->cap : SEQ_MIN_CAP;
	char *buf;

	if (m->error)
		return m->error;
	if (need <= m->cap)
		return 0;
	while (cap < need)
		cap *= 2;
	buf = cap > PAGE_SIZE ? vmalloc(cap) : kmalloc(cap);
	if (!buf)
		return m->error = -ENOMEM;
	if (m->buf)
		memcpy(buf, m->buf, m->len + 1);
	buf_free(m);
	m->buf = buf;
	m->cap = cap;
	return 0;
}

int seq_buf_printf(struct seq_buf *m, const char *fmt, ...)
{
	va_list ap;
	int n;

	/* format straight into the room left; only when it did not fit,
	 * grow and format again */
	if (seq_reserve(m, 0))
		return m->error;
	va_start(ap, fmt);
	n = vsnprintf(m->buf + m->len, m->cap - m->len, fmt, ap);
	va_end(ap);
	if ((size_t)n >= m->cap - m->len) {
		if (seq_reserve(m, n))
			return m->error;
		va_start(ap, fmt);
		vsnprintf(m->buf + m->len, m->cap - m->len, fmt, ap);
		va_end(ap);
	}
	m->len += n;
	return 0;
}

int seq_buf_write(struct seq_buf *m, const void *data, size_t n)
{
	if (seq_reserve(m, n))
		return m->error;
	memcpy(m->buf + m->len, data, n);
	m->len += n;
	m->buf[m->len] = '\0';
	return 0;
}

void seq_buf_free(struct seq_buf *m)
{
	buf_free(m);
	m->buf = NULL;
	m->len = m->cap = 0;
}

/* ---- files whose text is made at open ---- */

int seq_file_open(struct file *f, int (*show)(struct seq_buf *m, void *arg),
		  void *arg)
{
	struct seq_buf *m = kzalloc(sizeof(*m));
	int err;

	if (!m)
		return -ENOMEM;
	err = show(m, arg);
	if (!err)
		err = m->error;
	if (err) {
		seq_buf_free(m);
		kfree(m);
		return err;
	}
	f->private_data = m;
	return 0;
}

ssize_t seq_file_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	const struct seq_buf *m = f->private_data;
	size_t n;

	if (*pos < 0 || (size_t)*pos >= m->len)
		return 0;
	n = m->len - *pos < count ? m->len - *pos : count;
	memcpy(buf, m->buf + *pos, n);
	*pos += n;
	return n;
}

int seq_file_release(struct inode *inode, struct file *f)
{
	seq_buf_free(f->private_data);
	kfree(f->private_data);
	return 0;
}
