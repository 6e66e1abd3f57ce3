/*
 * The `status`, `error`, `base`, `module` and `symbols` files of a module
 * directory. `symbols` takes the loader's symbol table in one write
 * (kernel/symbols.h) and reads back what the kernel keeps. `status` is text
 * made when it is opened; `error` the last failure as two lines; `module`
 * is a regular page-backed file whose
 * writes and size changes follow the module's state: anything goes while
 * unmapped; while mapped, writes may not grow it (new pages would not be
 * mapped); once init has started it is read-only, except for the one
 * truncation to the core size that drops the init part.
 */
#include "fs/modfs/internal.h"
#include "kernel/symbols.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

static void show_size(struct seq_buf *m, const char *what, uint32_t bytes, const char *note)
{
	seq_buf_printf(m, "%-12s %u bytes (%u page%s)%s\n", what, bytes, PAGES_FOR(bytes),
		   PAGES_FOR(bytes) == 1 ? "" : "s", note);
}

/* What the module's code allocated and has not freed (mm/charge.c). */
static void show_holdings(struct seq_buf *m, const struct module *mod)
{
	char what[MM_CHARGE_KINDS][48];
	struct mm_held h;
	uint32_t total = 0;

	mm_module_held(mod, &h);
	for (unsigned k = 0; k < MM_CHARGE_KINDS; k++) {
		mm_held_format(what[k], sizeof(what[k]), k, h.count[k], h.amount[k]);
		total += h.count[k];
	}
	if (total)
		seq_buf_printf(m, "holds:       %s, %s, %s\n", what[0], what[1], what[2]);
	else
		seq_buf_printf(m, "holds:       nothing\n");
}

/* The init part's line; its end names the strategy (docs/modfs.md, "Init
 * strategies"): "discarded"/"present" alone is truncate (init last in the
 * image), "(split: ...)" an image of its own, "kept (keep)" never dropped. */
static void show_init(struct seq_buf *m, const struct module_record *rec)
{
	uint32_t init_pages = PAGES_FOR(rec->core_size + rec->init_size) -
			      PAGES_FOR(rec->core_size);
	const char *state = rec->init_dropped ? "discarded" : "present";

	if (rec->init_image || rec->init_image_was) {
		init_pages = PAGES_FOR(rec->init_image_size);
		seq_buf_printf(m, "init size:   %u bytes (%u page%s of its own), %s (split)\n",
			   rec->init_size, init_pages, init_pages == 1 ? "" : "s", state);
		return;
	}
	seq_buf_printf(m, "init size:   %u bytes (%u page%s past the core), %s\n",
		   rec->init_size, init_pages, init_pages == 1 ? "" : "s",
		   rec->init_kept ? "kept (keep)" : state);
}

static int show_status(struct seq_buf *m, void *arg)
{
	const struct module_record *rec = arg;
	char users[MODULE_WHY_LEN];
	bool sized = rec->hdr && (rec->state >= MODULE_STATE_COMING || rec->core_size);

	seq_buf_printf(m, "name:        %s\n", rec->name);
	seq_buf_printf(m, "state:       %s\n", module_state_name(rec->state));
	if (rec->hdr)
		seq_buf_printf(m, "base:        0x%08x\n", (uint32_t)(uintptr_t)rec->hdr);
	else
		seq_buf_printf(m, "base:        -\n");
	if (rec->init_image)	/* insmod --init=split: the init image */
		seq_buf_printf(m, "init base:   0x%08x (/mod/%s/init, %u bytes)\n",
			   (uint32_t)(uintptr_t)rec->init_image, rec->name,
			   rec->init_image_size);
	if (rec->hdr)
		show_size(m, "mapped:", rec->mapped_size, "");
	if (sized) {
		show_size(m, "core size:", rec->core_size, "");
		show_init(m, rec);
	}
	modpack_show_placement(m, rec);
	if (rec->hdr)
		show_holdings(m, rec->hdr);
	seq_buf_printf(m, "refcount:    %d\n", rec->refcount);
	module_users(rec, users, sizeof(users));
	seq_buf_printf(m, "used by:     %s\n", users[0] ? users : "-");
	seq_buf_printf(m, "uses:        ");
	for (unsigned i = 0; i < rec->n_uses; i++)
		seq_buf_printf(m, "%s%s", i ? "," : "", rec->uses[i]->name);
	seq_buf_printf(m, "%s\n", rec->n_uses ? "" : "-");
	if (rec->faulted)
		seq_buf_printf(m, "faulted:     %s\n", rec->fault_why);
	if (rec->last_error)
		seq_buf_printf(m, "last error:  %d (%s): %s\n", rec->last_error,
			   strerror(rec->last_error), rec->last_why);
	else
		seq_buf_printf(m, "last error:  none\n");
	return 0;
}

/* Contract in fs/modfs/internal.h. */
int modfs_show_open(struct inode *inode, struct file *f,
		    int (*show)(struct seq_buf *m, void *rec))
{
	struct module_record *rec = modfs_record(inode);

	if (!rec)
		return -ENOENT;
	return seq_file_open(f, show, rec);
}

ssize_t modfs_set_write(struct file *f, const char *buf, size_t count,
			int (*set)(struct module_record *rec, const char *text, size_t len))
{
	struct module_record *rec = modfs_record(f->inode);
	int err;

	if (!rec)
		return -ENOENT;
	err = set(rec, buf, count);
	return err ? err : (ssize_t)count;
}

static int status_open(struct inode *inode, struct file *f)
{
	return modfs_show_open(inode, f, show_status);
}

