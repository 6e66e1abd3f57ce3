# modules/edu.c on a machine without QEMU's edu device: the driver loads, binds nothing and says so, unloads
memdiff save
insmod /lib/modules/edu.ko
ls /dev/edu
ls /mod
rmmod edu
memdiff
