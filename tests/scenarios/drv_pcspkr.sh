# modules/pcspkr.c: a tone through PIT channel 2 and port 0x61, read back from QEMU's emulated PIT and speaker port
memdiff save
insmod /lib/modules/pcspkr.ko
cat /proc/beep
# 440 Hz for 100 ms: divisor 1193182 / 440 = 2711; the write returns when the tone has ended
echo 440 100 > /dev/beep
cat /proc/beep
echo 1000 50 > /dev/beep
cat /proc/beep
# refused: no duration, a frequency out of range
echo 440 > /dev/beep
echo 5 100 > /dev/beep
rmmod pcspkr
memdiff
