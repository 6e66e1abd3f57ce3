/*
 * The `control` file of a module directory. Each write is one command; the
 * write returns its byte count when the command worked and the command's
 * own -errno when it did not (the reason in words is then in `status`):
 *
 *   map module     vmap the image file's own pages, or under modalloc=pack
 *                  move a small image into a shared page (pack.c); the
 *                  module is MAPPED
 *   near NAME      (unmapped) under modalloc=pack, place the next map right
 *                  after module NAME's slot when there is room (affinity)
 *   unmap module   undo map (not while the module is running)
 *   use NAME       this module uses live module NAME: pin it (loader step 7)
 *   init module    check the header and the version magic, run init; the
 *                  module is LIVE
 *   exit module    run exit if nobody holds the module; MAPPED again
 *   forget module  take out a module whose code faulted: MAPPED again
 *                  (module_forget; rmmod -f)
 *
 * A write that starts with the packed symbol table's magic (MODSYMS_MAGIC,
 * which no command starts with) is that table, taken exactly as a write
 * to `symbols` would take it: insmod hands it on the control descriptor it
 * keeps open, an open and a close less per load (docs/modfs.md).
 *
 * A write that starts with MODASK_MAGIC is a look-up: names, each ended
 * by a NUL, asked as /proc/ksym_lookup would be asked (proc.c), whatever
 * the module's state; insmod asks it here, on the descriptor it keeps.
 *
 * A read answers the last write on the same open file (a "transaction
 * file", as Linux's simple_transaction_*): a command that mapped an image
 * (`map module`, `map init`) answers where, "0xf000c000\n" (11 bytes, the
 * line `base` gives); a look-up answers what /proc/ksym_lookup would,
 * packed (MODASK_MAGIC in <tessera/modformat.h>); any other write, or a
 * failed one, answers nothing (a read returns 0 bytes).
 */
#include "fs/modfs/internal.h"
#include "kernel/printk.h"
#include "kernel/symbols.h"
#include "kernel/timer.h"
#include "kernel/workqueue.h"
#include "kernel/irq.h"
#include "kernel/io.h"
#include "kernel/sched.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>

#define CMD_MAX 96

/* vmaps the pages of pf in order, filling holes first, for `what` ("map"
 * or "map init") of a `noun` ("image", "init image"): *base on success,
 * else the reason in the record and pf exactly as it was (the pages put
 * into holes are freed again). Returns 0 or the module_fail error. */
int modfs_vmap_file(struct module_record *rec, struct pagefile *pf,
		    const char *what, const char *noun, void **base)
{
	uint32_t n = PAGES_FOR(pf->size);
	struct pagefile_fill fill;
	int err = pagefile_populate(pf, &fill);

	*base = NULL;
	if (err)
		return module_fail(rec, err, "%s: no memory for the %u page%s of a "
				   "%u-byte %s", what, n, n == 1 ? "" : "s", pf->size, noun);
	/* populated, the file's slot array is the list of its n pages in
	 * order (pagefile_page(pf, i) for each i), none a hole: vmap maps
	 * from it as it is, no copy */
	*base = vmap_owned(pf->pages, n, rec->name);	/* labelled: vmallocinfo */
	if (!*base) {
		pagefile_unpopulate(pf, &fill);
		return module_fail(rec, -ENOMEM, "%s: no room for %u pages in the "
				   "vmalloc area", what, n);
	}
	pagefile_fill_keep(&fill);
	return 0;
}

/* Maps the image file: a slot under modalloc=pack, else its own pages. */
int modfs_map(struct module_record *rec, struct inode *image)
{
	struct pagefile *pf = &image->data;
	void *base;
	int err;

	if (rec->state != MODULE_STATE_UNMAPPED)
		return module_fail(rec, -EBUSY, "map: module is already %s",
				   module_state_name(rec->state));
	if (pf->size < MODHDR_SIZE)
		return module_fail(rec, -EINVAL, "map: the image file has %u bytes; "
				   "ftruncate it to the image size first", pf->size);
	err = modpack_map(rec, pf);	/* modalloc=pack: a slot in a shared page */
	if (err <= 0)
		return err;
	err = modfs_vmap_file(rec, pf, "map", "image", &base);
	return err ? err : module_set_mapped(rec, base, pf->size);
}

