# modules/serial2.c on a machine with one serial port (no COM2 UART): insmod fails with ENODEV, the ports are given back
memdiff save
insmod /lib/modules/serial2.ko
ls /dev/ttyS1
cat /proc/ioports
memdiff
