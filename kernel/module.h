/*
 * The module core (kernel/module.c, kernel/ksyms.c): the kernel's record of
 * each module, its states, reference counts and dependencies, and the
 * table of exported symbols. The kernel never relocates or links anything
 * (the loader does, see docs/modules.md); it only checks the header of a
 * mapped image, starts and stops the module, and keeps the books.
 *
 * States, and the modfs control command that moves between them:
 *
 *   UNMAPPED --map--> MAPPED --init--> COMING --ok--> LIVE
 *      ^                |  ^  (init failed) |            |
 *      +-----unmap------+  +----------------+            exit (refcount 0)
 *                          ^                             v
 *                          +--------------------------- GOING
 *
 * Built-in code uses a NULL module, which is always live and never counted.
 */
#ifndef KERNEL_MODULE_H
#define KERNEL_MODULE_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <tessera/modformat.h>
#include <linux/module.h>	/* try_module_get, module_put */

enum module_state {
	MODULE_STATE_UNMAPPED,
	MODULE_STATE_MAPPED,
	MODULE_STATE_COMING,	/* its init function is running */
	MODULE_STATE_LIVE,
	MODULE_STATE_GOING,	/* its exit function is running */
};

#define MODULE_MAX_USES 16
#define MODULE_WHY_LEN 192	/* room for two version magics and a hint */
/* An init function returns 0 or a -errno in -MODULE_MAX_ERRNO..-1 (Linux's
 * MAX_ERRNO): anything below is a failure reported as -EINVAL, since a
 * write() returning it could not be told from a byte count. */
#define MODULE_MAX_ERRNO 4095

struct modsym_table;
struct pack_region;
struct param_copy;
struct dentry;

/* One use of a module by another: a link in the used module's list of
 * users (module_users walks it, not every record). */
struct module_use_link {
	struct module_record *user;
	struct module_use_link *next;
};

/* The kernel's record of one module (one /mod/NAME directory). */
struct module_record {
	enum module_state state;
	struct module *hdr;		/* image base while mapped, else NULL */
	uint32_t mapped_size;		/* bytes of image mapped */
	uint32_t core_size, init_size;	/* from the header, checked at init */
	bool init_dropped;		/* the init part was truncated away */
	int refcount;			/* try_module_get, open devices, users */
	unsigned n_uses;		/* uses[0..n_uses) (below) */
	struct module_use_link *users;	/* modules using it, newest use first */
	int last_error;			/* 0 or -errno of the last failed command */
	struct modsym_table *symtab;	/* from /mod/NAME/symbols (kernel/symbols.h) */
	bool out_of_tree;		/* no intree=Y in its modinfo: taints O */
	bool force_vermagic;		/* `force vermagic` written: permission */
	bool forced;			/* loaded despite another vermagic: taints F */
	bool faulted;			/* its code faulted: pinned, see module_forget */
	char *args;			/* /mod/NAME/args: "name=value" lines, or NULL */
	struct param_copy *param_copies;	/* charp values the kernel keeps */
	struct dentry *params_dir;	/* /mod/NAME/parameters while live */
	struct ksym_entry *exports;	/* its entries in kernel/ksyms.c's table */
	struct module_record *next;	/* all records, newest first */
	struct module_record *newer;	/* the same list backwards */
	struct module_record *name_next;	/* module_find's hash chain */
	/* modalloc=pack (fs/modfs/pack.c): the shared page the image lives
	 * in (NULL: page-placed, the image has pages of its own), and the
	 * next record mapped in the same page (module_record_at's chain) */
	struct pack_region *pack_region;
	struct module_record *page_next;
	uint8_t near_how;		/* what the hint did (pack.c's enum near_how) */
	/* insmod --init=split|keep (docs/modfs.md, "Init strategies"): the
	 * init part as an image of its own (/mod/NAME/init), mapped apart
	 * from the core; its bytes are image offsets init_off on */
	void *init_image;		/* its base while mapped, else NULL */
	uint32_t init_image_size;	/* its bytes (kept once dropped) */
	uintptr_t init_image_was;	/* where it was once dropped, or 0 */
	uint32_t init_off;		/* the core's size when it was mapped */
	bool init_kept;			/* `keep init`: never truncated */
	/* modfs (fs/modfs/modfs.c): the inode of the image file `module`,
	 * set when mkdir or a create makes it, NULL once it is unlinked
	 * (and for a record made without modfs) */
	struct inode *image;

