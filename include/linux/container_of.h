/*
 * container_of(ptr, type, member): the structure of type `type` whose
 * member `member` is at ptr (Linux's <linux/container_of.h>).
 */
#ifndef _LINUX_CONTAINER_OF_H
#define _LINUX_CONTAINER_OF_H

#include <stddef.h>

#define container_of(ptr, type, member)	\
	((type *)((char *)(ptr) - offsetof(type, member)))

#endif
