# an open /dev node pins the driver module until it is closed
memdiff save
insmod /lib/modules/chardev.ko
ls /dev
open /dev/chardev
cat /dev/chardev
lsmod
rmmod chardev
echo $?
close 3
rmmod chardev
ls /dev
memdiff
