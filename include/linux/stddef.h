/* NULL, offsetof, true/false, sizeof_field (<linux/stddef.h>). */
#ifndef _LINUX_STDDEF_H
#define _LINUX_STDDEF_H

#include <stddef.h>
#include <stdbool.h>

#define sizeof_field(type, member)	sizeof(((type *)0)->member)

#endif
