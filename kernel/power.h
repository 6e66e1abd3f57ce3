/*
 * Powering off (kernel/power.c). Under QEMU the isa-debug-exit device at
 * port 0xf4 ends QEMU with an exit code: status 0 writes 0x10 (QEMU exits
 * 33, success), other statuses 0x11 (exit 35), a panic 0x12 (exit 37).
 * Without that device, ACPI shutdown of QEMU's PIIX4, then halt.
 */
#ifndef KERNEL_POWER_H
#define KERNEL_POWER_H

#define POWER_EXIT_OK    0x10
#define POWER_EXIT_FAIL  0x11
#define POWER_EXIT_PANIC 0x12

/* Prints "Power off: status N" and powers off. Does not return. */
void power_off(int status) __attribute__((noreturn));
/* Powers off with the panic code, printing nothing. */
void power_off_panic(void) __attribute__((noreturn));

#endif
