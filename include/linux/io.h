/* Port and memory-mapped I/O for drivers: everything is in <asm/io.h>. */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>
#include <asm/io.h>

#endif