	/* Written before read: module_create zeroes the record only up to
	 * here (MODULE_RECORD_ZEROED), these 688 bytes are left as they
	 * come. Each is read only as far as something before it says: name
	 * and near up to their NUL (module_create copies the name with its
	 * NUL and makes near ""), uses[i] and use_links[i] for i < n_uses,
	 * last_why when last_error is set (module_fail writes both),
	 * fault_why when faulted is set (module_mark_faulted writes both).
	 * A field that must start zero goes above this line. */
	char name[MODULE_NAME_LEN];
	char near[MODULE_NAME_LEN];	/* `near NAME`: place next to NAME (kept
					 * while packed, for status) */
	struct module_record *uses[MODULE_MAX_USES];	/* modules it uses */
	struct module_use_link use_links[MODULE_MAX_USES];	/* one per uses[i] */
	char last_why[MODULE_WHY_LEN];	/* the last failure in words */
	char fault_why[MODULE_WHY_LEN];	/* "init: NULL pointer dereference at ..." */
};
/* The bytes of a record module_create zeroes: all above name[]. */
#define MODULE_RECORD_ZEROED	offsetof(struct module_record, name)

/* --- records and state changes, called by modfs (fs/modfs/) --- */

/* Makes the record of a new module named name (1..55 bytes of letters,
 * digits, '_' and '-'). Returns it, or NULL with *err = -EEXIST (a module
 * of that name exists), -EINVAL (bad name) or -ENOMEM. */
struct module_record *module_create(const char *name, int *err);
/* Forgets an UNMAPPED record. Returns 0 or -EBUSY in any other state. */
int module_destroy(struct module_record *rec);
/* Records that the image is now mapped at base (size bytes): UNMAPPED ->
 * MAPPED. Returns 0 or -EBUSY (already mapped). */
int module_set_mapped(struct module_record *rec, void *base, uint32_t size);
/* Records that the image now maps only size bytes (its init part was
 * dropped): the pages past it are no longer rec's (module_record_at). */
void module_set_mapped_size(struct module_record *rec, uint32_t size);
/* Checks that an unmap is allowed (MAPPED only: never while live), unmaps
 * a separate init image still mapped (insmod --init=split), reports
 * (pr_warn) what the module's code allocated and never freed, one line per
 * call site, and drops the module's uses. Returns 0 or -EBUSY with the
 * reason recorded. */
int module_set_unmapped(struct module_record *rec);
/* Records that rec uses the live module named used (the loader resolved
 * symbols to it), pinning it. Returns 0, -ENOENT (no live module of that
 * name), -EBUSY (rec is not MAPPED) or -ENOSPC (too many). */
int module_use(struct module_record *rec, const char *used);
/* Records that the loader loads rec despite another version magic (the
 * control command `force vermagic`, from insmod -f), which module_start
 * then accepts, for the record's lifetime: taints the kernel F
 * (TAINT_FORCED_MODULE) with Linux's warning, and /proc/modules shows F
 * for it. Returns 0, -EBUSY (rec is not MAPPED) or -EINVAL (a reason other
 * than "vermagic"). */
int module_force(struct module_record *rec, const char *reason);
/* Checks the header of the mapped image and its version magic (the
 * modinfo's vermagic must be VERMAGIC_STRING unless module_force was
 * called), checks its exports against the symbol table, runs its init
 * function and on success makes it LIVE with its exports visible. Returns
 * 0, -ENOEXEC (bad header or another version magic, reason recorded),
 * -EEXIST (an export clashes), -EBUSY (wrong state), or init's own error;
 * on any failure the module is MAPPED again, exactly as before. */
