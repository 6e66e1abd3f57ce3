/*
 * bigtable: a lookup table built at init from a large scratch area that
 * init alone uses, so that dropping the init part frees whole pages.
 *
 * The table is the list of the primes below 16384 (1900 of them, 2 bytes
 * each: 3800 bytes, kept in the core). To build it, init runs the sieve of
 * Eratosthenes over a 16 KiB byte array in __initdata, and the sieve code
 * itself is __init. Once init returns, insmod truncates the image to its
 * core: the 16 KiB sieve and the sieve code go, 4 pages given back
 * (`insmod -v` says so; /mod/bigtable/status shows the init part
 * discarded). /proc/bigtable reads the table.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#define SIEVE_SIZE	16384	/* numbers 0..16383 */
#define MAX_PRIMES	1900	/* primes below 16384: checked by init */

/* 1: composite. In the init part of the image (16 KiB in the .ko file,
 * as every __initdata byte is): gone after init. */
static u8 composite[SIEVE_SIZE] __initdata;

/* The table: in the core, kept while the module is loaded. */
static u16 primes[MAX_PRIMES];
static unsigned int nprimes;
static struct proc_dir_entry *proc;

/* Crosses out the multiples of each prime, from its square on. */
static void __init sieve(void)
{
	composite[0] = composite[1] = 1;
	for (unsigned int p = 2; p * p < SIEVE_SIZE; p++)
		if (!composite[p])
			for (unsigned int m = p * p; m < SIEVE_SIZE; m += p)
				composite[m] = 1;
}

/* Copies what the sieve left into the table; -ENOSPC if it overflows. */
static int __init collect(void)
{
	for (unsigned int n = 2; n < SIEVE_SIZE; n++) {
		if (composite[n])
			continue;
		if (nprimes == MAX_PRIMES)
			return -ENOSPC;
		primes[nprimes++] = n;
	}
	return 0;
}

static int bigtable_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%u primes below %u (%zu bytes), first", nprimes,
		   SIEVE_SIZE, nprimes * sizeof(primes[0]));
	for (unsigned int i = 0; i < 10; i++)
		seq_printf(m, " %u", primes[i]);
	seq_printf(m, ", last %u\n", primes[nprimes - 1]);
	return 0;
}

static int bigtable_open(struct inode *inode, struct file *file)
{
	return single_open(file, bigtable_show, NULL);
}

static const struct proc_ops bigtable_proc_ops = {
	.proc_open = bigtable_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init bigtable_init(void)
{
	int err;

	sieve();
	err = collect();
	if (err)
		return err;
	proc = proc_create("bigtable", 0444, NULL, &bigtable_proc_ops);
	if (!proc)
		return -ENOMEM;
	pr_info("bigtable: %u primes from a %u-byte __initdata sieve\n",
		nprimes, SIEVE_SIZE);
	return 0;
}

static void __exit bigtable_exit(void)
{
	proc_remove(proc);
}

module_init(bigtable_init);
module_exit(bigtable_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A prime table built by an __init sieve over 16 KiB of __initdata");
