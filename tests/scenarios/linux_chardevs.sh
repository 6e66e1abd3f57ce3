# a misc device (tests/linux/lx_misc.c): major 10, a dynamic minor, its node made by misc_register
memdiff save
insmod /extra/lx_misc.ko
ls -l /dev/lx_misc
cat /dev/lx_misc
echo
# fixed_size_llseek: reads from byte 12; past the 32 bytes lseek is refused
dd if=/dev/lx_misc bs=4 skip=3 count=2
echo
dd if=/dev/lx_misc bs=8 skip=5
rmmod lx_misc
ls /dev
memdiff
# a region from alloc_chrdev_region, one cdev for two minors, a class and two devices (tests/linux/lx_cdev.c)
memdiff save
insmod /extra/lx_cdev.ko
ls -l /dev
cat /dev/lx_cdev0 /dev/lx_cdev1
# no_llseek: the device cannot seek
dd if=/dev/lx_cdev1 bs=4 skip=1
rmmod lx_cdev
ls /dev
cat /dev/lx_cdev0
# loaded again, it finds the same major free
insmod /extra/lx_cdev.ko
rmmod lx_cdev
memdiff
# register_chrdev + class_create(THIS_MODULE, name) + device_create of the same name (tests/linux/lx_oldclass.c): one node
memdiff save
insmod /extra/lx_oldclass.ko
ls -l /dev
cat /dev/lx_oldclass
rmmod lx_oldclass
ls /dev
memdiff
