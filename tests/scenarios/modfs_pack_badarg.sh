# modalloc=slab is no policy: the boot log says so precisely and the kernel places modules by page, as without the option
dmesg
cat /proc/modalloc
memdiff save
insmod /lib/modules/hello.ko
cat /proc/modalloc
modcheck
modcheck hello
rmmod hello
memdiff
