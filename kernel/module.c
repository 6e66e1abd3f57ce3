/*
 * The module core: records, the state machine of kernel/module.h, header
 * checks, starting and stopping modules, dependencies and reference
 * counts. modfs (fs/modfs/) calls these for each control command.
 */
#include "kernel/module.h"
#include "kernel/printk.h"
#include "kernel/oops.h"
#include "kernel/symbols.h"
#include "kernel/sched.h"
#include "mm/mm.h"
#include "lib/string.h"
#include <tessera/errno.h>
#include <tessera/vermagic.h>
#include <stdarg.h>

/* Which record maps each page of the vmalloc area, so that
 * module_record_at (called on every preempt_enable from module code, every
 * guarded call, every oops frame) is two array reads, not a walk of every
 * module: a directory of PAGE_DIR_SLOTS slices of PAGE_SLICE pages, each
 * slice allocated when a module is first mapped in it and freed when the
 * last one there is unmapped (every page comes back). A slice of 16
 * pages is 64 bytes, which kzalloc zeroes in four cells, at a lone
 * module's map (the directory, 1024 slots and their counts, 5 KiB); 64
 * pages were 256 bytes to zero for a 1.5 KiB directory, 256 pages 1 KiB
 * for 384 bytes. */
#define PAGE_SLICE	16
#define PAGE_DIR_SLOTS	((VMALLOC_END - VMALLOC_START) / PAGE_SIZE / PAGE_SLICE)

#define NAME_BUCKETS	256

static struct {
	struct module_record *list;	/* newest first */
	struct module_record *oldest;	/* its other end (->newer goes back) */
	struct module_record *by_name[NAME_BUCKETS];	/* chained by name_next */
	struct module_record **page_dir[PAGE_DIR_SLOTS];
	uint8_t page_dir_used[PAGE_DIR_SLOTS];	/* entries set in each slice */
	bool page_dir_failed;		/* a page not in the table: walk */
	unsigned init_images;		/* modules with an init image mapped */
} modules;

/* The slot of the page holding addr, or NULL (outside the area, or its
 * slice never allocated). */
static struct module_record **page_slot(uintptr_t addr)
{
	uintptr_t page = (addr - VMALLOC_START) / PAGE_SIZE;

	if (addr < VMALLOC_START || addr >= VMALLOC_END || !modules.page_dir[page / PAGE_SLICE])
		return NULL;
	return &modules.page_dir[page / PAGE_SLICE][page % PAGE_SLICE];
}

/* Records rec as the owner of the pages of [base, base + size). A page
 * may hold several records (modalloc=pack: each lies inside one page);
 * they are chained by page_next from the page's slot. */
static void pages_claim(struct module_record *rec, uintptr_t base, uint32_t size)
{
	rec->page_next = NULL;
	for (uintptr_t a = base & ~(uintptr_t)(PAGE_SIZE - 1); a < base + size; a += PAGE_SIZE) {
		uintptr_t page = (a - VMALLOC_START) / PAGE_SIZE;
		struct module_record ***slice = &modules.page_dir[page / PAGE_SLICE];

		if (a < VMALLOC_START || a >= VMALLOC_END) {
			modules.page_dir_failed = true;	/* not in the table: walk */
			continue;
		}
		if (!*slice)
			*slice = kzalloc(PAGE_SLICE * sizeof(**slice));
		if (!*slice) {
			modules.page_dir_failed = true;
		} else {
			struct module_record **s = &(*slice)[page % PAGE_SLICE];

			if (*s)		/* a shared page: rec lies inside it */
				rec->page_next = *s;
			else
				modules.page_dir_used[page / PAGE_SLICE]++;
			*s = rec;
		}
	}
}

/* Takes rec out of the chain at slot; false if it is not there. */
static bool slot_unlink(struct module_record **slot, struct module_record *rec)
{
	for (; *slot; slot = &(*slot)->page_next) {
		if (*slot == rec) {
			*slot = rec->page_next;
			rec->page_next = NULL;
			return true;
		}
	}
	return false;
}

/* Forgets rec's pages from base on (those still recorded as its). */
static void pages_release(struct module_record *rec, uintptr_t base)
{
	struct module_record **slot;

	for (uintptr_t a = base & ~(uintptr_t)(PAGE_SIZE - 1);
	     (slot = page_slot(a)) && slot_unlink(slot, rec); a += PAGE_SIZE) {
		unsigned s = (a - VMALLOC_START) / PAGE_SIZE / PAGE_SLICE;

		if (*slot)	/* other records still share the page */
			continue;
		if (!--modules.page_dir_used[s]) {
			kfree(modules.page_dir[s]);
			modules.page_dir[s] = NULL;
		}
	}
}

static const char *const state_names[] = {
	[MODULE_STATE_UNMAPPED] = "unmapped", [MODULE_STATE_MAPPED] = "mapped",
	[MODULE_STATE_COMING] = "initializing", [MODULE_STATE_LIVE] = "live",
	[MODULE_STATE_GOING] = "going",
};

