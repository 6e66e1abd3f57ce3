/*
 * /proc/modules and /proc/ksyms, the module lists the loader and lsmod
 * read.
 *
 *   /proc/modules, Linux's line format: name, size in bytes (what is mapped
 *   now: the core once init is dropped), refcount, users ("a,b," or "-"),
 *   state (Loading while init runs, Live, Unloading while exit runs), base
 *   address, then Linux's per-module flags in parentheses if any (F: forced,
 *   O: out of tree, D: its code faulted); only modules from init to exit are
 *   listed, as in Linux:
 *       libdemo 432 1 libuser, Live 0xf0003000
 *       hx_oops 448 0 - Loading 0xf0005000 (D)
 *   /proc/ksyms, one exported symbol a line: address, name, owner
 *   ("kernel" or the module), version CRC; e.g.
 *       c0102800 printk kernel 0x930c8fc1
 *   /proc/ksym_lookup, the loader's question about only the symbols a module
 *   needs (docs/modfs.md, "Looking symbols up"): a write of names, one a
 *   line, is answered in the same open file, a line per name in order:
 *   "c0102800 kernel 0x930c8fc1" (address, owner, CRC, as /proc/ksyms) or
 *   "unknown"; each name is one lookup in the kernel's hash table. insmod
 *   asks the same on the module's control file (MODASK_MAGIC, names ended
 *   by NULs: ksym_lookup_ask, for control.c), an open and a close less,
 *   and is answered packed: no number formatted and parsed back.
 *   /proc/kallsyms, every symbol the oops printer knows (kernel/symbols.h),
 *   in Linux's format; /proc/tainted, the taint bits as a number (Linux's
 *   /proc/sys/kernel/tainted: 1 = F, 128 = D, 4096 = O; docs/debugging.md);
 *   /proc/vermagic, the kernel's version magic (include/tessera/vermagic.h),
 *   which insmod compares with each module's.
 */
#include "fs/modfs/internal.h"
#include "kernel/oops.h"
#include "kernel/symbols.h"
#include "lib/string.h"
#include "mm/mm.h"
#include <tessera/errno.h>
#include <tessera/vermagic.h>

static const char *linux_state(enum module_state s)
{
	return s == MODULE_STATE_LIVE ? "Live" : s == MODULE_STATE_GOING ? "Unloading"
									   : "Loading";
}

static void module_line(struct module_record *rec, void *arg)
{
	struct seq_buf *m = arg;
	char users[MODULE_WHY_LEN], flags[8];

	if (rec->state < MODULE_STATE_COMING)	/* not loaded: not in Linux's list */
		return;
	seq_buf_printf(m, "%s %u %d ", rec->name, rec->mapped_size, rec->refcount);
	if (module_users(rec, users, sizeof(users)))
		seq_buf_printf(m, "%s, ", users);
	else
		seq_buf_printf(m, "- ");
	seq_buf_printf(m, "%s 0x%08x", linux_state(rec->state), (uint32_t)(uintptr_t)rec->hdr);
	module_flags(rec, flags, sizeof(flags));
	seq_buf_printf(m, flags[0] ? " (%s)\n" : "%s\n", flags);
}

static int show_modules(struct seq_buf *m, void *arg)
{
	module_for_each(module_line, m);
	return m->error;
}

static void ksym_line(const struct kernel_symbol *sym, const struct module_record *owner,
		      void *arg)
{
	seq_buf_printf(arg, "%08lx %s %s 0x%08x\n", sym->value, sym->name,
		   owner ? owner->name : "kernel", sym->crc);
}

static int show_ksyms(struct seq_buf *m, void *arg)
{
	ksyms_for_each(ksym_line, m);
	return m->error;
}

#define KSYM_LOOKUP_ROOM 192	/* answers kept in the open file itself */

/* One open file of /proc/ksym_lookup, or one question on a control file:
 * its answers, in room while they fit (a small module's: no allocation
 * but the record's own), else in a buffer of cap bytes from kmalloc or,
 * over a page, vmalloc. */
struct ksym_lookup {
	char *buf;		/* room, or the buffer */
	size_t len, cap;	/* bytes of answers / of buf */
	size_t read;		/* bytes of answers already read */
	char room[KSYM_LOOKUP_ROOM];
};

#define KSYM_LOOKUP_NAME_MAX 255

/* A 32-bit word anywhere in a buffer (i386 stores unaligned words). */
struct unaligned32 {
	uint32_t v;
} __attribute__((packed));

/* Empties l's answers into its own room (the room's bytes are left as
 * they are: no answer is read before it is written). */
static void lookup_empty(struct ksym_lookup *l)
{
	l->buf = l->room;
	l->cap = sizeof(l->room);
	l->len = l->read = 0;
}

