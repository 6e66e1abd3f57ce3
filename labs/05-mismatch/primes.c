/*
 * primes: lab 05's starting file. At load, an __init sieve over 12000
 * bytes of __initdata finds the primes below 12000 and keeps them in a
 * core table; /proc/primes answers questions about them ever after. The
 * init part (the sieve, its buffer) is dropped after init: that is the
 * point. But the build refuses it: a section mismatch. Fix it without
 * giving up what dropping the init part saves (labs/05-mismatch/README.md).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lab 05: a prime table built by an __init sieve");

#define SIEVE_SIZE 12000
#define PRIMES_MAX 1500

static u8 sieve[SIEVE_SIZE] __initdata;	/* 1: composite; gone after init */
static const char banner[] __initconst = "primes below";
static u16 primes[PRIMES_MAX];		/* the table: core, kept */
static unsigned int nprimes;

static struct proc_dir_entry *primes_entry;

static int primes_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%u %s %u, the largest %u\n", nprimes, banner,
		   SIEVE_SIZE, nprimes ? primes[nprimes - 1] : 0);
	if (nprimes >= 100)
		seq_printf(m, "the 100th is %u\n", primes[99]);
	return 0;
}

static int primes_open(struct inode *inode, struct file *file)
{
	return single_open(file, primes_show, NULL);
}

static const struct proc_ops primes_ops = {
	.proc_open = primes_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static void __init primes_sieve(void)
{
	unsigned int i, j;

	for (i = 2; i < SIEVE_SIZE; i++) {
		if (sieve[i])
			continue;
		if (nprimes < PRIMES_MAX)
			primes[nprimes++] = i;
		for (j = i * i; j < SIEVE_SIZE; j += i)
			sieve[j] = 1;
	}
}

static int __init primes_init(void)
{
	primes_sieve();
	primes_entry = proc_create("primes", 0444, NULL, &primes_ops);
	if (!primes_entry)
		return -ENOMEM;
	pr_info("primes: %u %s %u\n", nprimes, banner, SIEVE_SIZE);
	return 0;
}

static void __exit primes_exit(void)
{
	proc_remove(primes_entry);
}

module_init(primes_init);
module_exit(primes_exit);