const char *module_state_name(enum module_state s)
{
	return state_names[s];
}

int module_fail(struct module_record *rec, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(rec->last_why, sizeof(rec->last_why), fmt, ap);
	va_end(ap);
	rec->last_error = err;
	return err;
}

/* Bernstein's hash (a local one: the fuzzer's host build of this file
 * has no lib/string.c): name's bucket, and its length in *len. */
static struct module_record **name_bucket_len(const char *name, size_t *len)
{
	const char *s = name;
	uint32_t h = 5381;

	while (*s)
		h = h * 33 + (uint8_t)*s++;
	*len = s - name;
	return &modules.by_name[h % NAME_BUCKETS];
}

static struct module_record **name_bucket(const char *name)
{
	size_t len;

	return name_bucket_len(name, &len);
}

struct module_record *module_find(const char *name)
{
	for (struct module_record *r = *name_bucket(name); r; r = r->name_next)
		if (!strcmp(r->name, name))
			return r;
	return NULL;
}

/* The name is hashed once (its bucket is both module_find's chain and
 * where the record goes) and copied with its length known from that pass:
 * a valid name is shorter than rec->name. */
struct module_record *module_create(const char *name, int *err)
{
	struct module_record *rec, **bucket;
	size_t len;

	*err = 0;
	if (!module_name_valid(name)) {
		*err = -EINVAL;
		return NULL;
	}
	bucket = name_bucket_len(name, &len);
	for (rec = *bucket; rec; rec = rec->name_next) {
		if (!strcmp(rec->name, name)) {
			*err = -EEXIST;
			return NULL;
		}
	}
	rec = kmalloc(sizeof(*rec));	/* its tail is written before read */
	if (!rec) {
		*err = -ENOMEM;
		return NULL;
	}
	memset(rec, 0, MODULE_RECORD_ZEROED);
	memcpy(rec->name, name, len + 1);
	rec->near[0] = '\0';	/* no placement hint */
	rec->next = modules.list;
	if (modules.list)
		modules.list->newer = rec;
	else
		modules.oldest = rec;
	modules.list = rec;
	rec->name_next = *bucket;
	*bucket = rec;
	return rec;
}

int module_destroy(struct module_record *rec)
{
	struct module_record **p;

	if (rec->state != MODULE_STATE_UNMAPPED)
		return -EBUSY;
	*(rec->newer ? &rec->newer->next : &modules.list) = rec->next;
	*(rec->next ? &rec->next->newer : &modules.oldest) = rec->newer;
	for (p = name_bucket(rec->name); *p; p = &(*p)->name_next) {
		if (*p == rec) {
			*p = rec->name_next;
			break;
		}
	}
	module_params_release(rec);
	kfree(rec);
	return 0;
}

void module_for_each(void (*fn)(struct module_record *rec, void *arg), void *arg)
{
	for (struct module_record *r = modules.oldest, *newer; r; r = newer) {
		newer = r->newer;
		fn(r, arg);
	}
}

unsigned module_users(const struct module_record *rec, char *buf, size_t size)
{
	unsigned count = 0;

	if (size)
		buf[0] = '\0';
	for (const struct module_use_link *l = rec->users; l; l = l->next) {
		if (count++)
			strlcat(buf, ",", size);
		strlcat(buf, l->user->name, size);
	}
	return count;
}

int module_set_mapped(struct module_record *rec, void *base, uint32_t size)
{
	if (rec->state != MODULE_STATE_UNMAPPED)
		return module_fail(rec, -EBUSY, "map: already mapped");
	rec->hdr = base;
	rec->mapped_size = size;
	pages_claim(rec, (uintptr_t)base, size);
	rec->core_size = rec->init_size = 0;
	rec->init_dropped = false;
	rec->init_image_size = 0;
	rec->init_image_was = 0;
	rec->init_kept = false;
	rec->state = MODULE_STATE_MAPPED;
	return 0;
}

void module_set_mapped_size(struct module_record *rec, uint32_t size)
{
	uintptr_t end = (uintptr_t)rec->hdr + size, old = (uintptr_t)rec->hdr + rec->mapped_size;
	uintptr_t page_end = (end + PAGE_SIZE - 1) & ~(uintptr_t)(PAGE_SIZE - 1);

	/* pages from page_end on are rec's only if the old end is past it:
	 * a cut within the last page has none to release */
	if (old > page_end)
		pages_release(rec, page_end);
	rec->mapped_size = size;
}

static void drop_uses(struct module_record *rec)
{
	while (rec->n_uses) {
		unsigned i = --rec->n_uses;
		struct module_record *used = rec->uses[i];
		struct module_use_link **p = &used->users;

		while (*p && *p != &rec->use_links[i])
			p = &(*p)->next;
		if (*p)
			*p = (*p)->next;
		used->refcount--;
	}
}

