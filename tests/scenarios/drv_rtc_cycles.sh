# modules/rtc.c switched on and off 100 times at 8192 Hz: a tick flagged while rmmod (or insmod) turns the interrupt off (or on) is still the driver's interrupt, so nobody-cared reports none (ERR: 0)
memdiff save
repeat 100 sh /extra/rtc_cycle.sh
cat /proc/interrupts
memdiff