static int lookup_open(struct inode *inode, struct file *f)
{
	struct ksym_lookup *l = kmalloc(sizeof(*l));

	if (l)
		lookup_empty(l);
	f->private_data = l;
	return l ? 0 : -ENOMEM;
}

static void lookup_free_buf(struct ksym_lookup *l)
{
	if (l->buf == l->room)
		return;
	if (l->cap > PAGE_SIZE)
		vfree(l->buf);
	else
		kfree(l->buf);
}

/* Makes room for n more bytes of answer, doubling the buffer when they
 * do not fit. Returns 0 or -ENOMEM (the answers unchanged). */
static int lookup_room(struct ksym_lookup *l, size_t n)
{
	size_t cap = 2 * l->cap;
	char *buf;

	if (l->len + n <= l->cap)
		return 0;
	while (cap < l->len + n)
		cap *= 2;
	buf = cap > PAGE_SIZE ? vmalloc(cap) : kmalloc(cap);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, l->buf, l->len);
	lookup_free_buf(l);
	l->buf = buf;
	l->cap = cap;
	return 0;
}

/* Appends n bytes of answer. Returns 0 or -ENOMEM (the answers
 * unchanged). */
static int lookup_append(struct ksym_lookup *l, const char *data, size_t n)
{
	if (lookup_room(l, n))
		return -ENOMEM;
	memcpy(l->buf + l->len, data, n);
	l->len += n;
	return 0;
}

/* Answers one name, as /proc/ksyms would list it: only the kernel's and
 * live modules' exports are known. */
/* Writes v as 8 hex digits at p; returns p + 8. */
static char *hex8(char *p, uint32_t v)
{
	static const char hex[] = "0123456789abcdef";

	for (int i = 7; i >= 0; i--, v >>= 4)
		p[i] = hex[v & 0xf];
	return p + 8;
}

/* One answer line, "%08lx %s 0x%08x\n" or "unknown\n", made by hand: a
 * printf of it cost about 1,400 instructions on every load. Returns 0 or
 * -ENOMEM. */
static int lookup_one(struct ksym_lookup *l, const char *name)
{
	struct module_record *owner;
	const struct kernel_symbol *sym = ksym_find(name, &owner);
	char line[8 + 1 + MODULE_NAME_LEN + 3 + 8 + 1], *p = line;
	const char *who;
	size_t n;

	if (!sym || (owner && owner->state != MODULE_STATE_LIVE))
		return lookup_append(l, "unknown\n", 8);
	who = owner ? owner->name : "kernel";	/* owner is set when sym is */
	n = strnlen(who, MODULE_NAME_LEN - 1);
	p = hex8(p, sym->value);
	*p++ = ' ';
	memcpy(p, who, n);
	p += n;
	*p++ = ' ', *p++ = '0', *p++ = 'x';
	p = hex8(p, sym->crc);
	*p++ = '\n';
	return lookup_append(l, line, p - line);
}

/* One answer of a look-up on a control file, packed (MODASK_MAGIC in
 * <tessera/modformat.h>): the owner's name and its NUL, then the address
 * and CRC, 32-bit little-endian each, as stored (i386 is little-endian);
 * a lone NUL for a name nobody exports. sym and owner are what ksym_find
 * answered for the name. No number is formatted. Returns 0 or -ENOMEM. */
static int lookup_one_packed(struct ksym_lookup *l, const struct kernel_symbol *sym,
			     struct module_record *owner)
{
	const char *who;
	char *a;
	size_t n;

	/* room for the longest answer (tested here first: it is there but
	 * for a long question), then it is made where it stays */
	if (l->len + MODASK_ANSWER_MAX > l->cap && lookup_room(l, MODASK_ANSWER_MAX))
		return -ENOMEM;
	a = l->buf + l->len;
	if (!sym || (owner && owner->state != MODULE_STATE_LIVE)) {
		a[0] = '\0';
		l->len++;
		return 0;
	}
	if (!owner) {
		/* the kernel, the commonest owner: "kernel" and its NUL as
		 * one 8-byte copy (two word stores; the answer has room for
		 * 64), the eighth byte then overwritten by the address */
		__builtin_memcpy(a, "kernel\0", 8);
		n = 6;
	} else {
		who = owner->name;
		for (n = 0; n < MODULE_NAME_LEN - 1 && who[n]; n++)
			a[n] = who[n];
		a[n] = '\0';
	}
	((struct unaligned32 *)(a + n + 1))->v = sym->value;
	((struct unaligned32 *)(a + n + 5))->v = sym->crc;
	l->len += n + 9;
	return 0;
}