int module_start(struct module_record *rec);
/* Called by module_start after the checks, just before init runs: a
 * no-op, the breakpoint gdb's module-symbol loader uses. */
void module_debug_loaded(struct module_record *rec);
/* Runs the exit function of a LIVE module nobody holds, removes its
 * exports: LIVE -> GOING -> MAPPED. Returns 0 or -EBUSY (in use: the
 * reason names the users, or gives the refcount). */
int module_stop(struct module_record *rec);
/* Checks that the image may shrink to new_size bytes: only a LIVE module,
 * only to exactly its core size (dropping init), only once. Returns 0 or
 * -EBUSY with the reason recorded; the caller then unmaps the pages. */
int module_check_shrink(struct module_record *rec, uint32_t new_size);
/* Records that the init part is mapped at base (size bytes) apart from
 * the core (`map init`, insmod --init=split): rec must be MAPPED, with
 * no init image yet. Its first byte is image offset mapped_size (the
 * core image holds exactly the core). Returns 0 or -EBUSY. */
int module_set_init_mapped(struct module_record *rec, void *base, uint32_t size);
/* Checks that the init image may go (`unmap init`): not while init runs
 * (or exit), nor while a thread still runs its code; a LIVE module's init
 * is then discarded (its symbols dropped, where it was remembered for the
 * oops printer). Returns 0 or -EBUSY/-ENOENT with the reason recorded;
 * the caller then unmaps it. */
int module_set_init_unmapped(struct module_record *rec);
/* `keep init` (insmod --init=keep): the init part is never discarded;
 * a truncation is refused. rec must be MAPPED. Returns 0 or -EBUSY. */
int module_keep_init(struct module_record *rec);
/* The image offset of addr, an address in rec's core or init image, and
 * back: the same layout whether init follows the core or is apart. */