int modfs_unmap(struct module_record *rec, struct inode *image)
{
	void *base = rec->hdr;
	int err;

	if (rec->pack_region)
		return image ? modpack_unmap(rec, &image->data)
			     : module_fail(rec, -ENOENT, "unmap: 'module' was unlinked");
	err = module_set_unmapped(rec);

	if (!err)
		vunmap(base);
	return err;
}

static void report_leftover(const char *dev, void *arg)
{
	const struct module_record *rec = arg;

	pr_err("%s: the module left /dev/%s registered; removed it\n", rec->name, dev);
}

static void report_timer(const struct timer_list *t, void *arg)
{
	const struct module_record *rec = arg;
	char sym[96];

	sym_format((uintptr_t)t->function, sym, sizeof(sym));
	pr_err("%s: the module left a timer armed (%s); removed it\n", rec->name, sym);
}

static void report_cache(const char *name, uint32_t live, const char *sym,
			 void *arg)
{
	const struct module_record *rec = arg;

	pr_err("%s: the module left kmem_cache %s (%s, %u object%s); removed it\n",
	       rec->name, name, sym, live, live == 1 ? "" : "s");
}

static void report_irq(unsigned irq, irq_handler_t fn, void *arg)
{
	const struct module_record *rec = arg;
	char sym[96];

	sym_format((uintptr_t)fn, sym, sizeof(sym));
	pr_err("%s: the module left IRQ %u handler (%s) registered; removed it\n", rec->name,
	       irq, sym);
}

static void report_work(const struct work_struct *work, const char *what, void *arg)
{
	const struct module_record *rec = arg;
	char sym[96];

	sym_format((uintptr_t)work->func, sym, sizeof(sym));
	pr_err("%s: the module left %s (%s); removed it\n", rec->name, what, sym);
}

static void report_tasklet(const struct tasklet_struct *t, void *arg)
{
	const struct module_record *rec = arg;
	char sym[96];

	sym_format((uintptr_t)t->func, sym, sizeof(sym));
	pr_err("%s: the module left a tasklet scheduled (%s); removed it\n", rec->name, sym);
}

static void report_wq(const char *name, void *arg)
{
	const struct module_record *rec = arg;

	pr_err("%s: the module left workqueue %s (its thread stopped); removed it\n",
	       rec->name, name);
}

static void report_left(const char *what, void *arg)
{
	const struct module_record *rec = arg;

	pr_err("%s: the module left %s; removed it\n", rec->name, what);
}

/* What the module left pointing into [base, base + size), removed in the
 * order reap_leftovers explains; with whole, also what is registered under
 * the module's record (/proc entries, character devices by owner). */
static void reap_range(struct module_record *rec, uintptr_t base, uintptr_t size,
		       bool whole)
{
	irq_remove_range(base, size, report_irq, rec);
	work_remove_range(base, size, report_work, rec);
	tasklet_remove_range(base, size, report_tasklet, rec);
	timer_remove_range(base, size, report_timer, rec);
	workqueue_remove_range(base, size, report_wq, rec);
	work_remove_range(base, size, report_work, rec);
	chrdev_remove_range(base, size, report_leftover, rec);
	if (whole) {
		proc_reap(rec, report_left, rec);
		chrdev_reap(rec, report_left, rec);
	}
	kmem_cache_remove_range(base, size, report_cache, rec);
	io_reap_module(rec->name, base, size);
	/* its threads that ended by themselves, never collected by kthread_stop */
	sched_reap_module(base, size);
}

