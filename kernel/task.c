/*
 * The one task: Tessera runs a single flow of control (the shell and what
 * it calls), which drivers see as `current`: pid 1, named by the command
 * the shell is running. Also what uname reports (init_uts_ns) and
 * capable(), which is always true for the one user, root; and the
 * stand-ins for what a task has but Tessera lacks: no signals
 * (fasync_helper, kill_fasync record and send nothing), no tty.
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

/* No tty, no signals: see <linux/sched/signal.h>. */
static struct signal_struct init_signals = {
	.tty = NULL,
};

static struct task_struct init_task = {
	.pid = 1,
	.tgid = 1,
	.comm = "sh",
	.__state = TASK_RUNNING,
	.signal = &init_signals,
};

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

struct task_struct *get_current(void)
{
	return &init_task;
}

void sys_set_comm(const char *name, char *old)
{
	if (old)
		strlcpy(old, init_task.comm, TASK_COMM_LEN);
	strlcpy(init_task.comm, name && name[0] ? name : "sh", TASK_COMM_LEN);
}

bool capable(int cap)
{
	return cap >= 0 && cap <= CAP_LAST_CAP;
}

/* No user processes ask for SIGIO yet (issue 9): nothing to record. */
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