static void report_held(const struct mm_held_site *site, void *arg)
{
	const struct module_record *rec = arg;
	char what[48];

	mm_held_format(what, sizeof(what), site->kind, site->count, site->amount);
	pr_warn("%s: unloaded holding %s from %s\n", rec->name, what, site->site);
}

/* Is another thread still running the module's code (kernel/sched.h:
 * a return address in its frames, or preempted in it)? Then step must not
 * go on: it is said on the console and in status, with the thread and the
 * function, and the module is marked (D): it stays mapped. */
static bool code_running_in(struct module_record *rec, const char *step, uintptr_t base,
			    uint32_t size)
{
	uintptr_t where;
	const char *how;
	struct task_struct *t = sched_find_user(base, size, &where, &how);
	char sym[96], why[MODULE_WHY_LEN];

	if (!t)
		return false;
	sym_format(where, sym, sizeof(sym));
	snprintf(why, sizeof(why), "thread %s (pid %d) %s %s", t->comm, t->pid, how, sym);
	put_task_struct(t);
	module_mark_faulted(rec, step, why);
	pr_err("%s: %s: %s; not unloading: the module stays mapped, marked (D)\n",
	       rec->name, step, why);
	module_fail(rec, -EBUSY, "%s: %s", step, why);
	return true;
}

/* code_running_in for the core image and, if mapped, the init image. */
static bool code_still_running(struct module_record *rec, const char *step)
{
	return code_running_in(rec, step, (uintptr_t)rec->hdr, rec->mapped_size) ||
	       (rec->init_image && code_running_in(rec, step, (uintptr_t)rec->init_image,
						   rec->init_image_size));
}

int module_set_unmapped(struct module_record *rec)
{
	void *init = rec->init_image;	/* insmod --init=split: goes first */

	if (rec->state != MODULE_STATE_MAPPED)
		return module_fail(rec, -EBUSY, "unmap: module is %s; only a mapped, "
				   "not running module can be unmapped (exit it first)",
				   module_state_name(rec->state));
	if (init && module_set_init_unmapped(rec))
		return -EBUSY;
	if (init)
		vunmap(init);
	if (code_still_running(rec, "unmap"))
		return -EBUSY;
	/* No code of it can run any more, so nothing it allocated can be freed
	 * by it: report what it holds, one line per call site; the memory
	 * stays allocated (mm/charge.c). */
	mm_module_release(rec->hdr, report_held, rec);
	drop_uses(rec);
	modsyms_free(rec);
	module_params_release(rec);
	pages_release(rec, (uintptr_t)rec->hdr);
	rec->hdr = NULL;
	rec->mapped_size = 0;
	rec->init_image_was = 0;
	rec->init_kept = false;
	rec->state = MODULE_STATE_UNMAPPED;
	return 0;
}

int module_set_init_mapped(struct module_record *rec, void *base, uint32_t size)
{
	if (rec->state != MODULE_STATE_MAPPED)
		return module_fail(rec, -EBUSY, "map init: module is %s; the core is "
				   "mapped first (map module), init before `init module`",
				   module_state_name(rec->state));
	if (rec->init_image || rec->init_dropped || rec->init_kept)
		return module_fail(rec, -EBUSY, "map init: %s", rec->init_image ?
				   "the init image is already mapped" : rec->init_kept ?
				   "the init part is kept in the core image (keep init)" :
				   "the init part was discarded; load the module again");
	rec->init_image = base;
	rec->init_image_size = size;
	rec->init_image_was = 0;
	rec->init_off = rec->mapped_size;
	modules.init_images++;
	return 0;
}

int module_set_init_unmapped(struct module_record *rec)
{
	if (!rec->init_image)
		return module_fail(rec, -ENOENT, "unmap init: no init image is mapped");
	if (rec->state == MODULE_STATE_COMING || rec->state == MODULE_STATE_GOING)
		return module_fail(rec, -EBUSY, "unmap init: module is %s",
				   module_state_name(rec->state));
	if (code_running_in(rec, "unmap init", (uintptr_t)rec->init_image,
			    rec->init_image_size))
		return -EBUSY;
	if (rec->state == MODULE_STATE_LIVE) {
		rec->init_dropped = true;
		rec->init_image_was = (uintptr_t)rec->init_image;
		modsyms_drop_init(rec);
	}
	rec->init_image = NULL;
	modules.init_images--;
	return 0;
}

int module_keep_init(struct module_record *rec)
{
	if (rec->state != MODULE_STATE_MAPPED || rec->init_image)
		return module_fail(rec, -EBUSY, "keep init: module is %s%s; say it after "
				   "map module, before init", module_state_name(rec->state),
				   rec->init_image ? " with an init image" : "");
	rec->init_kept = true;
	return 0;
}

/* Is addr inside rec's init image? */
static bool in_init_image(const struct module_record *rec, uintptr_t addr, uint32_t len)
{
	uintptr_t b = (uintptr_t)rec->init_image;

	return b && addr >= b && len <= rec->init_image_size &&
	       addr - b <= rec->init_image_size - len;
}