/* Devices, /proc entries, timers, work items, workqueues, tasklets, IRQ
 * handlers, kmem_caches, regions and PCI drivers a module left registered
 * after its exit or a failed init would point into memory about to be
 * unmapped: remove them, and say so. The order matters: first what can
 * run the module's code on its own and queue more (IRQ handlers, work
 * items and delayed work, tasklets, timers), then the module's workqueues,
 * whose destruction sleeps while other threads run, then once more the
 * work items, in case a running one queued another meanwhile. */
static void reap_leftovers(struct module_record *rec)
{
	modfs_params_remove(rec);
	reap_range(rec, (uintptr_t)rec->hdr, rec->mapped_size, true);
	if (rec->init_image)	/* insmod --init=split: what init left there */
		reap_range(rec, (uintptr_t)rec->init_image, rec->init_image_size, false);
}

/* A faulted init keeps what it registered: the module stays loaded. Once
 * live, its parameters get their files (Linux makes them before init;
 * here a failure to make them is only logged: init has run). */
int modfs_start(struct module_record *rec, struct dentry *moddir)
{
	int err = module_start(rec), perr;

	if (err && !rec->faulted)
		reap_leftovers(rec);
	if (!err && (perr = modfs_params_create(rec, moddir)))
		pr_err("%s: cannot make /mod/%s/parameters: %s\n", rec->name, rec->name,
		       strerror(perr));
	return err;
}

int modfs_forget(struct module_record *rec)
{
	int err = module_forget(rec);

	if (!err)
		reap_leftovers(rec);
	return err;
}

int modfs_stop(struct module_record *rec)
{
	int err = module_stop(rec);

	if (!err)
		reap_leftovers(rec);
	return err;
}

/* `near NAME`: a placement hint for the next map (pack.c): NAME must be
 * a mapped module; rec must be unmapped. */
static int modfs_near(struct module_record *rec, const char *name)
{
	struct module_record *near = module_find(name);

	if (rec->state != MODULE_STATE_UNMAPPED)
		return module_fail(rec, -EBUSY, "near: module is %s; a placement hint "
				   "comes before map", module_state_name(rec->state));
	if (!near || !near->hdr || near == rec)
		return module_fail(rec, -ENOENT, "near: no mapped module named %s", name);
	strlcpy(rec->near, name, sizeof(rec->near));
	return 0;
}

/* The commands, by their first word. */
enum verb { VERB_MAP, VERB_UNMAP, VERB_INIT, VERB_EXIT, VERB_FORGET, VERB_USE,
	    VERB_NEAR, VERB_FORCE, VERB_NONE };

static const char *const verbs[VERB_NONE] = {
	[VERB_MAP] = "map", [VERB_UNMAP] = "unmap", [VERB_INIT] = "init",
	[VERB_EXIT] = "exit", [VERB_FORGET] = "forget", [VERB_USE] = "use",
	[VERB_NEAR] = "near", [VERB_FORCE] = "force",
};

/* !strcmp(word, lit), inline: a command's words are short, and a call
 * to strcmp costs more than the few bytes it compares. */
static inline bool same_word(const char *word, const char *lit)
{
	for (; *word == *lit; word++, lit++)
		if (!*word)
			return true;
	return false;
}

/* The verb that word is, or VERB_NONE. A verb is compared whole only
 * when its first byte is word's (two verbs at most share one: use/unmap,
 * force/forget), so this is strcmp against each in turn, answered with
 * one or two compares. */
static enum verb verb_of(const char *word)
{
	for (enum verb v = 0; v < VERB_NONE; v++)
		if (verbs[v][0] == word[0] && same_word(word, verbs[v]))
			return v;
	return VERB_NONE;
}

/* A `VERB module` command (map, unmap, init, exit, forget) once its
 * words are checked. */