/* A write holds whole lines, one name each (the last newline may be
 * left out); each is answered at once. -EINVAL for an empty line or a
 * name over KSYM_LOOKUP_NAME_MAX bytes (nothing of the write is answered
 * then), -ENOMEM if the answers do not fit in memory (then every answer
 * not yet read is dropped). */
static ssize_t lookup_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	struct ksym_lookup *l = f->private_data;
	size_t start = l->len;
	char name[KSYM_LOOKUP_NAME_MAX + 1];

	for (size_t i = 0; i < count;) {
		size_t n = 0;

		while (i + n < count && buf[i + n] != '\n')
			n++;
		if (!n || n > KSYM_LOOKUP_NAME_MAX) {
			l->len = start;
			return -EINVAL;
		}
		memcpy(name, buf + i, n);
		name[n] = '\0';
		if (lookup_one(l, name)) {
			lookup_free_buf(l);
			lookup_empty(l);
			return -ENOMEM;
		}
		i += n + 1;
	}
	return count;
}

/* Reads l's answers in order, each byte once. */
ssize_t ksym_lookup_read(struct ksym_lookup *l, char *buf, size_t count)
{
	size_t n = l->len - l->read < count ? l->len - l->read : count;

	memcpy(buf, l->buf + l->read, n);
	l->read += n;
	return n;
}

void ksym_lookup_free(struct ksym_lookup *l)
{
	if (!l)
		return;
	lookup_free_buf(l);
	kfree(l);
}

/* The file position is the writes' and is not used. */
static ssize_t lookup_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	return ksym_lookup_read(f->private_data, buf, count);
}

static int lookup_release(struct inode *inode, struct file *f)
{
	ksym_lookup_free(f->private_data);
	return 0;
}

/* A question asked on a module's control file (control.c): after
 * MODASK_MAGIC, names each ended by its NUL (so each is looked up where
 * it lies, with no copy); answered as a write to /proc/ksym_lookup is,
 * an answer per name in order, but packed (lookup_one_packed). Returns 0
 * and *answers (free them with ksym_lookup_free), -EINVAL for an empty
 * name, one over KSYM_LOOKUP_NAME_MAX bytes or one not ended by its NUL
 * (nothing is answered then), or -ENOMEM. */
int ksym_lookup_ask(const char *buf, size_t count, struct ksym_lookup **answers)
{
	const char *p = buf + MODASK_MAGIC_LEN, *end = buf + count;
	struct ksym_lookup *l = kmalloc(sizeof(*l));
	int err = l ? 0 : -ENOMEM;

	if (l)
		lookup_empty(l);
	while (!err && p < end) {
		size_t left = end - p, n;
		struct module_record *owner = NULL;
		/* measured (strnlen) and looked up in one pass over the name */
		const struct kernel_symbol *sym =
			ksym_find_measured(p, left < KSYM_LOOKUP_NAME_MAX + 1 ? left
						: KSYM_LOOKUP_NAME_MAX + 1, &n, &owner);

		if (!n || n == left || n > KSYM_LOOKUP_NAME_MAX)
			err = -EINVAL;
		else
			err = lookup_one_packed(l, sym, owner);
		p += n + 1;
	}
	if (err) {
		ksym_lookup_free(l);
		l = NULL;
	}
	*answers = l;
	return err;
}

static const struct file_operations ksym_lookup_fops = {
	.open = lookup_open,
	.read = lookup_read,
	.write = lookup_write,
	.release = lookup_release,
};

static int show_tainted(struct seq_buf *m, void *arg)
{
	return seq_buf_printf(m, "%u\n", get_taint());
}

/* The kernel's version magic, which insmod compares with a module's:
 * one constant line, copied from where it lies (no text made at open, no
 * memory: insmod reads it on every load). */
static ssize_t vermagic_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	static const char text[] = VERMAGIC_STRING "\n";
	size_t len = sizeof(text) - 1;

	if (*pos < 0 || *pos >= (loff_t)len)
		return 0;
	if (count > len - *pos)
		count = len - *pos;
	memcpy(buf, text + *pos, count);
	*pos += count;
	return count;
}

static const struct file_operations vermagic_fops = {
	.read = vermagic_read,
};

int modfs_proc_init(void)
{
	int err = proc_create_show("modules", show_modules, NULL);

	if (!err)
		err = proc_create_show("ksyms", show_ksyms, NULL);
	if (!err)
		err = proc_create_fops("ksym_lookup", 0666, &ksym_lookup_fops);
	if (!err)
		err = proc_create_show("kallsyms", kallsyms_show, NULL);
	if (!err)
		err = proc_create_fops("vermagic", 0444, &vermagic_fops);
	return err ? err : proc_create_show("tainted", show_tainted, NULL);
}
