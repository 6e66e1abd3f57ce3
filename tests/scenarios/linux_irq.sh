# lx_rtc: the RTC's periodic interrupt (IRQ 8) reaches two shared module handlers; wait_event_timeout, disable_irq/enable_irq, an interrupt nobody claimed
memdiff save
insmod /extra/lx_rtc.ko
cat /proc/interrupts
rmmod lx_rtc
cat /proc/interrupts
memdiff
# lx_irqleak exits with its handler registered: freed at unload, with a message; the kernel goes on
memdiff save
insmod /extra/lx_irqleak.ko
rmmod lx_irqleak
memdiff
cat /proc/interrupts
sleep 1
echo alive