static int run_module_verb(struct module_record *rec, struct file *f, enum verb v)
{
	switch (v) {
	case VERB_MAP:	/* rec->image: the image file's inode (modfs.c) */
		return rec->image ? modfs_map(rec, rec->image)
				  : module_fail(rec, -ENOENT, "map: 'module' was unlinked");
	case VERB_UNMAP:
		return modfs_unmap(rec, rec->image);
	case VERB_INIT:
		return modfs_start(rec, f->dentry->parent);
	case VERB_EXIT:
		return modfs_stop(rec);
	default:
		return modfs_forget(rec);
	}
}

static int run_command(struct module_record *rec, struct file *f, char *w[3], int n)
{
	static const char usage[] =
		"expected 'map|unmap|init|exit|forget module', 'use NAME', "
		"'near NAME' or 'force vermagic'";
	enum verb v;

	if (n == 0)
		return module_fail(rec, -EINVAL, "control: empty command; %s", usage);
	/* map|unmap|keep init: initimage.c (the first byte passes "module") */
	if (n == 2 && w[1][0] == 'i' && same_word(w[1], "init"))
		return modfs_init_command(rec, f->dentry, w[0]);
	v = verb_of(w[0]);
	if (v == VERB_USE)
		return n == 2 ? module_use(rec, w[1])
			      : module_fail(rec, -EINVAL, "use: expected 'use NAME'");
	if (v == VERB_NEAR)
		return n == 2 ? modfs_near(rec, w[1])
			      : module_fail(rec, -EINVAL, "near: expected 'near NAME'");
	if (v == VERB_FORCE)
		return n == 2 ? module_force(rec, w[1])
			      : module_fail(rec, -EINVAL, "force: expected 'force vermagic'");
	if (v == VERB_NONE)
		return module_fail(rec, -EINVAL, "unknown command '%s'; %s", w[0], usage);
	if (n != 2)
		return module_fail(rec, -EINVAL, "%s: expected '%s module'", w[0], w[0]);
	if (!same_word(w[1], "module"))
		return module_fail(rec, -ENOENT, "%s: no object '%s'; the only object "
				   "here is 'module'", w[0], w[1]);
	return run_module_verb(rec, f, v);
}

/* Copies the command buf[0..n) into cmd (n < CMD_MAX) and splits it into
 * at most 3 words at spaces and tabs (made NULs), in one pass: returns how
 * many words there are (3 meaning "3 or more"; the third is not needed
 * whole), or -1 if the line holds a NUL or a newline. A byte above ' '
 * is always a word's: the inner loop copies a word's run of them with one
 * test each; the outer one sees the rest (blanks, other control bytes,
 * which belong to the word they are in, NUL and newline). */
static int split_words(const char *buf, size_t n, char cmd[CMD_MAX], char *word[3])
{
	const char *end = buf + n;
	char *out = cmd;
	bool in_word = false;
	int words = 0;

	while (buf < end) {
		char c = *buf++;

		if ((unsigned char)c <= ' ') {
			if (c == '\0' || c == '\n')
				return -1;
			if (c == ' ' || c == '\t') {
				*out++ = '\0';
				in_word = false;
				continue;
			}
		}
		if (!in_word) {		/* a word starts here */
			in_word = true;
			if (words < 3)
				word[words++] = out;
		}
		*out++ = c;
		while (buf < end && (unsigned char)*buf > ' ')
			*out++ = *buf++;
	}
	*out = '\0';
	return words;
}

/* Is buf[0..n) exactly the line text (a string constant)? Its length
 * first, then its bytes, which the compiler compares a word at a time. */
#define line_is(buf, n, text) \
	((n) == sizeof(text) - 1 && !__builtin_memcmp((buf), (text), sizeof(text) - 1))

/* Runs the command line buf[0..n) (trailing blanks cut). The two commands
 * of every load, said exactly, go straight to their verb: split_words
 * would give the words "map" or "init" and "module", and run_command would
 * pass all its checks to run_module_verb with that verb. */
