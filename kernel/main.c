/*
 * kmain: the boot sequence after boot/entry.S, in order: consoles, CPU
 * tables, the boot information, memory (page allocator, paging, vmalloc),
 * timer and input interrupts, filesystems, I/O resources and PCI, the
 * symbol table and modfs
 * (mounted before the ramdisk, so no archive entry can take /mod), the
 * ramdisk, then either the self tests or the shell, whose exit status
 * becomes the power-off status.
 */
#include "kernel/arch.h"
#include "kernel/bootinfo.h"
#include "kernel/console.h"
#include "kernel/drivers.h"
#include "kernel/paging.h"
#include "kernel/power.h"
#include "kernel/printk.h"
#include "kernel/selftest.h"
#include "kernel/timer.h"
#include "kernel/sched.h"
#include "kernel/softirq.h"
#include "kernel/workqueue.h"
#include "kernel/cpu.h"
#include "kernel/module.h"
#include "kernel/oops.h"
#include "kernel/io.h"
#include "mm/mm.h"
#include "fs/vfs.h"
#include "fs/modfs/modfs.h"
#include "shell/shell.h"
#include "lib/string.h"

extern char _kernel_start_phys[], _kernel_end[];

void kmain(uint32_t magic, uint32_t mbi_phys);

static void print_memory_map(const struct bootinfo *bi)
{
	for (unsigned i = 0; i < bi->n_usable; i++)
		printk(KERN_INFO "BIOS-e820: [mem 0x%08llx-0x%08llx] usable\n",
		       bi->usable[i].start, bi->usable[i].end - 1);
}

static uint64_t ram_top(const struct bootinfo *bi)
{
	uint64_t top = 0;

	for (unsigned i = 0; i < bi->n_usable; i++)
		if (bi->usable[i].end > top)
			top = bi->usable[i].end;
	return top;
}

/* Everything the page allocator must never hand out. */
static unsigned reserved_ranges(const struct bootinfo *bi, struct mem_range *r)
{
	unsigned n = 0;

	r[n++] = (struct mem_range){ 0, 0x100000 };
	r[n++] = (struct mem_range){ (uintptr_t)_kernel_start_phys,
				     virt_to_phys(_kernel_end) };
	r[n++] = (struct mem_range){ bi->mbi_start & PAGE_MASK, PAGE_ALIGN(bi->mbi_end) };
	for (unsigned i = 0; i < bi->n_modules; i++)
		r[n++] = (struct mem_range){ bi->modules[i].start & PAGE_MASK,
					     PAGE_ALIGN(bi->modules[i].end) };
	return n;
}

static void memory_init(const struct bootinfo *bi)
{
	struct mem_range reserved[3 + BOOT_MAX_MODULES];
	unsigned n = reserved_ranges(bi, reserved);
	struct mm_stats st;

	print_memory_map(bi);
	if (page_alloc_init(bi->usable, bi->n_usable, reserved, n) < 0 ||
	    paging_init(ram_top(bi)) < 0) {
		printk(KERN_EMERG "Tessera: not enough memory: %llu kB usable, "
		       "the kernel needs about 2048 kB above 1 MiB. Stopping.\n",
		       bi->usable_bytes / 1024);
		power_off(1);
	}
	mm_get_stats(&st);
	printk(KERN_INFO "Memory: %llu kB usable in map, %u pages managed, %u pages free\n",
	       bi->usable_bytes / 1024, st.pages_total, st.pages_free);
}

static void interrupts_init(void)
{
	pic_init();
	sched_init();		/* the boot flow becomes the shell's thread */
	softirq_init();		/* ksoftirqd: timer functions, tasklets */
	timers_init();
	tasklet_init_softirq();
	workqueue_init();	/* kworker/0: system_wq's items */
	pit_init();
	keyboard_init();
	serial_enable_irq();
	cpu_sti();
}

/* Unpacks each boot module (the ramdisk) into the root filesystem, then
 * gives its pages back to the allocator. */
static void ramdisk_init(const struct bootinfo *bi)
{
	for (unsigned i = 0; i < bi->n_modules; i++) {
		const struct boot_module *m = &bi->modules[i];
		int n = initrd_unpack(phys_to_virt(m->start), m->end - m->start);
		uint32_t freed = page_release_boot(m->start & PAGE_MASK, PAGE_ALIGN(m->end));

		if (n >= 0)
			printk(KERN_INFO "ramdisk: %d entries unpacked from %u bytes; %u pages "
			       "freed\n", n, m->end - m->start, freed);
		else
			printk(KERN_ERR "ramdisk: unpacking stopped: %s; %u pages freed\n",
			       strerror(n), freed);
	}
	if (!bi->n_modules)
		printk(KERN_WARNING "ramdisk: none given (QEMU -initrd, GRUB module)\n");
}

/* The TSC after each kmain step, printed with the boot argument
 * bootprofile (tools/bench-boot --profile): where the kernel's own boot
 * time goes. boot_entry_tsc is read at _start (boot/entry.S). */
extern uint64_t boot_entry_tsc;
static struct {
	const char *step[16];
	uint64_t tsc[16];
	unsigned n;
} boot_prof;

static void boot_mark(const char *step)
{
	if (boot_prof.n < 16) {
		boot_prof.step[boot_prof.n] = step;
		boot_prof.tsc[boot_prof.n++] = rdtsc();
	}
}

static void boot_profile_print(void)
{
	uint64_t prev = boot_entry_tsc;

	for (unsigned i = 0; i < boot_prof.n; i++) {
		printk(KERN_INFO "bootprofile: %-16s %10llu cycles\n",
		       boot_prof.step[i], boot_prof.tsc[i] - prev);
		prev = boot_prof.tsc[i];
	}
}

void kmain(uint32_t magic, uint32_t mbi_phys)
{
	char arg[64];

	boot_mark("entry.S");
	console_init();
	gdt_init();
	idt_init();
	printk(KERN_INFO "Tessera: a teaching kernel for loadable modules\n");
	if (bootinfo_init(magic, mbi_phys) < 0) {
		printk(KERN_EMERG "Tessera: not started by a multiboot loader with a "
		       "memory map (magic 0x%08x). Stopping.\n", magic);
		power_off(1);
	}
	printk(KERN_INFO "Command line: %s\n", boot_cmdline());
	boot_mark("consoles, cpu");
	memory_init(bootinfo());
	boot_mark("memory");
	stack_guard_init();	/* a kernel stack overflow is an oops, not a reset */
	interrupts_init();
	boot_mark("interrupts");
	fs_init();
	resource_init(bootinfo());	/* /proc/ioports, /proc/iomem */
	boot_mark("fs, resources");
	pci_init();
	boot_mark("pci");
	ksyms_init();
	boot_mark("ksyms");
	modfs_init();		/* /mod exists before any ramdisk entry could */
	boot_mark("modfs");
	ramdisk_init(bootinfo());
	boot_mark("ramdisk");
	if (boot_arg("bootprofile", arg, sizeof(arg)))
		boot_profile_print();

	if (boot_arg("selftest", arg, sizeof(arg)))
		selftest_run(arg);
	printk(KERN_INFO "Tessera ready: tsc=%llu cycles, kernel entry at tsc=%llu\n",
	       rdtsc(), boot_entry_tsc);
	if (boot_arg("poweroff", arg, sizeof(arg)) && strcmp(arg, "prompt") != 0)
		power_off(0);
	if (boot_arg("poweroff", arg, sizeof(arg)))
		console_poweroff_at_first_read();
	power_off(shell_main(boot_arg("script", arg, sizeof(arg))));
}
