/*
 * <linux/utsname.h>: what uname(2) reports, as Linux keeps it in
 * init_uts_ns. machine is "i686", as 32-bit x86 Linux built for a 686
 * reports it. kernel/task.c defines init_uts_ns.
 */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

#define __NEW_UTS_LEN 64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];	/* "Tessera" */
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];	/* the Linux API followed: "6.1.0" */
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];	/* "i686" */
	char domainname[__NEW_UTS_LEN + 1];
};

struct uts_namespace {
	struct new_utsname name;
};

/* The only one: there are no namespaces. */
extern struct uts_namespace init_uts_ns;

static inline struct new_utsname *utsname(void)
{
	return &init_uts_ns.name;
}

static inline struct new_utsname *init_utsname(void)
{
	return &init_uts_ns.name;
}

#endif
