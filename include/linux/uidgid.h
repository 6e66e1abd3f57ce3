/*
 * User and group ids as Linux's kernel types them (kuid_t, kgid_t). Tessera
 * has one user, root: the types exist so that driver code setting owners
 * (proc_set_user) builds, and every owner is GLOBAL_ROOT_UID/GID.
 */
#ifndef _LINUX_UIDGID_H
#define _LINUX_UIDGID_H

typedef struct { unsigned int val; } kuid_t;
typedef struct { unsigned int val; } kgid_t;

#define KUIDT_INIT(v)	((kuid_t){ v })
#define KGIDT_INIT(v)	((kgid_t){ v })
#define GLOBAL_ROOT_UID	KUIDT_INIT(0)
#define GLOBAL_ROOT_GID	KGIDT_INIT(0)

#endif
