# a module built out of tree (make M=tests/oot) loads, shows and unloads like an in-tree one
memdiff save
insmod /extra/oot_hello.ko
lsmod
cat /proc/modules
modinfo /extra/oot_hello.ko
rmmod oot_hello
lsmod
memdiff
