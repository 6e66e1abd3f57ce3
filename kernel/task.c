/*
 * The one task: Tessera runs a single flow of control (the shell and what
 * it calls), which drivers see as `current`: pid 1, named by the command
 * the shell is running. Also what uname reports (init_uts_ns) and
 * capable(), which is always true for the one user, root.
 */
#include <stdbool.h>
#include <linux/sched.h>
#include <linux/capability.h>
#include <linux/utsname.h>
#include <linux/version.h>
#include <tessera/sys.h>
#include "lib/string.h"

static struct task_struct init_task = {
	.pid = 1,
	.tgid = 1,
	.comm = "sh",
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
