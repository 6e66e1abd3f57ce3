/* tools/bench-linux-guest.c: the guest half of `make bench-linux`, a static
 * i386 Linux program (built with i686-linux-gnu-gcc -static) that reads the
 * TSC around finit_module(2) and delete_module(2) and prints one line per
 * call. Under QEMU's -icount shift=0,sleep=off a TSC cycle is one guest
 * instruction (plus any idle time the call waits through).
 *
 *   bench-linux-guest RUNS NAME LABEL=FILE [LABEL=FILE...]
 *
 * Each run loads and unloads every FILE once, in the order given, and
 * prints "bench-linux: LABEL run R finit_module=C delete_module=C
 * idle_ticks=I,J" (C in cycles; I and J the scheduler ticks /proc/stat
 * counted as idle during each call: time spent waiting, e.g. for an RCU
 * grace period, which the TSC counts too), or "bench-linux: LABEL run R
 * error ..." with the errno. First it prints the cost of an empty system
 * call (getppid), the floor.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* Cycles of one getppid() system call: what any system call costs to
 * enter and leave, measured the same way as the module calls. */
static uint64_t syscall_floor(void)
{
	uint64_t t0 = rdtsc();

	syscall(SYS_getppid);
	return rdtsc() - t0;
}

/* The idle time /proc/stat reports for all CPUs, in USER_HZ ticks, or 0
 * if it cannot be read. */
static unsigned long long idle_ticks(void)
{
	unsigned long long user, nice, sys, idle = 0;
	FILE *f = fopen("/proc/stat", "r");

	if (!f)
		return 0;
	if (fscanf(f, "cpu %llu %llu %llu %llu", &user, &nice, &sys,
		   &idle) != 4)
		idle = 0;
	fclose(f);
	return idle;
}

/* Prints /proc/sys/kernel/tainted after LABEL's first load (the kernel
 * taints itself when it loads a module whose signature it cannot check). */
static void print_taint(const char *label)
{
	char buf[32] = "?";
	FILE *f = fopen("/proc/sys/kernel/tainted", "r");

	if (f) {
		if (!fgets(buf, sizeof(buf), f))
			strcpy(buf, "?");
		fclose(f);
	}
	buf[strcspn(buf, "\n")] = '\0';
	printf("bench-linux: after the first %s load: taint %s\n", label, buf);
}

/* Loads FILE with finit_module and unloads NAME; prints the two figures.
 * Returns 0, or -errno of the call that failed (after printing it). */
static int load_unload(const char *label, int run, const char *file,
		       const char *name)
{
	uint64_t t0, t1, t2, t3;
	unsigned long long i0, i1, i2;
	long rc;
	int fd = open(file, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		printf("bench-linux: %s run %d error open %s: %s\n", label,
		       run, file, strerror(errno));
		return -errno;
	}
	i0 = idle_ticks();
	t0 = rdtsc();
	rc = syscall(SYS_finit_module, fd, "", 0);
	t1 = rdtsc();
	close(fd);
	if (rc != 0) {
		printf("bench-linux: %s run %d error finit_module: %s\n",
		       label, run, strerror(errno));
		return -errno;
	}
	if (run == 1)
		print_taint(label);
	i1 = idle_ticks();
	t2 = rdtsc();
	rc = syscall(SYS_delete_module, name, O_NONBLOCK);
	t3 = rdtsc();
	i2 = idle_ticks();
	if (rc != 0) {
		printf("bench-linux: %s run %d error delete_module: %s\n",
		       label, run, strerror(errno));
		return -errno;
	}
	printf("bench-linux: %s run %d finit_module=%llu delete_module=%llu "
	       "idle_ticks=%llu,%llu\n", label, run,
	       (unsigned long long)(t1 - t0), (unsigned long long)(t3 - t2),
	       i1 - i0, i2 - i1);
	return 0;
}

int main(int argc, char **argv)
{
	int runs, run, i;

	if (argc < 4) {
		fprintf(stderr, "usage: %s RUNS NAME LABEL=FILE...\n", argv[0]);
		return 2;
	}
	runs = atoi(argv[1]);
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 0; i < 5; i++)
		printf("bench-linux: getppid %llu\n",
		       (unsigned long long)syscall_floor());
	for (run = 1; run <= runs; run++) {
		for (i = 3; i < argc; i++) {
			char *eq = strchr(argv[i], '=');

			if (!eq)
				return 2;
			*eq = '\0';
			load_unload(argv[i], run, eq + 1, argv[2]);
			*eq = '=';
		}
	}
	printf("bench-linux: done\n");
	return 0;
}
