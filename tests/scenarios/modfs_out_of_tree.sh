# a module built out of tree (make M=tests/oot) loads, shows and unloads like an in-tree one
memdiff save
insmod /extra/oot_hello.ko
lsmod
cat /proc/modules
modinfo /extra/oot_hello.ko
rmmod oot_hello
lsmod
memdiff
# a Linux 2.6-style driver, only its #include lines changed: write, read back, one opener at a time, 80-byte buffer
memdiff save
insmod /extra/ldd_chardev.ko
modinfo /extra/ldd_chardev.ko
ls -l /dev/ldd_chardev
cat /dev/ldd_chardev
echo hello from the shell > /dev/ldd_chardev
cat /dev/ldd_chardev
open /dev/ldd_chardev
cat /dev/ldd_chardev
close 3
echo 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789 > /dev/ldd_chardev
echo $?
hexdump -C /dev/ldd_chardev
rmmod ldd_chardev
ls /dev
memdiff
