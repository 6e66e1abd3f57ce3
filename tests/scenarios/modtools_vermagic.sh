# the version check, the kernel's at `init module`: a module built for another kernel (its vermagic differs from /proc/vermagic) is refused naming both strings, the load undone; insmod -f loads it and taints the kernel F (1), shown in /proc/tainted, /proc/modules and the oops's taint line; -f on a module of the kernel's own magic does not taint
memdiff save
cat /proc/vermagic
modinfo /lib/modules/hello.ko
modinfo /extra/dm_vermagic.ko
cat /proc/tainted
# -f is only permission (`force vermagic`): hello's magic is the kernel's, nothing is tainted
insmod -f /lib/modules/hello.ko
cat /proc/tainted
rmmod hello
insmod /extra/dm_vermagic.ko
echo $?
ls /mod
cat /proc/tainted
insmod -v -f /extra/dm_vermagic.ko
echo $?
cat /proc/tainted
cat /proc/modules
rmmod dm_vermagic
# the oops's taint line shows F with D and O
insmod /lib/modules/hx_oops.ko
rmmod -f hx_oops
cat /proc/tainted
memdiff
