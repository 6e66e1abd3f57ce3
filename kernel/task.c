/*
 * What a task has besides scheduling (kernel/sched.c): the shell's
 * command name (sys_set_comm: `current->comm` is "cat" while cat runs),
 * what uname reports (init_uts_ns), capable(), which is always true for
 * the one user, root; and the stand-ins for what Tessera lacks: no user
 * processes to send SIGIO to (fasync_helper, kill_fasync record and send
 * nothing), no tty.
 */
#include <stdbool.h>
#include <linux/sched/signal.h>
#include <linux/fs.h>
#include <linux/tty.h>
#include <linux/capability.h>
#include <linux/utsname.h>
#include <linux/version.h>
#include <tessera/sys.h>
#include "lib/string.h"

struct uts_namespace init_uts_ns = {
	.name = {
		.sysname = "Tessera",
		.nodename = "tessera",
		.release = "6.1.0",
		.version = "#1",
		.machine = "i686",
		.domainname = "(none)",
	},
};

void sys_set_comm(const char *name, char *old)
{
	if (old)
		strlcpy(old, current->comm, TASK_COMM_LEN);
	strlcpy(current->comm, name && name[0] ? name : "sh", TASK_COMM_LEN);
}

bool capable(int cap)
{
	return cap >= 0 && cap <= CAP_LAST_CAP;
}

/* No user processes to ask for SIGIO: nothing to record. */
int fasync_helper(int fd, struct file *filp, int on, struct fasync_struct **fapp)
{
	(void)fd;
	(void)filp;
	(void)on;
	(void)fapp;
	return 0;
}

void kill_fasync(struct fasync_struct **fp, int sig, int band)
{
	(void)fp;
	(void)sig;
	(void)band;
}

dev_t tty_devnum(struct tty_struct *tty)
{
	(void)tty;
	return 0;
}
