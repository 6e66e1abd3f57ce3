# libuser uses a function and a variable exported by libdemo (lsmod and /proc/modules: used by libuser)
memdiff save
insmod /lib/modules/libuser.ko
insmod /lib/modules/libdemo.ko
insmod /lib/modules/libuser.ko
lsmod
cat /proc/modules
cat /proc/vmallocinfo
cat /mod/libdemo/status
cat /mod/libuser/status
rmmod libdemo
echo $?
rmdir /mod/libdemo
cat /mod/libdemo/status
# rmdir alone unloads a live module nobody holds: exit, unmap, clean-up
rmdir /mod/libuser
rmmod libdemo
lsmod
memdiff
