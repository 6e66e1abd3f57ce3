# modules/kbdleds.c: 3 blinks of the keyboard LEDs: each change is 0xED then the LED byte to port 0x60, and QEMU's keyboard answers 0xFA (ACK) to each, seen through the i8042 filter
memdiff save
insmod /lib/modules/kbdleds.ko blinks=3
sleep 1
cat /proc/kbdleds
# line 1: the 12 replies (2 per exchange) were interrupts of the keyboard controller; its driver passed them to the filter
cat /proc/interrupts
rmmod kbdleds
memdiff