uint32_t module_image_offset(const struct module_record *rec, uintptr_t addr)
{
	if (in_init_image(rec, addr, 1))
		return rec->init_off + (addr - (uintptr_t)rec->init_image);
	return addr - (uintptr_t)rec->hdr;
}

uintptr_t module_image_addr(const struct module_record *rec, uint32_t off)
{
	if (rec->init_image && off >= rec->init_off)
		return (uintptr_t)rec->init_image + (off - rec->init_off);
	return (uintptr_t)rec->hdr + off;
}

int module_use(struct module_record *rec, const char *name)
{
	struct module_record *used = module_find(name);

	if (rec->state != MODULE_STATE_MAPPED)
		return module_fail(rec, -EBUSY, "use: module is %s, not mapped",
				   module_state_name(rec->state));
	if (!used || used->state != MODULE_STATE_LIVE || used == rec)
		return module_fail(rec, -ENOENT, "use: no live module named %s", name);
	for (unsigned i = 0; i < rec->n_uses; i++)
		if (rec->uses[i] == used)
			return 0;
	if (rec->n_uses == MODULE_MAX_USES)
		return module_fail(rec, -ENOSPC, "use: more than %d modules used",
				   MODULE_MAX_USES);
	rec->use_links[rec->n_uses] = (struct module_use_link){ rec, used->users };
	used->users = &rec->use_links[rec->n_uses];
	rec->uses[rec->n_uses++] = used;
	used->refcount++;
	return 0;
}

/* `force vermagic`: permission to start a module whose version magic is
 * not the kernel's. Only permission: check_vermagic taints the kernel F at
 * `init module` if the magic really differs (or is missing), so a loader
 * may say it for any module (insmod -f does) without tainting for nothing. */
int module_force(struct module_record *rec, const char *reason)
{
	if (rec->state != MODULE_STATE_MAPPED)
		return module_fail(rec, -EBUSY, "force: module is %s, not mapped",
				   module_state_name(rec->state));
	if (strcmp(reason, "vermagic"))
		return module_fail(rec, -EINVAL, "force: expected 'force vermagic'");
	rec->force_vermagic = true;
	return 0;
}

/* Is [p, p+len) inside the first `limit` bytes of the image? */
static bool in_image(const struct module_record *rec, uintptr_t p, uint32_t len,
		     uint32_t limit)
{
	uintptr_t base = (uintptr_t)rec->hdr;

	return p >= base && len <= limit && p - base <= limit - len;
}

static bool string_in_core(const struct module_record *rec, const char *s)
{
	uintptr_t end = (uintptr_t)rec->hdr + rec->core_size;

	for (uintptr_t p = (uintptr_t)s; p >= (uintptr_t)rec->hdr && p < end; p++)
		if (*(const char *)p == '\0')
			return true;
	return false;
}

/* Linux refuses a module that "exports duplicate symbol": so do we. */
static int check_export_duplicates(struct module_record *rec)
{
	const struct module *h = rec->hdr;

	for (uint32_t i = 0; i < h->num_syms; i++)
		for (uint32_t j = i + 1; j < h->num_syms; j++)
			if (!strcmp(h->syms[i].name, h->syms[j].name))
				return module_fail(rec, -ENOEXEC, "init: exports %s twice",
						   h->syms[i].name);
	return 0;
}

static int check_exports(struct module_record *rec)
{
	const struct module *h = rec->hdr;

	if (h->num_syms > rec->core_size / sizeof(struct kernel_symbol) ||
	    (h->num_syms && !in_image(rec, (uintptr_t)h->syms,
				      h->num_syms * sizeof(struct kernel_symbol), rec->core_size)))
		return module_fail(rec, -ENOEXEC, "init: export table (%u entries) lies "
				   "outside the core", h->num_syms);
	if (h->num_syms && (uintptr_t)h->syms % __alignof__(struct kernel_symbol))
		return module_fail(rec, -ENOEXEC, "init: export table at %p is not "
				   "%u-byte aligned", h->syms,
				   (unsigned)__alignof__(struct kernel_symbol));
	for (uint32_t i = 0; i < h->num_syms; i++) {
		if (!string_in_core(rec, h->syms[i].name) ||
		    !in_image(rec, h->syms[i].value, 1, rec->core_size))
			return module_fail(rec, -ENOEXEC, "init: export %u has a name or "
					   "address outside the core", i);
		if (!h->syms[i].name[0])
			return module_fail(rec, -ENOEXEC, "init: export %u has an empty "
					   "name", i);
	}
	return check_export_duplicates(rec);
}

/* Is the header's name rec's? One pass, rec->name's bytes with its NUL:
 * the answer of strnlen(hname, MODULE_NAME_LEN) < MODULE_NAME_LEN &&
 * !strcmp(hname, rec->name), since rec->name ends within MODULE_NAME_LEN
 * bytes (a header name without a NUL there differs from it), and no byte
 * of hname past that NUL is read. */
