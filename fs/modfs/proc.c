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

static int show_tainted(struct seq_buf *m, void *arg)
{
	return seq_buf_printf(m, "%u\n", get_taint());
}

/* The kernel's version magic, which insmod compares with a module's. */
static int show_vermagic(struct seq_buf *m, void *arg)
{
	return seq_buf_printf(m, "%s\n", VERMAGIC_STRING);
}

int modfs_proc_init(void)
{
	int err = proc_create_show("modules", show_modules, NULL);

	if (!err)
		err = proc_create_show("ksyms", show_ksyms, NULL);
	if (!err)
		err = proc_create_show("kallsyms", kallsyms_show, NULL);
	if (!err)
		err = proc_create_show("vermagic", show_vermagic, NULL);
	return err ? err : proc_create_show("tainted", show_tainted, NULL);
}
