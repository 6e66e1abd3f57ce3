/*
 * The built-in /proc files: meminfo, vmallocinfo, mounts, uptime, cmdline
 * interrupts and devices, in the formats Linux users know.
 */
#include "kernel/sched.h"
#include "fs/internal.h"
#include "kernel/bootinfo.h"
#include "kernel/timer.h"
#include "kernel/irq.h"
#include "mm/mm.h"
#include "lib/string.h"

#define KB_PER_PAGE (PAGE_SIZE / 1024)

/* "MemTotal:         131072 kB", Linux's columns. */
static void meminfo_kb(struct seq_buf *m, const char *label, uint32_t kb)
{
	seq_buf_printf(m, "%-16s%8u kB\n", label, kb);
}

static void meminfo_count(struct seq_buf *m, const char *label, uint32_t n)
{
	seq_buf_printf(m, "%-16s%8u\n", label, n);
}

static int show_meminfo(struct seq_buf *m, void *arg)
{
	struct mm_stats st;

	mm_get_stats(&st);
	meminfo_kb(m, "MemTotal:", st.pages_total * KB_PER_PAGE);
	meminfo_kb(m, "MemFree:", st.pages_free * KB_PER_PAGE);
	meminfo_count(m, "PagesTotal:", st.pages_total);
	meminfo_count(m, "PagesFree:", st.pages_free);
	meminfo_count(m, "KmallocPages:", st.pages_kmalloc);
	meminfo_kb(m, "VmallocUsed:", st.vmalloc_pages * KB_PER_PAGE);
	meminfo_count(m, "VmallocRanges:", st.vmalloc_ranges);
	return 0;
}

/* "0xf0000000-0xf0002000    8192 pages=1 owner vmalloc": the end and the
 * size include the guard page, as Linux shows them. */
static void vmalloc_line(const struct vm_range_info *r, void *arg)
{
	uint32_t end = r->end + PAGE_SIZE;

	seq_buf_printf(arg, "0x%08x-0x%08x %7u pages=%u %s %s\n", (uint32_t)r->start,
		   end, end - (uint32_t)r->start, r->pages,
		   r->owner ? r->owner : "-", r->is_io ? "ioremap" : r->is_vmap ? "vmap" : "vmalloc");
}

static int show_vmallocinfo(struct seq_buf *m, void *arg)
{
	vm_for_each(vmalloc_line, m);
	return 0;
}

/* "ramfs / ramfs rw 0 0" */
static void mount_line(const struct mount *mnt, void *arg)
{
	char path[PATH_MAX];
	const char *type = mnt->sb->type->name;

	if (vfs_getpath(mnt->sb->root, path, sizeof(path)))
		strlcpy(path, "?", sizeof(path));
	seq_buf_printf(arg, "%s %s %s rw 0 0\n", type, path, type);
}

static int show_mounts(struct seq_buf *m, void *arg)
{
	vfs_for_each_mount(mount_line, m);
	return 0;
}

/* "12.34 0.00": seconds up, seconds idle (not counted). */
static int show_uptime(struct seq_buf *m, void *arg)
{
	uint32_t j = jiffies;

	seq_buf_printf(m, "%u.%02u 0.00\n", j / HZ, (j % HZ) * 100 / HZ);
	return 0;
}

static int show_cmdline(struct seq_buf *m, void *arg)
{
	seq_buf_printf(m, "%s\n", boot_cmdline());
	return 0;
}

/* Linux's layout for one CPU and the 8259 PICs (kernel/irq/proc.c with
 * prec 3, no interrupt domain):
 *              CPU0
 *     0:       1234    XT-PIC      timer
 *   ERR:          0
 * Lines with no handler that never interrupted are left out. */
static int show_interrupts(struct seq_buf *m, void *arg)
{
	struct irq_line_stat st;

	seq_buf_printf(m, "%*s%-11s\n", 11, "", "CPU0");
	for (unsigned irq = 0; irq < NR_IRQS; irq++) {
		if (!irq_line_stat(irq, &st))
			continue;
		seq_buf_printf(m, "%3u: %10u  %8s %3s", irq, st.count, "XT-PIC", "");
		seq_buf_printf(m, st.names[0] ? "  %s\n" : "\n", st.names);
	}
	seq_buf_printf(m, "%3s: %10u\n", "ERR", irq_err_count());
	return 0;
}

int proc_register_builtin(void)
{
	static const struct {
		const char *name;
		int (*show)(struct seq_buf *m, void *arg);
	} files[] = {
		{ "meminfo", show_meminfo },
		{ "vmallocinfo", show_vmallocinfo },
		{ "mounts", show_mounts },
		{ "uptime", show_uptime },
		{ "cmdline", show_cmdline },
		{ "interrupts", show_interrupts },
		{ "devices", chrdev_show_devices },
		{ "threads", sched_show_threads },
	};

	for (unsigned i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		int err = proc_create_show(files[i].name, files[i].show, NULL);

		if (err)
			return err;
	}
	return 0;
}