static bool same_name(const char hname[MODULE_NAME_LEN], const char *name)
{
	for (uint32_t i = 0; hname[i] == name[i]; i++)
		if (!name[i])
			return true;
	return false;
}

/* Checks everything the kernel will follow in the header. */
static int check_header(struct module_record *rec)
{
	const struct module *h = rec->hdr;
	uint32_t total = h->core_size + h->init_size;

	if (rec->mapped_size < MODHDR_SIZE || h->magic != MODULE_MAGIC)
		return module_fail(rec, -ENOEXEC, "init: no module header (magic 0x%08x, "
				   "expected 0x%08x); was the relocated image written?",
				   rec->mapped_size < MODHDR_SIZE ? 0 : h->magic, MODULE_MAGIC);
	if (h->version != MODULE_FORMAT_VERSION)
		return module_fail(rec, -ENOEXEC, "init: module format version %u, the "
				   "kernel reads version %u", h->version, MODULE_FORMAT_VERSION);
	if (!same_name(h->name, rec->name))
		return module_fail(rec, -ENOEXEC, "init: the header names module '%.55s', "
				   "the directory is '%s'", h->name, rec->name);
	if (rec->init_image && (h->core_size != rec->init_off ||
				h->init_size > rec->init_image_size))
		return module_fail(rec, -ENOEXEC, "init: core %u + init %u bytes do not fit "
				   "the core image of %u bytes and the init image of %u",
				   h->core_size, h->init_size, rec->init_off,
				   rec->init_image_size);
	if (!rec->init_image && (total < h->core_size || total > rec->mapped_size ||
				 h->core_size < MODHDR_SIZE))
		return module_fail(rec, -ENOEXEC, "init: core %u + init %u bytes do not fit "
				   "the %u bytes mapped", h->core_size, h->init_size,
				   rec->mapped_size);
	rec->core_size = h->core_size;
	rec->init_size = h->init_size;
	if (h->init && !in_image(rec, (uintptr_t)h->init, 1, total) &&
	    !in_init_image(rec, (uintptr_t)h->init, 1))
		return module_fail(rec, -ENOEXEC, "init: init function %p is outside the "
				   "image", h->init);
	if (h->exit && !in_image(rec, (uintptr_t)h->exit, 1, rec->core_size))
		return module_fail(rec, -ENOEXEC, "init: exit function %p is outside the "
				   "core", h->exit);
	return check_exports(rec) ?: module_params_check(rec);
}

static long call_init(void *arg)
{
	return ((struct module *)arg)->init();
}

static long call_exit(void *arg)
{
	((struct module *)arg)->exit();
	return 0;
}

/* Runs init under a guard. A fault leaves the module COMING, its exports
 * in place but unusable (module_use wants LIVE), marked faulted. */
static int run_init(struct module_record *rec)
{
	struct fault_guard g;
	long ret;

	rec->state = MODULE_STATE_COMING;
	ret = rec->hdr->init ? guard_call(&g, rec, "init", call_init, rec->hdr) : 0;
	if (rec->hdr->init && g.faulted)
		return module_fail(rec, GUARD_FAULT_ERR, "init faulted: %s", g.reason);
	if (ret > 0) {
		pr_warn("%s: init returned %ld, a positive value; taken as success\n",
			rec->name, ret);
		ret = 0;
	}
	if (ret < -MODULE_MAX_ERRNO)
		return module_fail(rec, -EINVAL, "init: the module's init function "
				   "returned %ld, which is not 0 or a -errno (-%d..-1); "
				   "taken as a failure: %s", ret, MODULE_MAX_ERRNO,
				   strerror(-EINVAL));
	if (ret < 0)
		module_fail(rec, (int)ret, "init: the module's init function returned %ld (%s)",
			    ret, strerror((int)ret));
	return (int)ret;
}

/* The two modinfo values the kernel reads at init ("key=value" strings),
 * each NULL when absent or when no modinfo lies NUL-terminated inside the
 * core; the first entry of a key counts. room: the bytes from vermagic's
 * value to the modinfo's end. */
struct modinfo_keys {
	const char *vermagic, *intree;
	uint32_t room;
	bool vermagic_ok;	/* vermagic is VERMAGIC_STRING (strcmp's 0) */
};

/* Are a's first n bytes b's? A word at a time (both readable for n).
 * Every caller passes a string constant for b and a constant n: inlined
 * and unrolled, each word is then one compare with an immediate (the
 * loop's loads of b, counter and bound fold away), the same compares. */
