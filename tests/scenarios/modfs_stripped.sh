# strip --strip-debug and --strip-unneeded (what a user does to shrink a .ko) give modules that load and run like the originals
memdiff save
insmod /extra/hello-debug.ko
lsmod
rmmod hello
insmod /extra/hello-unneeded.ko
rmmod hello
insmod /extra/chardev-debug.ko
cat /dev/chardev
rmmod chardev
insmod /extra/chardev-unneeded.ko
cat /dev/chardev
lsmod
rmmod chardev
lsmod
memdiff
