/* Pages and memory (<linux/mm.h>): see <linux/gfp.h> and <linux/slab.h>. */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <asm/page.h>

#endif
