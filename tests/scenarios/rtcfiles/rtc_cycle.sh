# one on/off cycle of the RTC driver at 8192 Hz (run 100 times by drv_rtc_cycles)
insmod /lib/modules/rtc.ko freq=8192
rmmod rtc
