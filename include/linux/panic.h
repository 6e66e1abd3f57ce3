/* panic (<linux/panic.h>). */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

/* Prints "Kernel panic - not syncing: MSG" and a register-free backtrace,
 * then powers off with a failure status. Only for broken invariants. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif
