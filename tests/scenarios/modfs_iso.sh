# the same module life through real GRUB: the ISO's ramdisk plus /extra
cat /proc/cmdline
memdiff save
insmod /lib/modules/hello.ko
lsmod
rmmod hello
sh /extra/cycle.sh
memdiff
