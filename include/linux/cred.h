/*
 * <linux/cred.h>: the credentials of the running task. Tessera has one
 * user, root: every id is 0 (GLOBAL_ROOT_UID/GID), the real and the
 * effective ones alike. Inline: nothing to export.
 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/uidgid.h>
#include <linux/capability.h>
#include <linux/sched.h>

#define current_uid()		GLOBAL_ROOT_UID
#define current_euid()		GLOBAL_ROOT_UID
#define current_suid()		GLOBAL_ROOT_UID
#define current_fsuid()		GLOBAL_ROOT_UID
#define current_gid()		GLOBAL_ROOT_GID
#define current_egid()		GLOBAL_ROOT_GID
#define current_fsgid()		GLOBAL_ROOT_GID

#endif