uint32_t module_image_offset(const struct module_record *rec, uintptr_t addr);
uintptr_t module_image_addr(const struct module_record *rec, uint32_t off);
/* Records a failure and its reason (printf-style) in rec; returns err. */
int module_fail(struct module_record *rec, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The state's name as `status` shows it: "unmapped", "mapped",
 * "initializing", "live" or "going". s must be a valid state. */
const char *module_state_name(enum module_state s);
/* The record with that name, or NULL. */
struct module_record *module_find(const char *name);
/* Walks all records, oldest first. */
void module_for_each(void (*fn)(struct module_record *rec, void *arg), void *arg);
/* Writes the names of the modules that use rec, comma-separated, into
 * buf; returns how many there are. */
unsigned module_users(const struct module_record *rec, char *buf, size_t size);

/* --- parameters (kernel/params.c) --- */

/* Checks the header's parameter table (every entry's name, type, variable
 * and count inside the core). Called by module_start with the header's
 * other checks. Returns 0 or -ENOEXEC with the reason recorded. */
int module_params_check_table(struct module_record *rec);
/* Most modules have no parameters: that test is made here, inline, and
 * only a table is checked by a call (module_params_check_table's first
 * test is the same, so the answer is the same). */
static inline int module_params_check(struct module_record *rec)
{
	return rec->hdr->num_params ? module_params_check_table(rec) : 0;
}
/* Keeps text (len bytes: "name=value" or "name" lines) as the arguments
 * the next `init module` applies, replacing earlier ones. Returns 0, -EBUSY
 * (not MAPPED), -EINVAL (a NUL inside, or over MODULE_ARGS_MAX bytes) or
 * -ENOMEM. */
#define MODULE_ARGS_MAX 4096
int module_params_set_args(struct module_record *rec, const char *text, size_t len);
/* Sets the parameters from the kept arguments, in order, before init: an
 * unknown name is logged and ignored; a bad value is logged and refused
 * (-EINVAL, -ERANGE, -ENOSPC: reason recorded, as Linux 6.1 words it).
 * Returns 0 or that error (or -ENOMEM). */
int module_params_apply_args(struct module_record *rec);
/* Inline: no arguments kept (the common case), nothing to apply; that is
 * module_params_apply_args' answer for rec->args NULL. */
static inline int module_params_apply(struct module_record *rec)
{
	return rec->args ? module_params_apply_args(rec) : 0;
}
/* The parameter named name (Linux's '-' = '_'), or NULL. */
const struct kernel_param *module_param_find(const struct module_record *rec,
					     const char *name);
/* Sets parameter p of rec from text, as a write to its file does. Returns
 * 0 or the -errno of param_set (lib/param.h). */
int module_param_store(struct module_record *rec, const struct kernel_param *p,
		       const char *text);
/* Frees the charp copies and the arguments (at unmap and destroy). */
void module_params_release(struct module_record *rec);

/* --- faults (kernel/oops.c marks, modfs and the tools read) --- */

/* The record of the module whose mapped image holds addr, or NULL. Safe in
 * an exception handler. */
struct module_record *module_record_at(uintptr_t addr);
/* The module whose discarded init part held addr (its init was dropped,
 * addr lies in [core_size, core_size + init_size) past its base), or
 * NULL: for an oops at an address that was a module's __init code. */
struct module_record *module_record_dropped_init_at(uintptr_t addr);
/* Marks rec faulted: what ("init", "read"...) and why ("NULL pointer
 * dereference at f+0x3/0x8 [m]") are kept for status; the kernel taints.
 * A faulted module stays where it is: no new reference (try_module_get
 * fails), no exit; only module_forget takes it out. */
void module_mark_faulted(struct module_record *rec, const char *what, const char *why);
/* Takes a faulted module nobody uses out of the running kernel: runs its
 * exit (guarded) only if the fault was not in init or exit, removes its
 * exports; the module is MAPPED again, ready for unmap. Returns 0, -EINVAL
 * (not faulted) or -EBUSY (used by a module, or referenced). */
int module_forget(struct module_record *rec);
/* The per-module flags of /proc/modules and the oops's module list, in
 * Linux's letters: O (out of tree), D (its code faulted: Tessera's own);
 * "" when none. buf holds at least 4 bytes. */
const char *module_flags(const struct module_record *rec, char *buf, size_t size);

/* --- reference counts, for module code and drivers --- */

/* The module whose mapped image holds addr, or NULL (the kernel's own, or
 * nothing loaded there). For pinning a driver that forgot .owner. */
struct module *module_of_addr(const void *addr);

/* try_module_get and module_put (an underflow is reported, not wrapped)
 * are declared in <linux/module.h>. */

/* --- exported symbols (kernel/ksyms.c) --- */

/* Hashes the kernel's own __ksymtab. Call once at boot. */
void ksyms_init(void);
/* The exported symbol named name and its owner (NULL = kernel), or NULL.
 * A hash lookup. */
const struct kernel_symbol *ksym_find(const char *name, struct module_record **owner);
/* ksym_find for a name that may not end within max bytes: *len gets
 * strnlen(name, max), and if that is max, NULL is answered (no look-up).
 * Measures and hashes the name in one pass. owner must not be NULL. */
const struct kernel_symbol *ksym_find_measured(const char *name, size_t max, size_t *len,
					       struct module_record **owner);
/* Adds / removes a module's exports. ksyms_add returns 0 or -EEXIST with
 * *clash set to the name already exported (nothing added), or -ENOMEM.
 * The table's buckets double when its entries outnumber them and halve
 * (down to the boot 2,048) when under a quarter are used; a growth without
 * memory keeps the old size and fails nothing. */
int ksyms_add(struct module_record *rec, const char **clash);
void ksyms_remove(struct module_record *rec);
/* How many buckets the table has now (a power of two; for the tests). */
uint32_t ksyms_buckets(void);
/* Calls fn for every exported symbol: the kernel's, then each live
 * module's, in table order. */
void ksyms_for_each(void (*fn)(const struct kernel_symbol *sym,
			       const struct module_record *owner, void *arg), void *arg);

#endif
