/*
 * Growing text buffers for generated files (/proc, modfs status): text is
 * appended with seq_printf and the buffer doubles as needed. An append that
 * cannot get memory sets m->error and every later one does nothing.
 */
#include "fs/vfs.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

#define SEQ_MIN_CAP 256

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
	buf = kmalloc(cap);
	if (!buf)
		return m->error = -ENOMEM;
	if (m->buf)
		memcpy(buf, m->buf, m->len + 1);
	kfree(m->buf);
	m->buf = buf;
	m->cap = cap;
	return 0;
}

int seq_printf(struct seq_buf *m, const char *fmt, ...)
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

int seq_write(struct seq_buf *m, const void *data, size_t len)
{
	if (seq_reserve(m, len))
		return m->error;
	memcpy(m->buf + m->len, data, len);
	m->len += len;
	m->buf[m->len] = '\0';
	return 0;
}

void seq_buf_free(struct seq_buf *m)
{
	kfree(m->buf);
	m->buf = NULL;
	m->len = m->cap = 0;
}
