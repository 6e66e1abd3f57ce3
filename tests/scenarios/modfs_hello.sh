# load, inspect and unload the hello module; every page must come back
memdiff save
insmod -v /lib/modules/hello.ko
cat /mod/hello/status
ls -l /mod/hello
lsmod
cat /proc/modules
modinfo /lib/modules/hello.ko
rmmod -v hello
ls /mod
memdiff
