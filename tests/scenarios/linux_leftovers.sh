# /proc entries a module left: removed at unload, each named with its proc_ops; the kernel is alive 1 s later
memdiff save
insmod /extra/hx_procleak.ko
cat /proc/hx_procleak/state
rmmod hx_procleak
sleep 1
ls /proc
cat /proc/hx_procleak_top
memdiff
# a misc device left registered
memdiff save
insmod /extra/hx_miscleak.ko
ls -l /dev/hx_miscleak
rmmod hx_miscleak
sleep 1
ls /dev
cat /dev/hx_miscleak
memdiff
# a region, a cdev, a class and a device left: the device first, then the class, the cdev, the region
memdiff save
insmod /extra/hx_cdevleak.ko
ls -l /dev/hx_cdevleak
rmmod hx_cdevleak
sleep 1
ls /dev
insmod /extra/hx_cdevleak.ko
ls -l /dev/hx_cdevleak
rmmod hx_cdevleak
memdiff
# an init that fails holding a region: insmod's undo removes it
memdiff save
insmod /extra/hx_regionleak.ko
sleep 1
insmod /extra/hx_regionleak.ko
memdiff
