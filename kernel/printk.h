/*
 * printk, log levels, panic and BUG_ON: the kernel's voice (kernel/printk.c).
 * Messages go into a ring buffer (read back through /dev/kmsg and dmesg) and
 * out to every console (COM1 serial and the VGA text screen).
 */
#ifndef KERNEL_PRINTK_H
#define KERNEL_PRINTK_H

#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>

#include <linux/printk.h>	/* printk, vprintk, KERN_*, pr_* */
#include <linux/panic.h>	/* panic */
#include <linux/bug.h>		/* BUG, BUG_ON, WARN_ON */

/* Copies up to size bytes of the log ring, oldest first, starting at byte
 * offset pos of what is still held; returns the count copied (0 at end). */
size_t printk_read(size_t pos, char *buf, size_t size);
/* Bytes of log text currently held in the ring. */
size_t printk_log_size(void);

/* Prints "Call trace:" and the return addresses up the frame-pointer
 * chain from ebp (while it stays on a kernel stack, at most 16), starting
 * with eip if it is not 0, each symbolized: "  [<c0102ce5>] kmain+0x5/0x48a".
 * With esp (not 0), return addresses found between esp and ebp come first,
 * marked "?" (a function that faulted before making its frame). */
void dump_stack_from(uint32_t eip, uint32_t esp, uint32_t ebp);
/* After a contained oops: the next panic prints its own trace again. */
void dump_stack_reset(void);

#endif