static inline __attribute__((__always_inline__)) bool
same_bytes(const char *a, const char *b, uint32_t n)
{
	uint32_t i = 0, x, y;

#pragma GCC unroll 16
	for (; i + 4 <= n; i += 4) {
		__builtin_memcpy(&x, a + i, 4);
		__builtin_memcpy(&y, b + i, 4);
		if (x != y)
			return false;
	}
#pragma GCC unroll 4
	for (; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/* The index just past the NUL ending the entry at i; p[size - 1] is NUL.
 * Two whole words a turn, never read past size: a zero byte borrows into
 * its bit 7 ((w - 0x01010101) & ~w & 0x80808080), and the lowest bit so
 * set marks the first zero byte (a borrow only sets bits above a zero
 * byte), so its index is the count of trailing zero bits / 8: the byte
 * loop's answer. A turn first tests the two words without the & ~w:
 * that sets every bit the exact test sets and more (a byte of 0x81 or
 * above sets its bit 7 too), so a turn it passes has no zero byte, and
 * only a turn it stops is tested exactly (modinfo is text, mostly ASCII:
 * a false stop is rare and costs only the exact test). The last few
 * bytes go a byte at a time. */
static uint32_t modinfo_skip(const char *p, uint32_t i, uint32_t size)
{
	const char *q = p + i;

	if (size >= 8) {	/* q <= last: 8 bytes to read at q */
		for (const char *last = p + size - 8; q <= last; q += 8) {
			uint32_t a, b, za, zb;

			__builtin_memcpy(&a, q, 4);
			__builtin_memcpy(&b, q + 4, 4);
			if (!(((a - 0x01010101u) | (b - 0x01010101u)) & 0x80808080u))
				continue;	/* no zero byte in either */
			za = (a - 0x01010101u) & ~a & 0x80808080u;
			zb = (b - 0x01010101u) & ~b & 0x80808080u;
			if (za)
				return q - p + __builtin_ctz(za) / 8 + 1;
			if (zb)
				return q - p + 4 + __builtin_ctz(zb) / 8 + 1;
		}
	}
	while (*q)
		q++;
	return q - p + 1;
}

/* One pass over the modinfo for vermagic= and intree=: an entry is
 * compared only when its first byte is the key's, and only when the
 * modinfo has the key's bytes left (strncmp's answer: an entry shorter
 * than the key meets its NUL first). A vermagic entry's value is compared
 * here with VERMAGIC_STRING and its NUL: when it is the same, that is
 * check_vermagic's strcmp answered (vermagic_ok), and the entry's end is
 * known, so it is not scanned again for its NUL. */
static void modinfo_find(const struct module_record *rec, struct modinfo_keys *k)
{
	const struct module *h = rec->hdr;
	const char *p = h->modinfo;
	uint32_t size = h->modinfo_size;

	k->vermagic = k->intree = NULL;
	k->room = 0;
	k->vermagic_ok = false;
	if (!size || !in_image(rec, (uintptr_t)p, size, rec->core_size) || p[size - 1])
		return;
	/* the first entry of each key counts: done once both are found */
	for (uint32_t i = 0; i < size && !(k->vermagic && k->intree);) {
		if (p[i] == 'v' && !k->vermagic && size - i >= 9 &&
		    same_bytes(p + i, "vermagic=", 9)) {
			k->vermagic = p + i + 9;
			k->room = size - i - 9;
			if (k->room >= sizeof(VERMAGIC_STRING) &&
			    same_bytes(k->vermagic, VERMAGIC_STRING, sizeof(VERMAGIC_STRING))) {
				k->vermagic_ok = true;
				/* its NUL compared: the entry ends here */
				i += 9 + sizeof(VERMAGIC_STRING);
				continue;
			}
		} else if (p[i] == 'i' && !k->intree && size - i >= 7 &&
			   same_bytes(p + i, "intree=", 7)) {
			k->intree = p + i + 7;
			if (k->vermagic)
				break;	/* both found: no need for this entry's end */
		}
		i = modinfo_skip(p, i, size);
	}
}

/* Linux's check_modinfo: a module whose version magic is not the kernel's
 * (/proc/vermagic) was built for another kernel, and is refused -ENOEXEC
 * unless the loader wrote `force vermagic`; then it starts, and the kernel
 * is tainted F (once: rec->forced records that it was). This is the only
 * version check of a load: insmod leaves it to the kernel, as Linux's does. */
static int check_vermagic(struct module_record *rec, const struct modinfo_keys *k)
{
	static const char hint[] = "write 'force vermagic' to load it anyway";
	const char *mine = k->vermagic;

	if (k->vermagic_ok)	/* strcmp(mine, VERMAGIC_STRING) == 0 (modinfo_find) */
		return 0;
	if (rec->forced)	/* tainted at an earlier init of this record */
		return 0;
	if (rec->force_vermagic) {
		pr_warn("%s: bad vermagic: kernel tainted.\n", rec->name);
		add_taint(TAINT_FORCED_MODULE);
		rec->forced = true;
		return 0;
	}
	if (!mine)
		return module_fail(rec, -ENOEXEC, "init: no version magic; %s", hint);
	return module_fail(rec, -ENOEXEC, "init: version magic '%s' should be '%s'; %s",
			   mine, VERMAGIC_STRING, hint);
}

/* Linux's modpost writes intree=Y into the modinfo of modules built in
 * its tree; one without it taints the kernel O when it is started. */
static void note_out_of_tree(struct module_record *rec, const struct modinfo_keys *k)
{
	const char *intree = k->intree;

	rec->out_of_tree = !intree || intree[0] != 'Y' || intree[1];
	if (rec->out_of_tree && !(get_taint() & (1u << TAINT_OOT_MODULE)))
		pr_warn("%s: loading out-of-tree module taints kernel.\n", rec->name);
	if (rec->out_of_tree)
		add_taint(TAINT_OOT_MODULE);
}

/* A no-op the debugger breaks on (tools/tessera-gdb.py, docs/debugging.md
 * "Debugging with gdb"): rec's image is mapped and relocated, its init not
 * yet run, so gdb can load the module's symbols before `break NAME_init`
 * is needed. noinline and an empty asm keep the call and the function. */
void __attribute__((__noinline__)) module_debug_loaded(struct module_record *rec)
{
	__asm__ volatile("" : : "r"(rec) : "memory");
}

int module_start(struct module_record *rec)
{
	struct modinfo_keys keys;
	const char *clash = NULL;
	int err;

	if (rec->state != MODULE_STATE_MAPPED)
		return module_fail(rec, -EBUSY, "init: module is %s, not mapped",
				   module_state_name(rec->state));
	if (rec->init_dropped)
		return module_fail(rec, -ENOEXEC, "init: the init part was discarded after "
				   "the first init; unmap the module and load it again");
	if (rec->faulted)
		return module_fail(rec, -EBUSY, "init: the module faulted (%s); it can "
				   "only be unmapped", rec->fault_why);
	err = check_header(rec);
	if (!err) {
		modinfo_find(rec, &keys);
		err = check_vermagic(rec, &keys) ?: module_params_apply(rec);
	}
	if (err)
		return err;
	note_out_of_tree(rec, &keys);
	err = ksyms_add(rec, &clash);
	if (err == -EEXIST) {
		struct module_record *owner = NULL;
		ksym_find(clash, &owner);
		return module_fail(rec, err, "init: exports %s, which %s already exports",
				   clash, owner ? owner->name : "the kernel");
	}
	if (err)
		return module_fail(rec, err, "init: %s", strerror(err));
	rec->hdr->priv = rec;
	module_debug_loaded(rec);
	err = run_init(rec);
	if (err && rec->faulted)
		return err;
	if (err) {
		ksyms_remove(rec);
		rec->hdr->priv = NULL;
		rec->state = MODULE_STATE_MAPPED;
		return err;
	}
	rec->state = MODULE_STATE_LIVE;
	rec->last_error = 0;
	rec->last_why[0] = '\0';
	return 0;
}

static int run_exit(struct module_record *rec);

int module_stop(struct module_record *rec)
{
	char users[MODULE_WHY_LEN - 16];

	if (rec->faulted)
		return module_fail(rec, -EBUSY, "exit: the module faulted (%s); it stays "
				   "loaded (rmmod -f removes it, see docs/debugging.md)",
				   rec->fault_why);
	if (rec->state != MODULE_STATE_LIVE)
		return module_fail(rec, -EBUSY, "exit: module is %s, not live",
				   module_state_name(rec->state));
	if (module_users(rec, users, sizeof(users)))
		return module_fail(rec, -EBUSY, "in use by: %s", users);
	if (rec->refcount > 0)
		return module_fail(rec, -EBUSY, "in use: refcount is %d", rec->refcount);
	if (rec->hdr->init && !rec->hdr->exit)
		return module_fail(rec, -EBUSY, "exit: the module has an init but no exit "
				   "function, so it cannot be unloaded");
	return run_exit(rec);
}

/* GOING, exit under a guard, exports removed: MAPPED. A faulted exit
 * leaves the module GOING, marked. */
static int run_exit(struct module_record *rec)
{
	struct fault_guard g;

	rec->state = MODULE_STATE_GOING;
	if (rec->hdr->exit) {
		guard_call(&g, rec, "exit", call_exit, rec->hdr);
		if (g.faulted)
			return module_fail(rec, GUARD_FAULT_ERR, "exit faulted: %s", g.reason);
	}
	/* exit may have stopped its threads, timers and work: a thread still
	 * in its code now would run unmapped memory */
	if (code_still_running(rec, "after exit"))
		return -EBUSY;
	ksyms_remove(rec);
	rec->hdr->priv = NULL;
	rec->state = MODULE_STATE_MAPPED;
	return 0;
}

int module_check_shrink(struct module_record *rec, uint32_t new_size)
{
	if (rec->state != MODULE_STATE_LIVE)
		return module_fail(rec, -EBUSY, "truncate: module is %s; the init part can "
				   "only be dropped after a successful init",
				   module_state_name(rec->state));
	if (rec->init_kept || rec->init_image_size)
		return module_fail(rec, -EBUSY, "truncate: the init part is %s",
				   rec->init_kept ? "kept (keep init)" :
				   "an image of its own (unmap init drops it)");
	if (rec->init_dropped || new_size != rec->core_size)
		return module_fail(rec, -EBUSY, "truncate: the image of a live module is "
				   "read-only; only one cut, to its core size (%u bytes), "
				   "drops init", rec->core_size);
	return 0;	/* the caller drops the init symbols once the pages go */
}

static struct module_record *record_of(const struct module *mod)
{
	struct module_record *r = module_record_at((uintptr_t)mod);

	return r && r->hdr == mod && r->state != MODULE_STATE_UNMAPPED ? r : NULL;
}

static struct module_record *module_record_at_core(uintptr_t addr);

/* The module whose init image holds addr, or NULL (a walk only while
 * some init image is mapped: during an insmod --init=split). */
static struct module_record *init_image_at(uintptr_t addr)
{
	if (!modules.init_images)
		return NULL;
	for (struct module_record *r = modules.list; r; r = r->next)
		if (in_init_image(r, addr, 1))
			return r;
	return NULL;
}

struct module_record *module_record_at(uintptr_t addr)
{
	return init_image_at(addr) ?: module_record_at_core(addr);
}

/* module_record_at for the core images. */
static struct module_record *module_record_at_core(uintptr_t addr)
{
	struct module_record **slot = page_slot(addr), *r;

	if (slot || !modules.page_dir_failed) {
		for (r = slot ? *slot : NULL; r; r = r->page_next)
			if (r->hdr && addr - (uintptr_t)r->hdr < r->mapped_size)
				return r;
		return NULL;
	}
	for (r = modules.list; r; r = r->next)
		if (r->hdr && addr - (uintptr_t)r->hdr < r->mapped_size)
			return r;
	return NULL;
}

struct module_record *module_record_dropped_init_at(uintptr_t addr)
{
	for (struct module_record *r = modules.list; r; r = r->next)
		if (r->hdr && r->init_dropped && (r->init_image_was ?
		    addr - r->init_image_was < r->init_image_size :
		    addr - (uintptr_t)r->hdr - r->core_size < r->init_size))
			return r;
	return NULL;
}

void module_mark_faulted(struct module_record *rec, const char *what, const char *why)
{
	if (rec->faulted)	/* keep the first fault: the others follow from it */
		return;
	rec->faulted = true;
	snprintf(rec->fault_why, sizeof(rec->fault_why), "%s: %s", what, why);
}

const char *module_flags(const struct module_record *rec, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s", rec->forced ? "F" : "", rec->out_of_tree ? "O" : "",
		 rec->faulted ? "D" : "");
	return buf;
}

int module_forget(struct module_record *rec)
{
	char users[MODULE_WHY_LEN - 16];
	int err = 0;

	if (!rec->faulted || rec->state < MODULE_STATE_COMING)
		return module_fail(rec, -EINVAL, "forget: only a loaded module that faulted "
				   "is forgotten; use exit");
	if (module_users(rec, users, sizeof(users)))
		return module_fail(rec, -EBUSY, "in use by: %s", users);
	if (rec->refcount > 0)
		return module_fail(rec, -EBUSY, "in use: refcount is %d", rec->refcount);
	if (rec->state != MODULE_STATE_LIVE && code_still_running(rec, "forget"))
		return -EBUSY;
	if (rec->state == MODULE_STATE_LIVE && rec->hdr->exit)
		err = run_exit(rec);	/* it faulted in a call, not in init or exit */
	if (err == -EBUSY)	/* a thread still runs its code: said already */
		return err;
	if (err)
		pr_err("%s: exit faulted too; forgetting the module anyway\n", rec->name);
	if (rec->state != MODULE_STATE_MAPPED)
		ksyms_remove(rec);
	rec->hdr->priv = NULL;
	rec->state = MODULE_STATE_MAPPED;
	return 0;
}

struct module *module_of_addr(const void *addr)
{
	struct module_record *r = module_record_at((uintptr_t)addr);

	return r ? r->hdr : NULL;
}

bool try_module_get(struct module *mod)
{
	struct module_record *rec;

	if (!mod)
		return true;
	rec = record_of(mod);
	/* as Linux: a module coming or live can be got; once it is going
	 * (its exit has begun) it cannot */
	if (!rec || (rec->state != MODULE_STATE_LIVE && rec->state != MODULE_STATE_COMING) ||
	    rec->faulted)
		return false;
	rec->refcount++;
	return true;
}

void module_put(struct module *mod)
{
	struct module_record *rec;

	if (!mod)
		return;
	rec = record_of(mod);
	if (!rec) {
		pr_err("module_put: %p is not a loaded module\n", mod);
		return;
	}
	if (rec->refcount <= 0) {
		pr_err("module_put: %s: refcount underflow (put without get)\n", rec->name);
		return;
	}
	rec->refcount--;
}
