# modules/rtc.c: the CMOS clock under QEMU's -rtc base=2024-01-02T03:04:05; the clock runs on from boot, so seconds are masked (any 00..59: the minute must still be 04)
memdiff save
# the periodic interrupt at 64 Hz: about 64 ticks in a second (masked when 32..127); one line, so that only the guest's sleep comes between insmod and the counts
insmod /lib/modules/rtc.ko; cat /dev/rtc; sleep 1; cat /proc/rtc; cat /proc/interrupts
rmmod rtc
ls /dev/rtc /proc/rtc
cat /proc/interrupts
# a rate that is not a power of two is refused
insmod /lib/modules/rtc.ko freq=100
memdiff
