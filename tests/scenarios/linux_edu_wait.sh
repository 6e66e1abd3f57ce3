# lx_edu_wait (tests/linux): a driver sleeps until the edu device's DMA interrupt (100 ms after the start) wakes it, in a wait queue then a completion; the CPU idles meanwhile
memdiff save
insmod /extra/lx_edu_wait.ko
rmmod lx_edu_wait
memdiff
