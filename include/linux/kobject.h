/*
 * <linux/kobject.h>: the name part of Linux's kernel objects. Tessera has
 * no sysfs and no driver model (not planned): a kobject here is only a
 * name kept inside the object (struct cdev has one, as in Linux), with no
 * reference count: kobject_put releases nothing, the owner of the object
 * frees it as it would anyway (a cdev: cdev_del).
 */
#ifndef _LINUX_KOBJECT_H
#define _LINUX_KOBJECT_H

#define KOBJ_NAME_LEN	32

struct kobject {
	const char *name;		/* NULL until named, else name_buf */
	char name_buf[KOBJ_NAME_LEN];
};

static inline const char *kobject_name(const struct kobject *kobj)
{
	return kobj->name;
}

/* Names kobj with printf-style fmt (cut to KOBJ_NAME_LEN - 1 characters).
 * Returns 0, or -EINVAL for a NULL fmt. */
int kobject_set_name(struct kobject *kobj, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Drops a reference: there is no count here, so nothing happens. */
static inline void kobject_put(struct kobject *kobj)
{
	(void)kobj;
}

#endif
