# modules/edu.c, the flagship driver, against QEMU's edu device: factorials by interrupt, a DMA round trip, a read ended by Ctrl-C, rmmod
memdiff save
insmod /lib/modules/edu.ko
ls -l /dev/edu
# n! is computed by the device; the reader sleeps until its interrupt
echo 10 > /dev/edu
cat /dev/edu
echo 0 > /dev/edu
cat /dev/edu
echo 1 > /dev/edu
cat /dev/edu
echo 5 > /dev/edu
cat /dev/edu
echo 12 > /dev/edu
cat /dev/edu
# the device multiplies in 32 bits: 13! = 6227020800 comes back modulo 2^32, and from 34! on (2^32 divides it) 0
echo 13 > /dev/edu
cat /dev/edu
echo 34 > /dev/edu
cat /dev/edu
echo ten > /dev/edu
# a read with no computation started sleeps until Ctrl-C
cat /dev/edu
^C
echo $?
# DMA round trip, EDU_IOC_DMA_TEST = _IOWR('E', 1, 16 bytes), hex c0104501 typed in decimal (hex values from c0000000 up are masked as addresses): len in, mismatches out (then the two times in us, not shown: -r 8)
# each way takes QEMU's 100 ms, the caller asleep until the DMA interrupt; 4095 is the longest (edu.c says why)
ioctl -r 8 /dev/edu 3222291713 i:4095
ioctl -r 8 /dev/edu 3222291713 i:1
ioctl /dev/edu 3222291713 i:4096
ioctl /dev/edu 3222291713 i:0
ioctl /dev/edu 0x4501
# 7 factorials and 4 DMA transfers: 11 interrupts on the edu line
cat /proc/interrupts
rmmod edu
ls /dev/edu
memdiff
