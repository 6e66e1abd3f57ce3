/*
 * Power-off through QEMU's isa-debug-exit device (see kernel/power.h),
 * falling back to ACPI shutdown and then to halting forever.
 */
#include "kernel/power.h"
#include "kernel/printk.h"
#include "kernel/cpu.h"

static void __attribute__((noreturn)) power_off_code(uint8_t code)
{
	cpu_cli();
	outb(code, 0xf4);	/* QEMU exits here when the device is present */
	outw(0x2000, 0x604);	/* QEMU's ACPI power-off (PIIX4 PM) */
	for (;;)
		cpu_hlt();
}

void power_off(int status)
{
	printk(KERN_NOTICE "Power off: status %d\n", status);
	power_off_code(status == 0 ? POWER_EXIT_OK : POWER_EXIT_FAIL);
}

void power_off_panic(void)
{
	power_off_code(POWER_EXIT_PANIC);
}