const struct file_operations modfs_status_fops = {
	.open = status_open,
	.read = seq_file_read,
	.release = seq_file_release,
};

/*
 * `error`: the last failed command as data, for programs (insmod, rmmod):
 *   errno:  -19
 *   reason: init: the module's init function returned -19 (No such device)
 * and nothing (0 bytes) while the last command worked. Made at each read
 * on the stack, so reading it needs no memory even when memory is short,
 * which is when a loader most needs the reason.
 */
/* A read of text (made for this read) at *pos. */
static ssize_t read_text(const char *text, char *buf, size_t count, loff_t *pos)
{
	size_t len = strlen(text);

	if (*pos >= (loff_t)len)
		return 0;
	if (count > len - *pos)
		count = len - *pos;
	memcpy(buf, text + *pos, count);
	*pos += count;
	return count;
}

static ssize_t error_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	const struct module_record *rec = modfs_record(f->inode);
	char text[MODULE_WHY_LEN + 32];

	if (!rec)
		return -ENOENT;
	text[0] = '\0';
	if (rec->last_error)
		snprintf(text, sizeof(text), "errno:  %d\nreason: %s\n", rec->last_error,
			 rec->last_why);
	return read_text(text, buf, count, pos);
}

const struct file_operations modfs_error_fops = {
	.read = error_read,
};

/*
 * `base`: where the image is mapped, one line "0xf000c000", or "-" while
 * it is not: the one figure the loader needs after `map module`, which
 * it would otherwise find by formatting and parsing all of `status`.
 * Made on the stack at each read, like `error`.
 */
static ssize_t base_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	static const char hex[] = "0123456789abcdef";
	const struct module_record *rec = modfs_record(f->inode);
	uint32_t base = rec ? (uint32_t)(uintptr_t)rec->hdr : 0;
	char text[12] = "-\n";

	if (!rec)
		return -ENOENT;
	if (base) {
		text[0] = '0', text[1] = 'x', text[10] = '\n', text[11] = '\0';
		for (int i = 0; i < 8; i++)
			text[2 + i] = hex[base >> (28 - 4 * i) & 0xf];
	}
	return read_text(text, buf, count, pos);
}

const struct file_operations modfs_base_fops = {
	.read = base_read,
};

static ssize_t module_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	struct module_record *rec = modfs_record(f->inode);

	if (!rec)
		return -ENOENT;
	if (rec->state >= MODULE_STATE_COMING)
		return module_fail(rec, -EBUSY, "write: the image of a %s module is "
				   "read-only", module_state_name(rec->state));
	if (rec->state == MODULE_STATE_MAPPED && (f->flags & O_APPEND ||
	    *pos + count > rec->mapped_size))
		return module_fail(rec, -EFBIG, "write: %u bytes at %u would grow a mapped "
				   "image of %u bytes", (uint32_t)count, (uint32_t)*pos,
				   rec->mapped_size);
	if (rec->pack_region)	/* the slot is the file's data (pack.c) */
		return modpack_write(rec, buf, count, pos);
	return pagefile_fop_write(f, buf, count, pos);
}

static ssize_t module_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	struct module_record *rec = modfs_record(f->inode);

	if (rec && rec->pack_region)
		return modpack_read(rec, buf, count, pos);
	return pagefile_fop_read(f, buf, count, pos);
}

const struct file_operations modfs_module_fops = {
	.read = module_read,
	.write = module_write,
};

/* ftruncate of `module`: free while unmapped; while live, only the one cut
 * to the core size, which unmaps and frees the init pages. */
static int module_setsize(struct inode *inode, uint32_t size)
{
	struct module_record *rec = modfs_record(inode);
	int err;

	if (!rec || rec->state == MODULE_STATE_UNMAPPED)
		return pagefile_truncate(&inode->data, size);
	if (size == rec->mapped_size)
		return 0;
	err = module_check_shrink(rec, size);
	if (err)
		return err;
	/* a page-placed image's range holds PAGES_FOR(mapped_size) pages: a
	 * cut inside its last page (hello's init) unmaps none, and vshrink
	 * would find the range only to keep every page of it */
	if (rec->pack_region)
		err = modpack_shrink(rec, size);
	else if (PAGES_FOR(size) != PAGES_FOR(rec->mapped_size))
		err = vshrink(rec->hdr, size);
	if (err)
		return module_fail(rec, err, "truncate: vshrink failed");
	rec->init_dropped = true;
	modsyms_drop_init(rec);
	module_set_mapped_size(rec, size);
	return pagefile_truncate(&inode->data, size);
}

const struct inode_operations modfs_module_iops = {
	.setsize = module_setsize,
};

static int show_symbols(struct seq_buf *m, void *arg)
{
	return modsyms_show(m, arg);
}

/* The text is made only for a reader: insmod opens the file to write. */
static int symbols_open(struct inode *inode, struct file *f)
{
	if (!(f->f_mode & FMODE_READ))
		return modfs_record(inode) ? 0 : -ENOENT;
	return modfs_show_open(inode, f, show_symbols);
}

static int symbols_release(struct inode *inode, struct file *f)
{
	return f->private_data ? seq_file_release(inode, f) : 0;
}

/* One write is the whole table (it replaces the previous one). */
static ssize_t symbols_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	return modfs_set_write(f, buf, count, modsyms_set);
}

const struct file_operations modfs_symbols_fops = {
	.open = symbols_open,
	.read = seq_file_read,
	.write = symbols_write,
	.release = symbols_release,
};