static int run_line(struct module_record *rec, struct file *f, const char *buf, size_t n)
{
	char cmd[CMD_MAX], *w[3];
	int words;

	if (line_is(buf, n, "map module"))
		return run_module_verb(rec, f, VERB_MAP);
	if (line_is(buf, n, "init module"))
		return run_module_verb(rec, f, VERB_INIT);
	words = n == 0 || n >= sizeof(cmd) ? -1 : split_words(buf, n, cmd, w);
	if (words < 0)
		return module_fail(rec, -EINVAL, "control: a command is one line of 1 to "
				   "%d bytes, no NUL", CMD_MAX - 1);
	return run_command(rec, f, w, words);
}

/* The answer of a command that worked: the base of the image it mapped
 * (rec's core or init image was unmapped before it and is mapped now),
 * else NULL: no answer. */
static void *control_answer(const struct module_record *rec, const void *core_was,
			    const void *init_was)
{
	if (!core_was && rec->hdr)
		return rec->hdr;
	if (!init_was && rec->init_image)
		return rec->init_image;
	return NULL;
}

/* f->private_data, the answer of the last write on f, is NULL (none), a
 * base a map answered (the address itself: no memory), or a look-up's
 * answers (a struct ksym_lookup from kmalloc), marked by bit 0 set: a
 * base is page-aligned or a pack slot's (16-byte aligned), a kmalloc
 * address word-aligned, so bit 0 of either is otherwise clear. */
#define ANSWER_LOOKUP 1u

static struct ksym_lookup *answer_lookup(const struct file *f)
{
	uintptr_t a = (uintptr_t)f->private_data;

	return a & ANSWER_LOOKUP ? (struct ksym_lookup *)(a - ANSWER_LOOKUP) : NULL;
}

/* Forgets f's answer, freeing a look-up's (at each write and at close). */
static void answer_forget(struct file *f)
{
	struct ksym_lookup *l = answer_lookup(f);

	if (l)
		ksym_lookup_free(l);
	f->private_data = NULL;
}

static int control_release(struct inode *inode, struct file *f)
{
	answer_forget(f);
	return 0;
}

/* The answer of the last write on f, from *pos; each write starts it
 * again at 0. */
static ssize_t control_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	static const char hex[] = "0123456789abcdef";
	uint32_t base = (uint32_t)(uintptr_t)f->private_data;
	char text[11] = { '0', 'x', [10] = '\n' };

	if (!modfs_record(f->inode))
		return -ENOENT;
	if (base & ANSWER_LOOKUP)
		return ksym_lookup_read(answer_lookup(f), buf, count);
	if (!base || *pos >= (loff_t)sizeof(text))
		return 0;
	for (int i = 2; i < 10; i++, base <<= 4)	/* the top digit first */
		text[i] = hex[base >> 28];
	if (count > sizeof(text) - *pos)
		count = sizeof(text) - *pos;
	memcpy(buf, text + *pos, count);
	*pos += count;
	return count;
}

static ssize_t control_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	struct module_record *rec = modfs_record(f->inode);
	size_t n = count;
	void *core_was, *init_was;
	int err;

	answer_forget(f);	/* no answer, until a command has one */
	*pos = 0;
	if (modsyms_packed(buf, count))
		return modfs_set_write(f, buf, count, modsyms_set);
	if (!rec)
		return -ENOENT;
	if (ksym_lookup_asked(buf, count)) {
		struct ksym_lookup *l;

		err = ksym_lookup_ask(buf, count, &l);
		f->private_data = l ? (void *)((uintptr_t)l + ANSWER_LOOKUP) : NULL;
		return err ? err : (ssize_t)count;
	}
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' ' || buf[n - 1] == '\t'))
		n--;
	core_was = rec->hdr, init_was = rec->init_image;
	err = run_line(rec, f, buf, n);
	if (err)
		return err;
	f->private_data = control_answer(rec, core_was, init_was);
	return (ssize_t)count;
}

const struct file_operations modfs_control_fops = {
	.read = control_read,
	.write = control_write,
	.release = control_release,
};
