/*
 * User and group ids as Linux's kernel types them (kuid_t, kgid_t). Tessera
 * has one user, root: the types exist so that driver code setting owners
 * (proc_set_user) or comparing them (<linux/cred.h>) builds, and every
 * owner is GLOBAL_ROOT_UID/GID.
 */
#ifndef _LINUX_UIDGID_H
#define _LINUX_UIDGID_H

#include <stdbool.h>

typedef struct { unsigned int val; } kuid_t;
typedef struct { unsigned int val; } kgid_t;

#define KUIDT_INIT(v)	((kuid_t){ v })
#define KGIDT_INIT(v)	((kgid_t){ v })
#define GLOBAL_ROOT_UID	KUIDT_INIT(0)
#define GLOBAL_ROOT_GID	KGIDT_INIT(0)
#define INVALID_UID	KUIDT_INIT(-1)
#define INVALID_GID	KGIDT_INIT(-1)

static inline bool uid_eq(kuid_t a, kuid_t b)
{
	return a.val == b.val;
}

static inline bool gid_eq(kgid_t a, kgid_t b)
{
	return a.val == b.val;
}

static inline bool uid_valid(kuid_t uid)
{
	return !uid_eq(uid, INVALID_UID);
}

#endif
